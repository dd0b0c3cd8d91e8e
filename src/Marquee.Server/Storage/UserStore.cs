using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Marquee.Server.Storage;

/// <summary>Anonymous users and their bearer tokens. Only a SHA-256 of each token is stored.</summary>
public sealed class UserStore(Database database, TimeProvider clock)
{
    public async Task<(string UserId, string Token)> CreateAsync(CancellationToken cancellationToken = default)
    {
        var userId = "u_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO users (id, token_sha256, created_at_ms) VALUES (@userId, @hash, @now)",
            new { userId, hash = Hash(token), now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return (userId, token);
    }

    /// <summary>The user a bearer token belongs to, or null for an unknown token.</summary>
    public async Task<string?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT id FROM users WHERE token_sha256 = @hash", new { hash = Hash(token) }, cancellationToken: cancellationToken));
    }

    public async Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM users WHERE id = @userId", new { userId }, cancellationToken: cancellationToken)) > 0;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
