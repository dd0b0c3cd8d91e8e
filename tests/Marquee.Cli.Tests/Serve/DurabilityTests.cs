using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Marquee.Cli.Tests.Serve;

/// <summary>A 201 from POST /feedback means the event is on disk: killing the server right after loses nothing.</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    private Dictionary<string, string?> Environment => new()
    {
        ["MARQUEE_DATA_DIR"] = _temp.File("data"),
        ["MARQUEE_ARTIFACTS_DIR"] = _temp.File("artifacts"),
    };

    public async Task InitializeAsync()
    {
        var import = await CliRunner.RunAsync(["import", "--source", SharedData.MlLatestSmall], Environment);
        Assert.True(import.ExitCode == 0, import.Output);
    }

    [Fact]
    public async Task Kill9RightAfter201_LosesNoFeedback()
    {
        var port = CliRunner.FreePort();
        using var server = CliRunner.Start(["serve", "--urls", $"http://127.0.0.1:{port}"], Environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await server.WaitForHealthAsync(http);

        var session = await (await http.PostAsync("/sessions", null)).Content.ReadFromJsonAsync<JsonElement>();
        var userId = session.GetProperty("user_id").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.GetProperty("token").GetString());
        var acknowledged = new List<long>();
        int[] movies = [1, 2, 3, 5, 6, 7, 10, 11, 16, 17, 19, 21, 25, 29, 31, 32, 34, 36, 39, 47];
        foreach (var movie in movies)
        {
            var response = await http.PostAsJsonAsync("/feedback", new Dictionary<string, object> { ["user_id"] = userId, ["movie_id"] = movie, ["action"] = "like" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }
        await server.KillAsync();

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_temp.File("artifacts"), "marquee.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM feedback WHERE user_id = $user ORDER BY id";
        command.Parameters.AddWithValue("$user", userId);
        var stored = new List<long>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetInt64(0));
            }
        }
        Assert.Equal(acknowledged, stored);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
