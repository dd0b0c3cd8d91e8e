namespace Marquee.Core.Recommenders;

/// <summary>
/// The one baseline formula: damped mean rating blended with log popularity. Serving
/// (<see cref="BaselineRecommender"/>, from catalogue statistics) and training and evaluation
/// (<see cref="PopularityBaseline"/>, from the interaction matrix) both call it, so the two can never
/// score the same ratings differently.
/// </summary>
public static class BaselineScore
{
    /// <summary>(prior · globalMean + count · mean) / (prior + count).</summary>
    public static double DampedMean(int count, double mean, double globalMean, double prior) =>
        (prior * globalMean + count * mean) / (prior + count);

    /// <summary>
    /// Baseline score in [0, 1] and damped mean rating (0.5–5 scale) for each movie, from its rating
    /// count and mean (the mean is ignored where the count is 0) and the mean of all ratings.
    /// </summary>
    public static (float[] Scores, float[] DampedMeans) Compute(ReadOnlySpan<int> counts, ReadOnlySpan<double> means, double globalMean,
        BaselineOptions options)
    {
        if (counts.Length != means.Length)
        {
            throw new ArgumentException($"{counts.Length} counts but {means.Length} means.", nameof(means));
        }
        var maxCount = 0;
        foreach (var count in counts)
        {
            maxCount = Math.Max(maxCount, count);
        }
        var logMax = Math.Log(1 + maxCount);
        var scores = new float[counts.Length];
        var dampedMeans = new float[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            var damped = DampedMean(counts[i], counts[i] == 0 ? 0 : means[i], globalMean, options.PriorStrength);
            var quality = (damped - 0.5) / 4.5;
            var popularity = logMax > 0 ? Math.Log(1 + counts[i]) / logMax : 0;
            dampedMeans[i] = (float)damped;
            scores[i] = (float)((1 - options.PopularityWeight) * quality + options.PopularityWeight * popularity);
        }
        return (scores, dampedMeans);
    }
}
