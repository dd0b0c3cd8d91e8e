using Dapper;

namespace Marquee.Storage;

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
    /// <summary>
    /// How many films of a user's newest standing actions shape recommendations: a user who swiped through
    /// 20,000 events still costs /recommend one bounded read.
    /// </summary>
    public const int MaxTasteMovies = 1000;

    /// <summary>
    /// Stores one event and updates the user's taste in the same transaction; a repeated idempotency key
    /// returns the event stored the first time (Created false) and stores nothing.
    /// </summary>
    public Task<(StoredFeedback Feedback, bool Created)> AddAsync(FeedbackEvent feedback, string? idempotencyKey, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
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
                    feedback.ModelVersion, feedback.Position, feedback.Experiment, feedback.Arm, feedback.PageId, idempotencyKey, now,
                },
                transaction));
            if (id is { } created)
            {
                await SetTasteAsync(connection, transaction, feedback.UserId, feedback.MovieId, (created, feedback.Action));
                await connection.ExecuteAsync(new CommandDefinition(TrimTaste, new { userId = feedback.UserId, max = MaxTasteMovies }, transaction));
                return (new StoredFeedback(created, feedback.UserId, feedback.MovieId, feedback.Action, feedback.Query, feedback.Recommender,
                    feedback.ModelVersion, feedback.Position, false, DateTimeOffset.FromUnixTimeMilliseconds(now)), true);
            }
            var existing = await connection.QuerySingleAsync<FeedbackRow>(new CommandDefinition(
                $"{Select} WHERE user_id = @UserId AND idempotency_key = @idempotencyKey",
                new { feedback.UserId, idempotencyKey }, transaction));
            return (existing.ToStored(), false);
        }, cancellationToken);

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
    public Task<bool> UndoAsync(string userId, long id, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var movieId = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
                "UPDATE feedback SET undone = 1 WHERE id = @id AND user_id = @userId RETURNING movie_id", new { id, userId }, transaction));
            if (movieId is not { } movie)
            {
                return false;
            }
            // The film's standing action is now its newest event not taken back, if any.
            var standing = (await connection.QueryAsync<(long Id, string Action)>(new CommandDefinition(
                "SELECT id, action FROM feedback WHERE user_id = @userId AND movie_id = @movie AND undone = 0 ORDER BY id DESC LIMIT 1",
                new { userId, movie }, transaction))).ToList();
            await SetTasteAsync(connection, transaction, userId, movie, standing.Count > 0 ? standing[0] : null);
            return true;
        }, cancellationToken);

    /// <summary>
    /// The latest standing action per movie for one user (undone events ignored), oldest first, for at most
    /// the <see cref="MaxTasteMovies"/> newest films: what the recommender treats as the user's history.
    /// </summary>
    public async Task<IReadOnlyList<(int MovieId, string Action)>> LatestActionsAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(int MovieId, string Action)>(new CommandDefinition(
            """
            SELECT movie_id, action FROM (
                SELECT movie_id, action, event_id FROM user_taste WHERE user_id = @userId ORDER BY event_id DESC LIMIT @max
            ) AS recent ORDER BY event_id
            """,
            new { userId, max = MaxTasteMovies }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private static Task<int> SetTasteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        string userId, int movieId, (long Id, string Action)? standing) =>
        standing is { } latest
            ? connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO user_taste (user_id, movie_id, action, event_id) VALUES (@userId, @movieId, @action, @eventId)
                ON CONFLICT (user_id, movie_id) DO UPDATE SET action = excluded.action, event_id = excluded.event_id
                """,
                new { userId, movieId, action = latest.Action, eventId = latest.Id }, transaction))
            : connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM user_taste WHERE user_id = @userId AND movie_id = @movieId", new { userId, movieId }, transaction));

    /// <summary>Drops the films beyond the newest <see cref="MaxTasteMovies"/> of one user.</summary>
    private const string TrimTaste =
        """
        DELETE FROM user_taste WHERE user_id = @userId AND event_id <= (
            SELECT event_id FROM user_taste WHERE user_id = @userId ORDER BY event_id DESC LIMIT 1 OFFSET @max)
        """;

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
