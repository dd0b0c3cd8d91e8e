using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Marquee.Server.Endpoints;
using Microsoft.AspNetCore.Mvc;

namespace Marquee.Server.Contracts;

/// <summary>
/// What every movie answer carries. Optional fields are null when unknown; the languages, countries
/// and certification are left out instead: data enriched from a dump has none of them, and nulls on
/// each of a hundred cards would be a sixth of the response.
/// </summary>
public abstract record MovieResponseBase
{
    public required int MovieId { get; init; }
    public int? TmdbId { get; init; }
    public string? ImdbId { get; init; }
    /// <summary>The title people know the film by (TMDB's when enriched, else MovieLens's without its alternates).</summary>
    public required string Title { get; init; }
    public int? Year { get; init; }
    public required IReadOnlyList<string> Genres { get; init; }
    public string? Overview { get; init; }
    public string? Tagline { get; init; }
    public string? PosterUrl { get; init; }
    public string? BackdropUrl { get; init; }
    public int? RuntimeMinutes { get; init; }
    /// <summary>True for films under 40 minutes; null when the runtime is unknown.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsShort { get; init; }
    public string? ReleaseDate { get; init; }
    /// <summary>ISO 639-1 code of the language the film was made in ("fr").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OriginalLanguage { get; init; }
    /// <summary>ISO 3166-1 alpha-2 codes of the production countries ("FR", "DE").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ProductionCountries { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CertificationResponse? Certification { get; init; }
    /// <summary>Mean community rating, 0.5–5 stars.</summary>
    public double? Rating { get; init; }
    public required int RatingCount { get; init; }
    /// <summary>TMDB vote average, 0–10.</summary>
    public double? TmdbRating { get; init; }
    public double? PredictedRating { get; init; }
    public double? Score { get; init; }
    public IReadOnlyList<string>? Reasons { get; init; }
}

/// <summary>
/// A movie on a card or in a list. People are names only: a card has no use for their TMDB ids, and
/// on a page of a hundred cards the ids would double what the credits cost.
/// </summary>
public sealed record MovieResponse : MovieResponseBase
{
    // The serializer writes a derived record's own properties first; order 1 puts them after the shared ones.
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Directors { get; init; }
    /// <summary>The first three of the top-billed cast, in billing order.</summary>
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Cast { get; init; }
}

/// <summary>Everything the catalogue knows about one movie (<c>GET /movies/{id}</c>).</summary>
public sealed record MovieDetailResponse : MovieResponseBase
{
    public MovieDetailResponse() { }

    /// <summary>The shared fields of <paramref name="movie"/>, to be completed with the details.</summary>
    [SetsRequiredMembers]
    public MovieDetailResponse(MovieResponseBase movie) : base(movie) { }

    // The serializer writes a derived record's own properties first; order 1 puts them after the shared ones.
    // Like the languages and countries, each is left out when unknown.
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PersonResponse>? Directors { get; init; }
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PersonResponse>? Writers { get; init; }
    /// <summary>The top-billed cast, in billing order.</summary>
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PersonResponse>? Cast { get; init; }
    /// <summary>The title in the film's own language ("Le Fabuleux Destin d'Amélie Poulain").</summary>
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OriginalTitle { get; init; }
    /// <summary>Other titles the film is known by, without the display title.</summary>
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AlsoKnownAs { get; init; }
    /// <summary>TMDB keywords, lower case ("time loop").</summary>
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Keywords { get; init; }
    /// <summary>ISO 639-1 codes of the languages spoken in the film.</summary>
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SpokenLanguages { get; init; }
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ProductionCompanies { get; init; }
    /// <summary>The franchise the film belongs to ("The Lord of the Rings Collection").</summary>
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CollectionResponse? Collection { get; init; }
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TmdbVoteCount { get; init; }
}

/// <summary>A person in a film's credits; <c>tmdb_id</c>, when known, is their TMDB person id.</summary>
public sealed record PersonResponse(string Name, int? TmdbId);

/// <summary>A TMDB collection (franchise); <c>id</c> is TMDB's collection id when known.</summary>
public sealed record CollectionResponse(int? Id, string Name);

/// <summary>A release certification ("PG-13") and the ISO 3166-1 country whose board gave it ("US").</summary>
public sealed record CertificationResponse(string Rating, string? Country);

public sealed record GenreResponse(string Name, int MovieCount);

/// <summary>Query of <c>GET /movies/search</c>.</summary>
public sealed class MovieSearchQuery
{
    /// <summary>Part of a movie title; typos are forgiven.</summary>
    [FromQuery(Name = "q"), Required(ErrorMessage = "is required: part of a movie title")]
    [MaxLength(MovieSearchApi.MaxQueryLength, ErrorMessage = "must be at most {1} characters")]
    public string? Q { get; init; }
    /// <summary>Movies to return, 1–50 (default 10).</summary>
    [FromQuery(Name = "limit"), Range(1, MovieSearchApi.MaxLimit, ErrorMessage = "must be between {1} and {2}")]
    public int? Limit { get; init; }
}

/// <summary>Query of <c>GET /movies/{id}/similar</c>.</summary>
public sealed class SimilarMoviesQuery
{
    /// <summary>Movies to return, 1–100 (default 12).</summary>
    [FromQuery(Name = "k"), Range(1, 100, ErrorMessage = "must be between {1} and {2}")]
    public int? K { get; init; }
}

public sealed record MovieSearchResponse(string Query, IReadOnlyList<MovieResponse> Items);

public sealed record SimilarMoviesResponse(int MovieId, string Method, IReadOnlyList<MovieResponse> Items);
