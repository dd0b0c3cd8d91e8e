using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Interactions;
using Marquee.Core.Ranking;
using Marquee.Core.Recommenders;
using Marquee.Core.Recommenders.RatingPrediction;
using Marquee.Core.Semantic;
using Marquee.Core.Training;
using Marquee.Server.Storage;
using Microsoft.Extensions.Options;

namespace Marquee.Server.Services;

/// <summary>
/// Owns the read-only snapshot every request is served from. A reload builds a complete new snapshot
/// and swaps one reference, so requests in flight finish on the old one and none fails. A background
/// loop notices promotions made elsewhere (another instance, the CLI) and reloads.
/// </summary>
public sealed class RecommenderHost(IOptions<MarqueeOptions> options, ModelRegistry registry, MarqueeMetrics metrics, QueryEmbedder queryEmbedder,
    ILogger<RecommenderHost> logger) : BackgroundService
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile ServingState? _state;
    private MovieCatalog? _catalog;
    private UserRatings? _movieLensUsers;
    private SemanticIndex? _semantic;
    private (string Id, IRatingPredictor Predictor)? _ratingModel;

    public ServingState State => _state ?? throw new InvalidOperationException("the recommender is not loaded yet");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(force: true, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.ModelPollSeconds));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReloadAsync(force: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Checking for a newly promoted model failed; still serving {Version}", _state?.Snapshot.ModelVersion);
            }
        }
    }

    /// <summary>Loads the promoted model when it differs from the one serving (or always, with <paramref name="force"/>).</summary>
    public async Task ReloadAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var current = await registry.GetCurrentAsync(cancellationToken);
            var wanted = current?.Version ?? "baseline";
            if (!force && _state?.Snapshot.ModelVersion == wanted)
            {
                return;
            }
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (force || _catalog is null)
            {
                var data = new DataDirectory(options.Value.DataDir);
                if (!data.HasDataset)
                {
                    throw new InvalidOperationException($"no imported dataset in {data.Root}; run ./marquee import first");
                }
                _catalog = await MovieCatalog.LoadAsync(data, cancellationToken);
                _movieLensUsers = new UserRatings(await ParquetTables.ReadInteractionsAsync(data.Interactions, cancellationToken));
                _semantic = await LoadSemanticAsync(data, _catalog, cancellationToken);
            }
            var personalizer = current is null ? null : await LoadPersonalizerAsync(current, cancellationToken);
            var version = personalizer is null && current?.Algorithm != "baseline" ? "baseline" : wanted;
            var ratingPredictor = LoadRatingPredictor(current?.Manifest.RatingModel);
            var snapshot = new RecommenderSnapshot(_catalog, new BaselineRecommender(_catalog), version, personalizer, ratingPredictor,
                _state?.Snapshot.Catalog == _catalog ? _state.Snapshot.Content : null, _semantic);
            _state = new ServingState(snapshot, _movieLensUsers!);
            metrics.ModelLoaded(version);
            logger.LogInformation("Serving model {Version} ({Algorithm}) over {Movies} movies, loaded in {Elapsed}",
                version, personalizer?.Algorithm ?? "baseline only", _catalog.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>
    /// The films' text embeddings when <c>marquee embed</c> has written them (else null: wishes rank as before), and
    /// the query model warmed in the background so requests never wait for it.
    /// </summary>
    private async Task<SemanticIndex?> LoadSemanticAsync(DataDirectory data, MovieCatalog catalog, CancellationToken cancellationToken)
    {
        MovieEmbeddings? embeddings;
        try
        {
            embeddings = await MovieEmbeddingFile.ReadAsync(data.MovieEmbeddings, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            logger.LogWarning(e, "{File} could not be read; wishes rank without meaning", data.MovieEmbeddings);
            return null;
        }
        if (embeddings is null)
        {
            logger.LogInformation("No film embeddings in {Root} (./marquee embed writes them); wishes rank without meaning", data.Root);
            return null;
        }
        var index = SemanticIndex.Build(catalog, embeddings);
        logger.LogInformation("Film embeddings of {Model}: {Covered} of {Movies} films", index.ModelName, index.Covered, catalog.Count);
        _ = queryEmbedder.PrepareAsync(index.ModelName);
        return index;
    }

    /// <summary>The promoted model's rating predictor, kept across swaps that share it.</summary>
    private IRatingPredictor? LoadRatingPredictor(string? id)
    {
        if (id is null)
        {
            return null;
        }
        if (_ratingModel is { } loaded && loaded.Id == id)
        {
            return loaded.Predictor;
        }
        var directory = RatingModelStore.DirectoryOf(options.Value.ArtifactsDir, id);
        try
        {
            var predictor = RatingAlgorithms.Load(directory);
            _ratingModel = (id, predictor);
            return predictor;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            logger.LogWarning(e, "Rating model {Id} could not be loaded from {Directory}; cards show no predicted rating", id, directory);
            return null;
        }
    }

    private async Task<IPersonalizer?> LoadPersonalizerAsync(RegisteredModel current, CancellationToken cancellationToken)
    {
        if (current.Algorithm == "baseline")
        {
            return null;
        }
        var directory = Path.Combine(TrainingService.ModelsDirectory(options.Value.ArtifactsDir), current.Version);
        if (!Directory.Exists(directory))
        {
            logger.LogWarning("Model {Version} is promoted but {Directory} is missing; serving the baseline only", current.Version, directory);
            return null;
        }
        var model = await ModelArtifacts.LoadAsync(directory, current.Manifest, cancellationToken);
        (model as DualEaseModel)?.PrepareForServing();
        return new ModelPersonalizer(model);
    }
}

/// <summary>One consistent view: snapshot plus the MovieLens users' ratings it was built with.</summary>
public sealed record ServingState(RecommenderSnapshot Snapshot, UserRatings MovieLensUsers)
{
    public MovieCatalog Catalog => Snapshot.Catalog;
}
