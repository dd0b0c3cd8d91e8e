using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Marquee.Core.Recommenders.RatingPrediction;

/// <summary>
/// The innermost loop of the sampler: Gram += w·φφᵀ (lower block triangle, whole SIMD vectors) and
/// linear += wt·φ for one observation, on references (no bounds checks) with φ's vectors kept in registers.
/// </summary>
internal static class GramKernel
{
    /// <summary>Row length for d values: one 512-bit vector when the CPU has them and d fits, else whole <see cref="Vector{T}"/>s.</summary>
    public static int Stride(int d) =>
        Vector512.IsHardwareAccelerated && d <= Vector512<float>.Count
            ? Vector512<float>.Count
            : (d + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    /// <summary>
    /// Gram = Σ_j w_j φ_j φ_jᵀ (lower block triangle) and linear = Σ_j (wt)_j φ_j, φ_j being row
    /// <c>rows[j]</c> of <paramref name="design"/>. With 512-bit vectors and d ≤ 16 every Gram row is
    /// one register for the whole loop, instead of a load and a store per observation.
    /// </summary>
    public static void Accumulate(float[] design, ReadOnlySpan<int> rows, ReadOnlySpan<float> weights, ReadOnlySpan<float> weightedTargets,
        float[] gram, float[] linear, int d, int stride)
    {
        Array.Clear(gram);
        Array.Clear(linear);
        ref var designStart = ref MemoryMarshal.GetArrayDataReference(design);
        if (Vector512.IsHardwareAccelerated && stride == Vector512<float>.Count)
        {
            AccumulateInRegisters(ref designStart, rows, weights, weightedTargets, gram, linear, d);
            return;
        }
        ref var gramStart = ref MemoryMarshal.GetArrayDataReference(gram);
        ref var linearStart = ref MemoryMarshal.GetArrayDataReference(linear);
        for (var j = 0; j < rows.Length; j++)
        {
            Add(ref gramStart, ref linearStart, ref Unsafe.Add(ref designStart, rows[j] * stride), weights[j], weightedTargets[j], d, stride);
        }
    }

    private static void AccumulateInRegisters(ref float designStart, ReadOnlySpan<int> rows, ReadOnlySpan<float> weights,
        ReadOnlySpan<float> weightedTargets, float[] gram, float[] linear, int d)
    {
        const int stride = 16;
        Vector512<float> g0 = default, g1 = default, g2 = default, g3 = default, g4 = default, g5 = default, g6 = default, g7 = default;
        Vector512<float> g8 = default, g9 = default, g10 = default, g11 = default, g12 = default, g13 = default, g14 = default, g15 = default;
        var l = Vector512<float>.Zero;
        for (var j = 0; j < rows.Length; j++)
        {
            ref var phi = ref Unsafe.Add(ref designStart, rows[j] * stride);
            var p = Vector512.LoadUnsafe(ref phi);
            var w = weights[j];
            l = Vector512.FusedMultiplyAdd(Vector512.Create(weightedTargets[j]), p, l);
            // Rows past d stay zero (their φ entries are the zero padding), so unconditional
            // updates would be harmless; the checks only skip the work.
            g0 = Vector512.FusedMultiplyAdd(Vector512.Create(w * phi), p, g0);
            g1 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 1)), p, g1);
            if (d > 2)
            {
                g2 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 2)), p, g2);
                g3 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 3)), p, g3);
            }
            if (d > 4)
            {
                g4 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 4)), p, g4);
                g5 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 5)), p, g5);
            }
            if (d > 6)
            {
                g6 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 6)), p, g6);
                g7 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 7)), p, g7);
            }
            if (d > 8)
            {
                g8 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 8)), p, g8);
                g9 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 9)), p, g9);
            }
            if (d > 10)
            {
                g10 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 10)), p, g10);
                g11 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 11)), p, g11);
            }
            if (d > 12)
            {
                g12 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 12)), p, g12);
                g13 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 13)), p, g13);
            }
            if (d > 14)
            {
                g14 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 14)), p, g14);
                g15 = Vector512.FusedMultiplyAdd(Vector512.Create(w * Unsafe.Add(ref phi, 15)), p, g15);
            }
        }
        ref var g = ref MemoryMarshal.GetArrayDataReference(gram);
        l.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(linear));
        g0.StoreUnsafe(ref g);
        g1.StoreUnsafe(ref g, 1 * stride);
        StoreRow(g2, ref g, 2, d);
        StoreRow(g3, ref g, 3, d);
        StoreRow(g4, ref g, 4, d);
        StoreRow(g5, ref g, 5, d);
        StoreRow(g6, ref g, 6, d);
        StoreRow(g7, ref g, 7, d);
        StoreRow(g8, ref g, 8, d);
        StoreRow(g9, ref g, 9, d);
        StoreRow(g10, ref g, 10, d);
        StoreRow(g11, ref g, 11, d);
        StoreRow(g12, ref g, 12, d);
        StoreRow(g13, ref g, 13, d);
        StoreRow(g14, ref g, 14, d);
        StoreRow(g15, ref g, 15, d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(Vector512<float> row, ref float gram, int index, int d)
    {
        if (index < d)
        {
            row.StoreUnsafe(ref gram, (nuint)(index * 16));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref float gram, ref float linear, ref float phi, float weight, float weightedTarget, int d, int stride)
    {
        if (Vector512.IsHardwareAccelerated && stride == Vector512<float>.Count)
        {
            var p = Vector512.LoadUnsafe(ref phi);
            Vector512.FusedMultiplyAdd(Vector512.Create(weightedTarget), p, Vector512.LoadUnsafe(ref linear)).StoreUnsafe(ref linear);
            for (var a = 0; a < d; a++)
            {
                ref var row = ref Unsafe.Add(ref gram, a * stride);
                Vector512.FusedMultiplyAdd(Vector512.Create(weight * Unsafe.Add(ref phi, a)), p, Vector512.LoadUnsafe(ref row)).StoreUnsafe(ref row);
            }
            return;
        }
        var width = Vector<float>.Count;
        var scaled = new Vector<float>(weightedTarget);
        if (stride == width)
        {
            var p0 = Vector.LoadUnsafe(ref phi);
            Vector.FusedMultiplyAdd(scaled, p0, Vector.LoadUnsafe(ref linear)).StoreUnsafe(ref linear);
            for (var a = 0; a < d; a++)
            {
                ref var row = ref Unsafe.Add(ref gram, a * stride);
                var factor = new Vector<float>(weight * Unsafe.Add(ref phi, a));
                Vector.FusedMultiplyAdd(factor, p0, Vector.LoadUnsafe(ref row)).StoreUnsafe(ref row);
            }
        }
        else if (stride == 2 * width)
        {
            var p0 = Vector.LoadUnsafe(ref phi);
            var p1 = Vector.LoadUnsafe(ref phi, (nuint)width);
            Vector.FusedMultiplyAdd(scaled, p0, Vector.LoadUnsafe(ref linear)).StoreUnsafe(ref linear);
            Vector.FusedMultiplyAdd(scaled, p1, Vector.LoadUnsafe(ref linear, (nuint)width)).StoreUnsafe(ref linear, (nuint)width);
            var firstBlock = Math.Min(d, width);
            for (var a = 0; a < firstBlock; a++)
            {
                ref var row = ref Unsafe.Add(ref gram, a * stride);
                var factor = new Vector<float>(weight * Unsafe.Add(ref phi, a));
                Vector.FusedMultiplyAdd(factor, p0, Vector.LoadUnsafe(ref row)).StoreUnsafe(ref row);
            }
            for (var a = width; a < d; a++)
            {
                ref var row = ref Unsafe.Add(ref gram, a * stride);
                var factor = new Vector<float>(weight * Unsafe.Add(ref phi, a));
                Vector.FusedMultiplyAdd(factor, p0, Vector.LoadUnsafe(ref row)).StoreUnsafe(ref row);
                Vector.FusedMultiplyAdd(factor, p1, Vector.LoadUnsafe(ref row, (nuint)width)).StoreUnsafe(ref row, (nuint)width);
            }
        }
        else
        {
            for (var c = 0; c < stride; c += width)
            {
                var pc = Vector.LoadUnsafe(ref phi, (nuint)c);
                Vector.FusedMultiplyAdd(scaled, pc, Vector.LoadUnsafe(ref linear, (nuint)c)).StoreUnsafe(ref linear, (nuint)c);
                // Rows a ≥ c hold the block starting at column c in the lower block triangle.
                for (var a = c; a < d; a++)
                {
                    ref var row = ref Unsafe.Add(ref gram, a * stride);
                    var factor = new Vector<float>(weight * Unsafe.Add(ref phi, a));
                    Vector.FusedMultiplyAdd(factor, pc, Vector.LoadUnsafe(ref row, (nuint)c)).StoreUnsafe(ref row, (nuint)c);
                }
            }
        }
    }
}
