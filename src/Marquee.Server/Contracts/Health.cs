using System.Text.Json.Serialization;

namespace Marquee.Server.Contracts;

public sealed record HealthResponse
{
    /// <summary>
    /// <c>ok</c>; <c>degraded</c> when only the baseline serves, the promoted model failed validation or an artifact
    /// was refused (see <see cref="Problems"/>); <c>unhealthy</c> (503) when writes cannot be stored.
    /// </summary>
    public required string Status { get; init; }
    public required int CatalogMovies { get; init; }
    public required string ModelVersion { get; init; }
    public required IReadOnlyList<string> Recommenders { get; init; }
    /// <summary>Artifacts not served because they were built for another dataset (stale model, enrichment, film vectors),
    /// one sentence each with the command that rebuilds them; absent when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Problems { get; init; }
    /// <summary>Why the promoted model does not serve (it failed validation; an earlier one or the baseline serves).</summary>
    public string? ModelProblem { get; init; }
    /// <summary>Why the database cannot store feedback now (gone, read-only, unreachable); null when it can.</summary>
    public string? DatabaseProblem { get; init; }
}
