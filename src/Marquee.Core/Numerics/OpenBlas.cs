using System.Runtime.InteropServices;

namespace Marquee.Core.Numerics;

/// <summary>
/// The system's OpenBLAS (Debian: <c>libopenblas0-pthread</c>), called through P/Invoke for the dense
/// products and factorisations that a tuned BLAS/LAPACK does many times faster than managed loops. Loaded
/// once with <see cref="NativeLibrary.TryLoad(string, out nint)"/>; when it cannot be loaded (or
/// <c>MARQUEE_BLAS=managed</c>) <see cref="IsAvailable"/> is false and callers take their managed path.
/// OpenBLAS is told to use <see cref="Environment.ProcessorCount"/> threads, so a training process
/// limited to fewer cores (DOTNET_PROCESSOR_COUNT, a container quota) does not oversubscribe them.
/// </summary>
internal static unsafe partial class OpenBlas
{
    private const string Library = "openblas";

    // Debian/Ubuntu install it under an alternatives path; the plain names cover other distributions,
    // macOS (Homebrew) and Windows builds on the loader's search path.
    private static readonly string[] Candidates =
    [
        "libopenblas.so.0",
        "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
        "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
        "libopenblas.so",
        "libopenblas.dylib",
        "libopenblas",
    ];

    private static readonly nint Handle;

    static OpenBlas()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("MARQUEE_BLAS"), "managed", StringComparison.OrdinalIgnoreCase))
        {
            Description = "managed (MARQUEE_BLAS=managed)";
            return;
        }
        var loaded = Load();
        if (loaded == 0)
        {
            Description = "managed (OpenBLAS not found: install libopenblas0-pthread)";
            return;
        }
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(OpenBlas).Assembly, (name, _, _) => name == Library ? loaded : 0);
        }
        catch (InvalidOperationException)
        {
            // Another resolver owns this assembly's imports: stay managed rather than fail to start.
            Description = "managed (could not route the OpenBLAS imports)";
            return;
        }
        Handle = loaded;
        Threads = Environment.ProcessorCount;
        SetThreadCount(Threads);
        Description = $"OpenBLAS ({Marshal.PtrToStringUTF8(GetConfig())?.Trim()}; core {Marshal.PtrToStringUTF8(GetCoreName())}; {Threads} threads)";
    }

    /// <summary>True when OpenBLAS is loaded and its routines can be called.</summary>
    public static bool IsAvailable => Handle != 0;

    /// <summary>Which library does the dense linear algebra, for logs ("OpenBLAS (…; 2 threads)" or "managed (…)").</summary>
    public static string Description { get; }

    /// <summary>The thread count OpenBLAS was given.</summary>
    public static int Threads { get; }

    private static bool HasExports(nint handle) =>
        NativeLibrary.TryGetExport(handle, "cblas_dgemm", out _)
        && NativeLibrary.TryGetExport(handle, "dpotrf_", out _)
        && NativeLibrary.TryGetExport(handle, "dpotri_", out _)
        && NativeLibrary.TryGetExport(handle, "openblas_set_num_threads", out _)
        && NativeLibrary.TryGetExport(handle, "openblas_get_config", out _)
        && NativeLibrary.TryGetExport(handle, "openblas_get_corename", out _);

    private static nint Load()
    {
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                if (HasExports(handle))
                {
                    return handle;
                }
                NativeLibrary.Free(handle);
            }
        }
        return 0;
    }

    /// <summary>C = A·B for row-major A (m × k), B (k × n), C (m × n).</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
    {
        fixed (double* pa = a, pb = b, pc = c)
        {
            Dgemm(RowMajor, NoTranspose, NoTranspose, m, n, k, 1.0, pa, k, pb, n, 0.0, pc, n);
        }
    }

    /// <summary>
    /// Replaces the symmetric positive-definite A (n × n, both triangles) by its inverse: LAPACK's
    /// dpotrf then dpotri, which fill one triangle; the other is mirrored. A row-major symmetric matrix is
    /// its own column-major image, so LAPACK's 'L' triangle is the row-major upper one. Returns false (A
    /// then holds a partial factor) when A is not positive definite.
    /// </summary>
    public static bool InvertSymmetricPositiveDefinite(double[] a, int n)
    {
        if (!Factor(a, n) || !InvertFromFactor(a, n))
        {
            return false;
        }
        MirrorUpperToLower(a, n);
        return true;
    }

    /// <summary>LAPACK dpotrf with uplo 'L' on the column-major image (the row-major upper triangle).</summary>
    internal static bool Factor(double[] a, int n)
    {
        byte lower = (byte)'L';
        int order = n, info;
        fixed (double* pa = a)
        {
            Dpotrf(&lower, &order, pa, &order, &info, 1);
        }
        return info == 0;
    }

    /// <summary>LAPACK dpotri after <see cref="Factor"/>: the inverse in the same triangle.</summary>
    internal static bool InvertFromFactor(double[] a, int n)
    {
        byte lower = (byte)'L';
        int order = n, info;
        fixed (double* pa = a)
        {
            Dpotri(&lower, &order, pa, &order, &info, 1);
        }
        return info == 0;
    }

    /// <summary>Copies the row-major upper triangle onto the lower one, in cache-sized tiles, rows in parallel.</summary>
    internal static void MirrorUpperToLower(double[] a, int n)
    {
        const int Tile = 64;
        var tiles = (n + Tile - 1) / Tile;
        Parallel.For(0, tiles, rowTile =>
        {
            var i0 = rowTile * Tile;
            var i1 = Math.Min(n, i0 + Tile);
            for (var j0 = 0; j0 <= i0; j0 += Tile)
            {
                var j1 = Math.Min(n, j0 + Tile);
                for (var i = i0; i < i1; i++)
                {
                    var row = (long)i * n;
                    for (var j = j0; j < Math.Min(j1, i); j++)
                    {
                        a[row + j] = a[((long)j * n) + i];
                    }
                }
            }
        });
    }

    private const int RowMajor = 101;
    private const int NoTranspose = 111;

    [LibraryImport(Library, EntryPoint = "cblas_dgemm")]
    private static partial void Dgemm(int order, int transposeA, int transposeB, int m, int n, int k,
        double alpha, double* a, int lda, double* b, int ldb, double beta, double* c, int ldc);

    // Fortran LAPACK: every argument by reference, plus the hidden length of each character argument.
    [LibraryImport(Library, EntryPoint = "dpotrf_")]
    private static partial void Dpotrf(byte* uplo, int* n, double* a, int* lda, int* info, nuint uploLength);

    [LibraryImport(Library, EntryPoint = "dpotri_")]
    private static partial void Dpotri(byte* uplo, int* n, double* a, int* lda, int* info, nuint uploLength);

    [LibraryImport(Library, EntryPoint = "openblas_set_num_threads")]
    private static partial void SetThreadCount(int threads);

    [LibraryImport(Library, EntryPoint = "openblas_get_config")]
    private static partial nint GetConfig();

    [LibraryImport(Library, EntryPoint = "openblas_get_corename")]
    private static partial nint GetCoreName();
}
