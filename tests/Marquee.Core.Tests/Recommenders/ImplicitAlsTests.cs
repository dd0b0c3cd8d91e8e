using Marquee.Core.Numerics;
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

    [Theory]
    [InlineData(64)]
    [InlineData(10)]
    [InlineData(3)]
    public void ExactFoldIn_VectorisedUpdate_IsBitForBitTheScalarSolve(int k)
    {
        // The scalar loop the vectorised rank-one update replaced: fits and served pages must not move.
        var random = new Random(k);
        var factors = Enumerable.Range(0, 50 * k).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var gram = ImplicitAls.GramPortable(factors, k);
        int[] columns = [1, 4, 9, 16, 25, 36, 49, 7];
        float[] ratings = [5, 4, 3.5f, 1, 2, 4.5f, 3, 0.5f];
        const float alpha = 4, lambda = 3;
        var a = new double[k * k];
        var b = new double[k];
        for (var i = 0; i < k * k; i++)
        {
            a[i] = gram[i];
        }
        for (var i = 0; i < k; i++)
        {
            a[(i * k) + i] += lambda;
        }
        for (var n = 0; n < columns.Length; n++)
        {
            var y = factors.AsSpan(columns[n] * k, k);
            var c = alpha * ratings[n];
            for (var i = 0; i < k; i++)
            {
                var ci = c * y[i];
                for (var j = 0; j <= i; j++)
                {
                    a[(i * k) + j] += ci * y[j];
                }
                b[i] += (1 + c) * y[i];
            }
        }
        Cholesky.Factor(a, k);
        Cholesky.Solve(a, k, b);

        var solved = new float[k];
        new RowSolver(k).Exact(gram, factors, columns, ratings, alpha, lambda, solved);

        Assert.Equal(b.Select(v => (float)v), solved);
    }

    [Fact]
    public void ScoreHistory_ScoredInBlocks_IsBitForBitOneMultiplyAddPerFactor()
    {
        // More items than one block, and not a multiple of it, so the blocks and the last partial one are all checked.
        var matrix = RandomRatings.Matrix(300, 5000, seed: 7);
        var model = (AlsModel)new ImplicitAls(new AlsOptions { Factors = 8, Iterations = 2, Alpha = 2, Regularization = 1 }).Fit(matrix);
        int[] history = [3, 1999, 2048, 4096, 4999];
        float[] ratings = [5, 4, 3, 4.5f, 2];
        var user = new float[model.Factors];
        model.FoldIn(history, ratings, user);
        var expected = new float[model.Items.Count];
        for (var j = 0; j < expected.Length; j++)
        {
            var row = model.ItemFactors.AsSpan(j * model.Factors, model.Factors);
            var score = row[0] * user[0];
            for (var f = 1; f < model.Factors; f++)
            {
                score = (row[f] * user[f]) + score;
            }
            expected[j] = score;
        }

        var scores = new float[model.Items.Count];
        model.ScoreHistory(history, ratings, scores);

        Assert.Equal(expected, scores);
    }

    [Fact]
    public void SimilarMany_OnePassForSeveralMovies_IsEachMoviesOwnScoring()
    {
        var matrix = RandomRatings.Matrix(200, 3000, seed: 9);
        var model = (AlsModel)new ImplicitAls(new AlsOptions { Factors = 8, Iterations = 2, Alpha = 2, Regularization = 1 }).Fit(matrix);
        var personalizer = new ModelPersonalizer(model);
        int[] movieIds = [model.Items.MovieIdAt(5), model.Items.MovieIdAt(700), -1, model.Items.MovieIdAt(2999)];

        var many = personalizer.SimilarMany(movieIds, 40);

        Assert.Empty(many[2]);
        foreach (var m in new[] { 0, 1, 3 })
        {
            var position = model.Items.PositionOf(movieIds[m]);
            var scores = new float[model.Items.Count];
            model.ScoreHistory([position], [5f], scores);
            scores[position] = float.NegativeInfinity;
            var expected = Enumerable.Range(0, scores.Length).Where(j => scores[j] > 0).OrderByDescending(j => scores[j]).ThenBy(j => j).Take(40)
                .Select(j => (model.Items.MovieIdAt(j), scores[j])).ToList();
            Assert.Equal(expected, many[m]);
            Assert.Equal(expected, personalizer.Similar(movieIds[m], 40));
        }
    }
}
