using Marquee.Core.Interactions;

namespace Marquee.Core.Recommenders.RatingPrediction;

/// <summary>
/// Training ratings in the two layouts every rating model needs: compressed sparse rows by user and
/// by item, over dense indices (users and movies in ascending id order). One (user, movie) pair keeps
/// only its latest rating, so re-rating a movie replaces the old stars instead of counting twice.
/// </summary>
internal sealed class RatingMatrix
{
    private RatingMatrix(int[] userIds, ItemIndex items, int[] userStart, int[] userItem, float[] userRating,
        int[] itemStart, int[] itemUser, float[] itemRating, int[] itemSlotToUserSlot)
    {
        UserIds = userIds;
        Items = items;
        UserStart = userStart;
        UserItem = userItem;
        UserRating = userRating;
        ItemStart = itemStart;
        ItemUser = itemUser;
        ItemRating = itemRating;
        ItemSlotToUserSlot = itemSlotToUserSlot;
        var sum = 0.0;
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        foreach (var r in userRating)
        {
            sum += r;
            min = Math.Min(min, r);
            max = Math.Max(max, r);
        }
        Mean = userRating.Length == 0 ? 0 : sum / userRating.Length;
        MinRating = userRating.Length == 0 ? 0.5f : min;
        MaxRating = userRating.Length == 0 ? 5f : max;
    }

    /// <summary>Raw user id of each dense user index, ascending.</summary>
    public int[] UserIds { get; }
    public ItemIndex Items { get; }
    public int UserCount => UserIds.Length;
    public int ItemCount => Items.Count;
    public int Count => UserItem.Length;

    /// <summary>User u's ratings occupy slots <c>UserStart[u] .. UserStart[u+1]-1</c>, items ascending.</summary>
    public int[] UserStart { get; }
    public int[] UserItem { get; }
    public float[] UserRating { get; }

    /// <summary>Item i's ratings occupy slots <c>ItemStart[i] .. ItemStart[i+1]-1</c>, users ascending.</summary>
    public int[] ItemStart { get; }
    public int[] ItemUser { get; }
    public float[] ItemRating { get; }

    /// <summary>For each by-item slot, the by-user slot of the same rating (to share per-rating state).</summary>
    public int[] ItemSlotToUserSlot { get; }

    public double Mean { get; }
    public float MinRating { get; }
    public float MaxRating { get; }

    public int UserDegree(int user) => UserStart[user + 1] - UserStart[user];
    public int ItemDegree(int item) => ItemStart[item + 1] - ItemStart[item];

    public static RatingMatrix From(InteractionTable table)
    {
        var n = table.Count;
        var order = new int[n];
        for (var r = 0; r < n; r++)
        {
            order[r] = r;
        }
        var users = table.UserIds;
        var movies = table.MovieIds;
        var times = table.Timestamps;
        // Latest event last within a pair, so the dedupe below keeps it (ties: the later row).
        Array.Sort(order, (a, b) =>
        {
            var c = users[a].CompareTo(users[b]);
            if (c != 0)
            {
                return c;
            }
            c = movies[a].CompareTo(movies[b]);
            if (c != 0)
            {
                return c;
            }
            c = times[a].CompareTo(times[b]);
            return c != 0 ? c : a.CompareTo(b);
        });

        var kept = new List<int>(n);
        for (var k = 0; k < n; k++)
        {
            var row = order[k];
            var isLastOfPair = k + 1 == n || users[order[k + 1]] != users[row] || movies[order[k + 1]] != movies[row];
            if (isLastOfPair)
            {
                kept.Add(row);
            }
        }

        var items = new ItemIndex(movies);
        var userIdList = new List<int>();
        var userStartList = new List<int>();
        var userItem = new int[kept.Count];
        var userRating = new float[kept.Count];
        var userOfSlot = new int[kept.Count];
        for (var s = 0; s < kept.Count; s++)
        {
            var row = kept[s];
            if (s == 0 || users[kept[s - 1]] != users[row])
            {
                userIdList.Add(users[row]);
                userStartList.Add(s);
            }
            userItem[s] = items.PositionOf(movies[row]);
            userRating[s] = table.Ratings[row];
            userOfSlot[s] = userIdList.Count - 1;
        }
        userStartList.Add(kept.Count);

        var itemStart = new int[items.Count + 1];
        foreach (var item in userItem)
        {
            itemStart[item + 1]++;
        }
        for (var i = 0; i < items.Count; i++)
        {
            itemStart[i + 1] += itemStart[i];
        }
        var fill = itemStart[..^1];
        var itemUser = new int[kept.Count];
        var itemRating = new float[kept.Count];
        var itemSlotToUserSlot = new int[kept.Count];
        // Slots are visited in user order, so each item's users come out ascending.
        for (var s = 0; s < kept.Count; s++)
        {
            var at = fill[userItem[s]]++;
            itemUser[at] = userOfSlot[s];
            itemRating[at] = userRating[s];
            itemSlotToUserSlot[at] = s;
        }
        return new RatingMatrix([.. userIdList], items, [.. userStartList], userItem, userRating,
            itemStart, itemUser, itemRating, itemSlotToUserSlot);
    }
}
