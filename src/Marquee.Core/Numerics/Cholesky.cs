using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Marquee.Core.Numerics;

/// <summary>
/// Cholesky factorisation A = L Lᵀ of symmetric positive-definite matrices, row-major <c>n × n</c>.
/// Small systems (the rank-sized solves of the factor models, called hundreds of thousands of times per
/// fit) are factored and solved here in managed code, in place and without allocation, where a native
/// call would cost more than the work. Large dense inverses (EASE's Gram or user kernel) go to LAPACK
/// through <see cref="OpenBlas"/>, with a blocked parallel managed fallback when it is not installed.
/// </summary>
public static class Cholesky
{
    /// <summary>
    /// Overwrites the lower triangle of <paramref name="a"/> with L (upper triangle left untouched) and, when
    /// <paramref name="inverseDiagonal"/> is not empty, writes 1 / L_jj there for division-free solves.
    /// Returns false when a pivot is not positive (A is not positive definite).
    /// </summary>
    public static bool TryFactor(Span<double> a, int n, Span<double> inverseDiagonal = default)
    {
        if (a.Length < n * n || (!inverseDiagonal.IsEmpty && inverseDiagonal.Length < n))
        {
            throw new ArgumentException("matrix too small", nameof(a));
        }
        ref var origin = ref MemoryMarshal.GetReference(a);
        for (var j = 0; j < n; j++)
        {
            ref var rowJ = ref Unsafe.Add(ref origin, j * n);
            var pivot = Unsafe.Add(ref rowJ, j);
            for (var p = 0; p < j; p++)
            {
                var l = Unsafe.Add(ref rowJ, p);
                pivot -= l * l;
            }
            if (!(pivot > 0))
            {
                return false;
            }
            var diagonal = Math.Sqrt(pivot);
            Unsafe.Add(ref rowJ, j) = diagonal;
            var inverse = 1 / diagonal;
            if (!inverseDiagonal.IsEmpty)
            {
                inverseDiagonal[j] = inverse;
            }
            for (var i = j + 1; i < n; i++)
            {
                ref var rowI = ref Unsafe.Add(ref origin, i * n);
                var value = Unsafe.Add(ref rowI, j);
                for (var p = 0; p < j; p++)
                {
                    value -= Unsafe.Add(ref rowI, p) * Unsafe.Add(ref rowJ, p);
                }
                Unsafe.Add(ref rowI, j) = value * inverse;
            }
        }
        return true;
    }

    /// <summary>As <see cref="TryFactor"/>, for callers whose matrix is positive definite by construction.</summary>
    /// <exception cref="InvalidOperationException">A is not positive definite.</exception>
    public static void Factor(Span<double> a, int n)
    {
        if (!TryFactor(a, n))
        {
            throw new InvalidOperationException("matrix is not positive definite");
        }
    }

    /// <summary>Solves (L Lᵀ) x = b in place, L from <see cref="TryFactor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> l, int n, Span<double> x)
    {
        SolveLower(l, n, x);
        SolveLowerTransposed(l, n, x);
    }

    /// <summary><paramref name="x"/> ← L⁻¹ x (forward substitution).</summary>
    public static void SolveLower(ReadOnlySpan<double> l, int n, Span<double> x)
    {
        if (l.Length < n * n || x.Length < n)
        {
            throw new ArgumentException("operands too small");
        }
        ref var origin = ref MemoryMarshal.GetReference(l);
        ref var x0 = ref MemoryMarshal.GetReference(x);
        for (var i = 0; i < n; i++)
        {
            ref var row = ref Unsafe.Add(ref origin, i * n);
            var value = Unsafe.Add(ref x0, i);
            for (var p = 0; p < i; p++)
            {
                value -= Unsafe.Add(ref row, p) * Unsafe.Add(ref x0, p);
            }
            Unsafe.Add(ref x0, i) = value / Unsafe.Add(ref row, i);
        }
    }

