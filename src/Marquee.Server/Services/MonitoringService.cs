using Marquee.Core.Evaluation;
using Marquee.Server.Contracts;
using Marquee.Storage;

namespace Marquee.Server.Services;

/// <summary>
/// Answers "is the new model better?" from the stored feedback: online metrics per model version (overall and over
/// time) and the comparison of an experiment's arms. The latest report is kept for the <c>/metrics</c> gauges.
/// </summary>
public sealed class MonitoringService(FeedbackAnalytics analytics, ModelRegistry registry, ExperimentStore experiments, RecommenderHost host,
    TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, TimeSpan> Buckets = new Dictionary<string, TimeSpan>
    {
        ["hour"] = TimeSpan.FromHours(1),
        ["day"] = TimeSpan.FromDays(1),
    };

    /// <summary>How far back the series reaches, in buckets.</summary>
    public const int SeriesBuckets = 48;

    private volatile MonitoringResponse? _latest;

    /// <summary>The report the last <see cref="ReportAsync"/> produced (for the Prometheus gauges); null before the first.</summary>
    public MonitoringResponse? Latest => _latest;

    public async Task<MonitoringResponse> ReportAsync(string bucket = "hour", CancellationToken cancellationToken = default)
    {
        var width = Buckets[bucket];
        var catalogMovies = host.State.Catalog.Count;
        var serving = host.State.Snapshot.ModelVersion;
        var models = await registry.ListAsync(cancellationToken);
        var totals = await analytics.ByModelAsync(null, 0, cancellationToken);
        var since = clock.GetUtcNow() - width * SeriesBuckets;
        var series = await analytics.ByModelAsync((long)width.TotalMilliseconds, since.ToUnixTimeMilliseconds(), cancellationToken);
        var report = new MonitoringResponse
        {
            ServingVersion = serving,
            CatalogMovies = catalogMovies,
            Bucket = bucket,
            Models = models.Select(m => Endpoints.AdminApi.ToResponse(m, serving)).ToList(),
            Online = totals.Select(t => new ModelOnlineResponse(t.Key, Metrics(t, catalogMovies))).ToList(),
            Series = series.Select(t => new OnlineSeriesPointResponse(t.Key, DateTimeOffset.FromUnixTimeMilliseconds(t.BucketStartMs), Metrics(t, catalogMovies))).ToList(),
            Experiment = await ExperimentAsync(catalogMovies, cancellationToken),
        };
        _latest = report;
        return report;
    }

    private async Task<ExperimentResponse?> ExperimentAsync(int catalogMovies, CancellationToken cancellationToken)
    {
        var experiment = await experiments.ListAsync(cancellationToken) is [var first, ..] ? first : null;
        if (experiment is null)
        {
            return null;
        }
        var counts = (await analytics.ByArmAsync(experiment.Name, cancellationToken)).ToDictionary(c => c.Key);
        var sessions = await analytics.SessionsAsync(experiment.Name, cancellationToken);
        ArmRate RateOf(string arm) => ArmComparison.Rate(sessions.Where(s => s.Arm == arm).Select(s => new SessionOutcome(s.Swipes, s.Likes)).ToList());
        var control = RateOf(ExperimentAssignment.Control);
        var candidate = RateOf(ExperimentAssignment.Candidate);
        ArmResponse Arm(string arm, string version, ArmRate rate) => new(arm, version,
            Metrics(counts.GetValueOrDefault(arm) ?? new SwipeCounts { Key = arm }, catalogMovies), Finite(rate.StandardError));
        var difference = ArmComparison.Difference(control, candidate);
        return ExperimentResponse.From(experiment) with
        {
            Arms = [Arm(ExperimentAssignment.Control, experiment.ControlVersion, control), Arm(ExperimentAssignment.Candidate, experiment.CandidateVersion, candidate)],
            LikeRateDifference = control.Swipes > 0 && candidate.Swipes > 0
                ? new RateDifferenceResponse(difference.Estimate, Finite(difference.Low), Finite(difference.High), difference.Confidence)
                : null,
        };
    }

    public static OnlineMetricsResponse Metrics(SwipeCounts counts, int catalogMovies) => new()
    {
        Swipes = counts.Swipes,
        Likes = counts.Likes,
        Dislikes = counts.Dislikes,
        Sessions = counts.Sessions,
        LikeRate = Ratio(counts.Likes, counts.Swipes),
        DislikeRate = Ratio(counts.Dislikes, counts.Swipes),
        SwipesPerSession = Ratio(counts.Swipes, counts.Sessions),
        LikedPageShare = Ratio(counts.LikedPages, counts.Pages),
        CatalogueCoverage = catalogMovies == 0 ? 0 : (double)counts.Movies / catalogMovies,
    };

    private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
