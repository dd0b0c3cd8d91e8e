using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Interactions;
using Marquee.Core.Ranking;
using Marquee.Core.Recommenders;
using Microsoft.Extensions.Options;

namespace Marquee.Server.Services;

/// <summary>
/// Owns the read-only snapshot every request is served from. A reload builds a complete new snapshot
/// and swaps the reference, so requests in flight finish on the old one and none fails.
/// </summary>
public sealed class RecommenderHost(IOptions<MarqueeOptions> options, ILogger<RecommenderHost> logger) : IHostedService
{
    private volatile ServingState? _state;

    public ServingState State => _state ?? throw new InvalidOperationException("the recommender is not loaded yet");

    public async Task StartAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var data = new DataDirectory(options.Value.DataDir);
        if (!data.HasDataset)
        {
            throw new InvalidOperationException($"no imported dataset in {data.Root}; run ./marquee import first");
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var catalog = await MovieCatalog.LoadAsync(data, cancellationToken);
        var interactions = await ParquetTables.ReadInteractionsAsync(data.Interactions, cancellationToken);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "baseline");
        _state = new ServingState(snapshot, new UserRatings(interactions));
        logger.LogInformation("Loaded {Movies} movies and {Ratings} ratings from {DataDir} in {Elapsed} (model {Model})",
            catalog.Count, interactions.Count, data.Root, System.Diagnostics.Stopwatch.GetElapsedTime(started), snapshot.ModelVersion);
    }
}

/// <summary>One consistent view: snapshot plus the MovieLens users' ratings it was built with.</summary>
public sealed record ServingState(RecommenderSnapshot Snapshot, UserRatings MovieLensUsers)
{
    public MovieCatalog Catalog => Snapshot.Catalog;
}
