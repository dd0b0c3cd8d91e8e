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

    public UserRatings(InteractionTable table) : this(table.UserIds, table.MovieIds, table.Ratings)
    {
    }

    /// <summary>
    /// Groups the rows by user, keeping file order inside a user. Rows that already come user by user (what
    /// import writes) are kept as they are, without a copy: on 25M ratings the grouped copy and a sort's index
    /// would be 300 MB more at load, and at rest the server holds only the movie and rating columns.
    /// </summary>
    public UserRatings(int[] userIds, int[] movieIds, float[] ratings)
    {
        if (movieIds.Length != userIds.Length || ratings.Length != userIds.Length)
        {
            throw new ArgumentException("the columns differ in length");
        }
        _rowOf = [];
        var offsets = new List<int>();
        var grouped = true;
        for (var i = 0; i < userIds.Length; i++)
        {
            if (i == 0 || userIds[i] != userIds[i - 1])
            {
                if (!_rowOf.TryAdd(userIds[i], offsets.Count))
                {
                    grouped = false;
                    break;
                }
                offsets.Add(i);
            }
        }
        if (grouped)
        {
            offsets.Add(userIds.Length);
            _offsets = [.. offsets];
            _movieIds = movieIds;
            _ratings = ratings;
            return;
        }

        // A stable counting sort by user: rows are counted per user, then placed in file order.
        _rowOf.Clear();
        var counts = new List<int>();
        foreach (var user in userIds.Distinct().Order())
        {
            _rowOf[user] = counts.Count;
            counts.Add(0);
        }
        foreach (var user in userIds)
        {
            counts[_rowOf[user]]++;
        }
        _offsets = new int[counts.Count + 1];
        for (var row = 0; row < counts.Count; row++)
        {
            _offsets[row + 1] = _offsets[row] + counts[row];
        }
        var next = _offsets[..^1];
        _movieIds = new int[userIds.Length];
        _ratings = new float[userIds.Length];
        for (var i = 0; i < userIds.Length; i++)
        {
            var at = next[_rowOf[userIds[i]]]++;
            _movieIds[at] = movieIds[i];
            _ratings[at] = ratings[i];
        }
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
