using System.Diagnostics;
using Marquee.Core.Interactions;
using Marquee.Core.Numerics;
using Marquee.Core.Recommenders.RatingPrediction;

namespace Marquee.Core.Evaluation;

/// <summary>Settings of the rating-prediction protocol (PROTOCOL.md section 6); the defaults are the protocol.</summary>
public sealed record RatingCrossValidationOptions
{
    /// <summary>SplitMix64 seed of the fold hash.</summary>
    public ulong Seed { get; init; } = RatingCrossValidation.ProtocolSeed;

    /// <summary>Number of folds; fold of a rating = <c>key(seed, user, movie) mod FoldCount</c>.</summary>
    public int FoldCount { get; init; } = RatingCrossValidation.ProtocolFoldCount;

    /// <summary>The folds used as test folds (each trains on all the others); null = every fold.</summary>
    public IReadOnlyList<int>? TestFolds { get; init; }

    /// <summary>Receives one line per finished fold.</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Where each finished fold is recorded; folds it already holds are not fitted again.</summary>
    public EvaluationJournal? Journal { get; init; }
}

/// <summary>Errors and times of one algorithm on one test fold.</summary>
public sealed record RatingFoldResult(int Fold, int TrainCount, int TestCount, double Rmse, double Mae, double FitSeconds, double PredictSeconds);

