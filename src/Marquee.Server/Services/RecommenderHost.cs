using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Import;
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
    /// <summary>SHA-256 of the ratings loaded with the catalogue: a model trained on others is refused.</summary>
    private string? _ratingsSha256;
    /// <summary>Data artifacts left out at the last catalogue load (enrichment, film vectors).</summary>
    private IReadOnlyList<string> _refusedData = [];
    /// <summary>The promoted version last refused, so the poll does not try (and log) it again every few seconds.</summary>
    private string? _refusedVersion;

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
            if (!force && (_state?.Snapshot.ModelVersion == wanted || _refusedVersion == wanted))
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
                _ratingsSha256 = (await DatasetManifest.ReadAsync(data, cancellationToken))?.InteractionsSha256;
                _catalog = await MovieCatalog.LoadAsync(data, cancellationToken);
                _movieLensUsers = new UserRatings(await ParquetTables.ReadInteractionsAsync(data.Interactions, cancellationToken));
                var refused = new List<string>(_catalog.Refused);
                _semantic = await LoadSemanticAsync(data, _catalog, refused, cancellationToken);
                _refusedData = refused;
            }
            var modelRefusal = current is null ? null : ModelRefusal(current.Manifest);
            _refusedVersion = modelRefusal is null ? null : current!.Version;
            if (modelRefusal is not null)
            {
                logger.LogWarning("Not serving model {Version}: {Reason}", current!.Version, modelRefusal);
            }
            var servable = modelRefusal is null ? current : null;
            var personalizer = servable is null ? null : await LoadPersonalizerAsync(servable, cancellationToken);
            var version = personalizer is null && servable?.Algorithm != "baseline" ? "baseline" : wanted;
            var ratingPredictor = LoadRatingPredictor(servable?.Manifest.RatingModel);
            var snapshot = new RecommenderSnapshot(_catalog, new BaselineRecommender(_catalog), version, personalizer, ratingPredictor,
                _state?.Snapshot.Catalog == _catalog ? _state.Snapshot.Content : null, _semantic);
            _state = new ServingState(snapshot, _movieLensUsers!, modelRefusal is null ? _refusedData : [.. _refusedData, modelRefusal]);
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
    /// Why the promoted model must not serve the loaded data, or null when it may: a model (and its rating predictor)
    /// knows the films and users of the ratings it was trained on by id, and those ids mean others in another dataset.
    /// </summary>
    private string? ModelRefusal(ModelManifest manifest)
    {
        if (_ratingsSha256 is null)
        {
            return null;
        }
        if (manifest.Data.InteractionsSha256 == _ratingsSha256)
        {
            return manifest.RatingModel is { } id && !RatingModelStore.IsFor(id, _ratingsSha256)
                ? $"rating model {id} of model {manifest.Version} was trained on other ratings than the data served; run ./marquee train --force"
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
/// <param name="Refused">Artifacts not served because they were built for another dataset, one sentence each.</param>
public sealed record ServingState(RecommenderSnapshot Snapshot, UserRatings MovieLensUsers, IReadOnlyList<string> Refused)
{
    public MovieCatalog Catalog => Snapshot.Catalog;
}
