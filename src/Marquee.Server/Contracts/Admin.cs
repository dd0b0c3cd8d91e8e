using Marquee.Core.Training;

namespace Marquee.Server.Contracts;

public sealed record RetrainRequest
{
    /// <summary><c>auto</c> (default), <c>ease</c>, <c>als</c>, <c>itemknn</c> or <c>baseline</c>.</summary>
    public string? Algorithm { get; init; }
}

public sealed record TrainingJobResponse
{
    public required string Id { get; init; }
    /// <summary><c>running</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }
    public required string Algorithm { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? ModelVersion { get; init; }
    public bool? Promoted { get; init; }
    public string? Decision { get; init; }
    public string? Error { get; init; }
}

public sealed record ModelResponse
{
    public required string Version { get; init; }
    public required string Algorithm { get; init; }
    public required bool IsCurrent { get; init; }
    public required bool IsServing { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PromotedAt { get; init; }
    public required IReadOnlyDictionary<string, double> Parameters { get; init; }
    public ValidationMetrics? Validation { get; init; }
    public required TrainingData Data { get; init; }
}
