using Marquee.Core.Recommenders.RatingPrediction;

namespace Marquee.Core.Tests.Recommenders.RatingPrediction;

public class SamplingPrimitivesTests
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
    public void Cholesky_KnownMatrix_GivesItsFactorAndSolves()
    {
        double[] a = [4, 2, 2, 2, 5, 3, 2, 3, 6];

        Assert.True(SmallDense.Cholesky(a, 3));
        Assert.Equal([2.0, 1, 1, 2, 1, 2], new[] { a[0], a[3], a[6], a[4], a[7], a[8] });
        double[] x = [14, 21, 26]; // A · (1, 2, 3)
        SmallDense.SolveCholesky(a, 3, x);
        Assert.Equal(1, x[0], 12);
        Assert.Equal(2, x[1], 12);
        Assert.Equal(3, x[2], 12);
    }

    [Fact]
    public void Cholesky_IndefiniteMatrix_ReturnsFalse()
    {
        double[] a = [1, 2, 2, 1];

        Assert.False(SmallDense.Cholesky(a, 2));
    }
}
