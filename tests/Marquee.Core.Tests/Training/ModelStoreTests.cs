using Marquee.Core.Interactions;
using Marquee.Core.Recommenders;
using Marquee.Core.Tests.Support;
using Marquee.Core.Training;

namespace Marquee.Core.Tests.Training;

public class ModelStoreTests
{
    public static TheoryData<string, int, int> Models => new()
    {
        { "ease", 30, 60 },   // dual path (users < items)
        { "ease", 60, 30 },   // primal path
        { "als", 30, 60 },
        { "itemknn", 30, 60 },
        { "baseline", 30, 60 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public async Task SaveThenLoad_ScoresAHistoryExactlyAsBefore(string algorithm, int users, int items)
    {
        var matrix = RandomRatings.Matrix(users, items, seed: 11, movieIdStep: 10);
        var configured = ModelTrainer.Configure(algorithm, algorithm == "als"
            ? new Dictionary<string, double> { ["factors"] = 8, ["lambda"] = 1, ["iterations"] = 5 }
            : algorithm == "ease" ? new Dictionary<string, double> { ["lambda"] = 5 } : null);
        var model = configured.Fit(matrix);
        var manifest = new ModelManifest
        {
            Version = "v", Algorithm = configured.Name, Parameters = configured.Parameters, CreatedAt = DateTimeOffset.UnixEpoch,
            CodeVersion = "test", FitSeconds = 0,
            Data = new TrainingData { InteractionsSha256 = "", Ratings = 0, FeedbackEvents = 0, Users = users, Items = items, Fingerprint = "" },
        };
        using var dir = new TempDirectory();

        var (directory, written) = await ModelStore.WriteAsync(dir.Path, manifest, model);
        var loaded = await ModelStore.LoadTopNAsync(directory, await ModelManifest.ReadAsync(directory));

        int[] history = [1, 3, 8];
        float[] ratings = [5, 2.5f, 4];
        var before = new float[model.Items.Count];
        var after = new float[loaded.Items.Count];
        model.ScoreHistory(history, ratings, before);
        loaded.ScoreHistory(history, ratings, after);
        Assert.Equal(model.Items.MovieIds.ToArray(), loaded.Items.MovieIds.ToArray());
        Assert.Equal(before, after);
        Assert.Equal(ModelKind.TopN, written.Kind);
        Assert.All(Directory.GetFiles(directory), f => Assert.True(f.EndsWith(".npy", StringComparison.Ordinal) || f.EndsWith(ModelManifest.FileName, StringComparison.Ordinal), f));
    }

    [Fact]
    public void FromJson_ManifestWrittenBeforeKinds_IsATopNModel()
    {
        // The shape of a manifest from before rating models were versions (registry rows keep these).
        const string json = """
            {"version":"20250101T000000Z-ease","algorithm":"ease","parameters":{"lambda":150},"created_at":"2025-01-01T00:00:00+00:00",
             "code_version":"old","data":{"interactions_sha256":"abc","ratings":1,"feedback_events":0,"users":1,"items":1,"fingerprint":"f"},
             "fit_seconds":1,"rating_model":"blend-0123456789abcdef-01234567"}
            """;

        var manifest = ModelManifest.FromJson(json);

        Assert.Equal(ModelKind.TopN, manifest.Kind);
        Assert.Null(manifest.Fitted);
        Assert.Contains("\"kind\": \"top-n\"", manifest.ToJson());
        Assert.Equal(ModelKind.Rating, ModelManifest.FromJson(json.Replace("\"algorithm\"", "\"kind\":\"rating\",\"algorithm\"")).Kind);
    }
}
