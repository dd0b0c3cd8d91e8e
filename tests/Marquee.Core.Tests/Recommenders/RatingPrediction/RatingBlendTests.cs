using Marquee.Core.Recommenders.RatingPrediction;
using Marquee.Core.Tests.Support;
using Marquee.Core.Training;

namespace Marquee.Core.Tests.Recommenders.RatingPrediction;

public class RatingBlendTests
{
    private static readonly RatingBlendOptions Quick = new()
    {
        Factorization = new BayesianFactorizationOptions { Factors = 4, Sweeps = 20, BurnIn = 5, SamplesPerChain = 8 },
        NeighborWeight = 0.3,
    };

    [Fact]
    public void Predict_IsTheWeightedAverageOfItsComponents()
    {
        var (train, test, _) = RatingTestData.PlantedLowRank(users: 80, movies: 60);

        var blend = RatingTestData.PredictAll(new RatingBlend(Quick).Fit(train), train, test);
        var factors = RatingTestData.PredictAll(new BayesianFactorization(Quick.Factorization).Fit(train), train, test);
        var neighbors = RatingTestData.PredictAll(new ItemKnnBaseline(Quick.Neighbors).Fit(train), train, test);

        for (var r = 0; r < test.Count; r++)
        {
            Assert.Equal((0.7 * factors[r]) + (0.3 * neighbors[r]), blend[r], 4);
        }
    }

    [Fact]
    public async Task SaveAsync_ThenLoad_PredictsTheSame()
    {
        using var dir = new TempDirectory();
        var (train, test, _) = RatingTestData.PlantedLowRank(users: 80, movies: 60);
        var model = new RatingBlend(Quick).Fit(train);

        var (loaded, directory, manifest) = await RatingTestData.SaveAndLoadAsync(model, dir.Path);

        Assert.Equal(RatingBlend.AlgorithmName, loaded.Algorithm);
        Assert.Equal(model.Parameters, loaded.Parameters);
        Assert.Equal(RatingTestData.PredictAll(model, train, test), RatingTestData.PredictAll(loaded, train, test));
        // One folder, one manifest: the components' arrays and fitted numbers under the prefixes of their settings.
        Assert.True(File.Exists(Path.Combine(directory, "mf.item_factors.npy")));
        Assert.True(File.Exists(Path.Combine(directory, "knn.neighbor_items.npy")));
        Assert.Equal(ModelKind.Rating, manifest.Kind);
        Assert.Contains("mf.mean", manifest.Fitted!.Keys);
        Assert.Contains("knn.mean", manifest.Fitted!.Keys);
        Assert.Equal(double.Parse(model.Parameters["mf.factors"], System.Globalization.CultureInfo.InvariantCulture), manifest.Parameters["mf.factors"]);
        Assert.Contains("mf.item_factors.npy", manifest.FilesSha256!.Keys);
    }
}
