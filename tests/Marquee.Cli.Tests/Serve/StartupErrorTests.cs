using System.Net;
using System.Net.Sockets;
using Marquee.Cli.Tests.Support;

namespace Marquee.Cli.Tests.Serve;

/// <summary>A port someone else holds or an address that is not one: one line saying so, before any work and before "serving at".</summary>
public sealed class StartupErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private Dictionary<string, string?> Environment => new()
    {
        ["MARQUEE_DATA_DIR"] = _temp.File("data"),
        ["MARQUEE_ARTIFACTS_DIR"] = _temp.File("artifacts"),
    };

    [Fact]
    public async Task Serve_PortAlreadyInUse_SaysSoInOneLine()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var result = await CliRunner.RunAsync(["serve", "--urls", $"http://127.0.0.1:{port}"], Environment);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"marquee: 127.0.0.1:{port} is already in use", OneLine(result), StringComparison.Ordinal);
        Assert.Contains("--urls", result.StdErr);
        Assert.DoesNotContain("serving at", result.Output);
    }

    [Theory]
    [InlineData("nonsense", "it is not an address")]
    [InlineData("ftp://127.0.0.1:8080", "the scheme must be http or https")]
    [InlineData("http://127.0.0.1:70000", "port")]
    public async Task Serve_BadUrls_SaysWhatIsWrongInOneLine(string urls, string why)
    {
        var result = await CliRunner.RunAsync(["serve", "--urls", urls], Environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(why, OneLine(result));
        Assert.DoesNotContain("serving at", result.Output);
    }

    [Fact]
    public async Task Up_PortAlreadyInUse_FailsBeforeImporting()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var result = await CliRunner.RunAsync(["up", "--source", SharedData.Ml100K, "--urls", $"http://127.0.0.1:{port}"], Environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already in use", OneLine(result));
        Assert.DoesNotContain("Imported", result.Output);
        Assert.False(File.Exists(Path.Combine(_temp.File("data"), "dataset.json")));
    }

    /// <summary>The error output, which must be exactly one line (no stack trace, no log lines).</summary>
    private static string OneLine(CliResult result)
    {
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.Output);
        return lines[0];
    }

    public void Dispose() => _temp.Dispose();
}
