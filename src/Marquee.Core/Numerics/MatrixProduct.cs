using System.Numerics.Tensors;

namespace Marquee.Core.Numerics;

/// <summary>Dense matrix products (row-major): BLAS dgemm through <see cref="OpenBlas"/>, or a managed fallback.</summary>
public static class MatrixProduct
{
    /// <summary>Which library computes the dense products and inverses, for logs.</summary>
    public static string Backend => OpenBlas.Description;

    /// <summary>C = A·B for A (m × k), B (k × n), C (m × n), all row-major.</summary>
    public static void Multiply(ReadOnlyMemory<double> a, ReadOnlyMemory<double> b, Memory<double> c, int m, int k, int n)
    {
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n)
        {
            throw new ArgumentException("operands too small");
        }
        if (OpenBlas.IsAvailable)
        {
            OpenBlas.Multiply(a.Span, b.Span, c.Span, m, k, n);
            return;
        }
        MultiplyManaged(a, b, c, m, k, n);
    }

    /// <summary>The managed product (used without OpenBLAS): each row of C as a sum of rows of B, rows in parallel.</summary>
    internal static void MultiplyManaged(ReadOnlyMemory<double> a, ReadOnlyMemory<double> b, Memory<double> c, int m, int k, int n) =>
        Parallel.For(0, m, i =>
        {
            var row = c.Span.Slice(i * n, n);
            var aRow = a.Span.Slice(i * k, k);
            var bSpan = b.Span;
            row.Clear();
            for (var p = 0; p < k; p++)
            {
                if (aRow[p] != 0)
                {
                    TensorPrimitives.MultiplyAdd(bSpan.Slice(p * n, n), aRow[p], row, row);
                }
            }
        });
}
