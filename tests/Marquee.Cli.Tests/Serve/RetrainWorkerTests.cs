using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marquee.Cli.Tests.Support;

namespace Marquee.Cli.Tests.Serve;

/// <summary>POST /admin/retrain on `marquee serve` trains in a worker process, and the server serves what it promoted.</summary>
public sealed class RetrainWorkerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private Dictionary<string, string?> Environment => new()
    {
        ["MARQUEE_DATA_DIR"] = _temp.File("data"),
        ["MARQUEE_ARTIFACTS_DIR"] = _temp.File("artifacts"),
        ["MARQUEE_ADMIN_KEY"] = "test-admin-key",
    };

    [Fact]
    public async Task Retrain_RunsTrainInAnotherProcessWithBoundedThreads_AndTheServerReloadsThePromotedVersion()
    {
        var import = await CliRunner.RunAsync(["import", "--source", SharedData.Ml100K], Environment);
        Assert.True(import.ExitCode == 0, import.Output);
        var port = CliRunner.FreePort();
        using var server = CliRunner.Start(["serve", "--urls", $"http://127.0.0.1:{port}"], Environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Add("X-Api-Key", "test-admin-key");
        await server.WaitForHealthAsync(http);

        var started = await http.PostAsJsonAsync("/admin/retrain", new { algorithm = "als" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("running", job.GetProperty("status").GetString());
        var id = job.GetProperty("id").GetString();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (job.GetProperty("status").GetString() == "running" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(300);
            job = await http.GetFromJsonAsync<JsonElement>($"/admin/jobs/{id}");
        }

        Assert.True(job.GetProperty("status").GetString() == "succeeded", job + server.Output);
        Assert.True(job.GetProperty("promoted").GetBoolean(), job.ToString());
        var version = job.GetProperty("model_version").GetString()!;
        Assert.EndsWith("-als", version);
        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal(version, health.GetProperty("model_version").GetString());
        var worker = Regex.Match(server.Output, @"training worker started \(pid (\d+), (\d+) thread");
        Assert.True(worker.Success, server.Output);
        Assert.NotEqual(server.Process.Id, int.Parse(worker.Groups[1].Value));
        Assert.InRange(int.Parse(worker.Groups[2].Value), 1, System.Environment.ProcessorCount);
    }

    public void Dispose() => _temp.Dispose();
}
