using Marquee.Cli.Tests.Support;

namespace Marquee.Cli.Tests.Setup;

/// <summary>Every command answers --help with its usage and does nothing else (no build, no test run, no import).</summary>
public sealed class HelpTests
{
    public static TheoryData<string> Commands() =>
    [
        "up", "import", "enrich", "embed", "serve", "train", "models", "models list", "models promote", "models rollback", "evaluate",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_Help_PrintsUsageAndExitsZero(string command)
    {
        var result = await CliRunner.RunAsync([.. command.Split(' '), "--help"], new Dictionary<string, string?> { ["MARQUEE_DATA_DIR"] = "/nonexistent" });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Usage:", result.StdOut);
    }

    [Theory]
    [InlineData("test", "Usage: ./marquee test")]
    [InlineData("build", "Usage: ./marquee build")]
    public async Task Script_BuildAndTestHelp_AnswerWithoutRunningAnything(string command, string usage)
    {
        var result = await CliRunner.RunScriptAsync([command, "--help"], timeout: TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains(usage, result.StdOut);
        Assert.DoesNotContain("Building", result.Output);
        Assert.DoesNotContain("==>", result.Output);
    }

    [Fact]
    public async Task Script_Help_ListsBuildAndTest()
    {
        var result = await CliRunner.RunScriptAsync(["--help"], timeout: TimeSpan.FromMinutes(10));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Matches(@"(?m)^\s+build\s", result.StdOut);
        Assert.Matches(@"(?m)^\s+test\s", result.StdOut);
        Assert.Matches(@"(?m)^\s+up\s", result.StdOut);
    }
}
