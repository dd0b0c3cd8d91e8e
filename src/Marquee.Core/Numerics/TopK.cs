namespace Marquee.Core.Numerics;

/// <summary>Selects the k best positions of a score vector without sorting it.</summary>
public static class TopK
{
    // Up to here an insertion into a sorted array beats a heap (the evaluation's k = 10).
    private const int InsertionLimit = 32;

    /// <summary>
    /// Writes the positions of the <paramref name="result"/>.Length highest scores into
    /// <paramref name="result"/>, best first; ties go to the smaller position. Positions whose score is
    /// negative infinity or NaN are never selected; when fewer remain, the count written is returned.
    /// </summary>
    public static int Select<T>(ReadOnlySpan<T> scores, Span<int> result) where T : System.Numerics.IFloatingPointIeee754<T> =>
        result.Length <= InsertionLimit ? SelectByInsertion(scores, result) : SelectByHeap(scores, result);

    private static int SelectByInsertion<T>(ReadOnlySpan<T> scores, Span<int> result) where T : System.Numerics.IFloatingPointIeee754<T>
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

    /// <summary>
    /// A heap with the worst held position at its root (lower score, or equal score and larger position):
    /// O(log k) per admitted position instead of O(k). Popping the worst to the back then leaves the best first.
    /// </summary>
    private static int SelectByHeap<T>(ReadOnlySpan<T> scores, Span<int> heap) where T : System.Numerics.IFloatingPointIeee754<T>
    {
        var k = heap.Length;
        var count = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (T.IsNegativeInfinity(s) || T.IsNaN(s))
            {
                continue;
            }
            if (count < k)
            {
                var at = count++;
                while (at > 0 && Worse(scores, i, heap[(at - 1) >> 1]))
                {
                    heap[at] = heap[(at - 1) >> 1];
                    at = (at - 1) >> 1;
                }
                heap[at] = i;
            }
            else if (s > scores[heap[0]])
            {
                // Equal to the worst held keeps the worst: its position is smaller.
                SiftDown(scores, heap, count, i);
            }
        }
        for (var end = count - 1; end > 0; end--)
        {
            var worst = heap[0];
            SiftDown(scores, heap, end, heap[end]);
            heap[end] = worst;
        }
        return count;
    }

    /// <summary>Places <paramref name="item"/> at the root of the first <paramref name="size"/> entries and restores the heap.</summary>
    private static void SiftDown<T>(ReadOnlySpan<T> scores, Span<int> heap, int size, int item) where T : System.Numerics.IFloatingPointIeee754<T>
    {
        var at = 0;
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= size)
            {
                break;
            }
            if (child + 1 < size && Worse(scores, heap[child + 1], heap[child]))
            {
                child++;
            }
            if (!Worse(scores, heap[child], item))
            {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = item;
    }

    private static bool Worse<T>(ReadOnlySpan<T> scores, int a, int b) where T : System.Numerics.IFloatingPointIeee754<T> =>
        scores[a] < scores[b] || (scores[a] == scores[b] && a > b);
}
