using System.Diagnostics;
using Marquee.Core.Interactions;
using Marquee.Core.Recommenders.RatingPrediction;

namespace Marquee.Core.Training;

/// <summary>
/// Star-rating predictors, one per imported dataset and algorithm, in <c>rating-models/&lt;id&gt;/</c>
/// beside the models folder. They learn from real star ratings only (not swipes), so they change when
/// the ratings are re-imported and are otherwise reused by every training run.
/// </summary>
public static class RatingModelStore
{
    public const string Folder = "rating-models";

    public static string DirectoryOf(string artifactsDirectory, string id) => Path.Combine(Path.GetFullPath(artifactsDirectory), Folder, id);

    /// <summary>
    /// The id of the predictor for a dataset and configuration: the algorithm, the first 16 hex digits of
    /// the ratings' SHA-256 and 8 of its settings' (so new defaults retrain instead of reusing a stale model).
    /// </summary>
    public static string IdFor(string interactionsSha256, IRatingAlgorithm algorithm)
    {
        var settings = string.Join(';', algorithm.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var settingsHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(settings)))[..8];
        return $"{algorithm.Name}-{(interactionsSha256.Length >= 16 ? interactionsSha256[..16] : interactionsSha256)}-{settingsHash}";
    }

    /// <summary>Whether the predictor <paramref name="id"/> was trained on the ratings of SHA-256 <paramref name="interactionsSha256"/>.</summary>
    public static bool IsFor(string id, string interactionsSha256) =>
        interactionsSha256.Length >= 16 && id.Contains($"-{interactionsSha256[..16]}-", StringComparison.Ordinal);

    /// <summary>Trains and saves the predictor for these ratings unless it exists; returns its id.</summary>
    /// <param name="ratings">The star ratings, built only when a predictor has to be trained.</param>
    public static async Task<string> EnsureAsync(string artifactsDirectory, Func<InteractionTable> ratings, string interactionsSha256,
        Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var algorithm = RatingAlgorithms.Create(RatingAlgorithms.DefaultName);
        var id = IdFor(interactionsSha256, algorithm);
        var directory = DirectoryOf(artifactsDirectory, id);
        if (Directory.Exists(directory))
        {
            log?.Invoke($"Rating model {id}: ratings unchanged since it was trained, reused");
            return id;
        }
        var clock = Stopwatch.StartNew();
        var table = ratings();
        var model = algorithm.Fit(table, cancellationToken);
        var staging = $"{directory}.staging-{Guid.NewGuid():N}";
        try
        {
            await model.SaveAsync(staging, cancellationToken);
            Directory.Move(staging, directory);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        log?.Invoke($"Rating model {id}: trained on {table.Count:N0} ratings in {clock.Elapsed.TotalSeconds:F2} s");
        return id;
    }
}
