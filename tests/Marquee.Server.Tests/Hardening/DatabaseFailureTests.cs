using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Marquee.Server.Tests.Hardening;

/// <summary>
/// A SQLite file deleted or made unwritable under the running server: writes are not acknowledged (503, nothing
/// claimed stored) and /health says the database cannot take writes. Each test wrecks its own database.
/// </summary>
public sealed class DatabaseFailureTests : IAsyncLifetime
{
    private readonly MarqueeFactory _factory = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_factory).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_factory).DisposeAsync();

    private static Task<HttpResponseMessage> LikeAsync(HttpClient client, string userId, int movieId) =>
        client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = movieId, action = "like" }, MarqueeFactory.Json);

    private string[] DatabaseFiles => [_factory.DatabasePath, _factory.DatabasePath + "-wal", _factory.DatabasePath + "-shm"];

    [Fact]
    public async Task DeletedDatabase_WritesAre503AndHealthSaysSo()
    {
        var (client, userId) = await _factory.CreateSessionClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await LikeAsync(client, userId, 1)).StatusCode);

        foreach (var file in DatabaseFiles)
        {
            File.Delete(file);
        }
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await LikeAsync(client, userId, 2 + i)).StatusCode);
        }
        var health = await client.GetAsync("/health");
        var body = await health.Content.ReadFromJsonAsync<JsonElement>();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Contains("gone", body.GetProperty("database_problem").GetString());
    }

    [Fact]
    public async Task UnwritableDatabase_WritesAre503AndHealthSaysSo()
    {
        var (client, userId) = await _factory.CreateSessionClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await LikeAsync(client, userId, 1)).StatusCode);
        // Not the -shm file: SQLite maps it into memory, and an immutable mapping kills the process (SIGBUS) instead of
        // failing the write; the database and its log are what a read-only disk takes away.
        var files = DatabaseFiles.Where(f => File.Exists(f) && !f.EndsWith("-shm", StringComparison.Ordinal)).ToArray();
        // Root ignores permission bits; the immutable flag stops even root (ext4, as on the project's machines).
        if (!Chattr("+i", files))
        {
            return;
        }
        try
        {
            SqliteConnection.ClearAllPools(); // as after a restart or a remount: connections open the file anew
            var write = await LikeAsync(client, userId, 2);
            var undo = await client.PutAsync($"/users/{userId}/watchlist/1", null);
            var health = await client.GetAsync("/health");
            var body = await health.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            Assert.NotNull(write.Headers.RetryAfter);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, undo.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.False(string.IsNullOrEmpty(body.GetProperty("database_problem").GetString()));
        }
        finally
        {
            Chattr("-i", files);
        }
    }

    private static bool Chattr(string flag, string[] files)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("chattr", [flag, .. files]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
