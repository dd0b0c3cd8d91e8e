using System.Globalization;
using System.Text.Json.Serialization;
using Marquee.Core.Catalog;

namespace Marquee.Core.Enrichment;

/// <summary>
/// The fields of TMDB's <c>GET /3/movie/{movie_id}?append_to_response=keywords,credits,release_dates</c> that
/// Marquee keeps; also the movie part of a journal line. Fields named as on the wire are read by the source
/// generator; the appended parts and the nested lists are read by hand (<see cref="TmdbMovieReader"/>), so one
/// malformed part costs that part only, and are kept here already reduced, under names the wire does not use.
/// </summary>
public sealed record TmdbMovie
{
    [JsonPropertyName("id")] public int Id { get; init; }
    [JsonPropertyName("imdb_id")] public string? ImdbId { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("overview")] public string? Overview { get; init; }
    [JsonPropertyName("tagline")] public string? Tagline { get; init; }
    [JsonPropertyName("poster_path")] public string? PosterPath { get; init; }
    [JsonPropertyName("backdrop_path")] public string? BackdropPath { get; init; }
    /// <summary>Minutes; TMDB answers 0 or null when unknown.</summary>
    [JsonPropertyName("runtime")] public int? Runtime { get; init; }
    [JsonPropertyName("vote_average")] public double? VoteAverage { get; init; }
    [JsonPropertyName("vote_count")] public int? VoteCount { get; init; }
    /// <summary><c>yyyy-MM-dd</c>, or an empty string when TMDB has no date.</summary>
    [JsonPropertyName("release_date")] public string? ReleaseDate { get; init; }
    [JsonPropertyName("genres")] public IReadOnlyList<TmdbGenre>? Genres { get; init; }
    [JsonPropertyName("original_title")] public string? OriginalTitle { get; init; }
    [JsonPropertyName("original_language")] public string? OriginalLanguage { get; init; }
    [JsonPropertyName("popularity")] public double? Popularity { get; init; }

    /// <summary>
    /// The <c>append_to_response</c> this answer was fetched with; null for answers an older Marquee fetched,
    /// which hold no credits, keywords or certification (a <c>--refresh</c> fetches them).
    /// </summary>
    [JsonPropertyName("appended")] public string? Appended { get; init; }
    /// <summary>From <c>spoken_languages[].iso_639_1</c>.</summary>
    [JsonPropertyName("spoken_language_codes")] public IReadOnlyList<string>? SpokenLanguageCodes { get; init; }
    /// <summary>From <c>production_countries[].iso_3166_1</c>.</summary>
    [JsonPropertyName("production_country_codes")] public IReadOnlyList<string>? ProductionCountryCodes { get; init; }
    /// <summary>From <c>production_companies[].name</c>.</summary>
    [JsonPropertyName("production_company_names")] public IReadOnlyList<string>? ProductionCompanyNames { get; init; }
    /// <summary>From <c>belongs_to_collection.id</c> and <c>.name</c>.</summary>
    [JsonPropertyName("collection_id")] public int? CollectionId { get; init; }
    [JsonPropertyName("collection_name")] public string? CollectionName { get; init; }
    /// <summary>From <c>keywords.keywords[].name</c>, lower case.</summary>
    [JsonPropertyName("keyword_names")] public IReadOnlyList<string>? KeywordNames { get; init; }
    /// <summary>From <c>credits.crew[]</c> with <c>job</c> "Director".</summary>
    [JsonPropertyName("directors")] public IReadOnlyList<TmdbPerson>? Directors { get; init; }
    /// <summary>From <c>credits.crew[]</c> in <c>department</c> "Writing", once per person.</summary>
    [JsonPropertyName("writers")] public IReadOnlyList<TmdbPerson>? Writers { get; init; }
    /// <summary>From <c>credits.cast[]</c> by <c>order</c>: the top-billed <see cref="TmdbMovieReader.TopBilledCast"/>.</summary>
    [JsonPropertyName("cast")] public IReadOnlyList<TmdbPerson>? Cast { get; init; }
    /// <summary>From <c>release_dates.results[]</c>: the US certification, else the British one.</summary>
    [JsonPropertyName("certification")] public string? Certification { get; init; }
    [JsonPropertyName("certification_country")] public string? CertificationCountry { get; init; }

