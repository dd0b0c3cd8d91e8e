using Marquee.Core.Artifacts;
using Marquee.Core.Import;
using Marquee.Core.Interactions;
using Marquee.Core.Recommenders.RatingPrediction;
using Marquee.Core.Training;

namespace Marquee.Storage;

/// <summary>Outcome of one training run.</summary>
/// <param name="Unchanged">Nothing was trained: the serving model already is what this run would produce; <paramref name="Manifest"/> is its.</param>
public sealed record TrainingOutcome(ModelManifest Manifest, bool Promoted, string Decision, double? IncumbentNdcg, bool Unchanged = false);

/// <summary>
/// Trains on the imported ratings plus stored feedback, registers the new version and promotes it when
/// it passes the quality gate: not worse on validation than the serving model, both measured on the same
/// held-out split of today's data.
/// </summary>
public sealed class TrainingService(FeedbackStore feedback, ModelRegistry registry)
{
    public const string ModelsFolder = "models";

    public static string ModelsDirectory(string artifactsDir) => Path.Combine(Path.GetFullPath(artifactsDir), ModelsFolder);

    public async Task<TrainingInput> LoadInputAsync(string dataDir, CancellationToken cancellationToken = default)
    {
        var data = new DataDirectory(dataDir);
        if (!data.HasDataset)
        {
            throw new InvalidOperationException($"no imported dataset in {data.Root}; run ./marquee import first");
        }
        // The Parquet reader's first use and the database's are independent: overlap them.
        var ratingsTask = Task.Run(() => ParquetTables.ReadInteractionsAsync(data.Interactions, cancellationToken), cancellationToken);
        var events = await feedback.ExportAsync(cancellationToken);
        var manifest = await DatasetManifest.ReadAsync(data, cancellationToken);
        var ratings = await ratingsTask;
        var firstAnonymousUser = ratings.Count == 0 ? 1 : ratings.UserIds.Max() + 1;
        var fromFeedback = FeedbackRatings.ToInteractions(events, firstAnonymousUser);
        if (fromFeedback.Count > 0)
        {
            // Feedback on a movie a re-import dropped cannot be trained on.
            var catalog = (await ParquetTables.ReadMovieIdsAsync(data.Movies, cancellationToken)).ToHashSet();
            fromFeedback = fromFeedback.Where(i => catalog.Contains(fromFeedback.MovieIds[i]));
        }
        return new TrainingInput(ratings.Concat(fromFeedback), manifest?.InteractionsSha256 ?? "", ratings.Count, fromFeedback.Count);
    }

    /// <param name="force">Train even when the serving model was trained on exactly this data with this algorithm and code.</param>
    public async Task<TrainingOutcome> TrainAsync(string dataDir, string artifactsDir, string algorithm, Action<string>? log = null,
        CancellationToken cancellationToken = default, bool force = false)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var input = await LoadInputAsync(dataDir, cancellationToken);
        var serving = await registry.GetCurrentAsync(cancellationToken);
        if (!force && serving is not null && WouldReproduce(serving.Manifest, input, algorithm) && await HasRatingModelAsync(serving.Manifest, cancellationToken))
        {
            // Training again would register one more identical version (the gate lets a tie through) and
            // promote it: a registry full of copies hides which run actually changed anything.
            return new TrainingOutcome(serving.Manifest, Promoted: false,
                $"unchanged: {serving.Version} was trained on exactly these {input.RatingCount:N0} ratings and {input.FeedbackEvents:N0} feedback events "
                + $"with {serving.Algorithm} by this version of Marquee; kept it (--force trains anyway)",
                serving.Manifest.Validation?.NdcgAt10, Unchanged: true);
        }
        log?.Invoke($"Training on {input.RatingCount:N0} ratings and {input.Interactions.Count - input.RatingCount:N0} feedback interactions (loaded in {clock.Elapsed.TotalSeconds:F2} s)");
        var ratingModel = input.RatingCount == 0 ? null : await EnsureRatingModelAsync(input, artifactsDir, log, cancellationToken);
        var trained = await ModelTrainer.TrainAsync(input, algorithm, ModelsDirectory(artifactsDir), log, ratingModel: ratingModel,
            cancellationToken: cancellationToken);
        await registry.RegisterAsync(trained.Manifest, cancellationToken);

