using Marquee.Cli.Tests.Support;

namespace Marquee.Cli.Tests.Setup;

/// <summary>The data lives in one home whatever folder the CLI is started from, and the CLI says where.</summary>
public sealed class DataHomeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Import_FromAnotherFolder_WritesIntoMarqueeHome_NotTheWorkingDirectory()
    {
        var home = Directory.CreateDirectory(_temp.File("home")).FullName;
        var elsewhere = Directory.CreateDirectory(_temp.File("elsewhere")).FullName;
        var environment = new Dictionary<string, string?> { ["MARQUEE_HOME"] = home, ["MARQUEE_DATA_DIR"] = null, ["MARQUEE_ARTIFACTS_DIR"] = null };

        var import = await CliRunner.RunAsync(["import", "--source", SharedData.Ml100K], environment, workingDirectory: elsewhere);
        var models = await CliRunner.RunAsync(["models", "list"], environment, workingDirectory: elsewhere);

        Assert.True(import.ExitCode == 0, import.Output);
        Assert.Contains($"into {Path.Combine(home, "data")}", import.StdOut);
        Assert.True(File.Exists(Path.Combine(home, "data", "dataset.json")));
        Assert.Contains($"No models yet in {Path.Combine(home, "build_artifacts")}", models.StdOut);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
    }

    [Fact]
    public async Task Up_FromAnotherFolder_WithoutMarqueeHome_UsesTheRepositoryAndSaysSo()
    {
        var elsewhere = Directory.CreateDirectory(_temp.File("elsewhere")).FullName;
        var environment = new Dictionary<string, string?> { ["MARQUEE_HOME"] = null, ["MARQUEE_DATA_DIR"] = null, ["MARQUEE_ARTIFACTS_DIR"] = null };

        // A bad address stops up right after it has said where the data lives, before it touches anything.
        var result = await CliRunner.RunAsync(["up", "--urls", "nonsense"], environment, workingDirectory: elsewhere);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Data in {Path.Combine(CliRunner.RepositoryRoot, "data")}", result.StdOut);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
    }

    public void Dispose() => _temp.Dispose();
}
