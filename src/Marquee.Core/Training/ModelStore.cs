using System.Globalization;
using Marquee.Core.Recommenders;
using Marquee.Core.Recommenders.RatingPrediction;

namespace Marquee.Core.Training;

/// <summary>
/// The one way a trained model reaches disk and comes back, for both kinds (<see cref="ModelKind"/>): a version folder
/// <c>models/&lt;version&gt;/</c> holding one NumPy <c>.npy</c> file per array and a <see cref="ModelManifest"/>
/// (written last, with the arrays' SHA-256), staged and renamed into place so no half-written version exists.
/// Loading checks the checksums, the arrays' shapes and a test scoring or prediction before anything serves.
/// </summary>
public static class ModelStore
{
    /// <summary>Writes a top-N model as version <c>manifest.Version</c>; returns its folder and the manifest as written.</summary>
    public static Task<(string Directory, ModelManifest Manifest)> WriteAsync(string modelsDirectory, ModelManifest manifest, ITopNModel model,
        CancellationToken cancellationToken = default) =>
        WriteVersionAsync(modelsDirectory, manifest.Version, async staging =>
        {
            await TopNModelFiles.SaveAsync(model, staging, cancellationToken);
            return manifest with { Kind = ModelKind.TopN };
        }, cancellationToken);

    /// <summary>
    /// Writes a rating model as version <c>manifest.Version</c>: its settings and fitted numbers go into the manifest
    /// (settings as numbers, like a top-N model's); returns its folder and the manifest as written.
    /// </summary>
    public static Task<(string Directory, ModelManifest Manifest)> WriteAsync(string modelsDirectory, ModelManifest manifest, IRatingModel model,
        CancellationToken cancellationToken = default) =>
        WriteVersionAsync(modelsDirectory, manifest.Version, async staging =>
        {
            var files = RatingModelFiles.ForWriting(staging);
            await model.SaveAsync(files, cancellationToken);
            return manifest with
            {
                Kind = ModelKind.Rating,
                Algorithm = model.Algorithm,
                Parameters = ToNumbers(model.Parameters),
                Fitted = new SortedDictionary<string, double>(files.Fitted.ToDictionary(), StringComparer.Ordinal),
            };
        }, cancellationToken);

    /// <summary>Loads and checks the top-N model of <paramref name="directory"/>; throws <see cref="InvalidModelException"/> saying what is wrong.</summary>
    public static async Task<ITopNModel> LoadTopNAsync(string directory, ModelManifest manifest, CancellationToken cancellationToken = default)
    {
        if (manifest.Kind != ModelKind.TopN)
        {
            throw new InvalidModelException($"{manifest.Version} is a rating model: it serves with the top-N version that names it, not on its own");
        }
        await ModelValidation.VerifyFilesAsync(directory, manifest, cancellationToken);
        var model = await LoadArraysAsync(() => TopNModelFiles.LoadAsync(directory, manifest, cancellationToken));
        ModelValidation.TestScore(model);
        return model;
    }

    /// <summary>Loads and checks the rating model of <paramref name="directory"/>; throws <see cref="InvalidModelException"/> saying what is wrong.</summary>
    public static async Task<IRatingModel> LoadRatingAsync(string directory, ModelManifest manifest, CancellationToken cancellationToken = default)
    {
        if (manifest.Kind != ModelKind.Rating)
        {
            throw new InvalidModelException($"{manifest.Version} is a top-N model, not a rating model");
        }
        await ModelValidation.VerifyFilesAsync(directory, manifest, cancellationToken);
        var files = RatingModelFiles.ForReading(directory, ToText(manifest.Parameters), manifest.Fitted ?? new Dictionary<string, double>());
        var model = await LoadArraysAsync(() => RatingAlgorithms.LoadAsync(manifest.Algorithm, files, cancellationToken));
        ModelValidation.TestPredict(model);
        return model;
    }

    /// <summary>A rating algorithm's text settings as the numbers a manifest records (every rating setting is a number).</summary>
    public static IReadOnlyDictionary<string, double> ToNumbers(IReadOnlyDictionary<string, string> settings) =>
        new SortedDictionary<string, double>(settings.ToDictionary(s => s.Key, s =>
            double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new ArgumentException($"rating setting '{s.Key}' is '{s.Value}', not a number: a model manifest records numbers", nameof(settings))),
            StringComparer.Ordinal);

    /// <summary>The inverse of <see cref="ToNumbers"/>: the invariant text a rating model reports its settings in.</summary>
    private static Dictionary<string, string> ToText(IReadOnlyDictionary<string, double> parameters) =>
        parameters.ToDictionary(p => p.Key, p => SettingReader.Format(p.Value));

    private static async Task<T> LoadArraysAsync<T>(Func<Task<T>> load)
    {
        try
        {
            return await load();
        }
        catch (Exception e) when (e is not OperationCanceledException and not InvalidModelException)
        {
            throw new InvalidModelException($"its arrays do not load: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes a version into a staging folder (arrays, then the manifest with their checksums) and renames it into place.
    /// </summary>
    /// <param name="writeArrays">Writes the arrays into the staging folder and returns the manifest to record.</param>
    private static async Task<(string Directory, ModelManifest Manifest)> WriteVersionAsync(string modelsDirectory, string version,
        Func<string, Task<ModelManifest>> writeArrays, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(modelsDirectory);
        var staging = Path.Combine(modelsDirectory, $".staging-{version}-{Guid.NewGuid():N}");
        var final = Path.Combine(modelsDirectory, version);
        try
        {
            Directory.CreateDirectory(staging);
            var manifest = await writeArrays(staging);
            var withChecksums = manifest with { FilesSha256 = await ModelValidation.ChecksumsAsync(staging, cancellationToken) };
            await Artifacts.AtomicFile.WriteAllTextAsync(Path.Combine(staging, ModelManifest.FileName), withChecksums.ToJson(), cancellationToken);
            Directory.Move(staging, final);
            return (final, withChecksums);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
