using Dapper;
using Marquee.Core.Training;

namespace Marquee.Storage;

public sealed record RegisteredModel(string Version, string Algorithm, DateTimeOffset CreatedAt, DateTimeOffset? PromotedAt, bool IsCurrent, ModelManifest Manifest)
{
    public ModelKind Kind => Manifest.Kind;
}

/// <summary>
/// The model versions known to this installation, of both kinds (<see cref="ModelKind"/>), and which one serves. Only a
/// top-N version is promoted; a rating version serves with the top-N version whose manifest names it.
/// </summary>
public sealed class ModelRegistry(Database database, TimeProvider clock)
{
    public async Task RegisterAsync(ModelManifest manifest, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO models (version, algorithm, created_at_ms, manifest_json) VALUES (@Version, @Algorithm, @createdAt, @json)
            ON CONFLICT (version) DO NOTHING
            """,
            new { manifest.Version, manifest.Algorithm, createdAt = manifest.CreatedAt.ToUnixTimeMilliseconds(), json = manifest.ToJson() },
            cancellationToken: cancellationToken));
    }

    /// <summary>The top-N versions, newest first: the ones that can be promoted.</summary>
    public Task<IReadOnlyList<RegisteredModel>> ListAsync(CancellationToken cancellationToken = default) => ListAsync(ModelKind.TopN, cancellationToken);

    /// <summary>The versions of one kind, newest first.</summary>
    public async Task<IReadOnlyList<RegisteredModel>> ListAsync(ModelKind kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"{Select} ORDER BY created_at_ms DESC, version DESC", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToModel()).Where(m => m.Kind == kind).ToList();
    }

    public async Task<RegisteredModel?> GetAsync(string version, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"{Select} WHERE version = @version", new { version }, cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    public async Task<RegisteredModel?> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"{Select} WHERE is_current = 1", cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    /// <summary>Versions of the standing promotions, newest first, each once: where a server falls back to.</summary>
    public async Task<IReadOnlyList<string>> PromotedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var versions = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT version FROM promotions WHERE rolled_back = 0 ORDER BY id DESC", cancellationToken: cancellationToken));
        return versions.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Makes the top-N <paramref name="version"/> the serving model and records why; false when there is no such version.</summary>
    public async Task<bool> PromoteAsync(string version, string reason, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var manifest = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT manifest_json FROM models WHERE version = @version", new { version }, transaction, cancellationToken: cancellationToken));
        if (manifest is null || ModelManifest.FromJson(manifest).Kind != ModelKind.TopN)
        {
            return false;
        }
        await MakeCurrentAsync(connection, transaction, version, now, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO promotions (version, promoted_at_ms, reason) VALUES (@version, @now, @reason)",
            new { version, now, reason }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Serves the model promoted before the current one again; null when there is none. Promotions of the
    /// current version repeated in a row are all taken back, so a rollback always changes the serving version.
    /// </summary>
    public async Task<RegisteredModel?> RollbackAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var standing = (await connection.QueryAsync<(long Id, string Version)>(new CommandDefinition(
            "SELECT id, version FROM promotions WHERE rolled_back = 0 ORDER BY id DESC", transaction: transaction, cancellationToken: cancellationToken))).ToList();
        var target = standing.FindIndex(p => p.Version != standing[0].Version);
        if (standing.Count == 0 || target < 0)
        {
            return null;
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE promotions SET rolled_back = 1 WHERE rolled_back = 0 AND id > @id", new { id = standing[target].Id }, transaction, cancellationToken: cancellationToken));
        await MakeCurrentAsync(connection, transaction, standing[target].Version, clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(standing[target].Version, cancellationToken);
    }

    private static async Task MakeCurrentAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string version, long now, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("UPDATE models SET is_current = 0 WHERE is_current = 1", transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE models SET is_current = 1, promoted_at_ms = @now WHERE version = @version", new { version, now }, transaction, cancellationToken: cancellationToken));
    }

    private const string Select =
        "SELECT version AS Version, algorithm AS Algorithm, created_at_ms AS CreatedAtMs, promoted_at_ms AS PromotedAtMs, " +
        "is_current AS IsCurrent, manifest_json AS ManifestJson FROM models";

    private sealed class Row
    {
        public string Version { get; init; } = "";
        public string Algorithm { get; init; } = "";
        public long CreatedAtMs { get; init; }
        public long? PromotedAtMs { get; init; }
        public long IsCurrent { get; init; }
        public string ManifestJson { get; init; } = "";

        public RegisteredModel ToModel() => new(Version, Algorithm, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMs),
            PromotedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, IsCurrent != 0, ModelManifest.FromJson(ManifestJson));
    }
}
