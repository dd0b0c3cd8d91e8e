using Marquee.Core.Interactions;
using Marquee.Core.Recommenders;
using Marquee.Core.Tests.Support;

namespace Marquee.Core.Tests.Recommenders;

public class EaseTests
{

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.5, 0.4)]
    public void DualAndPrimal_SameData_GiveTheSameScores(double exponent, double below)
    {
        // 40 users × 25 items takes the primal path; its transpose-free dual must agree.
        var matrix = RandomRatings.Matrix(40, 25, seed: 7, density: 0.35);
        var options = new EaseOptions { Lambda = 3, RatingExponent = exponent, BelowThresholdTarget = below };
        var primal = PrimalEaseModel.Fit(matrix, options, CancellationToken.None);
        var dual = DualEaseModel.Fit(matrix, options, CancellationToken.None);

        var fromPrimal = new float[matrix.ItemCount];
        var fromDual = new float[matrix.ItemCount];
        for (var user = 0; user < matrix.UserCount; user++)
        {
            primal.ScoreTrainingUser(user, fromPrimal);
            dual.ScoreTrainingUser(user, fromDual);
            var seen = matrix.ByUser.RowColumns(user).ToArray();
            for (var j = 0; j < matrix.ItemCount; j++)
            {
                if (!seen.Contains(j))
                {
                    Assert.Equal(fromPrimal[j], fromDual[j], 1e-4);
                }
            }
        }
    }

    [Fact]
    public void ScoreHistory_TrainingUsersHistory_EqualsScoreTrainingUser()
    {
        var matrix = RandomRatings.Matrix(20, 50, seed: 3, density: 0.35);
        var model = new Ease(new EaseOptions { Lambda = 5, RatingExponent = 1, BelowThresholdTarget = 0.5 }).Fit(matrix);

        var viaRow = new float[matrix.ItemCount];
        var viaHistory = new float[matrix.ItemCount];
        model.ScoreTrainingUser(4, viaRow);
        model.ScoreHistory(matrix.ByUser.RowColumns(4), matrix.ByUser.RowValues(4), viaHistory);

        Assert.Equal(viaRow, viaHistory, (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void Weights_SumOverHistory_ReproducesTheScore()
    {
        var matrix = RandomRatings.Matrix(20, 50, seed: 5, density: 0.35);
        var model = (DualEaseModel)new Ease(new EaseOptions { Lambda = 5, RatingExponent = 1.5, BelowThresholdTarget = 0.4 }).Fit(matrix);
        int[] history = [1, 4, 9];
        float[] ratings = [5, 3, 4.5f];
        var scores = new float[matrix.ItemCount];
        model.ScoreHistory(history, ratings, scores);

        var weights = new double[history.Length];
        model.Weights(history, 20, weights);
        var sum = 0.0;
        for (var n = 0; n < history.Length; n++)
        {
            sum += weights[n] * model.Options.InputWeight(ratings[n]);
        }

        Assert.Equal(scores[20], sum, 1e-4);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(37)]
    public void ContributionsMany_APageOfTargets_SumToEachScoreAndMatchOneAtATime(int users)
    {
        // Seven targets: one full block of four and a partial one; target 4 is also in the history.
        var matrix = RandomRatings.Matrix(users, 50, seed: 11, density: 0.35);
        var model = (DualEaseModel)new Ease(new EaseOptions { Lambda = 5, RatingExponent = 1.5, BelowThresholdTarget = 0.4 }).Fit(matrix);
        model.PrepareForServing();
        ExplanationChecks.PageMatchesOneAtATimeAndSumsToTheScores(model, history: [1, 4, 9, 30], ratings: [5, 3, 4.5f, 0],
            targets: [20, 4, 33, 0, 49, 12, 7], sumTolerance: 1e-4);
    }
}
