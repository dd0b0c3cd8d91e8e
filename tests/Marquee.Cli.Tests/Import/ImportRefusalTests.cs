using Marquee.Cli.Tests.Support;

namespace Marquee.Cli.Tests.Import;

/// <summary>Imports that would quietly bring in the wrong or a damaged dataset are refused, and the data already there stays.</summary>
public sealed class ImportRefusalTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private Dictionary<string, string?> Environment => new()
    {
        ["MARQUEE_DATA_DIR"] = _temp.File("data"),
        ["MARQUEE_ARTIFACTS_DIR"] = _temp.File("artifacts"),
    };

    [Fact]
    public async Task Import_FolderOfSeveralReleases_IsRefusedListingThem()
    {
        var result = await CliRunner.RunAsync(["import", "--source", Path.Combine(SharedData.Root, "datasets")], Environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("2 MovieLens releases (ml-100k, ml-latest-small)", result.StdErr);
        Assert.Contains("--source", result.StdErr);
        Assert.False(Directory.Exists(_temp.File("data")) && File.Exists(Path.Combine(_temp.File("data"), "dataset.json")));
    }

    [Fact]
    public async Task Import_RatingsCutOffMidLine_IsRefusedNamingFileAndLine_AndKeepsTheDataThere()
    {
        var first = await CliRunner.RunAsync(["import", "--source", SharedData.Ml100K], Environment);
        Assert.True(first.ExitCode == 0, first.Output);
        var release = Directory.CreateDirectory(_temp.File("ml-latest-small-cut")).FullName;
        File.Copy(Path.Combine(SharedData.MlLatestSmall, "movies.csv"), Path.Combine(release, "movies.csv"));
        var ratings = File.ReadAllBytes(Path.Combine(SharedData.MlLatestSmall, "ratings.csv"));
        // "610,170875,3.0,1493846415\r\n" becomes "610,170875,3.0,14938": still a row, with a 1970 timestamp.
        File.WriteAllBytes(Path.Combine(release, "ratings.csv"), ratings[..^8]);

        var result = await CliRunner.RunAsync(["import", "--source", release], Environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ratings.csv", result.StdErr);
        Assert.Contains("line 100,837", result.StdErr);
        Assert.Contains("cut off", result.StdErr);
        Assert.Contains("ml-100k", File.ReadAllText(Path.Combine(_temp.File("data"), "dataset.json")));
    }

    public void Dispose() => _temp.Dispose();
}
