using BenchmarkDotNet.Attributes;
using Marquee.Core.Interactions;
using Marquee.Core.Recommenders;
using Marquee.Core.Training;

namespace Marquee.Benchmarks;

/// <summary>Fitting the production models on all of ml-latest-small (610 users × 9,724 movies, 100,836 ratings).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TrainingBenchmarks
{
    private InteractionMatrix _matrix = null!;

    [GlobalSetup]
    public void Setup() => _matrix = Data.MlLatestSmall;

    /// <summary>Production EASE (rating-weighted, liked target) through the users² dual.</summary>
    [Benchmark]
    public ITopNModel FitEase() => ModelTrainer.Configure("ease").Fit(_matrix);

    /// <summary>Classic binary EASE (λ = 500), as in the reference.</summary>
    [Benchmark]
    public ITopNModel FitEaseClassic() => new Ease(new EaseOptions { Lambda = 500 }).Fit(_matrix);

    /// <summary>Implicit ALS, 64 factors, 15 iterations, 2 CG steps (the served setting).</summary>
    [Benchmark]
    public ITopNModel FitAls() => ModelTrainer.Configure("als").Fit(_matrix);

    /// <summary>Implicit ALS with exact Cholesky row solves, as the numpy reference does.</summary>
    [Benchmark]
    public ITopNModel FitAlsExact() => ModelTrainer.Configure("als", new Dictionary<string, double> { ["cg_steps"] = 0 }).Fit(_matrix);

    [Benchmark]
    public ITopNModel FitItemKnn() => ModelTrainer.Configure("itemknn").Fit(_matrix);
}
