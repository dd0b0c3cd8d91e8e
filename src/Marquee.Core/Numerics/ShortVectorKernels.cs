using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Marquee.Core.Numerics;

/// <summary>
/// Kernels for the short vectors of matrix factorisation (a few dozen factors), where the call overhead
/// of general-purpose routines (a BLAS call included) dominates: whole rows stay in vector registers.
/// The 64-factor case has AVX-512 and AVX2 paths; other sizes and other processors use
/// <see cref="TensorPrimitives"/>. Each path is its own method, so tests run all of them on any machine
/// that has the instructions (ShortVectorKernelsTests). Compiled fully optimised from
/// the first call, because a training run is over before tiered compilation would promote them.
/// </summary>
public static class ShortVectorKernels
{
    /// <summary>result = G·v for a symmetric k × k row-major matrix G.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SymmetricMultiply(ReadOnlySpan<float> g, ReadOnlySpan<float> v, int k, Span<float> result)
    {
        if (k == 64 && Vector512.IsHardwareAccelerated)
        {
            Multiply64Avx512(g, v, result);
        }
        else if (k == 64 && Vector256.IsHardwareAccelerated)
        {
            Multiply64Avx2(g, v, result);
        }
        else
        {
            SymmetricMultiplyPortable(g, v, k, result);
        }
    }

    /// <summary>The path without 64-wide registers: one dot product per row.</summary>
    internal static void SymmetricMultiplyPortable(ReadOnlySpan<float> g, ReadOnlySpan<float> v, int k, Span<float> result)
    {
        for (var a = 0; a < k; a++)
        {
            result[a] = TensorPrimitives.Dot(g.Slice(a * k, k), v);
        }
    }

    // result = Σ_a v[a]·G[a, :], valid because G is symmetric: 4 accumulators of 16 floats.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Multiply64Avx512(ReadOnlySpan<float> g, ReadOnlySpan<float> v, Span<float> result)
    {
        ref var gRef = ref MemoryMarshal.GetReference(g);
        ref var vRef = ref MemoryMarshal.GetReference(v);
        Vector512<float> r0 = default, r1 = default, r2 = default, r3 = default;
        for (nuint a = 0; a < 64; a++)
        {
            var va = Vector512.Create(Unsafe.Add(ref vRef, a));
            ref var row = ref Unsafe.Add(ref gRef, a * 64);
            r0 = Vector512.FusedMultiplyAdd(va, Vector512.LoadUnsafe(ref row, 0), r0);
            r1 = Vector512.FusedMultiplyAdd(va, Vector512.LoadUnsafe(ref row, 16), r1);
            r2 = Vector512.FusedMultiplyAdd(va, Vector512.LoadUnsafe(ref row, 32), r2);
            r3 = Vector512.FusedMultiplyAdd(va, Vector512.LoadUnsafe(ref row, 48), r3);
        }
        ref var outRef = ref MemoryMarshal.GetReference(result);
        r0.StoreUnsafe(ref outRef, 0);
        r1.StoreUnsafe(ref outRef, 16);
        r2.StoreUnsafe(ref outRef, 32);
        r3.StoreUnsafe(ref outRef, 48);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Multiply64Avx2(ReadOnlySpan<float> g, ReadOnlySpan<float> v, Span<float> result)
    {
        ref var gRef = ref MemoryMarshal.GetReference(g);
        ref var vRef = ref MemoryMarshal.GetReference(v);
        Vector256<float> r0 = default, r1 = default, r2 = default, r3 = default, r4 = default, r5 = default, r6 = default, r7 = default;
        for (nuint a = 0; a < 64; a++)
        {
            var va = Vector256.Create(Unsafe.Add(ref vRef, a));
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
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (x.Length == 64 && Vector512.IsHardwareAccelerated)
        {
            return Dot64Avx512(x, y);
        }
        if (x.Length % 8 != 0 || !Vector256.IsHardwareAccelerated)
        {
            return TensorPrimitives.Dot(x, y);
        }
        return DotAvx2(x, y);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    internal static float Dot64Avx512(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var a0 = Vector512.Multiply(Vector512.LoadUnsafe(ref xr, 0), Vector512.LoadUnsafe(ref yr, 0));
        var a1 = Vector512.Multiply(Vector512.LoadUnsafe(ref xr, 16), Vector512.LoadUnsafe(ref yr, 16));
        a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xr, 32), Vector512.LoadUnsafe(ref yr, 32), a0);
        a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xr, 48), Vector512.LoadUnsafe(ref yr, 48), a1);
        return Vector512.Sum(a0 + a1);
    }

    /// <summary>Two 8-float accumulators; the length must be a multiple of 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    internal static float DotAvx2(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
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
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(ReadOnlySpan<float> x, float scale, Span<float> result)
    {
        if (x.Length == 64 && Vector512.IsHardwareAccelerated)
        {
            AddScaled64Avx512(x, scale, result);
        }
        else if (x.Length % 8 != 0 || !Vector256.IsHardwareAccelerated)
        {
            TensorPrimitives.MultiplyAdd(x, scale, result, result);
        }
        else
        {
            AddScaledAvx2(x, scale, result);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    internal static void AddScaled64Avx512(ReadOnlySpan<float> x, float scale, Span<float> result)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var rr = ref MemoryMarshal.GetReference(result);
        var s512 = Vector512.Create(scale);
        for (nuint i = 0; i < 64; i += 16)
        {
            Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xr, i), s512, Vector512.LoadUnsafe(ref rr, i)).StoreUnsafe(ref rr, i);
        }
    }

    /// <summary>The length must be a multiple of 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    internal static void AddScaledAvx2(ReadOnlySpan<float> x, float scale, Span<float> result)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var rr = ref MemoryMarshal.GetReference(result);
        var s = Vector256.Create(scale);
        for (var i = 0; i < x.Length; i += 8)
        {
            Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, (nuint)i), s, Vector256.LoadUnsafe(ref rr, (nuint)i)).StoreUnsafe(ref rr, (nuint)i);
        }
    }
}