        var candidate = trained.Manifest.Validation!.NdcgAt10;
        var current = await registry.GetCurrentAsync(cancellationToken);
        double? incumbent = null;
        if (current is not null)
        {
            // Same data: its recorded validation is comparable. New data: measure it again on today's split.
            incumbent = current.Manifest.Data.Fingerprint == trained.Manifest.Data.Fingerprint && current.Manifest.Validation is { } recorded
                ? recorded.NdcgAt10
                : ModelTrainer.Validate(ModelTrainer.Configure(current.Algorithm, current.Manifest.Parameters), new ValidationSplit(input.Interactions), cancellationToken).NdcgAt10;
        }
        var passes = incumbent is null || candidate >= incumbent.Value;
        var decision = incumbent is null
            ? $"promoted: first model (validation NDCG@10 {candidate:F4})"
            : passes
                ? $"promoted: validation NDCG@10 {candidate:F4} >= {incumbent:F4} of {current!.Version}"
                : $"kept {current!.Version}: validation NDCG@10 {candidate:F4} < {incumbent:F4} (quality gate)";
        if (passes)
        {
            await registry.PromoteAsync(trained.Manifest.Version, decision, cancellationToken);
        }
        return new TrainingOutcome(trained.Manifest, passes, decision, incumbent);
    }

    /// <summary>
    /// The version of the rating model for the imported ratings: a registered one trained on the same ratings with the
    /// same settings (the ratings change only on re-import, so most runs reuse it), else one trained and registered now.
    /// </summary>
    private async Task<string> EnsureRatingModelAsync(TrainingInput input, string artifactsDir, Action<string>? log, CancellationToken cancellationToken)
    {
        var algorithm = RatingAlgorithms.Create(RatingAlgorithms.DefaultName);
        var modelsDirectory = ModelsDirectory(artifactsDir);
        foreach (var registered in await registry.ListAsync(ModelKind.Rating, cancellationToken))
        {
            if (ModelTrainer.IsRatingModelFor(registered.Manifest, input.InteractionsSha256, algorithm)
                && File.Exists(Path.Combine(modelsDirectory, registered.Version, ModelManifest.FileName)))
            {
                log?.Invoke($"Rating model {registered.Version}: ratings unchanged since it was trained, reused");
                return registered.Version;
            }
        }
        var (_, manifest) = await ModelTrainer.TrainRatingAsync(input.Interactions.Where(i => i < input.RatingCount), input.InteractionsSha256,
            algorithm, modelsDirectory, log, cancellationToken);
        await registry.RegisterAsync(manifest, cancellationToken);
        return manifest.Version;
    }

    /// <summary>
    /// Whether the rating model <paramref name="serving"/> names is a registered rating version (one named by a model trained
    /// before rating models were versions is not, and a run then trains one instead of reporting "unchanged").
    /// </summary>
    private async Task<bool> HasRatingModelAsync(ModelManifest serving, CancellationToken cancellationToken) =>
        serving.RatingModel is not { } version || await registry.GetAsync(version, cancellationToken) is { Kind: ModelKind.Rating };

    /// <summary>
    /// Whether training <paramref name="algorithm"/> on <paramref name="input"/> would rebuild <paramref name="serving"/>: same
    /// interactions and feedback, same code, and the algorithm asked for (or, for <c>auto</c>, one it picks from) with its
    /// production settings.
    /// </summary>
    private static bool WouldReproduce(ModelManifest serving, TrainingInput input, string algorithm)
    {
        if (serving.Data.InteractionsSha256 != input.InteractionsSha256 || serving.CodeVersion != ModelTrainer.CodeVersion
            || serving.Data.Fingerprint != ModelTrainer.Fingerprint(input.Interactions))
        {
            return false;
        }
        var sameAlgorithm = algorithm == "auto" ? ModelTrainer.AutoCandidates.Contains(serving.Algorithm) : algorithm == serving.Algorithm;
        if (!sameAlgorithm)
        {
            return false;
        }
        var settings = ModelTrainer.Configure(serving.Algorithm).Parameters;
        return settings.Count == serving.Parameters.Count
               && settings.All(p => serving.Parameters.TryGetValue(p.Key, out var value) && value.Equals(p.Value));
    }
}
