using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Cli.Tests.Support;

namespace Marquee.Cli.Tests.Setup;

/// <summary>./marquee up when the network is missing, and when data from another source is already imported.</summary>
public sealed class UpTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private Dictionary<string, string?> Environment => new()
    {
        ["MARQUEE_DATA_DIR"] = _temp.File("data"),
        ["MARQUEE_ARTIFACTS_DIR"] = _temp.File("artifacts"),
        // Nothing listens here: as unreachable as GroupLens is offline.
        ["MARQUEE_GROUPLENS_BASE_URL"] = $"http://127.0.0.1:{CliRunner.FreePort()}/movielens/",
    };

    [Fact]
    public async Task Script_Up_GroupLensUnreachable_SaysHowToUseLocalFiles_BeforeAnyBuild()
    {
        var result = await CliRunner.RunScriptAsync(["up"], Environment, TimeSpan.FromMinutes(1));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot reach", result.StdErr);
        Assert.Contains("--source DIR|ZIP", result.StdErr);
        Assert.Contains("MARQUEE_GROUPLENS_BASE_URL", result.StdErr);
        Assert.DoesNotContain("Building", result.Output);
    }

    [Fact]
    public async Task Up_DownloadFails_SaysHowToUseLocalFiles()
    {
        var result = await CliRunner.RunAsync(["up", "--urls", $"http://127.0.0.1:{CliRunner.FreePort()}"], Environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("could not download", result.StdErr);
        Assert.Contains("--source DIR|ZIP", result.StdErr);
        Assert.Contains("MARQUEE_GROUPLENS_BASE_URL", result.StdErr);
    }

    [Fact]
    public async Task Up_SourceOtherThanTheImportedOne_ImportsItKeepsOnlyMatchingDetailsAndTrainsForIt()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(["import", "--source", SharedData.MlLatestSmall], Environment)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(["enrich", "--metadata-file", SharedData.MetadataJoin], Environment)).ExitCode);
        var trained = await CliRunner.RunAsync(["train", "--algorithm", "ease"], Environment);
        Assert.True(trained.ExitCode == 0, trained.Output);
        var port = CliRunner.FreePort();

        using var up = CliRunner.Start(["up", "--source", SharedData.Ml100K, "--urls", $"http://127.0.0.1:{port}"], Environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await up.WaitForHealthAsync(http, TimeSpan.FromMinutes(10));
        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        var goldenEye = await http.GetFromJsonAsync<JsonElement>("/movies/2");

        Assert.Contains("is not the dataset imported", up.Output);
        Assert.Contains("Imported 1,682 movies", up.Output);
        Assert.Contains("whose id now names another film", up.Output);
        Assert.Contains("was trained on other ratings than the ones imported now", up.Output);
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(1682, health.GetProperty("catalog_movies").GetInt32());
        Assert.False(health.TryGetProperty("problems", out _));
        Assert.Equal("GoldenEye", goldenEye.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, goldenEye.GetProperty("overview").ValueKind);
        Assert.Equal(JsonValueKind.Null, goldenEye.GetProperty("tmdb_id").ValueKind);
    }

    public void Dispose() => _temp.Dispose();
}
