using Marquee.Core.Catalog;

namespace Marquee.Core.Recommenders;

/// <summary>Settings of the non-personalised baseline.</summary>
public sealed record BaselineOptions
{
    /// <summary>
    /// Pseudo-ratings at the global mean added to every movie (Bayesian damping). With 10, a single
    /// 5-star rating lifts a movie only to about 3.6 stars, well below the classics.
    /// </summary>
    public double PriorStrength { get; init; } = 10;

    /// <summary>Share of the score that comes from popularity (log rating count) rather than quality.</summary>
    public double PopularityWeight { get; init; } = 0.35;
}

/// <summary>
/// The baseline: damped mean rating blended with popularity. Needs no history, so it serves
/// everyone and is what <c>cf</c> falls back to.
/// </summary>
public sealed class BaselineRecommender
{
    private readonly float[] _scores;
    private readonly float[] _dampedMeans;

    public BaselineRecommender(MovieCatalog catalog, BaselineOptions? options = null)
    {
        Options = options ?? new BaselineOptions();
        var movies = catalog.Movies;
        var counts = new int[movies.Count];
        var means = new double[movies.Count];
        foreach (var movie in movies)
        {
            counts[movie.Index] = movie.RatingCount;
            means[movie.Index] = movie.RatingMean ?? 0;
        }
        (_scores, _dampedMeans) = BaselineScore.Compute(counts, means, catalog.GlobalMeanRating, Options);
    }

    public BaselineOptions Options { get; }

    /// <summary>Baseline score in [0, 1] per catalogue index.</summary>
    public ReadOnlySpan<float> Scores => _scores;

    /// <summary>Damped mean rating (0.5–5 scale) per catalogue index.</summary>
    public ReadOnlySpan<float> DampedMeans => _dampedMeans;
}
