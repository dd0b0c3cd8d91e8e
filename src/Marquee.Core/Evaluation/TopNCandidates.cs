using Marquee.Core.Recommenders;

namespace Marquee.Core.Evaluation;

/// <summary>The algorithms and hyper-parameter grids the protocol compares (PROTOCOL.md §2).</summary>
public static class TopNCandidates
{
    private static readonly double[] WeightedEaseExponents = [1.0, 1.5, 2.0];
    private static readonly double[] WeightedEaseLambdas = [50.0, 100.0, 150.0, 250.0, 500.0];
    private static readonly double[] WeightedEaseBelowTargets = [0.4, 0.6];

    public static readonly double[] EaseLambdas = [50, 100, 200, 500, 1000];

    public static readonly (double Alpha, double Lambda)[] AlsGrid =
        [.. from alpha in new[] { 1.0, 4.0, 16.0 } from lambda in new[] { 10.0, 30.0, 100.0, 300.0, 1000.0 } select (alpha, lambda)];

    /// <summary>
    /// Marquee's EASE: rating-weighted input, liked-weighted target. Grid fixed on the ml-latest-small
    /// validation split (docs/recommenders.md); every dataset picks its point on its own VALID split.
    /// </summary>
    public static IEnumerable<ITopNAlgorithm> WeightedEaseGrid() =>
        from exponent in WeightedEaseExponents
        from lambda in WeightedEaseLambdas
        from below in WeightedEaseBelowTargets
        select (ITopNAlgorithm)new Ease(new EaseOptions { Lambda = lambda, RatingExponent = exponent, BelowThresholdTarget = below });

    public static IEnumerable<TopNCandidate> All()
    {
        yield return new TopNCandidate("most-popular", [new MostPopular()]);
        yield return new TopNCandidate("itemknn", [new ItemKnn(new ItemKnnOptions { Neighbors = 50 })]);
        yield return new TopNCandidate("ease", EaseLambdas.Select(l => (ITopNAlgorithm)new Ease(new EaseOptions { Lambda = l })).ToList());
        yield return new TopNCandidate("ease-weighted", WeightedEaseGrid().ToList());
        yield return new TopNCandidate("als", AlsGrid.Select(g => (ITopNAlgorithm)new ImplicitAls(new AlsOptions { Alpha = g.Alpha, Regularization = g.Lambda })).ToList());
    }
}
