using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Marquee.Core.Numerics;

/// <summary>
/// The implicit-ALS kernels for 64 factors with AVX-512 (without it, ImplicitAls takes its portable
/// paths: RowSolver.ConjugateGradientPortable, ImplicitAls.GramPortable, RowSolver.Exact). The row
/// solve holds every CG vector in registers:
/// A = YᵀY + λI + Σ_i c_i y_i y_iᵀ (c_i = α r_i), b = Σ_i (1 + c_i) y_i, warm-started from x. Each
/// pass over the row's ratings loads y_i once and fuses its dot product with its update, and the first
/// pass builds b alongside A·x.
/// </summary>
public static class ImplicitAls64Avx512
{
    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Solve(ReadOnlySpan<float> gram, float[] factors, ReadOnlySpan<int> columns, ReadOnlySpan<float> ratings,
        float alpha, float lambda, int steps, Span<float> x)
    {
        ref var g = ref MemoryMarshal.GetReference(gram);
        ref var f = ref MemoryMarshal.GetArrayDataReference(factors);
        ref var xr = ref MemoryMarshal.GetReference(x);
        var x0 = Vector512.LoadUnsafe(ref xr, 0);
        var x1 = Vector512.LoadUnsafe(ref xr, 16);
        var x2 = Vector512.LoadUnsafe(ref xr, 32);
        var x3 = Vector512.LoadUnsafe(ref xr, 48);

        // r = b − A·x.
        Span<float> scratch = stackalloc float[64];
        Store(scratch, x0, x1, x2, x3);
        MultiplyGram(ref g, scratch, lambda, x0, x1, x2, x3, out var a0, out var a1, out var a2, out var a3);
        Vector512<float> b0 = default, b1 = default, b2 = default, b3 = default;
        for (var n = 0; n < columns.Length; n++)
        {
            ref var y = ref Unsafe.Add(ref f, columns[n] * 64);
            var y0 = Vector512.LoadUnsafe(ref y, 0);
            var y1 = Vector512.LoadUnsafe(ref y, 16);
            var y2 = Vector512.LoadUnsafe(ref y, 32);
            var y3 = Vector512.LoadUnsafe(ref y, 48);
            var c = alpha * ratings[n];
            var s = Vector512.Create(c * Dot(y0, y1, y2, y3, x0, x1, x2, x3));
            a0 = Vector512.FusedMultiplyAdd(s, y0, a0);
            a1 = Vector512.FusedMultiplyAdd(s, y1, a1);
            a2 = Vector512.FusedMultiplyAdd(s, y2, a2);
            a3 = Vector512.FusedMultiplyAdd(s, y3, a3);
            var w = Vector512.Create(1 + c);
            b0 = Vector512.FusedMultiplyAdd(w, y0, b0);
            b1 = Vector512.FusedMultiplyAdd(w, y1, b1);
            b2 = Vector512.FusedMultiplyAdd(w, y2, b2);
            b3 = Vector512.FusedMultiplyAdd(w, y3, b3);
        }
        var r0 = b0 - a0;
        var r1 = b1 - a1;
        var r2 = b2 - a2;
        var r3 = b3 - a3;
        var p0 = r0;
        var p1 = r1;
        var p2 = r2;
        var p3 = r3;
        var rsOld = Dot(r0, r1, r2, r3, r0, r1, r2, r3);
        for (var step = 0; step < steps && rsOld > 1e-20f; step++)
        {
            // ap = A·p
            Store(scratch, p0, p1, p2, p3);
            MultiplyGram(ref g, scratch, lambda, p0, p1, p2, p3, out var q0, out var q1, out var q2, out var q3);
            for (var n = 0; n < columns.Length; n++)
            {
                ref var y = ref Unsafe.Add(ref f, columns[n] * 64);
                var y0 = Vector512.LoadUnsafe(ref y, 0);
                var y1 = Vector512.LoadUnsafe(ref y, 16);
                var y2 = Vector512.LoadUnsafe(ref y, 32);
                var y3 = Vector512.LoadUnsafe(ref y, 48);
                var s = Vector512.Create(alpha * ratings[n] * Dot(y0, y1, y2, y3, p0, p1, p2, p3));
                q0 = Vector512.FusedMultiplyAdd(s, y0, q0);
                q1 = Vector512.FusedMultiplyAdd(s, y1, q1);
                q2 = Vector512.FusedMultiplyAdd(s, y2, q2);
                q3 = Vector512.FusedMultiplyAdd(s, y3, q3);
            }
            var stepSize = Vector512.Create(rsOld / Dot(p0, p1, p2, p3, q0, q1, q2, q3));
            x0 = Vector512.FusedMultiplyAdd(stepSize, p0, x0);
            x1 = Vector512.FusedMultiplyAdd(stepSize, p1, x1);
            x2 = Vector512.FusedMultiplyAdd(stepSize, p2, x2);
            x3 = Vector512.FusedMultiplyAdd(stepSize, p3, x3);
            r0 = Vector512.FusedMultiplyAdd(-stepSize, q0, r0);
            r1 = Vector512.FusedMultiplyAdd(-stepSize, q1, r1);
            r2 = Vector512.FusedMultiplyAdd(-stepSize, q2, r2);
            r3 = Vector512.FusedMultiplyAdd(-stepSize, q3, r3);
            var rsNew = Dot(r0, r1, r2, r3, r0, r1, r2, r3);
            var beta = Vector512.Create(rsNew / rsOld);
            p0 = Vector512.FusedMultiplyAdd(beta, p0, r0);
            p1 = Vector512.FusedMultiplyAdd(beta, p1, r1);
            p2 = Vector512.FusedMultiplyAdd(beta, p2, r2);
            p3 = Vector512.FusedMultiplyAdd(beta, p3, r3);
            rsOld = rsNew;
        }
        x0.StoreUnsafe(ref xr, 0);
        x1.StoreUnsafe(ref xr, 16);
        x2.StoreUnsafe(ref xr, 32);
        x3.StoreUnsafe(ref xr, 48);
    }

