using Marquee.Core.Numerics;

namespace Marquee.Core.Tests.Numerics;

public class CholeskyTests
{
    /// <summary>A random symmetric positive-definite matrix: BᵀB/n + I, row-major.</summary>
    internal static double[] RandomSpd(int n, int seed)
    {
        var random = new Random(seed);
        var b = new double[n * n];
        for (var i = 0; i < b.Length; i++)
        {
            b[i] = random.NextDouble() - 0.5;
        }
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += b[(k * n) + i] * b[(k * n) + j];
                }
                a[(i * n) + j] = a[(j * n) + i] = (sum / n) + (i == j ? 1 : 0);
            }
        }
        return a;
    }

    [Fact]
    public void TryFactor_KnownMatrix_GivesItsFactorAndSolves()
    {
        double[] a = [4, 2, 2, 2, 5, 3, 2, 3, 6];

        Assert.True(Cholesky.TryFactor(a, 3));
        Assert.Equal([2.0, 1, 1, 2, 1, 2], new[] { a[0], a[3], a[6], a[4], a[7], a[8] });
        double[] x = [14, 21, 26]; // A · (1, 2, 3)
        Cholesky.Solve(a, 3, x);
        Assert.Equal(1, x[0], 12);
        Assert.Equal(2, x[1], 12);
        Assert.Equal(3, x[2], 12);
    }

    [Fact]
    public void SolveWithInverseDiagonal_SameAsWithDivisions()
    {
        var a = RandomSpd(9, seed: 4);
        var inverseDiagonal = new double[9];
        Assert.True(Cholesky.TryFactor(a, 9, inverseDiagonal));
        double[] b = [1, -2, 3, 0.5, 0, 7, -1, 2, 4];
        var viaDivision = (double[])b.Clone();
        var viaReciprocal = (double[])b.Clone();

        Cholesky.SolveLower(a, 9, viaDivision);
        Cholesky.SolveLowerTransposed(a, 9, viaDivision);
        Cholesky.SolveLower(a, 9, viaReciprocal, inverseDiagonal);
        Cholesky.SolveLowerTransposed(a, 9, viaReciprocal, inverseDiagonal);

        Assert.Equal(viaDivision, viaReciprocal, (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void TryFactor_IndefiniteMatrix_ReturnsFalseAndFactorThrows()
    {
        Assert.False(Cholesky.TryFactor(new double[] { 1, 2, 2, 1 }, 2));
        Assert.Throws<InvalidOperationException>(() => Cholesky.Factor(new double[] { 1, 2, 2, 1 }, 2));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(130)]
    public void Invert_RandomSpdMatrix_TimesItselfIsTheIdentity(int n)
    {
        var a = RandomSpd(n, seed: n);
        var inverse = (double[])a.Clone();

        Cholesky.Invert(inverse, n);

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += a[(i * n) + k] * inverse[(k * n) + j];
                }
                Assert.Equal(i == j ? 1.0 : 0.0, sum, 1e-10);
            }
        }
    }

    [Fact]
    public void Invert_IndefiniteMatrix_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Cholesky.Invert([1, 2, 2, 1], 2));
    }
}
