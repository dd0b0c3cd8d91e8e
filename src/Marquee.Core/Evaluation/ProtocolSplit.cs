using Marquee.Core.Interactions;

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
        // One sort of (user, key, movie) puts every user's rows together in the protocol's order.
        var rows = new SplitRow[all.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new SplitRow(all.UserIds[i], SplitMix64.Key(seed, all.UserIds[i], all.MovieIds[i]), all.MovieIds[i], i);
        }
        Array.Sort(rows);
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

    private readonly record struct SplitRow(int User, ulong Key, int Movie, int Row) : IComparable<SplitRow>
    {
        public int CompareTo(SplitRow other) =>
            User != other.User ? User.CompareTo(other.User)
            : Key != other.Key ? Key.CompareTo(other.Key)
            : Movie.CompareTo(other.Movie);
    }
}
