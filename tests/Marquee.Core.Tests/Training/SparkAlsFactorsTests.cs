using System.Text.Json.Serialization;
using Marquee.Core.Artifacts;
using Marquee.Core.Recommenders;
using Marquee.Core.Tests.Support;
using Marquee.Core.Training;
using Parquet.Serialization;

namespace Marquee.Core.Tests.Training;

/// <summary>ALS factors written in Spark MLlib's layout serve through the same manifest as Marquee's own.</summary>
public class SparkAlsFactorsTests
{
    [Fact]
    public async Task LoadAsync_SparkFactorFolders_ScoresAsTheModelTheyCameFrom()
    {
        var matrix = RandomRatings.Matrix(30, 60, seed: 5, movieIdStep: 10);
        var configured = ModelTrainer.Configure("als", new Dictionary<string, double> { ["factors"] = 8, ["lambda"] = 1, ["iterations"] = 5 });
        var model = (AlsModel)configured.Fit(matrix);
        using var dir = new TempDirectory();
        // Spark writes each folder as several part files, rows in no particular order.
        var itemIds = model.Items.MovieIds.ToArray();
        await WriteSparkFolderAsync(Path.Combine(dir.Path, "itemFactors"), itemIds, model.ItemFactors, model.Factors);
        var userIds = Enumerable.Range(0, model.UserFactors.Length / model.Factors).ToArray();
        await WriteSparkFolderAsync(Path.Combine(dir.Path, "userFactors"), userIds, model.UserFactors, model.Factors);
        var manifest = new ModelManifest
        {
            Version = "spark", Algorithm = "als", Parameters = configured.Parameters, CreatedAt = DateTimeOffset.UnixEpoch,
            CodeVersion = "spark-mllib", FitSeconds = 0,
            Data = new TrainingData { InteractionsSha256 = "", Ratings = 0, FeedbackEvents = 0, Users = 30, Items = 60, Fingerprint = "" },
        };

        var loaded = await ModelStore.LoadTopNAsync(dir.Path, manifest);

        Assert.Equal(itemIds, loaded.Items.MovieIds.ToArray());
        int[] history = [2, 7, 40];
        float[] ratings = [5, 3, 4.5f];
        var expected = new float[model.Items.Count];
        var actual = new float[loaded.Items.Count];
        model.ScoreHistory(history, ratings, expected);
        loaded.ScoreHistory(history, ratings, actual);
        Assert.Equal(expected, actual);
        model.ScoreTrainingUser(4, expected);
        loaded.ScoreTrainingUser(4, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task ReadAsync_FeatureListsOfDifferentLengths_AreRefused()
    {
        using var dir = new TempDirectory();
        var folder = Path.Combine(dir.Path, "itemFactors");
        Directory.CreateDirectory(folder);
        await using (var stream = File.Create(Path.Combine(folder, "part-00000.parquet")))
        {
            await ParquetSerializer.SerializeAsync(new[] { new FactorRow { Id = 1, Features = [1f, 2f] }, new FactorRow { Id = 2, Features = [1f] } }, stream);
        }

        await Assert.ThrowsAsync<InvalidDataException>(() => SparkAlsFactors.ReadAsync(folder));
    }

    private static async Task WriteSparkFolderAsync(string folder, int[] ids, float[] factors, int rank)
    {
        Directory.CreateDirectory(folder);
        var rows = ids.Select((id, r) => new FactorRow { Id = id, Features = factors[(r * rank)..((r + 1) * rank)] }).Reverse().ToArray();
        var half = rows.Length / 2;
        foreach (var (part, slice) in new[] { (0, rows[..half]), (1, rows[half..]) })
        {
            await using var stream = File.Create(Path.Combine(folder, $"part-0000{part}-spark.snappy.parquet"));
            await ParquetSerializer.SerializeAsync(slice, stream);
        }
    }

    /// <summary>Spark's factor row: <c>id: int, features: array&lt;float&gt;</c>.</summary>
    private sealed class FactorRow
    {
        [JsonPropertyName("id")] public int Id { get; set; }
        [JsonPropertyName("features")] public float[] Features { get; set; } = [];
    }
}
