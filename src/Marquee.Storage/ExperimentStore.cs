using Dapper;

namespace Marquee.Storage;

/// <summary>An experiment: sessions split between a control and a candidate model version.</summary>
public sealed record Experiment(long Id, string Name, string ControlVersion, string CandidateVersion, double CandidateShare,
    DateTimeOffset StartedAt, DateTimeOffset? StoppedAt);

/// <summary>
/// The experiment switch. It lives in the database so every instance behind the load balancer splits
/// sessions the same way; at most one experiment runs at a time.
/// </summary>
public sealed class ExperimentStore(Database database, TimeProvider clock)
{
    /// <summary>Starts an experiment, stopping the one running; null when the name was used before.</summary>
    public async Task<Experiment?> StartAsync(string name, string controlVersion, string candidateVersion, double candidateShare,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var taken = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM experiments WHERE name = @name", new { name }, transaction, cancellationToken: cancellationToken)) > 0;
        if (taken)
        {
            return null;
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE experiments SET stopped_at_ms = @now WHERE stopped_at_ms IS NULL", new { now }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO experiments (name, control_version, candidate_version, candidate_share, started_at_ms)
            VALUES (@name, @controlVersion, @candidateVersion, @candidateShare, @now)
            """,
            new { name, controlVersion, candidateVersion, candidateShare, now }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return await GetActiveAsync(cancellationToken);
    }

    /// <summary>Stops the running experiment; every session is served the promoted model again.</summary>
    public async Task<Experiment?> StopAsync(CancellationToken cancellationToken = default)
    {
        var running = await GetActiveAsync(cancellationToken);
        if (running is null)
        {
            return null;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE experiments SET stopped_at_ms = @now WHERE id = @Id", new { now, running.Id }, cancellationToken: cancellationToken));
        return running with { StoppedAt = DateTimeOffset.FromUnixTimeMilliseconds(now) };
    }

    public async Task<Experiment?> GetActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} WHERE stopped_at_ms IS NULL", cancellationToken: cancellationToken));
        return row?.ToExperiment();
    }

    /// <summary>Every experiment, newest first.</summary>
    public async Task<IReadOnlyList<Experiment>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"{Select} ORDER BY id DESC", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToExperiment()).ToList();
    }

    private const string Select =
        "SELECT id AS Id, name AS Name, control_version AS ControlVersion, candidate_version AS CandidateVersion, " +
        "candidate_share AS CandidateShare, started_at_ms AS StartedAtMs, stopped_at_ms AS StoppedAtMs FROM experiments";

    private sealed class Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string ControlVersion { get; init; } = "";
        public string CandidateVersion { get; init; } = "";
        public double CandidateShare { get; init; }
        public long StartedAtMs { get; init; }
        public long? StoppedAtMs { get; init; }

        public Experiment ToExperiment() => new(Id, Name, ControlVersion, CandidateVersion, CandidateShare,
            DateTimeOffset.FromUnixTimeMilliseconds(StartedAtMs), StoppedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }
}
