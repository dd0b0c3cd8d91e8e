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
        var inTest = new bool[all.Count];
        foreach (var rows in RowsByUser(all))
        {
            if (rows.Count < 5)
            {
                continue;
            }
            var keyed = rows
                .Select(r => (Row: r, Key: SplitMix64.Key(seed, all.UserIds[r], all.MovieIds[r]), Movie: all.MovieIds[r]))
                .OrderBy(x => x.Key).ThenBy(x => x.Movie)
                .ToList();
            for (var i = 0; i < rows.Count / 5; i++)
            {
                inTest[keyed[i].Row] = true;
            }
        }
        return (all.Where(i => !inTest[i]), all.Where(i => inTest[i]));
    }

    private static IEnumerable<List<int>> RowsByUser(InteractionTable table)
    {
        var byUser = new Dictionary<int, List<int>>();
        for (var i = 0; i < table.Count; i++)
        {
            if (!byUser.TryGetValue(table.UserIds[i], out var rows))
            {
                byUser[table.UserIds[i]] = rows = [];
            }
            rows.Add(i);
        }
        return byUser.Values;
    }
}
