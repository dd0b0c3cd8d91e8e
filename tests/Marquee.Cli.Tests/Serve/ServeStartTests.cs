using Marquee.Cli.Tests.Support;

namespace Marquee.Cli.Tests.Serve;

/// <summary><c>serve</c> says it is serving only once it listens.</summary>
public sealed class ServeStartTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Serve_WithoutData_FailsWithoutClaimingToServe()
    {
        var result = await CliRunner.RunAsync(["serve", "--urls", $"http://127.0.0.1:{CliRunner.FreePort()}"], new Dictionary<string, string?>
        {
            ["MARQUEE_DATA_DIR"] = _temp.File("data"),
            ["MARQUEE_ARTIFACTS_DIR"] = _temp.File("artifacts"),
        }, TimeSpan.FromMinutes(2));

        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("serving at", result.Output);
        Assert.Contains("import", result.Output);
    }

    public void Dispose() => _temp.Dispose();
}
