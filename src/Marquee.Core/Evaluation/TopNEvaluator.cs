using Marquee.Core.Interactions;
using Marquee.Core.Numerics;
using Marquee.Core.Recommenders;

namespace Marquee.Core.Evaluation;

/// <summary>Averages of the protocol's metrics over the evaluated users.</summary>
public sealed record TopNMetrics(double Ndcg, double Recall, double HitRate, double Coverage, int EvaluatedUsers);

/// <summary>
/// Ranks the catalogue for every evaluated user and scores the top-k against held-out interactions
/// (PROTOCOL.md §1.5–1.8): candidates are the catalogue minus the user's training items, ties go to the
/// smaller movie id, relevant items are held-out ratings ≥ 4.
/// </summary>
public static class TopNEvaluator
{
    public const double RelevanceThreshold = 4.0;

    public static TopNMetrics Evaluate(ITopNModel model, InteractionMatrix train, InteractionTable heldOut, int k = 10)
    {
        var users = RelevantByUser(heldOut, train.Items);
        var ndcg = new double[users.Count];
        var recall = new double[users.Count];
        var hit = new double[users.Count];
        var recommended = new bool[train.ItemCount];
        var itemCount = train.ItemCount;

        Parallel.For(0, users.Count,
            () => (Scores: new float[itemCount], Top: new int[k], Hits: new bool[k]),
            (u, _, buffers) =>
            {
                var (userId, relevantPositions, relevantCount) = users[u];
                var row = train.RowOf(userId);
                var scores = buffers.Scores.AsSpan();
                if (row >= 0)
                {
                    model.ScoreTrainingUser(row, scores);
                    foreach (var seen in train.ByUser.RowColumns(row))
                    {
                        scores[seen] = float.NegativeInfinity;
                    }
                }
                else
                {
                    scores.Clear();
                }
                var count = TopK.Select(scores, buffers.Top);
                for (var r = 0; r < k; r++)
                {
                    buffers.Hits[r] = r < count && relevantPositions.Contains(buffers.Top[r]);
                    if (r < count)
                    {
                        // Benign race: every writer stores true.
                        recommended[buffers.Top[r]] = true;
                    }
                }
                ndcg[u] = RankingMetrics.Ndcg(buffers.Hits, relevantCount, k);
                recall[u] = RankingMetrics.Recall(buffers.Hits, relevantCount, k);
                hit[u] = RankingMetrics.HitRate(buffers.Hits, k);
                return buffers;
            },
            _ => { });

        var coverage = itemCount == 0 ? 0 : (double)recommended.Count(r => r) / itemCount;
        return users.Count == 0
            ? new TopNMetrics(0, 0, 0, coverage, 0)
            : new TopNMetrics(ndcg.Average(), recall.Average(), hit.Average(), coverage, users.Count);
    }

    /// <summary>
    /// Users with at least one relevant held-out item: their relevant catalogue positions, and the full
    /// relevant count (items outside the catalogue count but cannot be hit).
    /// </summary>
    private static List<(int UserId, HashSet<int> Positions, int Count)> RelevantByUser(InteractionTable heldOut, ItemIndex items)
    {
        var byUser = new SortedDictionary<int, (HashSet<int> Positions, int Count)>();
        for (var n = 0; n < heldOut.Count; n++)
        {
            if (heldOut.Ratings[n] < RelevanceThreshold)
            {
                continue;
            }
            var user = heldOut.UserIds[n];
            if (!byUser.TryGetValue(user, out var entry))
            {
                entry = ([], 0);
            }
            var position = items.PositionOf(heldOut.MovieIds[n]);
            if (position >= 0)
            {
                entry.Positions.Add(position);
            }
            byUser[user] = (entry.Positions, entry.Count + 1);
        }
        return byUser.Select(kv => (kv.Key, kv.Value.Positions, kv.Value.Count)).ToList();
    }
}
