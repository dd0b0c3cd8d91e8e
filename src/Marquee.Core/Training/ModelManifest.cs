using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marquee.Core.Training;

/// <summary>Ranking quality of a model on a held-out split of its training data.</summary>
public sealed record ValidationMetrics
{
    [JsonPropertyName("ndcg_at_10")] public required double NdcgAt10 { get; init; }
    [JsonPropertyName("recall_at_10")] public required double RecallAt10 { get; init; }
    [JsonPropertyName("hit_rate_at_10")] public required double HitRateAt10 { get; init; }
    [JsonPropertyName("coverage_at_10")] public required double CoverageAt10 { get; init; }
    [JsonPropertyName("users")] public required int Users { get; init; }
    /// <summary>How the split was made, e.g. "protocol split seed 42 of all training interactions".</summary>
    [JsonPropertyName("split")] public required string Split { get; init; }
}

/// <summary>What a model was trained on, identified well enough to tell two trainings apart.</summary>
public sealed record TrainingData
{
    [JsonPropertyName("interactions_sha256")] public required string InteractionsSha256 { get; init; }
    [JsonPropertyName("ratings")] public required int Ratings { get; init; }
    [JsonPropertyName("feedback_events")] public required int FeedbackEvents { get; init; }
    [JsonPropertyName("users")] public required int Users { get; init; }
    [JsonPropertyName("items")] public required int Items { get; init; }
    /// <summary>SHA-256 over the interactions and feedback actually used.</summary>
    [JsonPropertyName("fingerprint")] public required string Fingerprint { get; init; }
}

/// <summary>The <c>manifest.json</c> of <c>build_artifacts/models/&lt;version&gt;/</c>.</summary>
public sealed record ModelManifest
{
    public const string FileName = "manifest.json";

    [JsonPropertyName("version")] public required string Version { get; init; }
    [JsonPropertyName("algorithm")] public required string Algorithm { get; init; }
    [JsonPropertyName("parameters")] public required IReadOnlyDictionary<string, double> Parameters { get; init; }
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("code_version")] public required string CodeVersion { get; init; }
    [JsonPropertyName("data")] public required TrainingData Data { get; init; }
    [JsonPropertyName("validation")] public ValidationMetrics? Validation { get; init; }
    [JsonPropertyName("fit_seconds")] public required double FitSeconds { get; init; }
    /// <summary>
    /// The star-rating predictor served with this model: a folder under <c>rating-models/</c> beside the
    /// models folder. It depends on the imported ratings only, so one is trained per dataset and shared.
    /// </summary>
    [JsonPropertyName("rating_model")] public string? RatingModel { get; init; }
    /// <summary>
    /// Why this algorithm was trained: for <c>auto</c>, which candidates were validated and why any was
    /// left out (EASE over its memory budget). Absent in manifests written before.
    /// </summary>
    [JsonPropertyName("selection")] public string? Selection { get; init; }
    /// <summary>
    /// SHA-256 (hex) of every array file of the model, by file name: a serving instance refuses a model whose
    /// files changed after training (a truncated copy, a half-synced disk). Absent in manifests written before.
    /// </summary>
    [JsonPropertyName("files_sha256")] public IReadOnlyDictionary<string, string>? FilesSha256 { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Artifacts.ArtifactJson.Default.ModelManifest);

    public static ModelManifest FromJson(string json) =>
        JsonSerializer.Deserialize(json, Artifacts.ArtifactJson.Default.ModelManifest) ?? throw new InvalidDataException("empty model manifest");

    public static async Task<ModelManifest> ReadAsync(string directory, CancellationToken cancellationToken = default) =>
        FromJson(await File.ReadAllTextAsync(Path.Combine(directory, FileName), cancellationToken));
}
