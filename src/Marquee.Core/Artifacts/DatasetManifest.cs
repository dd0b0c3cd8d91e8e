using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marquee.Core.Artifacts;

/// <summary>What an import wrote, recorded in <c>dataset.json</c>.</summary>
public sealed record DatasetManifest
{
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("layout")] public required string Layout { get; init; }
    [JsonPropertyName("imported_at")] public required DateTimeOffset ImportedAt { get; init; }
    [JsonPropertyName("movies")] public required int Movies { get; init; }
    [JsonPropertyName("ratings")] public required int Ratings { get; init; }
    [JsonPropertyName("users")] public required int Users { get; init; }
    [JsonPropertyName("tags")] public required int Tags { get; init; }
    [JsonPropertyName("skipped_rows")] public required long SkippedRows { get; init; }
    /// <summary>SHA-256 of <c>interactions.parquet</c>; models record it to say what they were trained on.</summary>
    [JsonPropertyName("interactions_sha256")] public required string InteractionsSha256 { get; init; }
    /// <summary>Which film each movie id names (<see cref="CatalogFingerprint"/>); the enrichment records it. Null in
    /// datasets imported before it was recorded.</summary>
    [JsonPropertyName("catalog_sha256")] public string? CatalogSha256 { get; init; }

    public static async Task<DatasetManifest?> ReadAsync(DataDirectory data, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(data.DatasetManifest))
        {
            return null;
        }
        return JsonSerializer.Deserialize(await File.ReadAllBytesAsync(data.DatasetManifest, cancellationToken), ArtifactJson.Default.DatasetManifest);
    }
}
