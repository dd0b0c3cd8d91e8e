using Marquee.Core.Recommenders.RatingPrediction;
using Marquee.Core.Tests.Support;

namespace Marquee.Core.Tests.Recommenders.RatingPrediction;

public class BayesianFactorizationTests
{
    private static readonly BayesianFactorizationOptions Quick = new() { Factors = 4, Sweeps = 60, BurnIn = 10, SamplesPerChain = 16 };

    [Fact]
    public void Fit_PlantedRankThreeMatrix_RecoversHeldOutEntriesNearTheNoiseLevel()
    {
        var (train, test, noise) = RatingTestData.PlantedLowRank();

        var model = new BayesianFactorization(Quick).Fit(train);
        var rmse = RatingTestData.Rmse(test, RatingTestData.PredictAll(model, train, test));
        var biasesOnly = RatingTestData.Rmse(test, RatingTestData.PredictAll(new BaselineOnly().Fit(train), train, test));

        // The low-rank part has a standard deviation of about 0.6 per entry; recovering it leaves
        // little more than the 0.1 noise (plus estimation error from ~40 ratings per user).
        Assert.True(biasesOnly > 0.5, $"biases alone should miss the interactions, RMSE {biasesOnly:F3}");
        Assert.True(rmse < 2.5 * noise, $"held-out RMSE {rmse:F3} with noise {noise}");
    }

    [Fact]
    public void Fit_SameSeed_GivesIdenticalPredictions()
    {
        var (train, test, _) = RatingTestData.PlantedLowRank(users: 80, movies: 60);
        var algorithm = new BayesianFactorization(Quick with { Chains = 3, Sweeps = 20, BurnIn = 5 });

        var first = RatingTestData.PredictAll(algorithm.Fit(train), train, test);
        var second = RatingTestData.PredictAll(algorithm.Fit(train), train, test);
        var otherSeed = RatingTestData.PredictAll(new BayesianFactorization(algorithm.Options with { Seed = 7 }).Fit(train), train, test);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Predict_UnknownMoviesAndEmptyHistory_StayFiniteAndInsideTheScale()
    {
        var (train, _, _) = RatingTestData.PlantedLowRank(users: 80, movies: 60);
        var model = new BayesianFactorization(Quick with { Sweeps = 20, BurnIn = 5 }).Fit(train);
        var predictions = new float[3];

        model.Predict([], [1, 2, 999_999], predictions);
        var withUnknownHistory = new float[3];
        model.Predict([(999_998, 5f)], [1, 2, 999_999], withUnknownHistory);

        Assert.All(predictions, p => Assert.InRange(p, model.RatingScale.Min, model.RatingScale.Max));
        Assert.Equal(predictions, withUnknownHistory); // movies the model never saw carry no signal
    }

    [Fact]
    public void Predict_HighAndLowRaters_AreFoldedInApart()
    {
        var (train, _, _) = RatingTestData.PlantedLowRank(users: 120, movies: 80);
        var model = new BayesianFactorization(Quick with { Sweeps = 30, BurnIn = 5 }).Fit(train);
        var movies = Enumerable.Range(1, 20).ToArray();
        float[] generous = new float[1], harsh = new float[1];

        model.Predict([.. movies.Select(m => (m, model.RatingScale.Max))], [40], generous);
        model.Predict([.. movies.Select(m => (m, model.RatingScale.Min))], [40], harsh);

        Assert.True(generous[0] > harsh[0] + 1, $"generous {generous[0]:F2} vs harsh {harsh[0]:F2}");
    }

    [Fact]
    public async Task SaveAsync_ThenLoad_PredictsTheSame()
    {
        using var dir = new TempDirectory();
        var (train, test, _) = RatingTestData.PlantedLowRank(users: 80, movies: 60);
        var model = new BayesianFactorization(Quick with { Sweeps = 20, BurnIn = 5, UserNoiseDegrees = 20, ItemNoiseDegrees = 20 }).Fit(train);

        var (loaded, directory, _) = await RatingTestData.SaveAndLoadAsync(model, dir.Path);

        Assert.Equal(BayesianFactorization.AlgorithmName, loaded.Algorithm);
        Assert.Equal(RatingTestData.PredictAll(model, train, test), RatingTestData.PredictAll(loaded, train, test));
        Assert.True(File.Exists(Path.Combine(directory, "item_factors.npy")));
        Assert.True(File.Exists(Path.Combine(directory, "item_noise.npy")));
    }

    [Fact]
    public void Constructor_BurnInNotBelowSweeps_IsRejectedNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => RatingAlgorithms.Parse("bayesian-mf:sweeps=10,burn_in=10"));

        Assert.Equal("burn_in", error.ParamName);
    }
}
