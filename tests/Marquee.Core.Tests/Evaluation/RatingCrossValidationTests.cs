using Marquee.Core.Evaluation;
using Marquee.Core.Interactions;
using Marquee.Core.Numerics;
using Marquee.Core.Recommenders.RatingPrediction;
using Marquee.Core.Tests.Recommenders.RatingPrediction;

namespace Marquee.Core.Tests.Evaluation;

public class RatingCrossValidationTests
{
    [Fact]
    public void FoldOf_IsTheProtocolHashModFive()
    {
        for (var user = 1; user <= 20; user++)
        {
            for (var movie = 1; movie <= 20; movie++)
            {
                Assert.Equal((int)(SplitMix64.Key(7, user, movie) % 5), RatingCrossValidation.FoldOf(user, movie));
            }
        }
    }

    [Fact]
    public void FoldSizes_MovieLensSets_MatchTheProtocolAnchors()
    {
        Assert.Equal([20_180, 20_163, 20_330, 20_073, 20_090], RatingCrossValidation.FoldSizes(RatingTestData.MlLatestSmall));
        Assert.Equal([20_131, 19_918, 19_790, 20_017, 20_144], RatingCrossValidation.FoldSizes(RatingTestData.Ml100K));
    }

    [Fact]
    public void Errors_KnownVectors_GiveRootMeanSquareAndMeanAbsolute()
    {
        var (rmse, mae) = RatingCrossValidation.Errors([1f, 2, 3, 4], [1f, 3, 3, 2]);

        Assert.Equal(Math.Sqrt(5.0 / 4), rmse, 12);
        Assert.Equal(0.75, mae, 12);
    }

    [Fact]
    public void Run_TinyTable_TrainsOnTheOtherFoldsAndScoresEachTestRowFromItsUsersTrainingRatings()
    {
        var rows = new List<(int, int, float)>();
        for (var user = 1; user <= 6; user++)
        {
            for (var movie = 1; movie <= 8; movie++)
            {
                rows.Add((user, movie, ((user + movie) % 5) + 1));
            }
        }
        var table = RatingTestData.Table([.. rows]);
        var recorder = new RecordingAlgorithm();

        var result = RatingCrossValidation.Run(table, recorder);

        Assert.Equal(5, result.Folds.Count);
        for (var fold = 0; fold < 5; fold++)
        {
            var trained = recorder.Trained[fold];
            var expectedTrain = Enumerable.Range(0, table.Count).Where(r => RatingCrossValidation.FoldOf(table.UserIds[r], table.MovieIds[r]) != fold).ToList();
            Assert.Equal(expectedTrain.Count, trained.Count);
            Assert.Equal(table.Count - expectedTrain.Count, result.Folds[fold].TestCount);
            // The model predicts the user's mean training rating; the fold's errors follow from it.
            var actual = new List<float>();
            var predicted = new List<float>();
            for (var r = 0; r < table.Count; r++)
            {
                if (RatingCrossValidation.FoldOf(table.UserIds[r], table.MovieIds[r]) == fold)
                {
                    actual.Add(table.Ratings[r]);
                    predicted.Add((float)expectedTrain.Where(t => table.UserIds[t] == table.UserIds[r]).Average(t => table.Ratings[t]));
                }
            }
            var (rmse, mae) = RatingCrossValidation.Errors([.. actual], [.. predicted]);
            Assert.Equal(rmse, result.Folds[fold].Rmse, 5);
            Assert.Equal(mae, result.Folds[fold].Mae, 5);
        }
        Assert.Equal(result.Folds.Average(f => f.Rmse), result.Rmse, 12);
        Assert.Equal("recording", result.Name);
    }

    [Fact]
    public void Run_BaselineOnlyOnBothMovieLensSets_AgreesWithSurpriseOnTheSameFolds()
    {
        // PROTOCOL.md section 6: Surprise 1.1.4 BaselineOnly on exactly these folds.
        var small = RatingCrossValidation.Run(RatingTestData.MlLatestSmall, new BaselineOnly());
        var hundred = RatingCrossValidation.Run(RatingTestData.Ml100K, new BaselineOnly());

        Assert.Equal(0.8728, small.Rmse, 4);
        Assert.Equal(0.6728, small.Mae, 4);
        Assert.Equal(0.9446, hundred.Rmse, 4);
        Assert.Equal(0.7490, hundred.Mae, 4);
    }

    [Fact]
    public void Run_KnnBaselineWithEveryNeighbor_AgreesWithSurpriseOnMl100K()
    {
        var knn = new ItemKnnBaseline(new ItemKnnBaselineOptions { StoredNeighbors = int.MaxValue });

        var result = RatingCrossValidation.Run(RatingTestData.Ml100K, knn);

        Assert.Equal(0.9172, result.Rmse, 4);
        Assert.Equal(0.7196, result.Mae, 4);
    }

    [Fact]
    public void Run_ServedBlendOnMlLatestSmall_BeatsTheAcceptanceBar()
    {
        // The full protocol: five folds, the served algorithm with its default settings.
        var result = RatingCrossValidation.Run(RatingTestData.MlLatestSmall, RatingAlgorithms.Create(RatingAlgorithms.DefaultName));

        Assert.Equal(5, result.Folds.Count);
        Assert.True(result.Rmse <= 0.845, $"RMSE {result.Rmse:F4}");
        Assert.True(result.Mae < 0.66, $"MAE {result.Mae:F4}");
    }

    [Fact]
    public void Run_TestFoldOutOfRange_IsRejected()
    {
        var table = RatingTestData.Table((1, 1, 3), (2, 2, 4));

        Assert.Throws<ArgumentException>(() => RatingCrossValidation.Run(table, new BaselineOnly(), new RatingCrossValidationOptions { TestFolds = [5] }));
    }

    /// <summary>Records what it was trained on and predicts the mean of the given history.</summary>
    internal sealed class RecordingAlgorithm : IRatingAlgorithm
    {
        public List<InteractionTable> Trained { get; } = [];
        public string Name => "recording";
        public IReadOnlyDictionary<string, string> Parameters { get; } = new Dictionary<string, string>();

        public IRatingModel Fit(InteractionTable ratings, CancellationToken cancellationToken = default)
        {
            Trained.Add(ratings);
            return new MeanModel();
        }

        private sealed class MeanModel : IRatingModel
        {
            public string Algorithm => "recording";
            public IReadOnlyDictionary<string, string> Parameters { get; } = new Dictionary<string, string>();
            public (float Min, float Max) RatingScale => (1, 5);

            public void Predict(IReadOnlyList<(int MovieId, float Rating)> ratedHistory, ReadOnlySpan<int> movieIds, Span<float> predictions)
            {
                var mean = ratedHistory.Count == 0 ? 3f : (float)ratedHistory.Average(h => h.Rating);
                predictions[..movieIds.Length].Fill(mean);
            }

            public Task SaveAsync(RatingModelFiles files, CancellationToken cancellationToken = default) => Task.CompletedTask;
        }
    }
}
