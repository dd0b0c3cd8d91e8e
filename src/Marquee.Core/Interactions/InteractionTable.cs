namespace Marquee.Core.Interactions;

/// <summary>
/// Ratings or other user–movie events in columnar form: four parallel arrays, no object per row,
/// so 25 million MovieLens ratings fit in 500 MB and scan at memory speed.
/// </summary>
public sealed class InteractionTable
{
    public InteractionTable(int[] userIds, int[] movieIds, float[] ratings, long[] timestamps)
    {
        if (movieIds.Length != userIds.Length || ratings.Length != userIds.Length || timestamps.Length != userIds.Length)
        {
            throw new ArgumentException("Interaction columns must have the same length.");
        }
        UserIds = userIds;
        MovieIds = movieIds;
        Ratings = ratings;
        Timestamps = timestamps;
    }

    public int[] UserIds { get; }
    public int[] MovieIds { get; }
    /// <summary>Star rating on the 0.5–5 scale (ml-100k and ml-1m use whole stars 1–5).</summary>
    public float[] Ratings { get; }
    /// <summary>Seconds since the Unix epoch, as MovieLens records them.</summary>
    public long[] Timestamps { get; }
    public int Count => UserIds.Length;

    public static InteractionTable Empty { get; } = new([], [], [], []);

    /// <summary>Rows of this table followed by the rows of <paramref name="other"/>.</summary>
    public InteractionTable Concat(InteractionTable other) => new(
        [.. UserIds, .. other.UserIds],
        [.. MovieIds, .. other.MovieIds],
        [.. Ratings, .. other.Ratings],
        [.. Timestamps, .. other.Timestamps]);

    /// <summary>The rows whose index <paramref name="keep"/> accepts, in their original order.</summary>
    public InteractionTable Where(Func<int, bool> keep)
    {
        var count = 0;
        for (var i = 0; i < Count; i++)
        {
            if (keep(i))
            {
                count++;
            }
        }
        var users = new int[count];
        var movies = new int[count];
        var ratings = new float[count];
        var times = new long[count];
        var at = 0;
        for (var i = 0; i < Count; i++)
        {
            if (keep(i))
            {
                users[at] = UserIds[i];
                movies[at] = MovieIds[i];
                ratings[at] = Ratings[i];
                times[at] = Timestamps[i];
                at++;
            }
        }
        return new InteractionTable(users, movies, ratings, times);
    }
}

/// <summary>Builds an <see cref="InteractionTable"/> row by row without boxing.</summary>
public sealed class InteractionTableBuilder(int capacity = 1024)
{
    private readonly List<int> _users = new(capacity);
    private readonly List<int> _movies = new(capacity);
    private readonly List<float> _ratings = new(capacity);
    private readonly List<long> _timestamps = new(capacity);

    public int Count => _users.Count;

    public void Add(int userId, int movieId, float rating, long timestamp)
    {
        _users.Add(userId);
        _movies.Add(movieId);
        _ratings.Add(rating);
        _timestamps.Add(timestamp);
    }

    public InteractionTable Build() => new([.. _users], [.. _movies], [.. _ratings], [.. _timestamps]);
}
