using Marquee.Core.Recommenders.RatingPrediction;
using Marquee.Core.Tests.Support;

namespace Marquee.Core.Tests.Recommenders.RatingPrediction;

public class ItemKnnBaselineTests
{
    [Fact]
    public void Fit_Similarities_MatchABruteForcePearsonBaseline()
    {
        var (train, _, _) = RatingTestData.PlantedLowRank(users: 60, movies: 40, density: 0.4);
        var data = RatingMatrix.From(train);
        var (itemBias, userBias) = BaselineOnly.FitBiases(data, 10, 15, 10, default);
        var model = new ItemKnnBaseline(new ItemKnnBaselineOptions { StoredNeighbors = 1000 }).Fit(data, default);

        foreach (var movie in new[] { 1, 7, 23 })
        {
            var expected = BruteForce(data, itemBias, userBias, data.Items.PositionOf(movie), shrinkage: 100);
            var actual = model.NeighborsOf(movie);

            Assert.Equal(expected.Count, actual.Count);
            for (var n = 0; n < expected.Count; n++)
            {
                Assert.Equal(expected[n].MovieId, actual[n].MovieId);
                Assert.Equal(expected[n].Similarity, actual[n].Similarity, 4);
            }
        }
    }

    [Fact]
    public void Fit_FewStoredNeighbors_KeepsExactlyTheMostSimilarOnes()
    {
        var (train, _, _) = RatingTestData.PlantedLowRank(users: 100, movies: 80, density: 0.5);
        var all = (ItemKnnBaselineModel)new ItemKnnBaseline(new ItemKnnBaselineOptions { StoredNeighbors = 10_000 }).Fit(train);
        var top = (ItemKnnBaselineModel)new ItemKnnBaseline(new ItemKnnBaselineOptions { StoredNeighbors = 5 }).Fit(train);

        for (var movie = 1; movie <= 80; movie++)
        {
            Assert.Equal(all.NeighborsOf(movie).Take(5), top.NeighborsOf(movie));
        }
    }

    [Fact]
    public void Predict_UsesOnlyTheKMostSimilarRatedMovies()
    {
        var (train, _, _) = RatingTestData.PlantedLowRank(users: 100, movies: 80, density: 0.5);
        var model = (ItemKnnBaselineModel)new ItemKnnBaseline(new ItemKnnBaselineOptions { Neighbors = 1 }).Fit(train);
        var neighbors = model.NeighborsOf(3);
        var nearest = neighbors[0].MovieId;
        var far = neighbors[^1].MovieId;
        float[] withNearestHigh = new float[1], withFarHigh = new float[1];

        // With k = 1 only the nearest rated movie votes: moving a less similar movie's stars changes nothing.
        model.Predict([(nearest, 5f), (far, 1f)], [3], withNearestHigh);
        model.Predict([(nearest, 5f), (far, 5f)], [3], withFarHigh);

        Assert.Equal(withNearestHigh[0], withFarHigh[0], 5);
    }

    [Fact]
    public async Task SaveAsync_ThenLoad_PredictsTheSame()
    {
        using var dir = new TempDirectory();
        var (train, test, _) = RatingTestData.PlantedLowRank(users: 80, movies: 60);
        var model = new ItemKnnBaseline().Fit(train);

        var (loaded, _, _) = await RatingTestData.SaveAndLoadAsync(model, dir.Path);

        Assert.Equal(RatingTestData.PredictAll(model, train, test), RatingTestData.PredictAll(loaded, train, test));
    }

    /// <summary>Surprise's pearson_baseline, straight from its definition, for one movie against all others.</summary>
    private static List<(int MovieId, float Similarity)> BruteForce(RatingMatrix data, double[] itemBias, double[] userBias, int item, double shrinkage)
    {
        double Residual(int user, int movie, float rating) => rating - data.Mean - userBias[user] - itemBias[movie];
        var raters = new Dictionary<int, double>();
        for (var s = data.ItemStart[item]; s < data.ItemStart[item + 1]; s++)
        {
            raters[data.ItemUser[s]] = Residual(data.ItemUser[s], item, data.ItemRating[s]);
        }
        var result = new List<(int MovieId, float Similarity)>();
        for (var other = 0; other < data.ItemCount; other++)
        {
            if (other == item)
            {
                continue;
            }
            double products = 0, own = 0, theirs = 0;
            var common = 0;
            for (var s = data.ItemStart[other]; s < data.ItemStart[other + 1]; s++)
            {
                if (raters.TryGetValue(data.ItemUser[s], out var mine))
                {
                    var residual = Residual(data.ItemUser[s], other, data.ItemRating[s]);
                    products += mine * residual;
                    own += mine * mine;
                    theirs += residual * residual;
                    common++;
                }
            }
            if (common > 1 && own * theirs > 0)
            {
                var similarity = products / Math.Sqrt(own * theirs) * (common - 1) / (common - 1 + shrinkage);
                if (similarity > 0)
                {
                    result.Add((data.Items.MovieIdAt(other), (float)similarity));
                }
            }
        }
        return [.. result.OrderByDescending(r => r.Similarity).ThenBy(r => r.MovieId)];
    }
}
