using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Import;
using Marquee.Core.Interactions;
using Marquee.Core.Ranking;
using Marquee.Core.Recommenders;
using Marquee.Core.Semantic;
using Marquee.Core.Training;
using Marquee.Storage;
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
    private (string Version, IRatingPredictor Predictor)? _ratingModel;
    /// <summary>SHA-256 of the ratings loaded with the catalogue: a model trained on others is refused.</summary>
    private string? _ratingsSha256;
    /// <summary>Data artifacts left out at the last catalogue load (enrichment, film vectors).</summary>
    private IReadOnlyList<string> _refusedData = [];
    /// <summary>
    /// The promoted version last found unservable (trained on other ratings, or failing validation), so the poll
    /// does not try (and log) it again every few seconds.
    /// </summary>
    private string? _unservable;
    private (string Version, IPersonalizer Personalizer)? _validated;
    private volatile string? _modelProblem;

    public ServingState State => _state ?? throw new InvalidOperationException("the recommender is not loaded yet");

    /// <summary>Why the promoted model does not serve (it failed validation), or null when it does.</summary>
    public string? ModelProblem => _modelProblem;
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
            var modelChanged = force || (_state?.Snapshot.ModelVersion != wanted && _unservable != wanted);
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
                _ratingsSha256 = (await DatasetManifest.ReadAsync(data, cancellationToken))?.InteractionsSha256;
                _catalog = await MovieCatalog.LoadAsync(data, cancellationToken);
                _movieLensUsers = await UserRatings.LoadAsync(data.Interactions, cancellationToken);
                var refused = new List<string>(_catalog.Refused);
                _semantic = await LoadSemanticAsync(data, _catalog, refused, cancellationToken);
                _refusedData = refused;
            }
            // Two checks before a model serves: it was trained on the ratings loaded now (else refused, listed on
            // /health), and it loads and scores (else the last good one or the baseline serves, see LoadServableAsync).
            var ratingModel = await RatingModelOfAsync(current?.Manifest, cancellationToken);
            var modelRefusal = current is null ? null : ModelRefusal(current.Manifest, ratingModel?.Manifest);
            _unservable = modelRefusal is null ? null : current!.Version;
            if (modelRefusal is not null)
            {
                logger.LogWarning("Not serving model {Version}: {Reason}", current!.Version, modelRefusal);
            }
            var servable = modelRefusal is null ? current : null;
            var (version, personalizer) = await LoadServableAsync(servable, cancellationToken);
            var ratingPredictor = servable is null ? null : await LoadRatingPredictorAsync(servable.Manifest.RatingModel, ratingModel, cancellationToken);
            var snapshot = new RecommenderSnapshot(_catalog, new BaselineRecommender(_catalog), version, personalizer, ratingPredictor,
                _state?.Snapshot.Catalog == _catalog ? _state.Snapshot.Content : null, _semantic);
            _state = new ServingState(snapshot, _movieLensUsers!, modelRefusal is null ? _refusedData : [.. _refusedData, modelRefusal]);
            metrics.ModelLoaded(version);
            logger.LogInformation("Serving model {Version} ({Algorithm}) over {Movies} movies, loaded in {Elapsed}",
                version, personalizer?.Algorithm ?? "baseline only", _catalog.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            _experiment = experiment is null ? null : await LoadExperimentAsync(experiment, cancellationToken);
            ReturnLoadingMemory();
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>
    /// Loading reads hundreds of MB that serving does not keep (Parquet pages, columns, the model it replaced); a
    /// collector left alone keeps that memory committed for a long while. One compacting collection after a load
    /// (rare: start and promotions) gives it back to the system.
    /// </summary>
    private static void ReturnLoadingMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
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
            personalizer, await LoadRatingPredictorAsync(model.Manifest.RatingModel, await RatingModelOfAsync(model.Manifest, cancellationToken), cancellationToken),
            main.Snapshot.Content, main.Snapshot.Semantic);
        metrics.ModelLoaded(snapshot.ModelVersion);
        return new ServingState(snapshot, main.MovieLensUsers, main.Refused);
    }

    /// <summary>
    /// Why the promoted model must not serve the loaded data, or null when it may: a model (and its rating predictor)
    /// knows the films and users of the ratings it was trained on by id, and those ids mean others in another dataset.
    /// </summary>
    private string? ModelRefusal(ModelManifest manifest, ModelManifest? ratingModel)
    {
        if (_ratingsSha256 is null)
        {
            return null;
        }
        if (manifest.Data.InteractionsSha256 == _ratingsSha256)
        {
            return ratingModel is not null && ratingModel.Data.InteractionsSha256 != _ratingsSha256
                ? $"rating model {ratingModel.Version} of model {manifest.Version} was trained on other ratings than the data served; run ./marquee train --force"
                : null;
        }
        return $"model {manifest.Version} was trained on other ratings (interactions {Short(manifest.Data.InteractionsSha256)}) than the data served "
               + $"({Short(_ratingsSha256)}): serving the baseline only; run ./marquee train (and restart the server if it was re-imported while running)";
    }

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;

    /// <summary>
    /// The films' text embeddings when <c>marquee embed</c> has written them (else null: wishes rank as before), and
    /// the query model warmed in the background so requests never wait for it. A vector is only used for the film
    /// whose current text it was computed from (its text hash): one left from another dataset or from before an
    /// enrichment would rank another film's meaning; those are left out and named in <paramref name="refused"/>.
    /// </summary>
    private async Task<SemanticIndex?> LoadSemanticAsync(DataDirectory data, MovieCatalog catalog, List<string> refused, CancellationToken cancellationToken)
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
        var current = catalog.Movies.ToDictionary(m => m.MovieId, m => FilmText.Hash(FilmText.Compose(m)));
        var fitting = embeddings.Rows.Where(r => current.TryGetValue(r.MovieId, out var hash) && hash == r.TextHash).ToList();
        if (fitting.Count < embeddings.Rows.Count)
        {
            refused.Add($"{Path.GetFileName(data.MovieEmbeddings)}: {embeddings.Rows.Count - fitting.Count:N0} of {embeddings.Rows.Count:N0} film vectors "
                        + "were computed from text these films no longer have (another dataset, or enriched since) and are left out; run ./marquee embed");
            embeddings = embeddings with { Rows = fitting };
        }
        var index = SemanticIndex.Build(catalog, embeddings);
        logger.LogInformation("Film embeddings of {Model}: {Covered} of {Movies} films", index.ModelName, index.Covered, catalog.Count);
        _ = queryEmbedder.PrepareAsync(index.ModelName);
        return index;
    }

    /// <summary>The registry entry of the rating model a top-N manifest names; null when it names none or the registry has no such version.</summary>
    private async Task<RegisteredModel?> RatingModelOfAsync(ModelManifest? manifest, CancellationToken cancellationToken) =>
        manifest?.RatingModel is { } version ? await registry.GetAsync(version, cancellationToken) : null;

    /// <summary>
    /// The rating model <paramref name="version"/> a top-N model names (<paramref name="registered"/>: its registry entry,
    /// read once by the caller), loaded and checked; kept across swaps that share it.
    /// </summary>
    private async Task<IRatingPredictor?> LoadRatingPredictorAsync(string? version, RegisteredModel? registered, CancellationToken cancellationToken)
    {
        if (version is null)
        {
            return null;
        }
        if (_ratingModel is { } loaded && loaded.Version == version)
        {
            return loaded.Predictor;
        }
        if (registered is not { Kind: ModelKind.Rating })
        {
            // A model trained before rating models were registry versions names one in the old rating-models/ folder.
            logger.LogWarning("Rating model {Version} is not a rating version in the registry; cards show no predicted rating until ./marquee train trains one",
                version);
            return null;
        }
        var directory = Path.Combine(TrainingService.ModelsDirectory(options.Value.ArtifactsDir), version);
        try
        {
            var predictor = await ModelStore.LoadRatingAsync(directory, registered.Manifest, cancellationToken);
            _ratingModel = (version, predictor);
            return predictor;
        }
        catch (Exception e) when (e is InvalidModelException or IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Rating model {Version} cannot serve ({Problem}); cards show no predicted rating", version, e.Message);
            return null;
        }
    }

    /// <summary>
    /// Checks a registered model as <see cref="ReloadAsync"/> would load it; null when it can serve, else what is
    /// wrong. The loaded model is kept for the reload that follows a promotion.
    /// </summary>
    public async Task<string?> ValidateAsync(RegisteredModel model, CancellationToken cancellationToken = default)
    {
        if (model.Kind != ModelKind.TopN)
        {
            return $"model {model.Version} is a rating model: it serves with the top-N version that names it, not on its own";
        }
        if (model.Algorithm == "baseline")
        {
            return null;
        }
        try
        {
            var personalizer = await LoadPersonalizerAsync(model, cancellationToken);
            _validated = (model.Version, personalizer);
            return null;
        }
        catch (InvalidModelException e)
        {
            return $"model {model.Version} cannot serve: {e.Message}";
        }
    }

    /// <summary>
    /// The promoted model when it validates; otherwise the model serving now, else the newest earlier promotion
    /// that validates, else the baseline, and <see cref="ModelProblem"/> says so.
    /// </summary>
    private async Task<(string Version, IPersonalizer? Personalizer)> LoadServableAsync(RegisteredModel? current, CancellationToken cancellationToken)
    {
        _modelProblem = null;
        if (current is null || current.Algorithm == "baseline")
        {
            return (current?.Version ?? "baseline", null);
        }
        try
        {
            return (current.Version, await LoadPersonalizerAsync(current, cancellationToken));
        }
        catch (InvalidModelException e)
        {
            _unservable = current.Version;
            var (version, personalizer) = await FallbackAsync(current.Version, cancellationToken);
            _modelProblem = $"model {current.Version} cannot serve ({e.Message}); serving {version} instead";
            logger.LogError(e, "Model {Version} cannot serve: {Problem}; serving {Fallback} instead", current.Version, e.Message, version);
            return (version, personalizer);
        }
    }

    private async Task<(string Version, IPersonalizer? Personalizer)> FallbackAsync(string broken, CancellationToken cancellationToken)
    {
        if (_state?.Snapshot is { Personalizer: { } serving, ModelVersion: var servingVersion } && servingVersion != broken)
        {
            return (servingVersion, serving);
        }
        foreach (var version in await registry.PromotedVersionsAsync(cancellationToken))
        {
            if (version == broken || await registry.GetAsync(version, cancellationToken) is not { } earlier)
            {
                continue;
            }
            if (earlier.Algorithm == "baseline")
            {
                return (earlier.Version, null);
            }
            try
            {
                return (earlier.Version, await LoadPersonalizerAsync(earlier, cancellationToken));
            }
            catch (InvalidModelException e)
            {
                logger.LogWarning("Earlier model {Version} cannot serve either: {Problem}", earlier.Version, e.Message);
            }
        }
        return ("baseline", null);
    }

    /// <summary>Loads and validates a model folder (checksums, shapes, a test scoring).</summary>
    private async Task<IPersonalizer> LoadPersonalizerAsync(RegisteredModel model, CancellationToken cancellationToken)
    {
        if (_validated is { } validated && validated.Version == model.Version)
        {
            _validated = null;
            return validated.Personalizer;
        }
        var directory = Path.Combine(TrainingService.ModelsDirectory(options.Value.ArtifactsDir), model.Version);
        var loaded = await ModelStore.LoadTopNAsync(directory, model.Manifest, cancellationToken);
        (loaded as DualEaseModel)?.PrepareForServing();
        return new ModelPersonalizer(loaded);
    }
}

/// <summary>One consistent view: snapshot plus the MovieLens users' ratings it was built with.</summary>
/// <param name="Refused">Artifacts not served because they were built for another dataset, one sentence each.</param>
public sealed record ServingState(RecommenderSnapshot Snapshot, UserRatings MovieLensUsers, IReadOnlyList<string> Refused)
{
    public MovieCatalog Catalog => Snapshot.Catalog;
}
