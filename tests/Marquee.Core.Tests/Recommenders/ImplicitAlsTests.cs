using Marquee.Core.Interactions;
using Marquee.Core.Recommenders;
using Marquee.Core.Tests.Support;

namespace Marquee.Core.Tests.Recommenders;

public class ImplicitAlsTests
{

    [Fact]
    public void ContributionsMany_APageOfTargets_SumToTheFoldInScores()
    {
        var matrix = RandomRatings.Matrix(60, 40, seed: 3);
        var model = (AlsModel)new ImplicitAls(new AlsOptions { Factors = 8, Iterations = 5, Alpha = 2, Regularization = 1 }).Fit(matrix);
        int[] history = [2, 5, 11, 17];
        float[] ratings = [5, 4, 0, 2.5f];
        int[] targets = [0, 5, 39, 20, 8];
        var scores = new float[matrix.ItemCount];
        model.ScoreHistory(history, ratings, scores);

        var batch = new float[targets.Length * history.Length];
        model.ContributionsMany(history, ratings, targets, batch);

        var single = new float[history.Length];
        for (var t = 0; t < targets.Length; t++)
        {
            var row = batch.AsSpan(t * history.Length, history.Length).ToArray();
            model.Contributions(history, ratings, targets[t], single);
            Assert.Equal(single, row, (a, b) => Math.Abs(a - b) < 1e-5);
            Assert.Equal(0f, row[2]); // an unrated history item explains nothing
            Assert.Equal(scores[targets[t]], row.Sum(), 1e-3);
        }
    }
}
