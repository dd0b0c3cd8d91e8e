using System.Text.Json.Serialization;

namespace Marquee.Server.Contracts;

public sealed record HealthResponse
{
    /// <summary><c>ok</c>, or <c>degraded</c> when only the baseline can serve or an artifact was refused (see <see cref="Problems"/>).</summary>
    public required string Status { get; init; }
    public required int CatalogMovies { get; init; }
    public required string ModelVersion { get; init; }
    public required IReadOnlyList<string> Recommenders { get; init; }
    /// <summary>Artifacts not served because they were built for another dataset (stale model, enrichment, film vectors),
    /// one sentence each with the command that rebuilds them; absent when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Problems { get; init; }
}
