using Marquee.Core.Catalog;
using Marquee.Core.Intent;

namespace Marquee.Core.Ranking;

/// <summary>Which scorer ranks the candidates.</summary>
public enum RecommenderKind
{
    Auto,
    Baseline,
    Cf,
}

/// <summary>One recommendation request after validation, in domain terms.</summary>
public sealed record RecommendationRequest
{
    public MovieIntent Intent { get; init; } = MovieIntent.Empty;
    public RecommendationFilters Filters { get; init; } = new();
    public RecommenderKind Recommender { get; init; } = RecommenderKind.Auto;
    public int K { get; init; } = 20;
    /// <summary>Movie ids the user liked (positive weight) or disliked (negative weight), oldest first.</summary>
    public IReadOnlyList<(int MovieId, float Weight)> History { get; init; } = [];
    /// <summary>
    /// The same history as star ratings (0.5–5) for the rating model; empty when the user has none.
    /// MovieLens users pass their ratings; sessions map swipes to stars.
    /// </summary>
    public IReadOnlyList<(int MovieId, float Rating)> RatedHistory { get; init; } = [];
    /// <summary>
    /// The wish's free text embedded by the model of <see cref="RecommenderSnapshot.Semantic"/> (unit length); null
    /// when there is no text, no film vectors, or the model is not loaded yet: ranking then goes without it.
    /// </summary>
    public float[]? QueryEmbedding { get; init; }
    /// <summary>The wish as the person typed it, if any: a card names a topic in the person's own words.</summary>
    public string? WishText { get; init; }
}

public sealed record RecommendedMovie(CatalogMovie Movie, double Score, double? PredictedRating, IReadOnlyList<string> Reasons);

/// <param name="Recommender">What actually ranked: <c>cf</c> when collaborative filtering contributed, else <c>baseline</c>.</param>
/// <param name="FallbackReason">Why <c>cf</c> was asked for but the baseline ranked; null otherwise.</param>
/// <param name="CfShare">Share of CF in the personal score (1 for <c>cf</c>, the auto rule's c, 0 for the baseline).</param>
/// <param name="TrueMatches">Set when fewer films than the page truly match a precise wish: how many do (the rest are their neighbours; 0: the page is what comes closest).</param>
/// <param name="UnknownReferences">Titles the wish is "like" that the catalogue knows too little about to find films like them (<see cref="ReferenceSimilarity.Knows"/>).</param>
public sealed record RecommendationResult(
    string Recommender, string? FallbackReason, IReadOnlyList<RecommendedMovie> Items, double CfShare = 0, int? TrueMatches = null,
    IReadOnlyList<string>? UnknownReferences = null);
