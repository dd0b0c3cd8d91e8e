using Marquee.Core.Groups;
using Marquee.Core.Interactions;
using Marquee.Core.Numerics;
using Marquee.Core.Recommenders;

namespace Marquee.Core.Evaluation;

/// <summary>Settings of the offline group comparison.</summary>
public sealed record GroupProtocolOptions
{
    /// <summary>Synthetic groups drawn per group size.</summary>
    public int GroupsPerSize { get; init; } = 300;
    public int MinGroupSize { get; init; } = 2;
    public int MaxGroupSize { get; init; } = 5;
    /// <summary>Seeds the draw of the groups, so every strategy and every run meets the same groups.</summary>
    public int Seed { get; init; } = 42;
    public int K { get; init; } = 10;
    /// <summary>Misery lines tried for <see cref="GroupStrategy.AverageWithoutMisery"/> (share of the catalogue below it).</summary>
    public IReadOnlyList<double> MiseryShares { get; init; } = [0.5, 0.8, 0.9, 0.95];
    /// <summary>A held-out rating at or below this is a film the member disliked: on the group's list it is misery.</summary>
    public double DislikedRating { get; init; } = 2.0;
}

/// <summary>One strategy (and setting) measured on groups of one size (0 = every size pooled).</summary>
/// <param name="MeanNdcg">NDCG@k of the group's one list against each member's own held-out likes, averaged over members, then groups.</param>
/// <param name="WorstNdcg">The lowest member NDCG@k of each group, averaged over groups: how the least served member fares.</param>
/// <param name="MiseryRate">Share of groups whose list holds a film some member rated at most <see cref="GroupProtocolOptions.DislikedRating"/> in the held-out set.</param>
public sealed record GroupResult(string Strategy, int GroupSize, double MeanNdcg, double WorstNdcg, double MiseryRate, int Groups);

/// <summary>
/// Compares group aggregation strategies offline (docs/rooms.md): the protocol's TRAIN/TEST split, groups of
/// 2–5 users drawn at random among users with held-out likes, one top-k list per group from the members' model
/// scores (films any member has in TRAIN left out), scored against every member's own TEST likes.
/// A "merged-profile" row scores the members' pooled histories as one pseudo-user, the classic alternative.
/// </summary>
public static class GroupProtocol
{
    public const string MergedProfile = "merged-profile";

    public static IReadOnlyList<GroupResult> Run(ProtocolData data, ITopNModel model, GroupProtocolOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GroupProtocolOptions();
        var train = data.TrainMatrix;
        var (liked, disliked) = HeldOut(data.Test, train, options.DislikedRating);
        var eligible = liked.Keys.Where(u => train.RowOf(u) >= 0).Order().ToArray();
        var variants = Variants(options);
        var rows = new List<GroupResult>();
        var pooled = variants.ToDictionary(v => v.Name, _ => new List<(double Mean, double Worst, bool Misery)>());
        var random = new Random(options.Seed);
        for (var size = options.MinGroupSize; size <= Math.Min(options.MaxGroupSize, eligible.Length); size++)
        {
            var groups = Enumerable.Range(0, options.GroupsPerSize).Select(_ => Draw(random, eligible, size)).ToArray();
            var outcomes = new (double Mean, double Worst, bool Misery)[variants.Count, groups.Length];
            Parallel.For(0, groups.Length, new ParallelOptions { CancellationToken = cancellationToken }, g =>
            {
                var results = ScoreGroup(groups[g], model, train, liked, disliked, variants, options.K);
                for (var v = 0; v < variants.Count; v++)
                {
                    outcomes[v, g] = results[v];
                }
            });
            for (var v = 0; v < variants.Count; v++)
            {
                var list = Enumerable.Range(0, groups.Length).Select(g => outcomes[v, g]).ToList();
                pooled[variants[v].Name].AddRange(list);
                rows.Add(Summarise(variants[v].Name, size, list));
            }
        }
        rows.AddRange(variants.Select(v => Summarise(v.Name, 0, pooled[v.Name])));
        return rows;
    }

    /// <param name="MergedWeight">Share of the merged profile's (normalised) score in the group score: 1 = the merged profile alone,
    /// 0.5 = half and half, as a room's deck blends the engine's pooled-taste page with the members' own tastes.</param>
    private sealed record Variant(string Name, GroupStrategy? Strategy, GroupAggregationOptions Options, double MergedWeight = 0);

    private static List<Variant> Variants(GroupProtocolOptions options)
    {
        var variants = new List<Variant>
        {
            new(GroupStrategies.Name(GroupStrategy.Average), GroupStrategy.Average, GroupAggregationOptions.Default),
            new(GroupStrategies.Name(GroupStrategy.LeastMisery), GroupStrategy.LeastMisery, GroupAggregationOptions.Default),
            new(GroupStrategies.Name(GroupStrategy.MostPleasure), GroupStrategy.MostPleasure, GroupAggregationOptions.Default),
            new(GroupStrategies.Name(GroupStrategy.Borda), GroupStrategy.Borda, GroupAggregationOptions.Default),
            new(GroupStrategies.Name(GroupStrategy.Fairness), GroupStrategy.Fairness, GroupAggregationOptions.Default),
            new(MergedProfile, null, GroupAggregationOptions.Default, 1),
            new($"{MergedProfile} + average", GroupStrategy.Average, GroupAggregationOptions.Default, 0.5),
            new($"{MergedProfile} + least-misery", GroupStrategy.LeastMisery, GroupAggregationOptions.Default, 0.5),
            new($"{MergedProfile} + most-pleasure", GroupStrategy.MostPleasure, GroupAggregationOptions.Default, 0.5),
        };
        variants.AddRange(options.MiseryShares.Select(share => new Variant(
            $"{GroupStrategies.Name(GroupStrategy.AverageWithoutMisery)} (line {share.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)})",
            GroupStrategy.AverageWithoutMisery, new GroupAggregationOptions { MiseryShare = share })));
        return variants;
    }

