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
/// loop notices promotions and experiments started elsewhere (another instance, the CLI) and reloads.
/// While an experiment runs, <see cref="For"/> picks each session's model by its arm; the ranking code never knows.
/// </summary>
public sealed class RecommenderHost(IOptions<MarqueeOptions> options, ModelRegistry registry, ExperimentStore experiments, MarqueeMetrics metrics,
    QueryEmbedder queryEmbedder, ILogger<RecommenderHost> logger) : BackgroundService
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile ServingState? _state;
    private volatile ExperimentServing? _experiment;
    private MovieCatalog? _catalog;
    private UserRatings? _movieLensUsers;
    private SemanticIndex? _semantic;
    private (string Id, IRatingPredictor Predictor)? _ratingModel;

    public ServingState State => _state ?? throw new InvalidOperationException("the recommender is not loaded yet");

    /// <summary>The running experiment with both arms loaded; null when none runs.</summary>
    public ExperimentServing? Experiment => _experiment;

    /// <summary>
    /// The model that serves <paramref name="userId"/>: its experiment arm's while an experiment runs, else the
    /// promoted one. Requests without a user cannot be told apart between pages, so they get the promoted model.
    /// </summary>
    public ServedModel For(string? userId)
    {
        var experiment = _experiment;
        if (experiment is null || string.IsNullOrWhiteSpace(userId))
        {
            return new ServedModel(State, null, null);
        }
        var arm = ExperimentAssignment.ArmOf(experiment.Experiment, userId);
        return new ServedModel(arm == ExperimentAssignment.Candidate ? experiment.Candidate : experiment.Control, experiment.Experiment.Name, arm);
    }

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
            var experiment = await experiments.GetActiveAsync(cancellationToken);
            var wanted = current?.Version ?? "baseline";
            var modelChanged = force || _state?.Snapshot.ModelVersion != wanted;
            if (!modelChanged && _experiment?.Experiment.Id == experiment?.Id)
            {
                return;
            }
            if (!modelChanged)
            {
                _experiment = experiment is null ? null : await LoadExperimentAsync(experiment, cancellationToken);
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
            _experiment = experiment is null ? null : await LoadExperimentAsync(experiment, cancellationToken);
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>Both arms of an experiment; an arm on the promoted version shares its snapshot.</summary>
    private async Task<ExperimentServing> LoadExperimentAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        var control = await StateOfAsync(experiment.ControlVersion, cancellationToken);
        var candidate = await StateOfAsync(experiment.CandidateVersion, cancellationToken);
        logger.LogInformation("Experiment {Name}: {Share:P0} of sessions on {Candidate}, the rest on {Control}",
            experiment.Name, experiment.CandidateShare, candidate.Snapshot.ModelVersion, control.Snapshot.ModelVersion);
        return new ExperimentServing(experiment, control, candidate);
    }

    private async Task<ServingState> StateOfAsync(string version, CancellationToken cancellationToken)
    {
        var main = State;
        if (main.Snapshot.ModelVersion == version)
        {
            return main;
        }
        var model = await registry.GetAsync(version, cancellationToken)
            ?? throw new InvalidOperationException($"experiment model {version} is not registered");
        var personalizer = await LoadPersonalizerAsync(model, cancellationToken);
        var snapshot = new RecommenderSnapshot(main.Catalog, main.Snapshot.Baseline, personalizer is null && model.Algorithm != "baseline" ? "baseline" : version,
            personalizer, LoadRatingPredictor(model.Manifest.RatingModel), main.Snapshot.Content, main.Snapshot.Semantic);
        metrics.ModelLoaded(snapshot.ModelVersion);
        return new ServingState(snapshot, main.MovieLensUsers);
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
