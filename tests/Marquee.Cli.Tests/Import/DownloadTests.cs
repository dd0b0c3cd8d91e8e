using System.IO.Compression;
using System.Security.Cryptography;
using Marquee.Cli.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Marquee.Cli.Tests.Import;

/// <summary>
/// The GroupLens download path of <c>marquee import</c>/<c>up</c>, against a local HTTP server serving a
/// zip built from the shared ml-latest-small files.
/// </summary>
public sealed class DownloadTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private byte[] _zip = [];
    private StubHttpServer _server = null!;

    public async Task InitializeAsync()
    {
        using (var buffer = new MemoryStream())
        {
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var file in new[] { "movies.csv", "ratings.csv", "links.csv", "tags.csv" })
                {
                    zip.CreateEntryFromFile(Path.Combine(SharedData.MlLatestSmall, file), $"ml-latest-small/{file}");
                }
            }
            _zip = buffer.ToArray();
        }
        _server = await StubHttpServer.StartAsync(app =>
        {
            app.MapGet("/ok/{name}", () => Results.Bytes(_zip, "application/zip"));
            app.MapGet("/truncated/{name}", async (HttpContext context) =>
            {
                context.Response.ContentLength = _zip.Length;
                context.Response.ContentType = "application/zip";
                await context.Response.Body.WriteAsync(_zip.AsMemory(0, _zip.Length / 2));
                await context.Response.Body.FlushAsync();
                context.Abort();
            });
        });
    }

    private Dictionary<string, string?> Environment => new()
    {
        ["MARQUEE_DATA_DIR"] = _temp.File("data"),
        ["MARQUEE_ARTIFACTS_DIR"] = _temp.File("artifacts"),
        ["MARQUEE_GROUPLENS_BASE_URL"] = $"{_server.BaseUrl}/ok/",
    };

    [Fact]
    public async Task Import_UrlWithMatchingSha256_ImportsTheDownloadedArchive()
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(_zip));

        var result = await CliRunner.RunAsync(["import", "--source", $"{_server.BaseUrl}/ok/ml-custom.zip", "--sha256", sha], Environment);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("100,836 ratings", result.StdOut);
        Assert.True(File.Exists(Path.Combine(_temp.File("data"), "dataset.json")));
    }

    [Fact]
    public async Task Import_PinnedArchiveWithOtherContent_RefusedAsChecksumMismatchLeavingNothing()
    {
        // Our zip is not the byte-identical GroupLens archive, so the pinned SHA-256 cannot match.
        var result = await CliRunner.RunAsync(["import", "--source", $"{_server.BaseUrl}/ok/ml-latest-small.zip"], Environment);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("marquee:", StringComparison.Ordinal));
        Assert.Contains("checksum mismatch", line);
        AssertNothingLeftBehind();
    }

    [Fact]
    public async Task Up_DefaultDownloadWithChecksumMismatch_RefusedBeforeServing()
    {
        var result = await CliRunner.RunAsync(["up", "--urls", $"http://127.0.0.1:{CliRunner.FreePort()}"], Environment, TimeSpan.FromMinutes(2));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("checksum mismatch", result.StdErr);
        AssertNothingLeftBehind();
    }

    [Fact]
    public async Task Import_TruncatedDownload_RefusedLeavingNothing()
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(_zip));

        var result = await CliRunner.RunAsync(["import", "--source", $"{_server.BaseUrl}/truncated/ml-custom.zip", "--sha256", sha], Environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches("truncated|interrupted", result.StdErr);
        AssertNothingLeftBehind();
    }

    [Fact]
    public async Task Import_UnpinnedUrlWithoutSha256_Refused()
    {
        var result = await CliRunner.RunAsync(["import", "--source", $"{_server.BaseUrl}/ok/ml-custom.zip"], Environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--sha256", result.StdErr);
        AssertNothingLeftBehind();
    }

    private void AssertNothingLeftBehind()
    {
        var data = _temp.File("data");
        var files = Directory.Exists(data) ? Directory.GetFiles(data, "*", SearchOption.AllDirectories) : [];
        Assert.Empty(files);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }
}
