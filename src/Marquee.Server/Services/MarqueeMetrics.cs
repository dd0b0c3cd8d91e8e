using System.Diagnostics.Metrics;
using Marquee.Server.Contracts;

namespace Marquee.Server.Services;

/// <summary>Product counters exported on <c>/metrics</c> next to ASP.NET Core's HTTP metrics.</summary>
public sealed class MarqueeMetrics
{
    public const string MeterName = "Marquee";

    private readonly Counter<long> _recommendations;
    private readonly Counter<long> _feedback;
    private readonly Counter<long> _modelLoads;
    private readonly Counter<long> _sessionLookups;
    private long _sessionLookupCount;
    private readonly Meter _meter;
    private int _observingOnline;

    public MarqueeMetrics(IMeterFactory meters)
    {
        var meter = _meter = meters.Create(MeterName);
        _recommendations = meter.CreateCounter<long>("marquee.recommendations", description: "Recommendation requests answered, by the recommender that ranked them");
        _feedback = meter.CreateCounter<long>("marquee.feedback", description: "Feedback events stored, by action");
        _modelLoads = meter.CreateCounter<long>("marquee.model.loads", description: "Model snapshots loaded and swapped in");
        _sessionLookups = meter.CreateCounter<long>("marquee.session.lookups", description: "Bearer tokens looked up in the database, by whether one was found");
    }

    public void Recommended(string recommender, bool fellBack) =>
        _recommendations.Add(1, new KeyValuePair<string, object?>("recommender", recommender), new KeyValuePair<string, object?>("fallback", fellBack));

    public void FeedbackStored(string action) => _feedback.Add(1, new KeyValuePair<string, object?>("action", action));

    public void ModelLoaded(string version) => _modelLoads.Add(1, new KeyValuePair<string, object?>("version", version));

    public void SessionLookedUp(bool found)
    {
        Interlocked.Increment(ref _sessionLookupCount);
        _sessionLookups.Add(1, new KeyValuePair<string, object?>("found", found));
    }

    /// <summary>Database lookups of bearer tokens since start.</summary>
    public long SessionLookups => Interlocked.Read(ref _sessionLookupCount);

    /// <summary>
    /// Exports the online metrics of the monitoring report (per model version, per experiment arm) as gauges; the
    /// numbers are the admin page's, read from <paramref name="latest"/> at scrape time.
    /// </summary>
    public void ObserveOnline(Func<MonitoringResponse?> latest)
    {
        if (Interlocked.Exchange(ref _observingOnline, 1) == 1)
        {
            return;
        }
        IEnumerable<Measurement<double>> PerModel(Func<OnlineMetricsResponse, double?> value) =>
            (latest()?.Online ?? []).Where(m => value(m.Metrics) is not null)
                .Select(m => new Measurement<double>(value(m.Metrics)!.Value, new KeyValuePair<string, object?>("model_version", m.ModelVersion)));
        _meter.CreateObservableGauge("marquee.online.like_rate", () => PerModel(m => m.LikeRate), description: "Likes over swipes, by the model that served the card");
        _meter.CreateObservableGauge("marquee.online.dislike_rate", () => PerModel(m => m.DislikeRate), description: "Dislikes over swipes, by model version");
        _meter.CreateObservableGauge("marquee.online.swipes_per_session", () => PerModel(m => m.SwipesPerSession), description: "Swipes per session, by model version");
        _meter.CreateObservableGauge("marquee.online.liked_page_share", () => PerModel(m => m.LikedPageShare), description: "Share of pages with at least one like, by model version");
        _meter.CreateObservableGauge("marquee.online.catalogue_coverage", () => PerModel(m => m.CatalogueCoverage), description: "Distinct films swiped over the catalogue, by model version");
        _meter.CreateObservableGauge("marquee.online.swipes", () => PerModel(m => m.Swipes), description: "Stored swipes, by model version");
        _meter.CreateObservableGauge("marquee.online.sessions", () => PerModel(m => m.Sessions), description: "Sessions that swiped, by model version");

        IEnumerable<Measurement<double>> PerArm(Func<ArmResponse, double?> value) =>
            latest()?.Experiment is { } experiment
                ? experiment.Arms.Where(a => value(a) is not null).Select(a => new Measurement<double>(value(a)!.Value,
                    new KeyValuePair<string, object?>("experiment", experiment.Name), new KeyValuePair<string, object?>("arm", a.Arm),
                    new KeyValuePair<string, object?>("model_version", a.ModelVersion)))
                : [];
        _meter.CreateObservableGauge("marquee.experiment.like_rate", () => PerArm(a => a.Metrics.LikeRate), description: "Like rate of each arm of the latest experiment");
        _meter.CreateObservableGauge("marquee.experiment.sessions", () => PerArm(a => a.Metrics.Sessions), description: "Sessions that swiped in each arm of the latest experiment");
        _meter.CreateObservableGauge("marquee.experiment.like_rate_difference", () =>
            latest()?.Experiment is { LikeRateDifference: { } d } experiment
                ? new[] { ("estimate", (double?)d.Estimate), ("low", d.Low), ("high", d.High) }.Where(b => b.Item2 is not null)
                    .Select(b => new Measurement<double>(b.Item2!.Value, new KeyValuePair<string, object?>("experiment", experiment.Name),
                        new KeyValuePair<string, object?>("bound", b.Item1)))
                : [], description: "Candidate minus control like rate, with the 95 % interval's bounds");
    }
}
