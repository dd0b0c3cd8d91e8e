using Marquee.Storage;

namespace Marquee.Server.Contracts;

/// <summary>Online metrics of a group of feedback (a model version, an arm, a time bucket), computed from the stored events.</summary>
public sealed record OnlineMetricsResponse
{
    public required long Swipes { get; init; }
    public required long Likes { get; init; }
    public required long Dislikes { get; init; }
    public required long Sessions { get; init; }
    /// <summary>Likes (like, superlike) over swipes (every standing feedback event).</summary>
    public double? LikeRate { get; init; }
    public double? DislikeRate { get; init; }
    public double? SwipesPerSession { get; init; }
    /// <summary>Of the pages that got a swipe, the share that got at least one like; null before feedback carried page ids.</summary>
    public double? LikedPageShare { get; init; }
    /// <summary>Distinct films swiped over the catalogue's size.</summary>
    public required double CatalogueCoverage { get; init; }
}

public sealed record ModelOnlineResponse(string ModelVersion, OnlineMetricsResponse Metrics);

public sealed record OnlineSeriesPointResponse(string ModelVersion, DateTimeOffset BucketStart, OnlineMetricsResponse Metrics);

public sealed record ArmResponse(string Arm, string ModelVersion, OnlineMetricsResponse Metrics, double? LikeRateStandardError);

/// <summary>The candidate arm's like rate minus the control arm's, with its confidence interval (sessions as units).</summary>
public sealed record RateDifferenceResponse(double Estimate, double? Low, double? High, double Confidence);

public sealed record ExperimentResponse
{
    public required string Name { get; init; }
    public required string ControlVersion { get; init; }
    public required string CandidateVersion { get; init; }
    public required double CandidateShare { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
    public IReadOnlyList<ArmResponse> Arms { get; init; } = [];
    public RateDifferenceResponse? LikeRateDifference { get; init; }

    /// <summary>The stored experiment as the admin API and the monitoring page show it; arms and their rates are added by monitoring.</summary>
    public static ExperimentResponse From(Experiment experiment) => new()
    {
        Name = experiment.Name,
        ControlVersion = experiment.ControlVersion,
        CandidateVersion = experiment.CandidateVersion,
        CandidateShare = experiment.CandidateShare,
        StartedAt = experiment.StartedAt,
        StoppedAt = experiment.StoppedAt,
    };
}

/// <summary>Body of <c>PUT /admin/experiment</c>.</summary>
public sealed record StartExperimentRequest
{
    /// <summary>Unique name; also salts the session hash, so each experiment splits sessions afresh.</summary>
    public string? Name { get; init; }
    public string? ControlVersion { get; init; }
    public string? CandidateVersion { get; init; }
    /// <summary>Share of sessions on the candidate, strictly between 0 and 1 (default 0.5).</summary>
    public double? CandidateShare { get; init; }
}

/// <summary><c>GET /admin/monitoring</c>: is the new model better?</summary>
public sealed record MonitoringResponse
{
    public required string ServingVersion { get; init; }
    public required int CatalogMovies { get; init; }
    /// <summary><c>hour</c> or <c>day</c>: the width of the series' time buckets.</summary>
    public required string Bucket { get; init; }
    public required IReadOnlyList<ModelResponse> Models { get; init; }
    public required IReadOnlyList<ModelOnlineResponse> Online { get; init; }
    public required IReadOnlyList<OnlineSeriesPointResponse> Series { get; init; }
    /// <summary>The running experiment, else the last one stopped; null when there never was one.</summary>
    public ExperimentResponse? Experiment { get; init; }
}
