using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Marquee.Storage;

/// <summary>
/// Anonymous users and their bearer tokens. Only a SHA-256 of each token is stored; a token expires after
/// <paramref name="tokenLifetime"/> (a year unless configured), can be exchanged for a new one, and can be revoked.
/// </summary>
public sealed class UserStore(Database database, TimeProvider clock, TimeSpan? tokenLifetime = null)
{
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromDays(365);

    private long LifetimeMs => (long)(tokenLifetime ?? DefaultTokenLifetime).TotalMilliseconds;

    public Task<(string UserId, string Token)> CreateAsync(CancellationToken cancellationToken = default)
    {
        var userId = "u_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var token = NewToken();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO users (id, token_sha256, created_at_ms, token_expires_at_ms) VALUES (@userId, @hash, @now, @expires)",
                new { userId, hash = Hash(token), now, expires = now + LifetimeMs }, transaction));
            return (userId, token);
        }, cancellationToken);
    }

    /// <summary>The user a bearer token belongs to, or null for an unknown, expired or revoked token.</summary>
    public async Task<string?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT id FROM users WHERE token_sha256 = @hash AND (token_expires_at_ms IS NULL OR token_expires_at_ms > @now)",
            new { hash = Hash(token), now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    /// <summary>Replaces a user's token with a new one (a fresh lifetime); the old token stops working.</summary>
    public Task<string> RotateAsync(string userId, CancellationToken cancellationToken = default)
    {
        var token = NewToken();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE users SET token_sha256 = @hash, token_expires_at_ms = @expires WHERE id = @userId",
                new { userId, hash = Hash(token), expires = now + LifetimeMs }, transaction));
            return token;
        }, cancellationToken);
    }

    /// <summary>Logs a user out: the token stops working and no token is issued in its place.</summary>
    public Task RevokeAsync(string userId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
            // The column is unique and required: a hash of fresh random bytes no token can ever match.
            "UPDATE users SET token_sha256 = @revoked, token_expires_at_ms = 0 WHERE id = @userId",
            new { userId, revoked = "revoked:" + Hash(NewToken()) }, transaction)), cancellationToken);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
