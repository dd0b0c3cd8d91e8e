using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Marquee.Core.Numerics;

/// <summary>
/// Kernels for the short vectors of matrix factorisation (a few dozen factors), where the call overhead
/// of general-purpose routines dominates: whole rows stay in vector registers.
/// </summary>
public static class SmallDense
{
    /// <summary>result = G·v for a k × k row-major matrix G (k a multiple of 8 takes the register path).</summary>
    public static void SymmetricMultiply(ReadOnlySpan<float> g, ReadOnlySpan<float> v, int k, Span<float> result)
    {
        if (k == 64 && Vector256.IsHardwareAccelerated)
        {
            Multiply64(g, v, result);
            return;
        }
        for (var a = 0; a < k; a++)
        {
            result[a] = TensorPrimitives.Dot(g.Slice(a * k, k), v);
        }
    }

    // result = Σ_a v[a]·G[a, :], valid because G is symmetric; 8 accumulators of 8 floats each.
    private static void Multiply64(ReadOnlySpan<float> g, ReadOnlySpan<float> v, Span<float> result)
    {
        ref var gRef = ref MemoryMarshal.GetReference(g);
        Vector256<float> r0 = default, r1 = default, r2 = default, r3 = default, r4 = default, r5 = default, r6 = default, r7 = default;
        for (var a = 0; a < 64; a++)
        {
            var va = Vector256.Create(v[a]);
            ref var row = ref Unsafe.Add(ref gRef, a * 64);
            r0 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref row, 0), r0);
            r1 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref row, 8), r1);
            r2 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref row, 16), r2);
            r3 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref row, 24), r3);
            r4 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref row, 32), r4);
            r5 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref row, 40), r5);
            r6 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref row, 48), r6);
            r7 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref row, 56), r7);
        }
        ref var outRef = ref MemoryMarshal.GetReference(result);
        r0.StoreUnsafe(ref outRef, 0);
        r1.StoreUnsafe(ref outRef, 8);
        r2.StoreUnsafe(ref outRef, 16);
        r3.StoreUnsafe(ref outRef, 24);
        r4.StoreUnsafe(ref outRef, 32);
        r5.StoreUnsafe(ref outRef, 40);
        r6.StoreUnsafe(ref outRef, 48);
        r7.StoreUnsafe(ref outRef, 56);
    }

    /// <summary>x·y for short vectors of equal length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (x.Length % 8 != 0 || !Vector256.IsHardwareAccelerated)
        {
            return TensorPrimitives.Dot(x, y);
        }
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        var i = 0;
        for (; i + 16 <= x.Length; i += 16)
        {
            acc0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, (nuint)i), Vector256.LoadUnsafe(ref yr, (nuint)i), acc0);
            acc1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, (nuint)(i + 8)), Vector256.LoadUnsafe(ref yr, (nuint)(i + 8)), acc1);
        }
        if (i < x.Length)
        {
            acc0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, (nuint)i), Vector256.LoadUnsafe(ref yr, (nuint)i), acc0);
        }
        return Vector256.Sum(acc0 + acc1);
    }

    /// <summary>result += scale·x for short vectors of equal length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(ReadOnlySpan<float> x, float scale, Span<float> result)
    {
        if (x.Length % 8 != 0 || !Vector256.IsHardwareAccelerated)
        {
            TensorPrimitives.MultiplyAdd(x, scale, result, result);
            return;
        }
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var rr = ref MemoryMarshal.GetReference(result);
        var s = Vector256.Create(scale);
        for (var i = 0; i < x.Length; i += 8)
        {
            Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, (nuint)i), s, Vector256.LoadUnsafe(ref rr, (nuint)i)).StoreUnsafe(ref rr, (nuint)i);
        }
    }
}
