namespace Marquee.Core.Intent;

/// <summary>Typo distance between short strings: insertions, deletions, substitutions and swapped neighbours.</summary>
public static class EditDistance
{
    /// <summary>Optimal-string-alignment distance ("matirx" → "matrix" is 1).</summary>
    public static int Between(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }
        if (b.Length == 0)
        {
            return a.Length;
        }
        // Three rolling rows: the transposition step looks two rows back.
        var width = b.Length + 1;
        Span<int> buffer = width * 3 <= 1024 ? stackalloc int[width * 3] : new int[width * 3];
        var twoBack = buffer[..width];
        var previous = buffer.Slice(width, width);
        var current = buffer.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, twoBack[j - 2] + 1);
                }
                current[j] = best;
            }
            var recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }

    /// <summary>How many typos a string of this length may carry and still count as the same title.</summary>
    public static int Allowed(int length) => length switch
    {
        < 4 => 0,
        <= 7 => 1,
        <= 14 => 2,
        _ => 3,
    };

    /// <summary>1 − distance / longer length, in [0, 1].</summary>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1 - ((double)Between(a, b) / longer);
    }
}
