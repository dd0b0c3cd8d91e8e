namespace Marquee.Core.Interactions;

/// <summary>
/// Interactions grouped by user (compressed sparse rows keyed by raw user id), so the history of a
/// MovieLens user is one slice.
/// </summary>
public sealed class UserRatings
{
    private readonly Dictionary<int, int> _rowOf;
    private readonly int[] _offsets;
    private readonly int[] _movieIds;
    private readonly float[] _ratings;

    public UserRatings(InteractionTable table)
    {
        var order = new int[table.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        // Group by user, keep file order inside a user.
        var users = table.UserIds;
        Array.Sort(order, (a, b) => users[a] != users[b] ? users[a].CompareTo(users[b]) : a.CompareTo(b));
        _rowOf = [];
        var offsets = new List<int>();
        _movieIds = new int[order.Length];
        _ratings = new float[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var row = order[i];
            if (i == 0 || users[row] != users[order[i - 1]])
            {
                _rowOf[users[row]] = offsets.Count;
                offsets.Add(i);
            }
            _movieIds[i] = table.MovieIds[row];
            _ratings[i] = table.Ratings[row];
        }
        offsets.Add(order.Length);
        _offsets = [.. offsets];
    }

    public int UserCount => _rowOf.Count;

    public bool Contains(int userId) => _rowOf.ContainsKey(userId);

    /// <summary>The movies a user rated and the stars given; empty for an unknown user.</summary>
    public (ReadOnlyMemory<int> MovieIds, ReadOnlyMemory<float> Ratings) Of(int userId)
    {
        if (!_rowOf.TryGetValue(userId, out var row))
        {
            return (ReadOnlyMemory<int>.Empty, ReadOnlyMemory<float>.Empty);
        }
        var start = _offsets[row];
        var length = _offsets[row + 1] - start;
        return (_movieIds.AsMemory(start, length), _ratings.AsMemory(start, length));
    }
}
