using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Marquee.Core.Evaluation;
using Marquee.Core.Interactions;
using Marquee.Core.Recommenders;
using Marquee.Core.Recommenders.RatingPrediction;

namespace Marquee.Core.Training;

/// <summary>The interactions a model is trained on: imported ratings plus positive feedback.</summary>
public sealed record TrainingInput(InteractionTable Interactions, string InteractionsSha256, int RatingCount, int FeedbackEvents);

/// <summary>A trained model written to its version directory, not yet registered.</summary>
public sealed record TrainedModel(ModelManifest Manifest, ITopNModel Model, string Directory);

/// <summary>
/// Trains a model the way the product serves it: validation on a held-out split of the training data
/// (the protocol split, seed 42), then a final fit on everything, saved atomically as a new version.
/// </summary>
public static class ModelTrainer
{
    public static readonly IReadOnlyList<string> Algorithms = ["auto", "ease", "als", "itemknn", "baseline"];

    /// <summary>What <c>auto</c> validates and picks the best of (EASE only where it fits its memory budget).</summary>
    public static readonly IReadOnlyList<string> AutoCandidates = ["ease", "als"];

    /// <summary>
    /// The candidates <c>auto</c> validates on data of this size, and why: EASE and ALS while EASE's dense
    /// matrices fit <paramref name="easeBudgetBytes"/> (EASE has won validation on every MovieLens set
    /// measured), ALS alone beyond it, whose memory grows with the data rather than with items².
    /// </summary>
    public static (IReadOnlyList<string> Candidates, string Reason) ChooseAutoCandidates(int users, int items, long easeBudgetBytes)
    {
        if (EaseMemory.Fits(users, items, easeBudgetBytes))
        {
            return (AutoCandidates, $"{EaseMemory.Describe(users, items, easeBudgetBytes)}; validating ease and als");
        }
        return (["als"], $"{EaseMemory.Describe(users, items, easeBudgetBytes)}; training ALS");
    }

    /// <summary>
    /// The production configuration of each algorithm. EASE and ALS use the settings the protocol picks on
    /// the ml-latest-small validation split (docs/recommenders.md).
    /// </summary>
    public static ITopNAlgorithm Configure(string algorithm, IReadOnlyDictionary<string, double>? parameters = null)
    {
        double P(string name, double fallback) => parameters is not null && parameters.TryGetValue(name, out var v) ? v : fallback;
        return algorithm switch
        {
            "ease" => new Ease(new EaseOptions
            {
                Lambda = P("lambda", 150), RatingExponent = P("rating_exponent", 1.5), BelowThresholdTarget = P("below_threshold_target", 0.4),
            }),
            "als" => new ImplicitAls(new AlsOptions
            {
                Factors = (int)P("factors", 64), Iterations = (int)P("iterations", 15), Alpha = P("alpha", 4), Regularization = P("lambda", 100),
                ConjugateGradientSteps = (int)P("cg_steps", 2),
            }),
            "itemknn" => new ItemKnn(new ItemKnnOptions { Neighbors = (int)P("k", 50), Shrinkage = P("shrinkage", 0) }),
            "baseline" => new PopularityBaseline(),
            _ => throw new ArgumentException($"unknown algorithm '{algorithm}'; use one of {string.Join(", ", Algorithms)}"),
        };
    }

    /// <summary>NDCG@10 and friends of an algorithm fitted on the validation split's training part.</summary>
    public static ValidationMetrics Validate(ITopNAlgorithm algorithm, ValidationSplit split, CancellationToken cancellationToken = default)
    {
        var model = algorithm.Fit(split.TrainMatrix, cancellationToken);
        var metrics = TopNEvaluator.Evaluate(model, split.TrainMatrix, split.HeldOut);
        return new ValidationMetrics
        {
            NdcgAt10 = metrics.Ndcg,
            RecallAt10 = metrics.Recall,
            HitRateAt10 = metrics.HitRate,
            CoverageAt10 = metrics.Coverage,
            Users = metrics.EvaluatedUsers,
            Split = "protocol split seed 42 of the training interactions (20% per user held out, ratings >= 4 relevant)",
        };
    }

