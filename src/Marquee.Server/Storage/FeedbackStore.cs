using Dapper;

namespace Marquee.Server.Storage;

/// <summary>The swipe vocabulary of the feedback endpoint.</summary>
public static class FeedbackActions
{
    public const string Like = "like";
    public const string Dislike = "dislike";
    public const string Skip = "skip";
    public const string Superlike = "superlike";
    public const string Seen = "seen";
    public const string Watchlist = "watchlist";

    public static readonly IReadOnlyList<string> All = [Like, Dislike, Skip, Superlike, Seen, Watchlist];

    /// <summary>The action as a history weight: implied stars, negative for a dislike (see FeedbackRatings).</summary>
    public static float TasteWeight(string action) => Core.Interactions.FeedbackRatings.ImpliedStars(action);
}

/// <summary>
/// One swipe. <paramref name="Experiment"/> and <paramref name="Arm"/> name the experiment arm the session was in when it
/// was stored, <paramref name="PageId"/> the /recommend answer the card came from (online metrics per model version).
/// </summary>
public sealed record FeedbackEvent(string UserId, int MovieId, string Action, string? Query, string? Recommender, string? ModelVersion, int? Position,
    string? Experiment = null, string? Arm = null, string? PageId = null);

public sealed record StoredFeedback(long Id, string UserId, int MovieId, string Action, string? Query, string? Recommender,
    string? ModelVersion, int? Position, bool Undone, DateTimeOffset StoredAt);

/// <summary>Feedback events. A write returns only after the transaction has committed.</summary>
public sealed class FeedbackStore(Database database, TimeProvider clock)
{
    /// <summary>Stores one event; a repeated idempotency key returns the event stored the first time.</summary>
    public async Task<(StoredFeedback Feedback, bool Created)> AddAsync(FeedbackEvent feedback, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO feedback (user_id, movie_id, action, query, recommender, model_version, position, experiment, arm, page_id, idempotency_key, created_at_ms)
            VALUES (@UserId, @MovieId, @Action, @Query, @Recommender, @ModelVersion, @Position, @Experiment, @Arm, @PageId, @idempotencyKey, @now)
            ON CONFLICT (user_id, idempotency_key) DO NOTHING
            RETURNING id
            """,
            new
            {
                feedback.UserId, feedback.MovieId, feedback.Action, feedback.Query, feedback.Recommender,
                feedback.ModelVersion, feedback.Position, feedback.Experiment, feedback.Arm, feedback.PageId, idempotencyKey, now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
        if (id is { } created)
        {
            return (await GetAsync(created, cancellationToken) ?? throw new InvalidOperationException("stored feedback vanished"), true);
        }
        var existing = await connection.QuerySingleAsync<FeedbackRow>(new CommandDefinition(
            $"{Select} WHERE user_id = @UserId AND idempotency_key = @idempotencyKey",
            new { feedback.UserId, idempotencyKey }, cancellationToken: cancellationToken));
        return (existing.ToStored(), false);
    }

    public async Task<StoredFeedback?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FeedbackRow>(new CommandDefinition(
            $"{Select} WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToStored();
    }

    /// <summary>A user's events, newest first.</summary>
    public async Task<IReadOnlyList<StoredFeedback>> ListAsync(string userId, int limit, long? beforeId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FeedbackRow>(new CommandDefinition(
            $"{Select} WHERE user_id = @userId AND (@beforeId IS NULL OR id < @beforeId) ORDER BY id DESC LIMIT @limit",
            new { userId, beforeId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStored()).ToList();
    }

    /// <summary>Marks an event as taken back (the UI's undo); it then no longer shapes recommendations.</summary>
    public async Task<bool> UndoAsync(string userId, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE feedback SET undone = 1 WHERE id = @id AND user_id = @userId", new { id, userId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// The latest standing action per movie for one user (undone events ignored), oldest first:
    /// what the recommender treats as the user's history.
    /// </summary>
    public async Task<IReadOnlyList<(int MovieId, string Action)>> LatestActionsAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, int MovieId, string Action)>(new CommandDefinition(
            "SELECT id, movie_id, action FROM feedback WHERE user_id = @userId AND undone = 0 ORDER BY id",
            new { userId }, cancellationToken: cancellationToken));
        var latest = new Dictionary<int, (long Id, string Action)>();
        foreach (var row in rows)
        {
            latest[row.MovieId] = (row.Id, row.Action);
        }
        return latest.OrderBy(kv => kv.Value.Id).Select(kv => (kv.Key, kv.Value.Action)).ToList();
    }

    /// <summary>Every standing event of every user, for training (streamed with a plain reader: it can be millions of rows).</summary>
    public async Task<IReadOnlyList<(string UserId, int MovieId, string Action, long CreatedAtMs)>> ExportAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, movie_id, action, created_at_ms FROM feedback WHERE undone = 0 ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string, int, string, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3)));
        }
        return rows;
    }

    private const string Select =
        "SELECT id AS Id, user_id AS UserId, movie_id AS MovieId, action AS Action, query AS Query, recommender AS Recommender, " +
        "model_version AS ModelVersion, position AS Position, undone AS Undone, created_at_ms AS CreatedAtMs FROM feedback";

    private sealed class FeedbackRow
    {
        public long Id { get; init; }
        public string UserId { get; init; } = "";
        public int MovieId { get; init; }
        public string Action { get; init; } = "";
        public string? Query { get; init; }
        public string? Recommender { get; init; }
        public string? ModelVersion { get; init; }
        public int? Position { get; init; }
        public long Undone { get; init; }
        public long CreatedAtMs { get; init; }

        public StoredFeedback ToStored() => new(Id, UserId, MovieId, Action, Query, Recommender, ModelVersion, Position,
            Undone != 0, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMs));
    }
}
