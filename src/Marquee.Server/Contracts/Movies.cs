namespace Marquee.Server.Contracts;

/// <summary>A movie as the UI shows it. Optional fields are null when unknown.</summary>
public sealed record MovieResponse
{
    public required int MovieId { get; init; }
    public int? TmdbId { get; init; }
    public string? ImdbId { get; init; }
    public required string Title { get; init; }
    public int? Year { get; init; }
    public required IReadOnlyList<string> Genres { get; init; }
    public string? Overview { get; init; }
    public string? Tagline { get; init; }
    public string? PosterUrl { get; init; }
    public string? BackdropUrl { get; init; }
    public int? RuntimeMinutes { get; init; }
    public string? ReleaseDate { get; init; }
    /// <summary>Mean community rating, 0.5–5 stars.</summary>
    public double? Rating { get; init; }
    public required int RatingCount { get; init; }
    /// <summary>TMDB vote average, 0–10.</summary>
    public double? TmdbRating { get; init; }
    public double? PredictedRating { get; init; }
    public double? Score { get; init; }
    public IReadOnlyList<string>? Reasons { get; init; }
}

public sealed record GenreResponse(string Name, int MovieCount);

public sealed record MovieSearchResponse(string Query, IReadOnlyList<MovieResponse> Items);

public sealed record SimilarMoviesResponse(int MovieId, string Method, IReadOnlyList<MovieResponse> Items);
