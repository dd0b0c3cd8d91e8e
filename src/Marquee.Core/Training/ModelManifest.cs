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

/// <summary>What a model version predicts, and so how it serves.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModelKind>))]
public enum ModelKind
{
    /// <summary>Ranks films for a history (<c>ITopNModel</c>); promoted, and served as the personaliser.</summary>
    [JsonStringEnumMemberName("top-n")] TopN,
    /// <summary>Predicts a user's stars for a film (<c>IRatingModel</c>); serves with the top-N version that names it.</summary>
    [JsonStringEnumMemberName("rating")] Rating,
}

/// <summary>
/// The <c>manifest.json</c> of <c>build_artifacts/models/&lt;version&gt;/</c>, for both kinds of model; the registry
/// holds the same document. The folder is self-contained: this file plus one <c>.npy</c> file per array.
/// </summary>
public sealed record ModelManifest
{
    public const string FileName = "manifest.json";

    [JsonPropertyName("version")] public required string Version { get; init; }
    /// <summary>Absent in manifests written before rating models were versions: those are all top-N.</summary>
    [JsonPropertyName("kind")] public ModelKind Kind { get; init; } = ModelKind.TopN;
    [JsonPropertyName("algorithm")] public required string Algorithm { get; init; }
    /// <summary>The settings the model was fitted with (for a blend, its components' prefixed <c>mf.</c> and <c>knn.</c>).</summary>
    [JsonPropertyName("parameters")] public required IReadOnlyDictionary<string, double> Parameters { get; init; }
    /// <summary>Numbers the fit learned that are not arrays (a rating model's mean, rating scale, sample count); null when none.</summary>
    [JsonPropertyName("fitted")] public IReadOnlyDictionary<string, double>? Fitted { get; init; }
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("code_version")] public required string CodeVersion { get; init; }
    [JsonPropertyName("data")] public required TrainingData Data { get; init; }
    [JsonPropertyName("validation")] public ValidationMetrics? Validation { get; init; }
    [JsonPropertyName("fit_seconds")] public required double FitSeconds { get; init; }
    /// <summary>
    /// The version of the rating model served with this top-N model. It depends on the imported ratings only,
    /// so one is trained per dataset and shared by the top-N versions trained on them.
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

    public string ToJson() => JsonSerializer.Serialize(this, ModelManifestJson.Default.ModelManifest);

    public static ModelManifest FromJson(string json) =>
        JsonSerializer.Deserialize(json, ModelManifestJson.Default.ModelManifest) ?? throw new InvalidDataException("empty model manifest");

    public static async Task<ModelManifest> ReadAsync(string directory, CancellationToken cancellationToken = default) =>
        FromJson(await File.ReadAllTextAsync(Path.Combine(directory, FileName), cancellationToken));
}