/// <summary>
/// One row of the rating-prediction table: errors averaged over the test folds (each fold weighs the
/// same, as Surprise's <c>cross_validate</c> does) and wall-clock seconds per fold.
/// </summary>
public sealed record RatingCrossValidationResult(
    string Name,
    IReadOnlyDictionary<string, string> Parameters,
    double Rmse,
    double Mae,
    double FitSecondsPerFold,
    double PredictSecondsPerFold,
    IReadOnlyList<RatingFoldResult> Folds)
{
    /// <summary>Settings as one line, <c>key=value</c> pairs in key order.</summary>
    public string ParametersText => string.Join(' ', Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Sample standard deviation of the per-fold RMSE (0 with one fold).</summary>
    public double RmseStandardDeviation
    {
        get
        {
            if (Folds.Count < 2)
            {
                return 0;
            }
            var mean = Folds.Average(f => f.Rmse);
            return Math.Sqrt(Folds.Sum(f => (f.Rmse - mean) * (f.Rmse - mean)) / (Folds.Count - 1));
        }
    }
}

/// <summary>
/// K-fold cross-validation of star-rating predictions as PROTOCOL.md section 6 defines it: the fold
/// of a rating is <c>SplitMix64.Key(7, userId, movieId) mod 5</c>, so folds depend on nothing but the
/// pair. Each model is fitted on the other folds only and predicts every test rating through
/// <see cref="Recommenders.IRatingPredictor.Predict"/> from the user's training ratings — the very
/// path that serves <c>predicted_rating</c>.
/// </summary>
public static class RatingCrossValidation
{
    public const string Stage = "rating";
    public const ulong ProtocolSeed = 7;
    public const int ProtocolFoldCount = 5;

    /// <summary>The fold of one rating.</summary>
    public static int FoldOf(int userId, int movieId, ulong seed = ProtocolSeed, int foldCount = ProtocolFoldCount) =>
        (int)(SplitMix64.Key(seed, userId, movieId) % (ulong)foldCount);

    /// <summary>The fold of every row of <paramref name="ratings"/>.</summary>
    public static int[] FoldsOf(InteractionTable ratings, ulong seed = ProtocolSeed, int foldCount = ProtocolFoldCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(foldCount, 2);
        var folds = new int[ratings.Count];
        for (var r = 0; r < folds.Length; r++)
        {
            folds[r] = FoldOf(ratings.UserIds[r], ratings.MovieIds[r], seed, foldCount);
        }
        return folds;
    }

    /// <summary>Rows per fold (the protocol's first check: ml-latest-small 20,180 / 20,163 / 20,330 / 20,073 / 20,090).</summary>
    public static int[] FoldSizes(InteractionTable ratings, ulong seed = ProtocolSeed, int foldCount = ProtocolFoldCount)
    {
        var sizes = new int[foldCount];
        foreach (var fold in FoldsOf(ratings, seed, foldCount))
        {
            sizes[fold]++;
        }
        return sizes;
    }

    /// <summary>Root mean squared error and mean absolute error of <paramref name="predicted"/> against <paramref name="actual"/>.</summary>
    public static (double Rmse, double Mae) Errors(ReadOnlySpan<float> actual, ReadOnlySpan<float> predicted)
    {
        if (actual.Length != predicted.Length)
        {
            throw new ArgumentException("actual and predicted differ in length", nameof(predicted));
        }
        if (actual.IsEmpty)
        {
            throw new ArgumentException("no ratings to score", nameof(actual));
        }
        var squared = 0.0;
        var absolute = 0.0;
        for (var k = 0; k < actual.Length; k++)
        {
            var error = (double)predicted[k] - actual[k];
            squared += error * error;
            absolute += Math.Abs(error);
        }
        return (Math.Sqrt(squared / actual.Length), absolute / actual.Length);
    }

    /// <summary>Cross-validates each algorithm in turn on the same folds.</summary>
    public static IReadOnlyList<RatingCrossValidationResult> Run(InteractionTable ratings, IEnumerable<IRatingAlgorithm> algorithms,
        RatingCrossValidationOptions? options = null, CancellationToken cancellationToken = default) =>
        [.. algorithms.Select(algorithm => Run(ratings, algorithm, options, cancellationToken))];

    /// <summary>Cross-validates one algorithm.</summary>
    public static RatingCrossValidationResult Run(InteractionTable ratings, IRatingAlgorithm algorithm,
        RatingCrossValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RatingCrossValidationOptions();
        var folds = FoldsOf(ratings, options.Seed, options.FoldCount);
        var testFolds = options.TestFolds ?? [.. Enumerable.Range(0, options.FoldCount)];
        if (testFolds.Count == 0 || testFolds.Any(f => f < 0 || f >= options.FoldCount))
        {
            throw new ArgumentException($"test folds must be in [0, {options.FoldCount - 1}]", nameof(options));
        }

        var results = new List<RatingFoldResult>();
        var parametersText = string.Join(' ', algorithm.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        foreach (var fold in testFolds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (options.Journal?.Find(Stage, algorithm.Name, parametersText, $"fold {fold}") is { } done)
            {
                var resumed = new RatingFoldResult(fold, (int)done["train"], (int)done["test"], done["rmse"], done["mae"], done["fit_seconds"], done["predict_seconds"]);
                results.Add(resumed);
                options.Progress?.Report($"{algorithm.Name} fold {fold}: RMSE {resumed.Rmse:F4} MAE {resumed.Mae:F4} (resumed)");
                continue;
            }
            var train = ratings.Where(r => folds[r] != fold);
            var test = ratings.Where(r => folds[r] == fold);

            var clock = Stopwatch.StartNew();
            var model = algorithm.Fit(train, cancellationToken);
            var fitSeconds = clock.Elapsed.TotalSeconds;

            clock.Restart();
            var predicted = PredictAll(model, train, test, cancellationToken);
            var predictSeconds = clock.Elapsed.TotalSeconds;

            var (rmse, mae) = Errors(test.Ratings, predicted);
            var result = new RatingFoldResult(fold, train.Count, test.Count, rmse, mae, fitSeconds, predictSeconds);
            results.Add(result);
            options.Journal?.Record(Stage, algorithm.Name, parametersText, $"fold {fold}", new Dictionary<string, double>
            {
                ["train"] = result.TrainCount, ["test"] = result.TestCount, ["rmse"] = rmse, ["mae"] = mae,
                ["fit_seconds"] = fitSeconds, ["predict_seconds"] = predictSeconds,
            });
            options.Progress?.Report($"{algorithm.Name} fold {fold}: RMSE {rmse:F4} MAE {mae:F4} fit {fitSeconds:F2} s predict {predictSeconds:F2} s");
        }

        return new RatingCrossValidationResult(algorithm.Name, algorithm.Parameters,
            results.Average(r => r.Rmse), results.Average(r => r.Mae),
            results.Average(r => r.FitSeconds), results.Average(r => r.PredictSeconds), results);
    }

    /// <summary>Predicts every test row from its user's training ratings, one call per user.</summary>
    private static float[] PredictAll(IRatingModel model, InteractionTable train, InteractionTable test, CancellationToken cancellationToken)
    {
        var histories = new Dictionary<int, List<(int MovieId, float Rating)>>();
        for (var r = 0; r < train.Count; r++)
        {
            if (!histories.TryGetValue(train.UserIds[r], out var history))
            {
                histories[train.UserIds[r]] = history = [];
            }
            history.Add((train.MovieIds[r], train.Ratings[r]));
        }
        var testRowsByUser = new Dictionary<int, List<int>>();
        for (var r = 0; r < test.Count; r++)
        {
            if (!testRowsByUser.TryGetValue(test.UserIds[r], out var rows))
            {
                testRowsByUser[test.UserIds[r]] = rows = [];
            }
            rows.Add(r);
        }

        var predicted = new float[test.Count];
        var users = testRowsByUser.Keys.Order().ToArray();
        Parallel.For(0, users.Length, new ParallelOptions { CancellationToken = cancellationToken }, k =>
        {
            var rows = testRowsByUser[users[k]];
            var history = histories.TryGetValue(users[k], out var h) ? h : [];
            var movieIds = new int[rows.Count];
            for (var j = 0; j < rows.Count; j++)
            {
                movieIds[j] = test.MovieIds[rows[j]];
            }
            var output = new float[rows.Count];
            model.Predict(history, movieIds, output);
            for (var j = 0; j < rows.Count; j++)
            {
                predicted[rows[j]] = output[j];
            }
        });
        return predicted;
    }
}