    private static int[] Draw(Random random, int[] users, int size)
    {
        var picked = new HashSet<int>();
        while (picked.Count < size)
        {
            picked.Add(users[random.Next(users.Length)]);
        }
        return [.. picked.Order()];
    }

    private static (double Mean, double Worst, bool Misery)[] ScoreGroup(int[] group, ITopNModel model, InteractionMatrix train,
        Dictionary<int, HashSet<int>> liked, Dictionary<int, HashSet<int>> disliked, List<Variant> variants, int k)
    {
        var n = train.ItemCount;
        var excluded = new bool[n];
        var pooledItems = new List<int>();
        var pooledRatings = new List<float>();
        foreach (var user in group)
        {
            var row = train.RowOf(user);
            var columns = train.ByUser.RowColumns(row);
            var values = train.ByUser.RowValues(row);
            for (var i = 0; i < columns.Length; i++)
            {
                excluded[columns[i]] = true;
                pooledItems.Add(columns[i]);
                pooledRatings.Add(values[i]);
            }
        }
        // Candidates: the catalogue minus every member's TRAIN films, as one dense list the aggregator ranks.
        var candidates = Enumerable.Range(0, n).Where(i => !excluded[i]).ToArray();
        var members = new List<float[]>(group.Length);
        var full = new float[n];
        foreach (var user in group)
        {
            model.ScoreTrainingUser(train.RowOf(user), full);
            members.Add(candidates.Select(i => full[i]).ToArray());
        }
        model.ScoreHistory(pooledItems.ToArray(), pooledRatings.ToArray(), full);
        var merged = GroupAggregator.Normalise(candidates.Select(i => full[i]).ToArray(), candidates.Length);
        var results = new (double, double, bool)[variants.Count];
        var groupScores = new double[candidates.Length];
        var top = new int[k];
        for (var v = 0; v < variants.Count; v++)
        {
            var weight = variants[v].MergedWeight;
            if (variants[v].Strategy is { } strategy)
            {
                GroupAggregator.Aggregate(strategy, members, groupScores, variants[v].Options);
            }
            else
            {
                Array.Clear(groupScores);
            }
            for (var c = 0; c < candidates.Length; c++)
            {
                groupScores[c] = ((1 - weight) * groupScores[c]) + (weight * merged[c]);
            }
            var count = TopK.Select<double>(groupScores, top);
            var list = top[..count].Select(c => candidates[c]).ToArray();
            results[v] = Measure(group, list, train.Items, liked, disliked, k);
        }
        return results;
    }

    private static (double Mean, double Worst, bool Misery) Measure(int[] group, int[] list, ItemIndex items,
        Dictionary<int, HashSet<int>> liked, Dictionary<int, HashSet<int>> disliked, int k)
    {
        var hits = new bool[k];
        double sum = 0, worst = double.MaxValue;
        var misery = false;
        foreach (var user in group)
        {
            var relevant = liked[user];
            for (var r = 0; r < k; r++)
            {
                hits[r] = r < list.Length && relevant.Contains(items.MovieIds[list[r]]);
            }
            var ndcg = RankingMetrics.Ndcg(hits, relevant.Count, k);
            sum += ndcg;
            worst = Math.Min(worst, ndcg);
            misery |= disliked.TryGetValue(user, out var hated) && list.Any(i => hated.Contains(items.MovieIds[i]));
        }
        return (sum / group.Length, worst, misery);
    }

    /// <summary>Each user's held-out likes (≥ 4 stars, as the protocol) and dislikes, by movie id.</summary>
    private static (Dictionary<int, HashSet<int>> Liked, Dictionary<int, HashSet<int>> Disliked) HeldOut(
        InteractionTable test, InteractionMatrix train, double dislikedRating)
    {
        var liked = new Dictionary<int, HashSet<int>>();
        var disliked = new Dictionary<int, HashSet<int>>();
        for (var n = 0; n < test.Count; n++)
        {
            var target = test.Ratings[n] >= TopNEvaluator.RelevanceThreshold ? liked
                : test.Ratings[n] <= dislikedRating ? disliked : null;
            if (target is null)
            {
                continue;
            }
            if (!target.TryGetValue(test.UserIds[n], out var set))
            {
                target[test.UserIds[n]] = set = [];
            }
            set.Add(test.MovieIds[n]);
        }
        return (liked, disliked);
    }

    private static GroupResult Summarise(string name, int size, List<(double Mean, double Worst, bool Misery)> outcomes) =>
        new(name, size,
            outcomes.Count == 0 ? 0 : outcomes.Average(o => o.Mean),
            outcomes.Count == 0 ? 0 : outcomes.Average(o => o.Worst),
            outcomes.Count == 0 ? 0 : outcomes.Count(o => o.Misery) / (double)outcomes.Count,
            outcomes.Count);
}
