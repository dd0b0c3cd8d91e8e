using System.Diagnostics.Metrics;

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

    public MarqueeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
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
}