    /// <summary><paramref name="x"/> ← L⁻ᵀ x (back substitution with the transposed factor).</summary>
    public static void SolveLowerTransposed(ReadOnlySpan<double> l, int n, Span<double> x)
    {
        if (l.Length < n * n || x.Length < n)
        {
            throw new ArgumentException("operands too small");
        }
        ref var origin = ref MemoryMarshal.GetReference(l);
        ref var x0 = ref MemoryMarshal.GetReference(x);
        for (var i = n - 1; i >= 0; i--)
        {
            var value = Unsafe.Add(ref x0, i);
            for (var p = i + 1; p < n; p++)
            {
                value -= Unsafe.Add(ref origin, (p * n) + i) * Unsafe.Add(ref x0, p);
            }
            Unsafe.Add(ref x0, i) = value / Unsafe.Add(ref origin, (i * n) + i);
        }
    }

    /// <summary><paramref name="x"/> ← L⁻¹ x with the reciprocal diagonal written by <see cref="TryFactor"/>.</summary>
    public static void SolveLower(ReadOnlySpan<double> l, int n, Span<double> x, ReadOnlySpan<double> inverseDiagonal)
    {
        if (l.Length < n * n || x.Length < n || inverseDiagonal.Length < n)
        {
            throw new ArgumentException("operands too small");
        }
        ref var origin = ref MemoryMarshal.GetReference(l);
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var inverse = ref MemoryMarshal.GetReference(inverseDiagonal);
        for (var i = 0; i < n; i++)
        {
            ref var row = ref Unsafe.Add(ref origin, i * n);
            var value = Unsafe.Add(ref x0, i);
            for (var p = 0; p < i; p++)
            {
                value -= Unsafe.Add(ref row, p) * Unsafe.Add(ref x0, p);
            }
            Unsafe.Add(ref x0, i) = value * Unsafe.Add(ref inverse, i);
        }
    }

    /// <summary><paramref name="x"/> ← L⁻ᵀ x with the reciprocal diagonal.</summary>
    public static void SolveLowerTransposed(ReadOnlySpan<double> l, int n, Span<double> x, ReadOnlySpan<double> inverseDiagonal)
    {
        if (l.Length < n * n || x.Length < n || inverseDiagonal.Length < n)
        {
            throw new ArgumentException("operands too small");
        }
        ref var origin = ref MemoryMarshal.GetReference(l);
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var inverse = ref MemoryMarshal.GetReference(inverseDiagonal);
        for (var i = n - 1; i >= 0; i--)
        {
            var value = Unsafe.Add(ref x0, i);
            for (var p = i + 1; p < n; p++)
            {
                value -= Unsafe.Add(ref origin, (p * n) + i) * Unsafe.Add(ref x0, p);
            }
            Unsafe.Add(ref x0, i) = value * Unsafe.Add(ref inverse, i);
        }
    }

    /// <summary>
    /// Replaces a symmetric positive-definite A (row-major, both triangles) by its inverse: LAPACK
    /// dpotrf + dpotri through OpenBLAS, or <see cref="InvertManaged"/> without it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A is not positive definite.</exception>
    public static void Invert(double[] a, int n)
    {
        if (OpenBlas.IsAvailable)
        {
            if (!OpenBlas.InvertSymmetricPositiveDefinite(a, n))
            {
                throw new InvalidOperationException("matrix is not positive definite");
            }
            return;
        }
        InvertManaged(a, n);
    }

    /// <summary>
    /// The managed inverse (used without OpenBLAS): a right-looking blocked factorisation with the trailing
    /// updates spread over cores, L⁻¹ column by column, then A⁻¹ = L⁻ᵀ L⁻¹.
    /// </summary>
    internal static void InvertManaged(double[] a, int n)
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

    /// <summary>Right-looking factorisation in 64-column panels; small matrices go through <see cref="Factor"/>.</summary>
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
