using Marquee.Core.Interactions;
using Marquee.Core.Numerics;

namespace Marquee.Core.Evaluation;

/// <summary>
/// The per-user hash split of the offline protocol (shared/eval/PROTOCOL.md §1.3): for every user with
/// at least 5 interactions, the floor(n/5) interactions with the smallest key(seed, user, movie)
/// (ties by movie id) are held out.
/// </summary>
public static class ProtocolSplit
{
    public const ulong TestSeed = 42;
    public const ulong ValidationSeed = 43;

    public static (InteractionTable Train, InteractionTable Test) Split(InteractionTable all, ulong seed)
    {
        // Group rows by user (a counting sort over user ids), then order each user's slice by (key, movie).
        var order = GroupByUser(all.UserIds);
        var rows = new SplitRow[all.Count];
        for (var n = 0; n < rows.Length; n++)
        {
            var i = order[n];
            rows[n] = new SplitRow(all.UserIds[i], SplitMix64.Key(seed, all.UserIds[i], all.MovieIds[i]), all.MovieIds[i], i);
        }
        for (var start = 0; start < rows.Length;)
        {
            var end = start + 1;
            while (end < rows.Length && rows[end].User == rows[start].User)
            {
                end++;
            }
            rows.AsSpan(start, end - start).Sort();
            start = end;
        }
        var inTest = new bool[all.Count];
        for (var start = 0; start < rows.Length;)
        {
            var end = start;
            while (end < rows.Length && rows[end].User == rows[start].User)
            {
                end++;
            }
            var n = end - start;
            if (n >= 5)
            {
                for (var k = 0; k < n / 5; k++)
                {
                    inTest[rows[start + k].Row] = true;
                }
            }
            start = end;
        }
        return (all.Where(i => !inTest[i]), all.Where(i => inTest[i]));
    }

    /// <summary>Row indices ordered by user id (stable), by counting sort over the distinct ids.</summary>
    private static int[] GroupByUser(int[] userIds)
    {
        var distinct = userIds.Distinct().Order().ToArray();
        var slot = new Dictionary<int, int>(distinct.Length);
        for (var d = 0; d < distinct.Length; d++)
        {
            slot[distinct[d]] = d;
        }
        var starts = new int[distinct.Length + 1];
        var slots = new int[userIds.Length];
        for (var i = 0; i < userIds.Length; i++)
        {
            slots[i] = slot[userIds[i]];
            starts[slots[i] + 1]++;
        }
        for (var d = 0; d < distinct.Length; d++)
        {
            starts[d + 1] += starts[d];
        }
        var order = new int[userIds.Length];
        for (var i = 0; i < userIds.Length; i++)
        {
            order[starts[slots[i]]++] = i;
        }
        return order;
    }

    private readonly record struct SplitRow(int User, ulong Key, int Movie, int Row) : IComparable<SplitRow>
    {
        public int CompareTo(SplitRow other) =>
            User != other.User ? User.CompareTo(other.User)
            : Key != other.Key ? Key.CompareTo(other.Key)
            : Movie.CompareTo(other.Movie);
    }
}
