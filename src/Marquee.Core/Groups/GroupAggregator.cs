using System.Buffers;

namespace Marquee.Core.Groups;

/// <summary>Options of <see cref="GroupAggregator"/>.</summary>
public sealed record GroupAggregationOptions
{
    public static readonly GroupAggregationOptions Default = new();

    /// <summary>
    /// A member's misery line as a share of the candidates ranked by that member's predicted taste: with 0.5,
    /// a film in the bottom half of anyone's ranking counts as misery for <see cref="GroupStrategy.AverageWithoutMisery"/>.
    /// The offline comparison (docs/rooms.md) tries several lines.
    /// </summary>
    public double MiseryShare { get; init; } = 0.5;

    /// <summary>For <see cref="GroupStrategy.Fairness"/>: a member's turn picks among their own top share of the candidates.</summary>
    public double FairnessTopShare { get; init; } = 0.05;
}

/// <summary>
/// Combines per-member taste scores over one set of candidates into group scores. The same code ranks the
/// offline comparison (<c>Evaluation/GroupProtocol</c>) and a room's deck (<see cref="GroupRecommender"/>).
/// </summary>
public static class GroupAggregator
{
    /// <summary>What an <see cref="GroupStrategy.AverageWithoutMisery"/> film below someone's line loses: more than any mean can hold.</summary>
    public const double MiseryPenalty = 2;

    /// <summary>
    /// Writes the group score of each candidate into <paramref name="group"/>. <paramref name="members"/>[m][c] is
    /// member m's raw score of candidate c (any scale; higher is better; NaN = unknown, treated as the member's
    /// lowest). Each member's scores are min-max normalised over the candidates first, so one member's scale
    /// does not outvote another's.
    /// </summary>
    public static void Aggregate(GroupStrategy strategy, IReadOnlyList<float[]> members, Span<double> group, GroupAggregationOptions? options = null)
    {
        options ??= GroupAggregationOptions.Default;
        var count = group.Length;
        if (members.Count == 0)
        {
            group.Clear();
            return;
        }
        var normalised = strategy == GroupStrategy.Borda
            ? members.Select(raw => Percentiles(raw, count)).ToList()
            : members.Select(raw => Normalise(raw, count)).ToList();
        var miseryLines = strategy == GroupStrategy.AverageWithoutMisery
            ? normalised.Select(n => MiseryLine(n, options.MiseryShare)).ToArray()
            : null;
        for (var c = 0; c < count; c++)
        {
            double sum = 0, low = double.MaxValue, high = double.MinValue;
            var miserable = false;
            for (var m = 0; m < normalised.Count; m++)
            {
                var s = normalised[m][c];
                sum += s;
                low = Math.Min(low, s);
                high = Math.Max(high, s);
                miserable |= miseryLines is not null && s < miseryLines[m];
            }
            var mean = sum / normalised.Count;
            group[c] = strategy switch
            {
                GroupStrategy.Average => mean,
                GroupStrategy.LeastMisery => low,
                GroupStrategy.MostPleasure => high,
                GroupStrategy.AverageWithoutMisery => miserable ? mean - MiseryPenalty : mean,
                GroupStrategy.Borda or GroupStrategy.Fairness => mean,
                _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
            };
        }
        if (strategy == GroupStrategy.Fairness)
        {
            TakeTurns(normalised, group, options.FairnessTopShare);
        }
    }

    /// <summary>
    /// Reorders <paramref name="group"/> (holding the means) by turns: member t mod m picks, among the films in
    /// their own top share, the one the group likes most that is not picked yet. Picked films rank first, in turn order.
    /// </summary>
    private static void TakeTurns(List<float[]> normalised, Span<double> group, double topShare)
    {
        var count = group.Length;
        var picks = Math.Min(count, 50);
        var lines = normalised.Select(n => MiseryLine(n, 1 - topShare)).ToArray();
        var picked = new bool[count];
        var means = group.ToArray();
        for (var turn = 0; turn < picks; turn++)
        {
            var member = turn % normalised.Count;
            var best = -1;
            for (var c = 0; c < count; c++)
            {
                if (!picked[c] && normalised[member][c] >= lines[member] && (best < 0 || means[c] > means[best]))
                {
                    best = c;
                }
            }
            if (best < 0)
            {
                break;
            }
            picked[best] = true;
            group[best] = 10 + picks - turn;
        }
    }

    /// <summary>Each score's rank among the first <paramref name="count"/> as a share: the member's best is 1, the worst 0.</summary>
    public static float[] Percentiles(ReadOnlySpan<float> raw, int count)
    {
        var order = new int[count];
        var keys = new float[count];
        for (var c = 0; c < count; c++)
        {
            order[c] = c;
            keys[c] = float.IsFinite(raw[c]) ? raw[c] : float.MinValue;
        }
        Array.Sort(keys, order);
        var result = new float[count];
        for (var r = 0; r < count; r++)
        {
            result[order[r]] = count > 1 ? (float)r / (count - 1) : 1;
        }
        return result;
    }

    /// <summary>Min-max to 0–1 over the first <paramref name="count"/> scores; NaN and −∞ become 0, a flat row 0.5.</summary>
    public static float[] Normalise(ReadOnlySpan<float> raw, int count)
    {
        var low = float.MaxValue;
        var high = float.MinValue;
        for (var c = 0; c < count; c++)
        {
            if (float.IsFinite(raw[c]))
            {
                low = Math.Min(low, raw[c]);
                high = Math.Max(high, raw[c]);
            }
        }
        var result = new float[count];
        var range = high - low;
        for (var c = 0; c < count; c++)
        {
            result[c] = !float.IsFinite(raw[c]) ? 0 : range > 0 ? (raw[c] - low) / range : 0.5f;
        }
        return result;
    }

    /// <summary>The score below which a film sits in the member's bottom <paramref name="share"/> of the candidates.</summary>
    private static float MiseryLine(float[] normalised, double share)
    {
        if (normalised.Length == 0 || share <= 0)
        {
            return float.MinValue;
        }
        var sorted = ArrayPool<float>.Shared.Rent(normalised.Length);
        try
        {
            normalised.AsSpan().CopyTo(sorted);
            var span = sorted.AsSpan(0, normalised.Length);
            span.Sort();
            return span[Math.Min(span.Length - 1, (int)(share * span.Length))];
        }
        finally
        {
            ArrayPool<float>.Shared.Return(sorted);
        }
    }
}