    /// <summary>
    /// Validates the candidates (for <c>auto</c>: EASE and ALS), keeps the best, fits it on all data and
    /// writes <c>modelsDirectory/&lt;version&gt;/</c>.
    /// </summary>
    /// <param name="ratingModel">The version of the rating model to serve with it (<see cref="TrainRatingAsync"/>).</param>
    public static async Task<TrainedModel> TrainAsync(TrainingInput input, string algorithm, string modelsDirectory,
        Action<string>? log = null, IReadOnlyDictionary<string, double>? parameters = null, string? ratingModel = null,
        long? easeBudgetBytes = null, CancellationToken cancellationToken = default)
    {
        var split = new ValidationSplit(input.Interactions);
        IReadOnlyList<string> candidates = [algorithm];
        var selection = $"requested {algorithm}";
        if (algorithm == "auto")
        {
            (candidates, selection) = ChooseAutoCandidates(CountDistinct(input.Interactions.UserIds), CountDistinct(input.Interactions.MovieIds), easeBudgetBytes ?? EaseMemory.DefaultBudgetBytes);
            selection = $"auto: {selection}";
            log?.Invoke(selection);
        }
        if (candidates.Contains("ease"))
        {
            log?.Invoke($"Dense linear algebra: {Numerics.MatrixProduct.Backend}");
        }
        ITopNAlgorithm? best = null;
        ValidationMetrics? bestMetrics = null;
        foreach (var name in candidates)
        {
            var configured = Configure(name, algorithm == "auto" ? null : parameters);
            var validationClock = Stopwatch.StartNew();
            var metrics = Validate(configured, split, cancellationToken);
            log?.Invoke($"{name} ({TopNModels.Describe(configured.Parameters)}): validation NDCG@10 {metrics.NdcgAt10:F4} ({validationClock.Elapsed.TotalSeconds:F2} s)");
            if (bestMetrics is null || metrics.NdcgAt10 > bestMetrics.NdcgAt10)
            {
                (best, bestMetrics) = (configured, metrics);
            }
        }

        if (candidates.Count > 1)
        {
            selection += $"; {best!.Name} validated best";
        }
        var clock = Stopwatch.StartNew();
        var matrix = InteractionMatrix.Build(input.Interactions);
        var model = best!.Fit(matrix, cancellationToken);
        var fitSeconds = clock.Elapsed.TotalSeconds;

        var createdAt = DateTimeOffset.UtcNow;
        var version = NewVersion(modelsDirectory, createdAt, best.Name);
        var manifest = new ModelManifest
        {
            Version = version,
            Algorithm = best.Name,
            Parameters = best.Parameters,
            CreatedAt = createdAt,
            CodeVersion = CodeVersion,
            Data = new TrainingData
            {
                InteractionsSha256 = input.InteractionsSha256,
                Ratings = input.RatingCount,
                FeedbackEvents = input.FeedbackEvents,
                Users = matrix.UserCount,
                Items = matrix.ItemCount,
                Fingerprint = Fingerprint(input.Interactions),
            },
            Validation = bestMetrics,
            FitSeconds = fitSeconds,
            RatingModel = ratingModel,
            Selection = selection,
        };
        var writeClock = Stopwatch.StartNew();
        var (directory, written) = await ModelStore.WriteAsync(modelsDirectory, manifest, model, cancellationToken);
        log?.Invoke($"Fitted {best.Name} on all data in {fitSeconds:F2} s; wrote {directory} in {writeClock.Elapsed.TotalSeconds:F2} s");
        return new TrainedModel(written, model, directory);
    }

