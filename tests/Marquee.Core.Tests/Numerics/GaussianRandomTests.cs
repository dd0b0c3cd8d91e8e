using Marquee.Core.Numerics;

namespace Marquee.Core.Tests.Numerics;

public class GaussianRandomTests
{
    [Fact]
    public void NextNormal_ManyDraws_HaveStandardNormalMomentsAndTails()
    {
        var random = new GaussianRandom(11);
        const int n = 400_000;
        double sum = 0, squares = 0, fourth = 0;
        int beyondTwo = 0, beyondThreeAndHalf = 0;
        for (var k = 0; k < n; k++)
        {
            var x = random.NextNormal();
            sum += x;
            squares += x * x;
            fourth += x * x * x * x;
            beyondTwo += Math.Abs(x) > 2 ? 1 : 0;
            beyondThreeAndHalf += Math.Abs(x) > 3.5 ? 1 : 0; // past the ziggurat's base layer (r ≈ 3.44)
        }

        Assert.InRange(sum / n, -0.01, 0.01);
        Assert.InRange(squares / n, 0.99, 1.01);
        Assert.InRange(fourth / n, 2.9, 3.1);
        Assert.InRange(beyondTwo / (double)n, 0.0435, 0.0475); // 0.0455
        Assert.InRange(beyondThreeAndHalf, 120, 260); // expected 186
    }

    [Theory]
    [InlineData(3.0, 2.0)]
    [InlineData(0.5, 1.0)]
    [InlineData(250.0, 10.0)]
    public void NextGamma_ManyDraws_HaveTheShapeOverRateMeanAndVariance(double shape, double rate)
    {
        var random = new GaussianRandom(3);
        const int n = 200_000;
        double sum = 0, squares = 0;
        for (var k = 0; k < n; k++)
        {
            var x = random.NextGamma(shape, rate);
            sum += x;
            squares += x * x;
        }
        var mean = sum / n;
        var variance = (squares / n) - (mean * mean);

        Assert.InRange(mean, shape / rate * 0.99, shape / rate * 1.01);
        Assert.InRange(variance, shape / (rate * rate) * 0.96, shape / (rate * rate) * 1.04);
    }

    [Fact]
    public void Fill_SameSeed_GivesTheSameScaledNormals()
    {
        var first = new float[1001];
        var second = new float[1001];
        new GaussianRandom(42).Fill(first, 0.01);
        new GaussianRandom(42).Fill(second, 0.01);

        Assert.Equal(first, second);
        var variance = first.Average(v => (double)v * v);
        Assert.InRange(variance, 0.0001 * 0.85, 0.0001 * 1.15);
    }
}
