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
        ExplanationChecks.PageMatchesOneAtATimeAndSumsToTheScores(model, history: [2, 5, 11, 17], ratings: [5, 4, 0, 2.5f],
            targets: [0, 5, 39, 20, 8], sumTolerance: 1e-3);
    }
}