    /// <summary>
    /// YᵀY for row-major n × 64 factors: each task accumulates four rows of the result in 16 registers
    /// while streaming Y once, so Y is read in order and nothing is transposed.
    /// </summary>
    public static float[] Gram(float[] factors)
    {
        var rows = factors.Length / 64;
        var gram = new float[64 * 64];
        Parallel.For(0, 16, block => GramRows(factors, rows, block * 4, gram));
        return gram;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GramRows(float[] factors, int rows, int first, float[] gram)
    {
        ref var f = ref MemoryMarshal.GetArrayDataReference(factors);
        Vector512<float> a00 = default, a01 = default, a02 = default, a03 = default;
        Vector512<float> a10 = default, a11 = default, a12 = default, a13 = default;
        Vector512<float> a20 = default, a21 = default, a22 = default, a23 = default;
        Vector512<float> a30 = default, a31 = default, a32 = default, a33 = default;
        for (nuint r = 0; r < (nuint)rows; r++)
        {
            ref var y = ref Unsafe.Add(ref f, r * 64);
            var y0 = Vector512.LoadUnsafe(ref y, 0);
            var y1 = Vector512.LoadUnsafe(ref y, 16);
            var y2 = Vector512.LoadUnsafe(ref y, 32);
            var y3 = Vector512.LoadUnsafe(ref y, 48);
            var b0 = Vector512.Create(Unsafe.Add(ref y, first));
            var b1 = Vector512.Create(Unsafe.Add(ref y, first + 1));
            var b2 = Vector512.Create(Unsafe.Add(ref y, first + 2));
            var b3 = Vector512.Create(Unsafe.Add(ref y, first + 3));
            a00 = Vector512.FusedMultiplyAdd(b0, y0, a00);
            a01 = Vector512.FusedMultiplyAdd(b0, y1, a01);
            a02 = Vector512.FusedMultiplyAdd(b0, y2, a02);
            a03 = Vector512.FusedMultiplyAdd(b0, y3, a03);
            a10 = Vector512.FusedMultiplyAdd(b1, y0, a10);
            a11 = Vector512.FusedMultiplyAdd(b1, y1, a11);
            a12 = Vector512.FusedMultiplyAdd(b1, y2, a12);
            a13 = Vector512.FusedMultiplyAdd(b1, y3, a13);
            a20 = Vector512.FusedMultiplyAdd(b2, y0, a20);
            a21 = Vector512.FusedMultiplyAdd(b2, y1, a21);
            a22 = Vector512.FusedMultiplyAdd(b2, y2, a22);
            a23 = Vector512.FusedMultiplyAdd(b2, y3, a23);
            a30 = Vector512.FusedMultiplyAdd(b3, y0, a30);
            a31 = Vector512.FusedMultiplyAdd(b3, y1, a31);
            a32 = Vector512.FusedMultiplyAdd(b3, y2, a32);
            a33 = Vector512.FusedMultiplyAdd(b3, y3, a33);
        }
        ref var g = ref MemoryMarshal.GetArrayDataReference(gram);
        Store(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref g, first * 64), 64), a00, a01, a02, a03);
        Store(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref g, (first + 1) * 64), 64), a10, a11, a12, a13);
        Store(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref g, (first + 2) * 64), 64), a20, a21, a22, a23);
        Store(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref g, (first + 3) * 64), 64), a30, a31, a32, a33);
    }

    /// <summary>Rows with at most this many ratings are solved exactly through <see cref="SolveFew"/>.</summary>
    public const int FewRatings = 3;

    /// <summary>
    /// Exact solve for a row with few ratings by the Woodbury identity: with S = (G + λI)⁻¹ (shared by
    /// all rows), w_i = S·y_i and z = S·b = Σ (1 + c_i) w_i, x = z − Σ_i q_i w_i where
    /// (C⁻¹ + Y S Yᵀ) q = Y z. Costs one 64² product per rating instead of four per row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SolveFew(ReadOnlySpan<float> inverse, float[] factors, ReadOnlySpan<int> columns, ReadOnlySpan<float> ratings,
        float alpha, Span<float> x)
    {
        var n = columns.Length;
        ref var s = ref MemoryMarshal.GetReference(inverse);
        ref var f = ref MemoryMarshal.GetArrayDataReference(factors);
        Span<float> w = stackalloc float[FewRatings * 64];
        ref var wr = ref MemoryMarshal.GetReference(w);
        Vector512<float> z0 = default, z1 = default, z2 = default, z3 = default;
        for (var i = 0; i < n; i++)
        {
            ref var y = ref Unsafe.Add(ref f, columns[i] * 64);
            var y0 = Vector512.LoadUnsafe(ref y, 0);
            var y1 = Vector512.LoadUnsafe(ref y, 16);
            var y2 = Vector512.LoadUnsafe(ref y, 32);
            var y3 = Vector512.LoadUnsafe(ref y, 48);
            MultiplyGram(ref s, MemoryMarshal.CreateReadOnlySpan(ref y, 64), 0, y0, y1, y2, y3, out var w0, out var w1, out var w2, out var w3);
            Store(w.Slice(i * 64, 64), w0, w1, w2, w3);
            var weight = Vector512.Create(1 + alpha * ratings[i]);
            z0 = Vector512.FusedMultiplyAdd(weight, w0, z0);
            z1 = Vector512.FusedMultiplyAdd(weight, w1, z1);
            z2 = Vector512.FusedMultiplyAdd(weight, w2, z2);
            z3 = Vector512.FusedMultiplyAdd(weight, w3, z3);
        }
        // The small system (C⁻¹ + Y S Yᵀ) q = Y z, n ≤ 3, by Gaussian elimination (it is SPD).
        Span<double> m = stackalloc double[FewRatings * FewRatings];
        Span<double> q = stackalloc double[FewRatings];
        for (var i = 0; i < n; i++)
        {
            ref var y = ref Unsafe.Add(ref f, columns[i] * 64);
            var y0 = Vector512.LoadUnsafe(ref y, 0);
            var y1 = Vector512.LoadUnsafe(ref y, 16);
            var y2 = Vector512.LoadUnsafe(ref y, 32);
            var y3 = Vector512.LoadUnsafe(ref y, 48);
            q[i] = Dot(y0, y1, y2, y3, z0, z1, z2, z3);
            for (var j = 0; j < n; j++)
            {
                ref var wj = ref Unsafe.Add(ref wr, j * 64);
                m[i * n + j] = Dot(y0, y1, y2, y3, Vector512.LoadUnsafe(ref wj, 0), Vector512.LoadUnsafe(ref wj, 16),
                    Vector512.LoadUnsafe(ref wj, 32), Vector512.LoadUnsafe(ref wj, 48));
            }
            m[i * n + i] += 1.0 / (alpha * ratings[i]);
        }
        for (var k = 0; k < n; k++)
        {
            for (var i = k + 1; i < n; i++)
            {
                var factor = m[i * n + k] / m[k * n + k];
                for (var j = k; j < n; j++)
                {
                    m[i * n + j] -= factor * m[k * n + j];
                }
                q[i] -= factor * q[k];
            }
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = q[i];
            for (var j = i + 1; j < n; j++)
            {
                sum -= m[i * n + j] * q[j];
            }
            q[i] = sum / m[i * n + i];
        }
        for (var i = 0; i < n; i++)
        {
            ref var wi = ref Unsafe.Add(ref wr, i * 64);
            var qi = Vector512.Create((float)-q[i]);
            z0 = Vector512.FusedMultiplyAdd(qi, Vector512.LoadUnsafe(ref wi, 0), z0);
            z1 = Vector512.FusedMultiplyAdd(qi, Vector512.LoadUnsafe(ref wi, 16), z1);
            z2 = Vector512.FusedMultiplyAdd(qi, Vector512.LoadUnsafe(ref wi, 32), z2);
            z3 = Vector512.FusedMultiplyAdd(qi, Vector512.LoadUnsafe(ref wi, 48), z3);
        }
        Store(x, z0, z1, z2, z3);
    }

    /// <summary>(G + λI)·v with v given both in registers and in memory (for broadcasts).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyGram(ref float g, ReadOnlySpan<float> v, float lambda,
        Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3,
        out Vector512<float> a0, out Vector512<float> a1, out Vector512<float> a2, out Vector512<float> a3)
    {
        var l = Vector512.Create(lambda);
        a0 = l * v0;
        a1 = l * v1;
        a2 = l * v2;
        a3 = l * v3;
        ref var vr = ref MemoryMarshal.GetReference(v);
        // G symmetric: G·v = Σ_j v_j G[j, :].
        for (nuint j = 0; j < 64; j++)
        {
            var vj = Vector512.Create(Unsafe.Add(ref vr, j));
            ref var row = ref Unsafe.Add(ref g, j * 64);
            a0 = Vector512.FusedMultiplyAdd(vj, Vector512.LoadUnsafe(ref row, 0), a0);
            a1 = Vector512.FusedMultiplyAdd(vj, Vector512.LoadUnsafe(ref row, 16), a1);
            a2 = Vector512.FusedMultiplyAdd(vj, Vector512.LoadUnsafe(ref row, 32), a2);
            a3 = Vector512.FusedMultiplyAdd(vj, Vector512.LoadUnsafe(ref row, 48), a3);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot(Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3,
        Vector512<float> b0, Vector512<float> b1, Vector512<float> b2, Vector512<float> b3) =>
        Vector512.Sum(Vector512.FusedMultiplyAdd(a0, b0, a1 * b1) + Vector512.FusedMultiplyAdd(a2, b2, a3 * b3));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<float> target, Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3)
    {
        ref var t = ref MemoryMarshal.GetReference(target);
        v0.StoreUnsafe(ref t, 0);
        v1.StoreUnsafe(ref t, 16);
        v2.StoreUnsafe(ref t, 32);
        v3.StoreUnsafe(ref t, 48);
    }
}
