using System.Globalization;
using Marquee.Core.Catalog;
using Marquee.Core.Intent;
using Marquee.Core.Recommenders;

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
}

public sealed record RecommendedMovie(CatalogMovie Movie, double Score, double? PredictedRating, IReadOnlyList<string> Reasons);

public sealed record RecommendationResult(
    string Recommender, string? FallbackReason, IReadOnlyList<RecommendedMovie> Items);

/// <summary>The read-only state recommendations are computed from; swapped as a whole on reload.</summary>
public sealed class RecommenderSnapshot(MovieCatalog catalog, BaselineRecommender baseline, string modelVersion,
    IPersonalizer? personalizer = null, IRatingPredictor? ratingPredictor = null)
{
    public MovieCatalog Catalog { get; } = catalog;
    public BaselineRecommender Baseline { get; } = baseline;
    /// <summary>Version of the promoted model, or <c>baseline</c> when none is loaded.</summary>
    public string ModelVersion { get; } = modelVersion;
    /// <summary>The collaborative-filtering model; null when no trained model is available (degraded).</summary>
    public IPersonalizer? Personalizer { get; } = personalizer;
    public IRatingPredictor? RatingPredictor { get; } = ratingPredictor;
}

/// <summary>Turns a request into ranked, explained movies: filter, score, blend, diversify, cut to k.</summary>
public static class RecommendationEngine
{
    public static RecommendationResult Recommend(RecommenderSnapshot snapshot, RecommendationRequest request)
    {
        var catalog = snapshot.Catalog;
        var excluded = new HashSet<int>(request.Filters.ExcludeMovieIds);
        foreach (var (movieId, _) in request.History)
        {
            excluded.Add(movieId);
        }
        var filters = request.Filters with { ExcludeMovieIds = excluded };

        string? fallback = null;
        if (request.Recommender == RecommenderKind.Cf)
        {
            fallback = "no collaborative-filtering model is loaded; ranked by the baseline";
        }

        var wanted = GenreSet.From(request.Intent.Genres);
        var baseline = snapshot.Baseline.Scores;
        var scored = new List<(CatalogMovie Movie, double Score)>();
        foreach (var movie in catalog.Movies)
        {
            if (!filters.Accepts(movie))
            {
                continue;
            }
            var relevance = wanted.IsEmpty ? 0 : (double)movie.GenreMask.CountShared(wanted) / wanted.Count;
            scored.Add((movie, baseline[movie.Index] + relevance));
        }
        var top = scored
            .OrderByDescending(s => s.Score).ThenBy(s => s.Movie.MovieId)
            .Take(request.K)
            .Select(s => new RecommendedMovie(s.Movie, s.Score, null, Explain(s.Movie, request.Intent)))
            .ToList();
        return new RecommendationResult("baseline", fallback, top);
    }

    private static List<string> Explain(CatalogMovie movie, MovieIntent intent)
    {
        var reasons = new List<string>();
        var matched = movie.Genres.Where(g => intent.Genres.Contains(g)).ToList();
        if (matched.Count > 0)
        {
            reasons.Add($"Matches {string.Join(", ", matched)}");
        }
        if (movie.RatingMean is { } mean)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{mean:0.0}★ from {movie.RatingCount:N0} ratings"));
        }
        return reasons;
    }
}
