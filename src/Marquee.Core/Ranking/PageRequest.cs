using Marquee.Core.Intent;

namespace Marquee.Core.Ranking;

/// <summary>One request for a page of picks, validated, in domain terms: the wish as asked and whose taste it is for.</summary>
public sealed record PageRequest
{
    public Wish Wish { get; init; } = new();
    public RecommenderKind Recommender { get; init; } = RecommenderKind.Auto;
    public int K { get; init; } = 20;
    /// <summary>Movie ids the person liked (positive weight, stars for MovieLens users) or disliked (negative), oldest first.</summary>
    public IReadOnlyList<(int MovieId, float Weight)> History { get; init; } = [];
    public IReadOnlySet<int> ExcludeMovieIds { get; init; } = new HashSet<int>();
}

/// <summary>A page and how the wish was read.</summary>
/// <param name="Notice">Set when fewer films than the page truly match the wish: says so in the wish's own words.</param>
public sealed record RecommendationPage(RecommendationResult Result, MovieIntent Intent, string? Notice);
