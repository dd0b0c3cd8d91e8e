using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Marquee.Core.Recommenders.RatingPrediction;

/// <summary>
/// Dense linear algebra for the small (rank + 1)-sized systems the rating models solve per user and
/// per movie: row-major, in place, no allocation. Called hundreds of thousands of times per fit, so
/// the loops run on references without bounds checks (the callers own the sizes).
/// </summary>
internal static class SmallDense
{
    /// <summary>
    /// Cholesky factor of the symmetric positive-definite <paramref name="a"/> (n × n, lower triangle
    /// read), written into its lower triangle. Returns false when a pivot is not positive.
    /// </summary>
    public static bool Cholesky(Span<double> a, int n) => Cholesky(a, n, []);

    /// <summary>The same, also writing 1 / L_jj into <paramref name="inverseDiagonal"/> (when not empty) for division-free solves.</summary>
    public static bool Cholesky(Span<double> a, int n, Span<double> inverseDiagonal)
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

    /// <summary><paramref name="x"/> ← L⁻¹ x (forward substitution with the lower factor).</summary>
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

    /// <summary><paramref name="x"/> ← L⁻ᵀ x (back substitution with the transposed lower factor).</summary>
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

    /// <summary><paramref name="x"/> ← L⁻¹ x using the reciprocal diagonal from <see cref="Cholesky(Span{double}, int, Span{double})"/>.</summary>
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

    /// <summary><paramref name="x"/> ← L⁻ᵀ x using the reciprocal diagonal.</summary>
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

    /// <summary>Solves (L Lᵀ) x = b in place.</summary>
    public static void SolveCholesky(ReadOnlySpan<double> l, int n, Span<double> x)
    {
        SolveLower(l, n, x);
        SolveLowerTransposed(l, n, x);
    }
}
