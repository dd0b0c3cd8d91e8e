namespace Marquee.Server.Contracts;

/// <summary>Body of <c>POST /recommend</c>; every field is optional.</summary>
public sealed record RecommendRequest
{
    public string? Query { get; init; }
    public IReadOnlyList<string>? Moods { get; init; }
    public IReadOnlyList<string>? Genres { get; init; }
    public IReadOnlyList<string>? ExcludeGenres { get; init; }
    public double? MinRating { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public int? MaxRuntime { get; init; }
    public string? UserId { get; init; }
    /// <summary><c>baseline</c>, <c>cf</c> or <c>auto</c> (default).</summary>
    public string? Recommender { get; init; }
    /// <summary>Number of movies, 1–100 (default 20).</summary>
    public int? K { get; init; }
    public IReadOnlyList<int>? ExcludeMovieIds { get; init; }
}

public sealed record IntentResponse
{
    public required string Source { get; init; }
    public required IReadOnlyList<string> Genres { get; init; }
    public required IReadOnlyList<string> ExcludeGenres { get; init; }
    public required IReadOnlyList<string> Moods { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public int? MaxRuntime { get; init; }
    public required IReadOnlyList<int> ReferenceMovieIds { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }
    /// <summary>Moods, topics or words the wish rules out ("not gory"); matching movies rank lower.</summary>
    public required IReadOnlyList<string> ExcludeKeywords { get; init; }
}

public sealed record RecommendResponse
{
    public required string Recommender { get; init; }
    public required string ModelVersion { get; init; }
    public string? FallbackReason { get; init; }
    public required IntentResponse Intent { get; init; }
    public required IReadOnlyList<MovieResponse> Items { get; init; }
}
