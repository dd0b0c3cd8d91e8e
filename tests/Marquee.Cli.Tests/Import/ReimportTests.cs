using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Cli.Tests.Support;

namespace Marquee.Cli.Tests.Import;

/// <summary>After another dataset is imported, nothing built for the previous one is served as if it fitted.</summary>
public sealed class ReimportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private Dictionary<string, string?> Environment => new()
    {
        ["MARQUEE_DATA_DIR"] = _temp.File("data"),
        ["MARQUEE_ARTIFACTS_DIR"] = _temp.File("artifacts"),
    };

    [Fact]
    public async Task Serve_AfterAnotherDatasetIsImported_RefusesTheOldModelAndDetails_AndHealthSaysSo()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(["import", "--source", SharedData.MlLatestSmall], Environment)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(["enrich", "--metadata-file", SharedData.MetadataJoin], Environment)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(["train", "--algorithm", "ease"], Environment)).ExitCode);
        var enriched = Path.Combine(_temp.File("data"), "movies_enriched.parquet");
        File.Copy(enriched, _temp.File("enriched-for-ml-latest-small.parquet"));

        var import = await CliRunner.RunAsync(["import", "--source", SharedData.Ml100K], Environment);
        // As if the file had been copied back by hand: the server must still not use it.
        File.Copy(_temp.File("enriched-for-ml-latest-small.parquet"), enriched, overwrite: true);
        var port = CliRunner.FreePort();
        using var serve = CliRunner.Start(["serve", "--urls", $"http://127.0.0.1:{port}"], Environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await serve.WaitForHealthAsync(http);
        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        var goldenEye = await http.GetFromJsonAsync<JsonElement>("/movies/2");

        Assert.True(import.ExitCode == 0, import.Output);
        Assert.Contains("whose id now names another film", import.StdOut);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal("baseline", health.GetProperty("model_version").GetString());
        var problems = health.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.Contains("trained on other ratings", StringComparison.Ordinal) && p.Contains("./marquee train", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("movies_enriched.parquet was written for another catalogue", StringComparison.Ordinal));
        Assert.Equal("GoldenEye", goldenEye.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, goldenEye.GetProperty("overview").ValueKind);
        Assert.Equal(JsonValueKind.Null, goldenEye.GetProperty("tmdb_id").ValueKind);
    }

    public void Dispose() => _temp.Dispose();
}
