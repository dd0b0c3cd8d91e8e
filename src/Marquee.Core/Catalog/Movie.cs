namespace Marquee.Core.Catalog;

/// <summary>A movie as MovieLens describes it: the identity every other artifact joins on.</summary>
/// <param name="MovieId">The MovieLens movie id.</param>
/// <param name="Title">Display title, with a trailing article moved to the front ("The Usual Suspects").</param>
/// <param name="Year">Release year parsed from the MovieLens title; null when the title carries none.</param>
/// <param name="Genres">Canonical genre names (see <see cref="Genres"/>); empty when MovieLens lists none.</param>
public sealed record Movie(int MovieId, string Title, int? Year, IReadOnlyList<string> Genres);

/// <summary>A person in a film's credits, with the TMDB person id when the source gives one.</summary>
public sealed record CreditedPerson(string Name, int? TmdbId = null);

/// <summary>
/// Descriptive metadata from TMDB (API or an offline dump). Every field may be missing: sources differ in
/// what they hold, and <see cref="MovieDetailsMerge"/> fills one row's gaps from another.
/// </summary>
public sealed record MovieDetails
{
    public required int MovieId { get; init; }
    public int? TmdbId { get; init; }
    public string? ImdbId { get; init; }
    /// <summary>TMDB's (English) title, e.g. "Se7en"; the display title when present.</summary>
    public string? Title { get; init; }
    /// <summary>The title in the film's own language ("Le Fabuleux Destin d'Amélie Poulain").</summary>
    public string? OriginalTitle { get; init; }
    /// <summary>Other titles the film is known by, e.g. the alternates MovieLens keeps in parentheses.</summary>
    public IReadOnlyList<string>? AlsoKnownAs { get; init; }
    public string? Overview { get; init; }
    public string? Tagline { get; init; }
    /// <summary>TMDB image path such as <c>/rhIRbceoE9lR4veEXuwCC2wARtG.jpg</c>.</summary>
    public string? PosterPath { get; init; }
    public string? BackdropPath { get; init; }
    public int? RuntimeMinutes { get; init; }
    public DateOnly? ReleaseDate { get; init; }
    /// <summary>TMDB vote average on its 0–10 scale.</summary>
    public double? TmdbRating { get; init; }
    public int? TmdbVoteCount { get; init; }
    /// <summary>TMDB's popularity score (relative attention on TMDB; no fixed scale).</summary>
    public double? TmdbPopularity { get; init; }
    /// <summary>TMDB's genre names ("Science Fiction"), when the source lists them.</summary>
    public IReadOnlyList<string>? TmdbGenres { get; init; }
    /// <summary>TMDB keywords, lower case ("time loop", "heist").</summary>
    public IReadOnlyList<string>? Keywords { get; init; }
    /// <summary>ISO 639-1 code of the original language ("fr").</summary>
    public string? OriginalLanguage { get; init; }
    /// <summary>ISO 639-1 codes of the languages spoken in the film.</summary>
    public IReadOnlyList<string>? SpokenLanguages { get; init; }
    /// <summary>ISO 3166-1 alpha-2 codes of the production countries ("KR", "FR").</summary>
    public IReadOnlyList<string>? ProductionCountries { get; init; }
    /// <summary>Production company names ("Studio Ghibli", "Pixar Animation Studios").</summary>
    public IReadOnlyList<string>? ProductionCompanies { get; init; }
    /// <summary>TMDB collection (franchise) id, e.g. 119 for The Lord of the Rings.</summary>
    public int? CollectionId { get; init; }
    public string? CollectionName { get; init; }
    /// <summary>Release certification: the US one ("PG-13"), else the British one ("12A").</summary>
    public string? Certification { get; init; }
    /// <summary>Which country <see cref="Certification"/> is from ("US" or "GB").</summary>
    public string? CertificationCountry { get; init; }
    public IReadOnlyList<CreditedPerson>? Directors { get; init; }
    public IReadOnlyList<CreditedPerson>? Writers { get; init; }
    /// <summary>Top-billed cast, in billing order.</summary>
    public IReadOnlyList<CreditedPerson>? Cast { get; init; }
    /// <summary>When the row was fetched from the TMDB API; null for rows from a dump.</summary>
    public DateTimeOffset? FetchedAt { get; init; }
    /// <summary>Where the row came from first, e.g. <c>metadata-file</c> or <c>tmdb-api</c>.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// The <see cref="Source"/> of a row that holds only what MovieLens's own title gives (display title and
    /// alternates): the film has no details from TMDB or a dump. Enrichment rebuilds such rows every run.
    /// </summary>
    public const string MovieLensTitleSource = "movielens-title";

    /// <summary>True when the row carries details from TMDB or a dump, not only the MovieLens display title.</summary>
    public bool HasTmdbDetails() => Source != MovieLensTitleSource;

    /// <summary>Films under this many minutes are shorts.</summary>
    public const int ShortRuntimeMinutes = 40;

    /// <summary>True when the known runtime is under <see cref="ShortRuntimeMinutes"/> minutes.</summary>
    public bool IsShort => RuntimeMinutes is { } minutes && minutes < ShortRuntimeMinutes;
}

/// <summary>Community rating evidence for a movie, computed at import time.</summary>
public readonly record struct MovieStats(int MovieId, int RatingCount, double RatingMean);

/// <summary>The TMDB and IMDb identifiers MovieLens ships in <c>links.csv</c>.</summary>
public readonly record struct MovieLink(int MovieId, string? ImdbId, int? TmdbId);
