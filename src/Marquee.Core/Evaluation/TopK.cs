namespace Marquee.Core.Evaluation;


/// <summary>Selects the k best positions of a score vector without sorting it.</summary>
public static class TopK
{
    /// <summary>
    /// Writes the positions of the <paramref name="result"/>.Length highest scores into
    /// <paramref name="result"/>, best first; ties go to the smaller position. Positions whose score is
    /// negative infinity are never selected; when fewer remain, the count written is returned.
    /// </summary>
    public static int Select<T>(ReadOnlySpan<T> scores, Span<int> result) where T : System.Numerics.IFloatingPointIeee754<T>
    {
        var k = result.Length;
        var count = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (T.IsNegativeInfinity(s) || T.IsNaN(s))
            {
                continue;
            }
            if (count == k && !(s > scores[result[k - 1]]))
            {
                // Equal scores keep the earlier (smaller) position already held.
                continue;
            }
            var at = count < k ? count++ : k - 1;
            while (at > 0 && s > scores[result[at - 1]])
            {
                result[at] = result[at - 1];
                at--;
            }
            result[at] = i;
        }
        return count;
    }
}
