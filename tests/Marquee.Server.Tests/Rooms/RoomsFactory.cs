using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Marquee.Server.Tests.Rooms;

/// <summary>
/// The server for room tests, with a trained model (so decks are planned from members' tastes) and limits
/// raised so tests may create many sessions and joins; subclasses pick the database and the join limit.
/// </summary>
public class RoomsFactory : TrainedMarqueeFactory
{
    protected virtual int RoomJoinsPerMinute => 10_000;

    /// <summary>A PostgreSQL connection string, or null for the SQLite file.</summary>
    protected virtual string? DatabaseSetting => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Marquee:RateLimits:SessionsPerMinute", "10000");
        builder.UseSetting("Marquee:RateLimits:RoomJoinsPerMinute", RoomJoinsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (DatabaseSetting is { } database)
        {
            builder.UseSetting("Marquee:Database", database);
        }
    }

    public async Task<(HttpClient Client, string Code)> CreateRoomAsync(object? body = null)
    {
        var (client, _) = await CreateSessionClientAsync();
        var response = await client.PostAsJsonAsync("/rooms", body ?? new { display_name = "Host" }, Json);
        response.EnsureSuccessStatusCode();
        var room = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return (client, room.GetProperty("code").GetString()!);
    }

    public async Task<HttpClient> JoinAsync(string code, string name)
    {
        var (client, _) = await CreateSessionClientAsync();
        var response = await client.PostAsJsonAsync($"/rooms/{code}/members", new { display_name = name }, Json);
        response.EnsureSuccessStatusCode();
        return client;
    }
}

/// <summary>The same server over a fresh database of the real PostgreSQL.</summary>
public sealed class PostgresRoomsFactory : RoomsFactory
{
    private readonly PostgresFixture _postgres = new();

    // A pool below the server's max_connections (100 by default, a few reserved): a burst of requests then waits
    // for a pooled connection instead of PostgreSQL refusing the hundredth client.
    protected override string? DatabaseSetting =>
        new Npgsql.NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { MaxPoolSize = 40 }.ToString();

    public override async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}

/// <summary>The shipped join limit (30 a minute per address), for the abuse tests.</summary>
public sealed class RateLimitedRoomsFactory : RoomsFactory
{
    protected override int RoomJoinsPerMinute => 30;
}
