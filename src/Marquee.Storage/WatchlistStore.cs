using Dapper;

namespace Marquee.Storage;

public sealed record WatchlistEntry(int MovieId, DateTimeOffset AddedAt);

/// <summary>Movies a user saved for later.</summary>
public sealed class WatchlistStore(Database database, TimeProvider clock)
{
    public async Task<IReadOnlyList<WatchlistEntry>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(int MovieId, long AddedAtMs)>(new CommandDefinition(
            "SELECT movie_id, added_at_ms FROM watchlist WHERE user_id = @userId ORDER BY added_at_ms DESC, movie_id",
            new { userId }, cancellationToken: cancellationToken));
        return rows.Select(r => new WatchlistEntry(r.MovieId, DateTimeOffset.FromUnixTimeMilliseconds(r.AddedAtMs))).ToList();
    }

    public async Task<WatchlistEntry?> GetAsync(string userId, int movieId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var addedAt = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT added_at_ms FROM watchlist WHERE user_id = @userId AND movie_id = @movieId",
            new { userId, movieId }, cancellationToken: cancellationToken));
        return addedAt is { } ms ? new WatchlistEntry(movieId, DateTimeOffset.FromUnixTimeMilliseconds(ms)) : null;
    }

    /// <summary>
    /// Adds a movie; adding it again keeps the original date. Returns true when it was new. One statement
    /// both adds and reads the entry, so a DELETE racing with it cannot leave it half-done.
    /// </summary>
    public Task<(WatchlistEntry Entry, bool Created)> PutAsync(string userId, int movieId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var existing = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT added_at_ms FROM watchlist WHERE user_id = @userId AND movie_id = @movieId", new { userId, movieId }, transaction));
            var addedAt = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO watchlist (user_id, movie_id, added_at_ms) VALUES (@userId, @movieId, @now)
                ON CONFLICT (user_id, movie_id) DO UPDATE SET added_at_ms = watchlist.added_at_ms
                RETURNING added_at_ms
                """,
                new { userId, movieId, now }, transaction));
            return (new WatchlistEntry(movieId, DateTimeOffset.FromUnixTimeMilliseconds(addedAt)), existing is null);
        }, cancellationToken);

    public Task<bool> DeleteAsync(string userId, int movieId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM watchlist WHERE user_id = @userId AND movie_id = @movieId", new { userId, movieId }, transaction)) > 0,
            cancellationToken);
}
