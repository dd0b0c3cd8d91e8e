using System.Text.Json.Serialization;

namespace Marquee.Storage;

/// <summary>
/// What a training run in a worker process reports back to the server that started it (as JSON in a file): the
/// version it registered, and whether the quality gate promoted it.
/// </summary>
public sealed record TrainingWorkerOutcome(
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("promoted")] bool Promoted,
    [property: JsonPropertyName("decision")] string Decision)
{
    /// <summary>The <c>train</c> option that writes the outcome as JSON to the file it names.</summary>
    public const string Option = "--outcome";

    public static TrainingWorkerOutcome From(TrainingOutcome outcome) => new(outcome.Manifest.Version, outcome.Promoted, outcome.Decision);
}
