using System.Numerics.Tensors;

namespace Marquee.Core.Numerics;

/// <summary>Dense symmetric positive-definite solves on row-major <c>n × n</c> arrays.</summary>
public static class Cholesky
{
    /// <summary>
    /// Overwrites the lower triangle of <paramref name="a"/> with L such that A = L Lᵀ (upper triangle
    /// left untouched). Rows are contiguous, so each entry is one SIMD dot product of row prefixes.
    /// </summary>
    /// <exception cref="InvalidOperationException">A is not positive definite.</exception>
    public static void Factor(Span<double> a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var rowJ = a.Slice(j * n, n);
            var diagonal = rowJ[j] - TensorPrimitives.Dot(rowJ[..j], rowJ[..j]);
            if (!(diagonal > 0))
            {
                throw new InvalidOperationException($"matrix is not positive definite (pivot {j})");
            }
            var ljj = Math.Sqrt(diagonal);
            rowJ[j] = ljj;
            for (var i = j + 1; i < n; i++)
            {
                var rowI = a.Slice(i * n, n);
                rowI[j] = (rowI[j] - TensorPrimitives.Dot(rowI[..j], rowJ[..j])) / ljj;
            }
        }
    }

    /// <summary>Replaces a symmetric positive-definite A (row-major) by its inverse, in parallel.</summary>
    public static void InvertInPlace(double[] a, int n)
    {
        FactorParallel(a, n);
        // Linv = L⁻¹ (lower triangular), column by column: L · Linv[:, j] = e_j.
        var linv = new double[n * n];
        Parallel.For(0, n, j =>
        {
            var column = new double[n];
            column[j] = 1.0 / a[j * n + j];
            for (var i = j + 1; i < n; i++)
            {
                var rowI = a.AsSpan(i * n, n);
                column[i] = -TensorPrimitives.Dot(rowI[j..i], column.AsSpan(j, i - j)) / rowI[i];
            }
            for (var i = j; i < n; i++)
            {
                linv[i * n + j] = column[i];
            }
        });
        // A⁻¹ = Linvᵀ Linv; entry (r, c) sums over k ≥ max(r, c) of Linv[k, r] · Linv[k, c]. Work on
        // the transpose so both factors are contiguous rows.
        var t = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k <= i; k++)
            {
                t[k * n + i] = linv[i * n + k];
            }
        }
        Parallel.For(0, n, r =>
        {
            var rowR = t.AsSpan(r * n, n);
            for (var c = r; c < n; c++)
            {
                var value = TensorPrimitives.Dot(rowR[c..], t.AsSpan(c * n + c, n - c));
                a[r * n + c] = value;
                a[c * n + r] = value;
            }
        });
    }

    /// <summary>Right-looking factorization with the trailing updates of each column spread over cores.</summary>
    private static void FactorParallel(double[] a, int n)
    {
        if (n < 512)
        {
            Factor(a, n);
            return;
        }
        const int block = 64;
        for (var j0 = 0; j0 < n; j0 += block)
        {
            var j1 = Math.Min(n, j0 + block);
            // Factor the diagonal block and the panel below it (left-looking within the block).
            for (var j = j0; j < j1; j++)
            {
                var rowJ = a.AsSpan(j * n, n);
                var diagonal = rowJ[j] - TensorPrimitives.Dot(rowJ[j0..j], rowJ[j0..j]);
                if (!(diagonal > 0))
                {
                    throw new InvalidOperationException($"matrix is not positive definite (pivot {j})");
                }
                var ljj = Math.Sqrt(diagonal);
                rowJ[j] = ljj;
                var jj = j;
                Parallel.For(j + 1, n, i =>
                {
                    var rowI = a.AsSpan(i * n, n);
                    rowI[jj] = (rowI[jj] - TensorPrimitives.Dot(rowI[j0..jj], a.AsSpan(jj * n + j0, jj - j0))) / ljj;
                });
            }
            // Trailing update: A[i, c] -= L[i, j0:j1] · L[c, j0:j1] for j1 ≤ c ≤ i.
            Parallel.For(j1, n, i =>
            {
                var rowI = a.AsSpan(i * n, n);
                var panelI = rowI[j0..j1];
                for (var c = j1; c <= i; c++)
                {
                    rowI[c] -= TensorPrimitives.Dot(panelI, a.AsSpan(c * n + j0, j1 - j0));
                }
            });
        }
    }
}
