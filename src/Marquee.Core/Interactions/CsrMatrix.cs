namespace Marquee.Core.Interactions;

/// <summary>A sparse matrix in compressed sparse row form with float values and sorted column indices per row.</summary>
public sealed class CsrMatrix
{
    public CsrMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, float[] values)
    {
        if (rowPointers.Length != rows + 1 || columnIndices.Length != values.Length || rowPointers[rows] != values.Length)
        {
            throw new ArgumentException("Inconsistent CSR arrays.");
        }
        Rows = rows;
        Columns = columns;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        Values = values;
    }

    public int Rows { get; }
    public int Columns { get; }
    public int[] RowPointers { get; }
    public int[] ColumnIndices { get; }
    public float[] Values { get; }
    public int NonZeros => Values.Length;

    public ReadOnlySpan<int> RowColumns(int row) => ColumnIndices.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);

    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);

    public int RowLength(int row) => RowPointers[row + 1] - RowPointers[row];

    /// <summary>Builds a CSR matrix from coordinates; duplicate (row, column) pairs keep the last value.</summary>
    public static CsrMatrix FromCoordinates(int rows, int columns, ReadOnlySpan<int> rowOf, ReadOnlySpan<int> columnOf, ReadOnlySpan<float> values)
    {
        var counts = new int[rows + 1];
        foreach (var r in rowOf)
        {
            counts[r + 1]++;
        }
        for (var r = 0; r < rows; r++)
        {
            counts[r + 1] += counts[r];
        }
        var next = counts.AsSpan(0, rows).ToArray();
        var cols = new int[rowOf.Length];
        var vals = new float[rowOf.Length];
        for (var n = 0; n < rowOf.Length; n++)
        {
            var at = next[rowOf[n]]++;
            cols[at] = columnOf[n];
            vals[at] = values[n];
        }
        // Sort each row by column and drop duplicates (last write wins).
        var pointers = new int[rows + 1];
        var write = 0;
        for (var r = 0; r < rows; r++)
        {
            var start = counts[r];
            var length = counts[r + 1] - start;
            var rowCols = cols.AsSpan(start, length);
            var rowVals = vals.AsSpan(start, length);
            rowCols.Sort(rowVals);
            pointers[r] = write;
            for (var k = 0; k < length; k++)
            {
                if (k + 1 < length && rowCols[k + 1] == rowCols[k])
                {
                    continue;
                }
                cols[write] = rowCols[k];
                vals[write] = rowVals[k];
                write++;
            }
        }
        pointers[rows] = write;
        return new CsrMatrix(rows, columns, pointers, cols[..write], vals[..write]);
    }

    /// <summary>The transpose, also in CSR form (i.e. this matrix in compressed sparse column form).</summary>
    public CsrMatrix Transpose()
    {
        var pointers = new int[Columns + 1];
        foreach (var c in ColumnIndices)
        {
            pointers[c + 1]++;
        }
        for (var c = 0; c < Columns; c++)
        {
            pointers[c + 1] += pointers[c];
        }
        var next = pointers.AsSpan(0, Columns).ToArray();
        var rowsOut = new int[NonZeros];
        var valuesOut = new float[NonZeros];
        for (var r = 0; r < Rows; r++)
        {
            for (var k = RowPointers[r]; k < RowPointers[r + 1]; k++)
            {
                var at = next[ColumnIndices[k]]++;
                rowsOut[at] = r;
                valuesOut[at] = Values[k];
            }
        }
        return new CsrMatrix(Columns, Rows, pointers, rowsOut, valuesOut);
    }
}
