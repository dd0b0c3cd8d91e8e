using System.Text.RegularExpressions;
using Marquee.Cli.Tests.Support;

namespace Marquee.Cli.Tests.Training;

/// <summary>Training again on unchanged data registers no copy of the serving model.</summary>
public sealed class UnchangedTrainTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private Dictionary<string, string?> Environment => new()
    {
        ["MARQUEE_DATA_DIR"] = _temp.File("data"),
        ["MARQUEE_ARTIFACTS_DIR"] = _temp.File("artifacts"),
    };

    [Fact]
    public async Task Train_TwiceOnTheSameData_SaysUnchangedAndKeepsOneVersion_UnlessForced()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(["import", "--source", SharedData.Ml100K], Environment)).ExitCode);
        var first = await CliRunner.RunAsync(["train", "--algorithm", "ease"], Environment);
        Assert.True(first.ExitCode == 0, first.Output);

        var again = await CliRunner.RunAsync(["train", "--algorithm", "ease"], Environment);
        var afterAgain = await ModelVersionsAsync();
        var forced = await CliRunner.RunAsync(["train", "--algorithm", "ease", "--force"], Environment);

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("Unchanged:", again.StdOut);
        Assert.DoesNotContain("promoted", again.StdOut);
        Assert.Single(afterAgain);
        Assert.True(forced.ExitCode == 0, forced.Output);
        Assert.Equal(2, (await ModelVersionsAsync()).Count);
    }

    [Fact]
    public async Task Train_RegistersOneRatingVersion_ThatLaterRunsReuseAndThatCannotBePromoted()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(["import", "--source", SharedData.Ml100K], Environment)).ExitCode);
        var first = await CliRunner.RunAsync(["train", "--algorithm", "ease"], Environment);
        Assert.True(first.ExitCode == 0, first.Output);
        var rating = Regex.Match(first.Output, @"Rating model (\S+): trained").Groups[1].Value;

        var second = await CliRunner.RunAsync(["train", "--algorithm", "als"], Environment);
        var promote = await CliRunner.RunAsync(["models", "promote", rating], Environment);

        Assert.Matches(@"^\d{8}T\d{6}Z-blend$", rating);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains($"Rating model {rating}: ratings unchanged since it was trained, reused", second.Output);
        Assert.NotEqual(0, promote.ExitCode);
        Assert.Contains("is a rating model", promote.Output);
        Assert.True(File.Exists(Path.Combine(_temp.File("artifacts"), "models", rating, "mf.item_factors.npy")));
    }

    private async Task<List<string>> ModelVersionsAsync()
    {
        var list = await CliRunner.RunAsync(["models", "list"], Environment);
        Assert.True(list.ExitCode == 0, list.Output);
        return Regex.Matches(list.StdOut, @"\d{8}T\d{6}Z-ease(-\d+)?").Select(m => m.Value).Distinct().ToList();
    }

    public void Dispose() => _temp.Dispose();
}
