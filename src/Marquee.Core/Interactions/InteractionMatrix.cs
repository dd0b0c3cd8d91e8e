
namespace Marquee.Core.Interactions;

/// <summary>
/// The users × items training matrix a model is fitted on: ratings in CSR by user and by item, plus the
/// maps between raw ids and matrix positions. Items follow ascending movie id.
/// </summary>
public sealed class InteractionMatrix
{
    private readonly Dictionary<int, int> _rowOfUser;

    private InteractionMatrix(ItemIndex items, int[] userIds, CsrMatrix byUser)
    {
        Items = items;
        UserIds = userIds;
        ByUser = byUser;
        ByItem = byUser.Transpose();
        _rowOfUser = new Dictionary<int, int>(userIds.Length);
        for (var i = 0; i < userIds.Length; i++)
        {
            _rowOfUser[userIds[i]] = i;
        }
    }

    /// <summary>Wraps an existing users × items CSR matrix (e.g. one loaded from a model artifact).</summary>
    public static InteractionMatrix FromCsr(ItemIndex items, int[] userIds, CsrMatrix byUser) => new(items, userIds, byUser);

    public ItemIndex Items { get; }
    /// <summary>Raw user id of each row, ascending.</summary>
    public int[] UserIds { get; }
    /// <summary>Users × items; values are the ratings (or feedback strengths).</summary>
    public CsrMatrix ByUser { get; }
    /// <summary>Items × users (the transpose).</summary>
    public CsrMatrix ByItem { get; }
    public int UserCount => UserIds.Length;
    public int ItemCount => Items.Count;
    public int NonZeros => ByUser.NonZeros;

    /// <summary>The row of a raw user id, or -1.</summary>
    public int RowOf(int userId) => _rowOfUser.TryGetValue(userId, out var row) ? row : -1;

    /// <summary>
    /// Builds the matrix. The item catalogue is <paramref name="items"/> when given (interactions with other
    /// items are dropped), else every item that occurs in the table.
    /// </summary>
    public static InteractionMatrix Build(InteractionTable table, ItemIndex? items = null)
    {
        items ??= new ItemIndex(table.MovieIds);
        var userIds = table.UserIds.Distinct().Order().ToArray();
        var rowOf = new Dictionary<int, int>(userIds.Length);
        for (var i = 0; i < userIds.Length; i++)
        {
            rowOf[userIds[i]] = i;
        }
        var rows = new List<int>(table.Count);
        var columns = new List<int>(table.Count);
        var values = new List<float>(table.Count);
        for (var n = 0; n < table.Count; n++)
        {
            var column = items.PositionOf(table.MovieIds[n]);
            if (column < 0)
            {
                continue;
            }
            rows.Add(rowOf[table.UserIds[n]]);
            columns.Add(column);
            values.Add(table.Ratings[n]);
        }
        var byUser = CsrMatrix.FromCoordinates(userIds.Length, items.Count,
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(columns),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
        return new InteractionMatrix(items, userIds, byUser);
    }
}