    /// <summary>
    /// Fits <paramref name="algorithm"/> (the served one: <see cref="RatingAlgorithms.DefaultName"/>) on the imported star
    /// ratings and writes it as a new version of kind <see cref="ModelKind.Rating"/>. Its manifest records the ratings'
    /// SHA-256 and the settings, which is how a later run on the same ratings finds it to reuse (<see cref="IsRatingModelFor"/>).
    /// </summary>
    public static async Task<(string Directory, ModelManifest Manifest)> TrainRatingAsync(InteractionTable ratings, string interactionsSha256,
        IRatingAlgorithm algorithm, string modelsDirectory, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var model = algorithm.Fit(ratings, cancellationToken);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        var createdAt = DateTimeOffset.UtcNow;
        var manifest = new ModelManifest
        {
            Version = NewVersion(modelsDirectory, createdAt, algorithm.Name),
            Kind = ModelKind.Rating,
            Algorithm = algorithm.Name,
            Parameters = ModelStore.ToNumbers(algorithm.Parameters),
            CreatedAt = createdAt,
            CodeVersion = CodeVersion,
            Data = new TrainingData
            {
                InteractionsSha256 = interactionsSha256,
                Ratings = ratings.Count,
                FeedbackEvents = 0,
                Users = CountDistinct(ratings.UserIds),
                Items = CountDistinct(ratings.MovieIds),
                Fingerprint = Fingerprint(ratings),
            },
            FitSeconds = fitSeconds,
        };
        var written = await ModelStore.WriteAsync(modelsDirectory, manifest, model, cancellationToken);
        log?.Invoke($"Rating model {manifest.Version}: trained on {ratings.Count:N0} ratings in {fitSeconds:F2} s");
        return written;
    }

    /// <summary>
    /// Whether <paramref name="registered"/> is the rating model <paramref name="algorithm"/> would fit on the ratings of
    /// SHA-256 <paramref name="interactionsSha256"/>: same ratings, same algorithm, same settings (new defaults retrain).
    /// </summary>
    public static bool IsRatingModelFor(ModelManifest registered, string interactionsSha256, IRatingAlgorithm algorithm)
    {
        if (registered.Kind != ModelKind.Rating || registered.Data.InteractionsSha256 != interactionsSha256 || registered.Algorithm != algorithm.Name)
        {
            return false;
        }
        var settings = ModelStore.ToNumbers(algorithm.Parameters);
        return settings.Count == registered.Parameters.Count
               && settings.All(p => registered.Parameters.TryGetValue(p.Key, out var value) && value.Equals(p.Value));
    }

    private static string NewVersion(string modelsDirectory, DateTimeOffset createdAt, string algorithm)
    {
        var stem = $"{createdAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{algorithm}";
        var version = stem;
        for (var n = 2; Directory.Exists(Path.Combine(modelsDirectory, version)); n++)
        {
            version = $"{stem}-{n}";
        }
        return version;
    }

    /// <summary>The Marquee build that trains, recorded in each manifest.</summary>
    public static string CodeVersion { get; } =
        typeof(ModelTrainer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static int CountDistinct(int[] ids) => new HashSet<int>(ids).Count;

    /// <summary>SHA-256 over (user, movie, rating) of every training interaction, in table order.</summary>
    public static string Fingerprint(InteractionTable table)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> row = stackalloc byte[12];
        for (var i = 0; i < table.Count; i++)
        {
            BitConverter.TryWriteBytes(row, table.UserIds[i]);
            BitConverter.TryWriteBytes(row[4..], table.MovieIds[i]);
            BitConverter.TryWriteBytes(row[8..], table.Ratings[i]);
            hash.AppendData(row);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>A held-out split of training data for validation and the quality gate.</summary>
public sealed class ValidationSplit
{
    public ValidationSplit(InteractionTable all)
    {
        var (train, heldOut) = ProtocolSplit.Split(all, ProtocolSplit.TestSeed);
        HeldOut = heldOut;
        TrainMatrix = InteractionMatrix.Build(train);
    }

    public InteractionMatrix TrainMatrix { get; }
    public InteractionTable HeldOut { get; }
}
