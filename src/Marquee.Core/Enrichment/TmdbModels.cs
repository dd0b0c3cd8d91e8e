using System.Globalization;
using System.Text.Json.Serialization;
using Marquee.Core.Catalog;

namespace Marquee.Core.Enrichment;

/// <summary>The fields of TMDB's <c>GET /3/movie/{movie_id}</c> that Marquee keeps.</summary>
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

    /// <summary>
    /// The movie as Marquee stores it. TMDB writes "" and 0 for unknown values; those become null so the
    /// API never shows placeholders.
    /// </summary>
    public MovieDetails ToDetails(int movieId, DateTimeOffset fetchedAt) => new()
    {
        MovieId = movieId,
        TmdbId = Id,
        ImdbId = Blank(ImdbId),
        Overview = Blank(Overview),
        Tagline = Blank(Tagline),
        PosterPath = Blank(PosterPath),
        BackdropPath = Blank(BackdropPath),
        RuntimeMinutes = Runtime is > 0 ? Runtime : null,
        ReleaseDate = DateOnly.TryParseExact(ReleaseDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
        // A 0.0 average from nobody's votes is no rating at all.
        TmdbRating = VoteCount is > 0 ? VoteAverage : null,
        TmdbVoteCount = VoteCount,
        TmdbGenres = Genres is { Count: > 0 } genres ? genres.Select(g => g.Name).OfType<string>().ToList() : null,
        FetchedAt = fetchedAt,
        Source = TmdbEnrichmentJob.SourceName,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

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
[JsonSerializable(typeof(TmdbEnrichmentState))]
[JsonSourceGenerationOptions(WriteIndented = false)]
internal sealed partial class TmdbJsonContext : JsonSerializerContext;
