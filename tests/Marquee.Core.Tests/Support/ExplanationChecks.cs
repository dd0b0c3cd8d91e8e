using Marquee.Core.Recommenders;

namespace Marquee.Core.Tests.Support;

/// <summary>What every explainable model owes its page of explanations.</summary>
public static class ExplanationChecks
{
    /// <summary>
    /// <see cref="IExplainableModel.ContributionsMany"/> equals one <see cref="IExplainableModel.Contributions"/>
    /// call per target, unrated (weight 0) history items explain nothing, and each row sums to the target's score.
    /// </summary>
    public static void PageMatchesOneAtATimeAndSumsToTheScores<TModel>(TModel model, int[] history, float[] ratings, int[] targets,
        double sumTolerance) where TModel : ITopNModel, IExplainableModel
    {
        var scores = new float[model.Items.Count];
        model.ScoreHistory(history, ratings, scores);
        var batch = new float[targets.Length * history.Length];
        model.ContributionsMany(history, ratings, targets, batch);

        var single = new float[history.Length];
        for (var t = 0; t < targets.Length; t++)
        {
            var row = batch.AsSpan(t * history.Length, history.Length).ToArray();
            model.Contributions(history, ratings, targets[t], single);
            Assert.Equal(single, row, (a, b) => Math.Abs(a - b) < 1e-5);
            for (var n = 0; n < history.Length; n++)
            {
                if (ratings[n] == 0)
                {
                    Assert.Equal(0f, row[n]);
                }
            }
            Assert.Equal(scores[targets[t]], row.Sum(), sumTolerance);
        }
    }
}
