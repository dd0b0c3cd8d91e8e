using Marquee.Core.Recommenders.RatingPrediction;
using Marquee.Core.Tests.Support;

namespace Marquee.Core.Tests.Recommenders.RatingPrediction;

public class BaselineOnlyTests
{
    // μ = 4. One alternation with both regularisations 1: item biases first (user biases 0):
    // b_10 = (1 + 0) / (1 + 2) = 1/3, b_20 = −1 / (1 + 1) = −1/2; then the users:
    // b_1 = ((5 − 4 − 1/3) + (3 − 4 + 1/2)) / (1 + 2) = 1/18, b_2 = (4 − 4 − 1/3) / (1 + 1) = −1/6.
    private static readonly Core.Interactions.InteractionTable Tiny = RatingTestData.Table((1, 10, 5), (1, 20, 3), (2, 10, 4));

    [Fact]
    public void Predict_OneAlternationOnTinyData_MatchesHandComputedBiases()
    {
        var model = new BaselineOnly(new BaselineOnlyOptions { ItemRegularization = 1, UserRegularization = 1, Epochs = 1 }).Fit(Tiny);
        var predictions = new float[3];

        model.Predict([(10, 5), (20, 3)], [20, 10, 99], predictions);
        var second = new float[1];
        model.Predict([(10, 4)], [20], second);

        Assert.Equal(4 + (1.0 / 18) - 0.5, predictions[0], 5);
        Assert.Equal(4 + (1.0 / 18) + (1.0 / 3), predictions[1], 5);
        Assert.Equal(4 + (1.0 / 18), predictions[2], 5); // unknown movie: no movie bias
        Assert.Equal(4 - (1.0 / 6) - 0.5, second[0], 5);
    }

    [Fact]
    public void Predict_EstimateAboveTheTrainingScale_IsClippedToTheTop()
    {
        // μ = 4, no regularisation, one alternation: b_10 = −1, b_20 = b_30 = 1, then b_1 = 1,
        // so user 1 on movie 30 is 4 + 1 + 1 = 6 before clipping to the highest training rating.
        var model = new BaselineOnly(new BaselineOnlyOptions { ItemRegularization = 0, UserRegularization = 0, Epochs = 1 })
            .Fit(RatingTestData.Table((1, 10, 5), (1, 20, 5), (2, 10, 1), (2, 30, 5)));
        var predictions = new float[2];

        model.Predict([(10, 5), (20, 5)], [30, 10], predictions);

        Assert.Equal(5f, predictions[0]);
        Assert.Equal(4f, predictions[1], 5);
        Assert.Equal((1f, 5f), model.RatingScale);
    }

    [Fact]
    public async Task SaveAsync_ThenLoad_PredictsTheSame()
    {
        using var dir = new TempDirectory();
        var model = new BaselineOnly().Fit(Tiny);

        var (loaded, _, _) = await RatingTestData.SaveAndLoadAsync(model, dir.Path);
        float[] before = new float[2], after = new float[2];
        model.Predict([(10, 5)], [20, 10], before);
        loaded.Predict([(10, 5)], [20, 10], after);

        Assert.Equal(BaselineOnly.AlgorithmName, loaded.Algorithm);
        Assert.Equal(before, after);
        Assert.Equal(model.Parameters, loaded.Parameters);
    }
}
