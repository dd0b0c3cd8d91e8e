using Marquee.Cli.Tests.Support;

namespace Marquee.Cli.Tests.Training;

/// <summary><c>evaluate</c> journals each result as it finishes and a <c>--resume</c> run reuses them.</summary>
public sealed class EvaluateResumeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Evaluate_SampledThenResumed_ReusesTheFinishedResultsAndRunsOnlyWhatIsMissing()
    {
        var journal = _temp.File("eval.jsonl");
        string[] args = ["evaluate", "--source", SharedData.MlLatestSmall, "--algorithms", "most-popular,itemknn", "--rating-models", "baseline",
            "--sample-users", "150", "--results", journal];
        var first = await CliRunner.RunAsync(args);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("sample of 150 users", first.StdOut);
        var lines = await File.ReadAllLinesAsync(journal);
        // The dataset line, two top-N results and five rating folds.
        Assert.Equal(8, lines.Length);
        // Drop the last fold, as a run killed before it finished would have.
        await File.WriteAllLinesAsync(journal, lines[..^1]);

        var resumed = await CliRunner.RunAsync([.. args, "--resume"]);

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains("6 finished result(s) reused", resumed.StdErr);
        Assert.Contains("itemknn k=50, shrinkage=0: TEST NDCG@10", resumed.StdErr);
        Assert.Equal(6, resumed.StdErr.Split('\n').Count(l => l.EndsWith("(resumed)", StringComparison.Ordinal)));
        Assert.Contains("baseline fold 4: RMSE", resumed.StdErr);
        Assert.DoesNotContain("baseline fold 4: RMSE 0.0000", resumed.StdErr);
        Assert.Equal(TableRows(first.StdOut), TableRows(resumed.StdOut));
        Assert.Equal(8, (await File.ReadAllLinesAsync(journal)).Length);
    }

    /// <summary>The metric columns of the printed tables (the timings differ between runs).</summary>
    private static List<string> TableRows(string output) =>
        output.Split('\n').Where(l => l.Contains("most-popular") || l.Contains("itemknn") || l.Contains("baseline"))
            .Select(l => string.Join('|', l.Split('│').Skip(1).Take(4).Select(c => c.Trim()))).ToList();

    public void Dispose() => _temp.Dispose();
}
