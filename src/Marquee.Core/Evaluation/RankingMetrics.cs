namespace Marquee.Core.Evaluation;

/// <summary>Top-k ranking metrics with binary relevance, as pure functions (PROTOCOL.md §1.8).</summary>
public static class RankingMetrics
{
    /// <summary>NDCG@k: DCG = Σ hit_r / log2(r+1) over the first k ranks, IDCG for min(k, |relevant|) hits.</summary>
    public static double Ndcg(ReadOnlySpan<bool> hits, int relevantCount, int k)
    {
        if (relevantCount == 0)
        {
            return 0;
        }
        var dcg = 0.0;
        for (var r = 0; r < Math.Min(k, hits.Length); r++)
        {
            if (hits[r])
            {
                dcg += 1.0 / Math.Log2(r + 2);
            }
        }
        var idcg = 0.0;
        for (var r = 0; r < Math.Min(k, relevantCount); r++)
        {
            idcg += 1.0 / Math.Log2(r + 2);
        }
        return dcg / idcg;
    }

    /// <summary>Recall@k = hits / min(k, |relevant|).</summary>
    public static double Recall(ReadOnlySpan<bool> hits, int relevantCount, int k) =>
        relevantCount == 0 ? 0 : (double)CountHits(hits, k) / Math.Min(k, relevantCount);

    /// <summary>HitRate@k = 1 when at least one of the first k is relevant.</summary>
    public static double HitRate(ReadOnlySpan<bool> hits, int k) => CountHits(hits, k) > 0 ? 1 : 0;

    private static int CountHits(ReadOnlySpan<bool> hits, int k)
    {
        var count = 0;
        for (var r = 0; r < Math.Min(k, hits.Length); r++)
        {
            if (hits[r])
            {
                count++;
            }
        }
        return count;
    }
}
