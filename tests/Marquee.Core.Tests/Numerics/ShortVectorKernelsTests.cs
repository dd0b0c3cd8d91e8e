using System.Runtime.Intrinsics;
using Marquee.Core.Numerics;
using Marquee.Core.Recommenders;

namespace Marquee.Core.Tests.Numerics;

/// <summary>
/// Every path of the hand-vectorised kernels (AVX-512, AVX2 and the portable fallback the kernels take on
/// other processors) against a plain double-precision reference, called directly so that CI runs the
/// fallbacks on a machine whose dispatch would pick AVX-512.
/// </summary>
public class ShortVectorKernelsTests
{
    private static float[] Random(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5))];
    }

    private static float[] SymmetricGram(int k, int seed)
    {
        var b = Random(k * k, seed);
        var g = new float[k * k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                g[(i * k) + j] = b[(i * k) + j] + b[(j * k) + i];
            }
        }
        return g;
    }

    private static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double tolerance = 1e-4)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }

    [Fact]
    public void SymmetricMultiply_EveryPath_MatchesTheReference()
    {
        const int k = 64;
        var g = SymmetricGram(k, seed: 1);
        var v = Random(k, seed: 2);
        var expected = Enumerable.Range(0, k).Select(a => Enumerable.Range(0, k).Sum(b => (double)g[(a * k) + b] * v[b])).ToArray();
        var result = new float[k];

        ShortVectorKernels.SymmetricMultiplyPortable(g, v, k, result);
        AssertClose(expected, result);
        if (Vector256.IsHardwareAccelerated)
        {
            ShortVectorKernels.Multiply64Avx2(g, v, result);
            AssertClose(expected, result);
        }
        if (Vector512.IsHardwareAccelerated)
        {
            ShortVectorKernels.Multiply64Avx512(g, v, result);
            AssertClose(expected, result);
        }
        ShortVectorKernels.SymmetricMultiply(g, v, k, result);
        AssertClose(expected, result);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(40)]
    public void DotAndAddScaled_EveryPath_MatchTheReference(int length)
    {
        var x = Random(length, seed: 3);
        var y = Random(length, seed: 4);
        var dot = Enumerable.Range(0, length).Sum(i => (double)x[i] * y[i]);
        var axpy = Enumerable.Range(0, length).Select(i => y[i] + (0.75 * x[i])).ToArray();

        Assert.Equal(dot, ShortVectorKernels.Dot(x, y), 1e-4);
        var result = (float[])y.Clone();
        ShortVectorKernels.AddScaled(x, 0.75f, result);
        AssertClose(axpy, result);
        if (Vector256.IsHardwareAccelerated)
        {
            Assert.Equal(dot, ShortVectorKernels.DotAvx2(x, y), 1e-4);
            result = (float[])y.Clone();
            ShortVectorKernels.AddScaledAvx2(x, 0.75f, result);
            AssertClose(axpy, result);
        }
        if (Vector512.IsHardwareAccelerated && length == 64)
        {
            Assert.Equal(dot, ShortVectorKernels.Dot64Avx512(x, y), 1e-4);
            result = (float[])y.Clone();
            ShortVectorKernels.AddScaled64Avx512(x, 0.75f, result);
            AssertClose(axpy, result);
        }
    }

    [Fact]
    public void AlsGram_Avx512AndPortable_Agree()
    {
        var factors = Random(300 * 64, seed: 5);
        var portable = ImplicitAls.GramPortable(factors, 64);
        var expected = new double[64 * 64];
        for (var a = 0; a < 64; a++)
        {
            for (var b = 0; b < 64; b++)
            {
                expected[(a * 64) + b] = Enumerable.Range(0, 300).Sum(r => (double)factors[(r * 64) + a] * factors[(r * 64) + b]);
            }
        }

        AssertClose(expected, portable, 1e-3);
        if (ImplicitAls64Avx512.IsSupported)
        {
            AssertClose(expected, ImplicitAls64Avx512.Gram(factors), 1e-3);
        }
    }

    [Fact]
    public void AlsRowSolves_Avx512AndPortable_AgreeAndApproachTheExactSolution()
    {
        const int k = 64;
        var factors = Random(200 * k, seed: 6);
        var gram = ImplicitAls.GramPortable(factors, k);
        int[] columns = [3, 17, 42, 99, 150, 151, 199];
        float[] ratings = [5, 4, 3.5f, 1, 2, 4.5f, 3];
        const float alpha = 2, lambda = 3;
        var exact = new float[k];
        new RowSolver(k).Exact(gram, factors, columns, ratings, alpha, lambda, exact);

        // Enough CG steps to converge: both paths then reach the exact solve.
        var portable = new float[k];
        new RowSolver(k).ConjugateGradientPortable(gram, factors, columns, ratings, alpha, lambda, 64, portable);
        AssertClose([.. exact.Select(v => (double)v)], portable, 1e-3);
        if (ImplicitAls64Avx512.IsSupported)
        {
            var twoStepsPortable = new float[k];
            var twoStepsAvx512 = new float[k];
            new RowSolver(k).ConjugateGradientPortable(gram, factors, columns, ratings, alpha, lambda, 2, twoStepsPortable);
            ImplicitAls64Avx512.Solve(gram, factors, columns, ratings, alpha, lambda, 2, twoStepsAvx512);
            AssertClose([.. twoStepsPortable.Select(v => (double)v)], twoStepsAvx512, 1e-4);

            // Rows with few ratings: the Woodbury solve is exact.
            var inverse = new double[k * k];
            for (var i = 0; i < inverse.Length; i++)
            {
                inverse[i] = gram[i] + (i % (k + 1) == 0 ? lambda : 0);
            }
            Cholesky.Invert(inverse, k);
            var few = new float[k];
            var fewExact = new float[k];
            ImplicitAls64Avx512.SolveFew([.. inverse.Select(v => (float)v)], factors, columns.AsSpan(0, 3), ratings.AsSpan(0, 3), alpha, few);
            new RowSolver(k).Exact(gram, factors, columns.AsSpan(0, 3), ratings.AsSpan(0, 3), alpha, lambda, fewExact);
            AssertClose([.. fewExact.Select(v => (double)v)], few, 1e-3);
        }
    }
}
