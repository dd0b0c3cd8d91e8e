using Marquee.Core.Numerics;

namespace Marquee.Core.Tests.Numerics;

public class TopKTests
{
    /// <summary>Best first, ties to the smaller position, never −∞ or NaN: what a full sort would give.</summary>
    private static int[] BySorting(double[] scores, int k) =>
        [.. Enumerable.Range(0, scores.Length)
            .Where(i => !double.IsNegativeInfinity(scores[i]) && !double.IsNaN(scores[i]))
            .OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k)];

    [Theory]
    [InlineData(0, 10)]
    [InlineData(5, 10)]
    [InlineData(1000, 1)]
    [InlineData(1000, 10)]
    [InlineData(1000, 32)]
    [InlineData(1000, 33)]
    [InlineData(1000, 100)]
    [InlineData(60, 100)]
    public void Select_RandomScoresWithTiesAndExclusions_MatchesAFullSort(int n, int k)
    {
        var random = new Random(n * 31 + k);
        // Few distinct values, so ties are everywhere; some positions excluded by −∞ or NaN.
        var scores = Enumerable.Range(0, n).Select(_ => random.Next(10) switch
        {
            0 => double.NegativeInfinity,
            1 => double.NaN,
            var v => v / 4.0,
        }).ToArray();
        var top = new int[k];

        var count = TopK.Select<double>(scores, top);

        Assert.Equal(BySorting(scores, k), top[..count]);
    }

    [Fact]
    public void Select_FloatScores_UseTheSameOrder()
    {
        float[] scores = [0.5f, 2f, 2f, float.NegativeInfinity, 1f, 2f, 0.5f];
        var top = new int[40];

        var count = TopK.Select<float>(scores, top);

        Assert.Equal([1, 2, 5, 4, 0, 6], top[..count]);
    }
}
