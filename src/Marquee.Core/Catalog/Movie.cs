namespace Marquee.Core.Catalog;

/// <summary>A movie as MovieLens describes it: the identity every other artifact joins on.</summary>
/// <param name="MovieId">The MovieLens movie id.</param>
/// <param name="Title">Display title, with a trailing article moved to the front ("The Usual Suspects").</param>
/// <param name="Year">Release year parsed from the MovieLens title; null when the title carries none.</param>
/// <param name="Genres">Canonical genre names (see <see cref="Genres"/>); empty when MovieLens lists none.</param>
public sealed record Movie(int MovieId, string Title, int? Year, IReadOnlyList<string> Genres);

/// <summary>Descriptive metadata from TMDB (API or an offline dump). Every field may be missing.</summary>
public sealed record MovieDetails
{
    public required int MovieId { get; init; }
    public int? TmdbId { get; init; }
    public string? ImdbId { get; init; }
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
    /// <summary>TMDB's genre names ("Science Fiction"), when the source lists them.</summary>
    public IReadOnlyList<string>? TmdbGenres { get; init; }
    /// <summary>When the row was fetched from the TMDB API; null for rows from a dump.</summary>
    public DateTimeOffset? FetchedAt { get; init; }
    /// <summary>Where the row came from, e.g. <c>metadata-file</c> or <c>tmdb-api</c>.</summary>
    public string? Source { get; init; }
}

/// <summary>Community rating evidence for a movie, computed at import time.</summary>
public readonly record struct MovieStats(int MovieId, int RatingCount, double RatingMean);

/// <summary>The TMDB and IMDb identifiers MovieLens ships in <c>links.csv</c>.</summary>
public readonly record struct MovieLink(int MovieId, string? ImdbId, int? TmdbId);
