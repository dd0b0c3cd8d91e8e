using Marquee.Core.Tests.Support;
using Marquee.Core.Training;

namespace Marquee.Core.Tests.Training;

/// <summary>A model folder is proven able to serve before it becomes current.</summary>
public class ModelValidationTests
{
    private static async Task<(ModelManifest Manifest, string Directory)> WriteAlsAsync(TempDirectory dir)
    {
        var matrix = RandomRatings.Matrix(30, 60, seed: 5, movieIdStep: 10);
        var configured = ModelTrainer.Configure("als", new Dictionary<string, double> { ["factors"] = 8, ["lambda"] = 1, ["iterations"] = 3 });
        var manifest = new ModelManifest
        {
            Version = "v1", Algorithm = configured.Name, Parameters = configured.Parameters, CreatedAt = DateTimeOffset.UnixEpoch,
            CodeVersion = "test", FitSeconds = 0,
            Data = new TrainingData { InteractionsSha256 = "", Ratings = 0, FeedbackEvents = 0, Users = 30, Items = 60, Fingerprint = "" },
        };
        var (directory, written) = await ModelStore.WriteAsync(dir.Path, manifest, configured.Fit(matrix));
        return (written, directory);
    }

    [Fact]
    public async Task LoadValidated_AsWritten_Scores()
    {
        using var dir = new TempDirectory();
        var (manifest, directory) = await WriteAlsAsync(dir);

        var model = await ModelStore.LoadTopNAsync(directory, manifest);

        Assert.NotNull(manifest.FilesSha256);
        Assert.Contains("item_factors.npy", manifest.FilesSha256!.Keys);
        Assert.Equal(60, model.Items.Count);
    }

    [Fact]
    public async Task LoadValidated_TruncatedArray_IsRefused()
    {
        using var dir = new TempDirectory();
        var (manifest, directory) = await WriteAlsAsync(dir);
        var factors = Path.Combine(directory, "item_factors.npy");
        var bytes = await File.ReadAllBytesAsync(factors);
        await File.WriteAllBytesAsync(factors, bytes[..(bytes.Length / 2)]);

        var checksummed = await Assert.ThrowsAsync<InvalidModelException>(() => ModelStore.LoadTopNAsync(directory, manifest));
        // Without checksums (a manifest from before them), the shapes still catch it.
        var shapes = await Assert.ThrowsAsync<InvalidModelException>(() =>
            ModelStore.LoadTopNAsync(directory, manifest with { FilesSha256 = new Dictionary<string, string>() }));

        Assert.Contains("item_factors.npy", checksummed.Message);
        Assert.Contains("item_factors.npy", shapes.Message);
    }

    [Fact]
    public async Task LoadValidated_NotANumberInTheFactors_IsRefusedByTheTestScoring()
    {
        using var dir = new TempDirectory();
        var (manifest, directory) = await WriteAlsAsync(dir);
        var factors = Path.Combine(directory, "item_factors.npy");
        var bytes = await File.ReadAllBytesAsync(factors);
        BitConverter.GetBytes(float.NaN).CopyTo(bytes, bytes.Length - 4 * 8 * 30);
        await File.WriteAllBytesAsync(factors, bytes);

        var changed = await Assert.ThrowsAsync<InvalidModelException>(() => ModelStore.LoadTopNAsync(directory, manifest));
        var scored = await Assert.ThrowsAsync<InvalidModelException>(() =>
            ModelStore.LoadTopNAsync(directory, manifest with { FilesSha256 = new Dictionary<string, string>() }));

        Assert.Contains("SHA-256", changed.Message);
        Assert.Contains("test scoring", scored.Message);
    }
}
