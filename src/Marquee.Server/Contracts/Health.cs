namespace Marquee.Server.Contracts;

public sealed record HealthResponse
{
    /// <summary><c>ok</c>, or <c>degraded</c> when only the baseline can serve.</summary>
    public required string Status { get; init; }
    public required int CatalogMovies { get; init; }
    public required string ModelVersion { get; init; }
    public required IReadOnlyList<string> Recommenders { get; init; }
}
