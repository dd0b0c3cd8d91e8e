using System.Security.Cryptography;
using Marquee.Core.Recommenders;
using Marquee.Core.Recommenders.RatingPrediction;

namespace Marquee.Core.Training;

/// <summary>A model folder that cannot serve: changed files, arrays of the wrong shape, or scores that are not numbers.</summary>
public sealed class InvalidModelException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Proves a model folder can serve before it becomes current: the files are the ones training wrote
/// (SHA-256 in the manifest), the arrays fit together, and a test scoring or prediction gives finite numbers.
/// A corrupt model is then refused instead of crashing the server at its next start. <see cref="ModelStore"/> runs
/// these checks on every load.
/// </summary>
internal static class ModelValidation
{
    /// <summary>SHA-256 of every <c>.npy</c> file in <paramref name="directory"/>, by file name.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ChecksumsAsync(string directory, CancellationToken cancellationToken = default)
    {
        var sums = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*.npy"))
        {
            await using var stream = File.OpenRead(path);
            sums[Path.GetFileName(path)] = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }
        return sums;
    }

    /// <summary>Throws unless the folder exists and its files are the ones the manifest's checksums name.</summary>
    public static async Task VerifyFilesAsync(string directory, ModelManifest manifest, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            throw new InvalidModelException($"its folder {directory} is missing");
        }
        var expected = manifest.FilesSha256 ?? await ChecksumsFromDiskManifestAsync(directory, cancellationToken);
        if (expected is null)
        {
            return;
        }
        var actual = await ChecksumsAsync(directory, cancellationToken);
        foreach (var (name, sum) in expected)
        {
            if (!actual.TryGetValue(name, out var found))
            {
                throw new InvalidModelException($"{name} is missing");
            }
            if (!string.Equals(found, sum, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidModelException($"{name} is not the file training wrote (SHA-256 {found[..12]}…, expected {sum[..Math.Min(12, sum.Length)]}…)");
            }
        }
    }

    /// <summary>Scores a small history over the first items: every score must be a finite number.</summary>
    public static void TestScore(ITopNModel model)
    {
        var count = model.Items.Count;
        if (count == 0)
        {
            throw new InvalidModelException("it has no items");
        }
        var take = Math.Min(5, count);
        var items = new int[take];
        var weights = new float[take];
        for (var i = 0; i < take; i++)
        {
            items[i] = i * (count / take);
            weights[i] = 4f;
        }
        var scores = new float[count];
        try
        {
            model.ScoreHistory(items, weights, scores);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidModelException($"a test scoring failed: {e.Message}", e);
        }
        for (var j = 0; j < count; j++)
        {
            if (!float.IsFinite(scores[j]))
            {
                throw new InvalidModelException($"a test scoring gave {scores[j]} for item {model.Items.MovieIds[j]}");
            }
        }
    }

    /// <summary>Predicts for a user with no history: the prediction must be a number inside the model's rating scale.</summary>
    public static void TestPredict(IRatingModel model)
    {
        var prediction = new float[1];
        try
        {
            model.Predict([], [0], prediction);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidModelException($"a test prediction failed: {e.Message}", e);
        }
        if (!float.IsFinite(prediction[0]) || prediction[0] < model.RatingScale.Min || prediction[0] > model.RatingScale.Max)
        {
            throw new InvalidModelException($"a test prediction gave {prediction[0]} outside its scale {model.RatingScale.Min}–{model.RatingScale.Max}");
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>?> ChecksumsFromDiskManifestAsync(string directory, CancellationToken cancellationToken)
    {
        try
        {
            return (await ModelManifest.ReadAsync(directory, cancellationToken)).FilesSha256;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException)
        {
            return null;
        }
    }
}