    /// <summary>True when this answer was fetched with TMDB's credits (not by a Marquee that did not ask for them).</summary>
    [JsonIgnore] public bool HasCredits => Appended?.Split(',').Contains("credits", StringComparer.Ordinal) == true;

    /// <summary>
    /// The movie as Marquee stores it. TMDB writes "" and 0 for unknown values; those become null so the
    /// API never shows placeholders.
    /// </summary>
    public MovieDetails ToDetails(int movieId, DateTimeOffset fetchedAt) => new()
    {
        MovieId = movieId,
        TmdbId = Id,
        ImdbId = Blank(ImdbId),
        Title = Blank(Title),
        OriginalTitle = Blank(OriginalTitle),
        Overview = Blank(Overview),
        Tagline = Blank(Tagline),
        PosterPath = Blank(PosterPath),
        BackdropPath = Blank(BackdropPath),
        RuntimeMinutes = Runtime is > 0 ? Runtime : null,
        ReleaseDate = DateOnly.TryParseExact(ReleaseDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
        // A 0.0 average from nobody's votes is no rating at all.
        TmdbRating = VoteCount is > 0 ? VoteAverage : null,
        TmdbVoteCount = VoteCount,
        TmdbPopularity = Popularity,
        TmdbGenres = Genres is { Count: > 0 } genres ? genres.Select(g => g.Name).OfType<string>().ToList() : null,
        Keywords = NonEmpty(KeywordNames),
        OriginalLanguage = Blank(OriginalLanguage),
        SpokenLanguages = NonEmpty(SpokenLanguageCodes),
        ProductionCountries = NonEmpty(ProductionCountryCodes),
        ProductionCompanies = NonEmpty(ProductionCompanyNames),
        CollectionId = CollectionId,
        CollectionName = Blank(CollectionName),
        Certification = Blank(Certification),
        CertificationCountry = Blank(Certification) is null ? null : CertificationCountry,
        Directors = People(Directors),
        Writers = People(Writers),
        Cast = People(Cast),
        FetchedAt = fetchedAt,
        Source = TmdbEnrichmentJob.SourceName,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // Empty lists become null, so "TMDB listed none" and "not fetched" both leave the gap to fill from a dump.
    private static IReadOnlyList<string>? NonEmpty(IReadOnlyList<string>? values) => values is { Count: > 0 } ? values : null;

    private static List<CreditedPerson>? People(IReadOnlyList<TmdbPerson>? people) =>
        people is { Count: > 0 } ? people.Select(p => new CreditedPerson(p.Name, p.Id)).ToList() : null;
}

/// <summary>A person in TMDB's credits: their TMDB person <c>id</c> and <c>name</c>.</summary>
public sealed record TmdbPerson(
    [property: JsonPropertyName("id")] int? Id,
    [property: JsonPropertyName("name")] string Name);

public sealed record TmdbGenre
{
    [JsonPropertyName("id")] public int Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
}

/// <summary>TMDB's <c>GET /3/configuration</c>: where images live and in which sizes.</summary>
public sealed record TmdbConfiguration
{
    [JsonPropertyName("images")] public TmdbImageConfiguration? Images { get; init; }
}

public sealed record TmdbImageConfiguration
{
    [JsonPropertyName("secure_base_url")] public string? SecureBaseUrl { get; init; }
    [JsonPropertyName("poster_sizes")] public IReadOnlyList<string>? PosterSizes { get; init; }
    [JsonPropertyName("backdrop_sizes")] public IReadOnlyList<string>? BackdropSizes { get; init; }
}

/// <summary>TMDB's error body: <c>{"status_code":34,"status_message":"…","success":false}</c>.</summary>
public sealed record TmdbError
{
    [JsonPropertyName("status_code")] public int? StatusCode { get; init; }
    [JsonPropertyName("status_message")] public string? StatusMessage { get; init; }
    [JsonPropertyName("success")] public bool? Success { get; init; }
}

[JsonSerializable(typeof(TmdbMovie))]
[JsonSerializable(typeof(TmdbConfiguration))]
[JsonSerializable(typeof(TmdbError))]
[JsonSerializable(typeof(TmdbJournalEntry))]
[JsonSourceGenerationOptions(WriteIndented = false)]
internal sealed partial class TmdbJsonContext : JsonSerializerContext;
