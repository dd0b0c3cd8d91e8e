using Dapper;
using Marquee.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marquee.Server.Services;

/// <summary>
/// Readiness: feedback can only be stored while the database takes writes. Unhealthy when it does not answer,
/// when the SQLite file is gone or cannot be written, when PostgreSQL is read-only, or when the last write failed
/// for one of those reasons.
/// </summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    /// <summary>How long a failed write keeps the database reported unhealthy when no write succeeds after it.</summary>
    private static readonly TimeSpan FailedWriteMemory = TimeSpan.FromSeconds(30);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (database.SqlitePath is { } path)
            {
                if (!File.Exists(path))
                {
                    return HealthCheckResult.Unhealthy($"the database file {path} is gone");
                }
                // Opening for writing is what SQLite will need; it fails on a read-only file, mount or immutable flag.
                foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
                {
                    await using var probe = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
                }
            }
            await using var connection = await database.OpenAsync(cancellationToken);
            if (database.Provider == DatabaseProvider.PostgreSql
                && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT pg_is_in_recovery() OR current_setting('default_transaction_read_only') = 'on'", cancellationToken: cancellationToken)))
            {
                return HealthCheckResult.Unhealthy($"{database.Description} is read-only");
            }
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            if (database.LastWriteFailure is { } failure && DateTimeOffset.UtcNow - failure.At < FailedWriteMemory)
            {
                return HealthCheckResult.Unhealthy($"{database.Description}: the last write failed: {failure.Reason}");
            }
            return HealthCheckResult.Healthy(database.Description);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"{database.Description} cannot take writes: {e.Message}");
        }
    }
}
