using Marquee.Core.Numerics;

namespace Marquee.Core.Tests.Numerics;

/// <summary>
/// The managed fallbacks give what OpenBLAS gives. The test scripts install OpenBLAS, so these tests
/// insist on it being loaded (unless MARQUEE_BLAS=managed asks for the fallback on purpose).
/// </summary>
public class NativeAndManagedAgreementTests
{
    private static void RequireOpenBlas()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("MARQUEE_BLAS"), "managed", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        Assert.True(OpenBlas.IsAvailable, $"OpenBLAS did not load ({OpenBlas.Description}): apt-get install libopenblas0-pthread");
        Assert.StartsWith("OpenBLAS", MatrixProduct.Backend);
        Assert.Equal(Environment.ProcessorCount, OpenBlas.Threads);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(600)] // past the managed path's 512 threshold: its blocked parallel factorisation
    public void Invert_NativeAndManaged_Agree(int n)
    {
        RequireOpenBlas();
        var a = CholeskyTests.RandomSpd(n, seed: 11);
        var native = (double[])a.Clone();
        var managed = (double[])a.Clone();

        Cholesky.Invert(native, n);
        Cholesky.InvertManaged(managed, n);

        Assert.Equal(managed, native, (x, y) => Math.Abs(x - y) <= 1e-10 * Math.Max(1, Math.Abs(x)));
    }

    [Fact]
    public void Multiply_NativeAndManaged_Agree()
    {
        RequireOpenBlas();
        const int m = 37, k = 53, n = 29;
        var random = new Random(5);
        var a = Enumerable.Range(0, m * k).Select(_ => random.NextDouble() - 0.5).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var native = new double[m * n];
        var managed = Enumerable.Repeat(double.NaN, m * n).ToArray(); // the fallback must overwrite, not add

        MatrixProduct.Multiply(a, b, native, m, k, n);
        MatrixProduct.MultiplyManaged(a, b, managed, m, k, n);

        Assert.Equal(managed, native, (x, y) => Math.Abs(x - y) < 1e-12);
        var expected = Enumerable.Range(0, k).Sum(p => a[(3 * k) + p] * b[(p * n) + 7]);
        Assert.Equal(expected, native[(3 * n) + 7], 1e-12);
    }
}
