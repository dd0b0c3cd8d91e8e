using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marquee.Tests.Shared;

/// <summary>A real HTTP server on a loopback port for things that live outside this machine.</summary>
public sealed class StubHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubHttpServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<StubHttpServer> StartAsync(Action<WebApplication> map)
    {
        // Port 0: the system picks a free port while binding, so two stubs (or runs) can never race for one.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new StubHttpServer(app, app.Urls.First());
    }

    /// <summary>
    /// A loopback port nobody listens on right now, for a server in another process that must be told its port
    /// up front (<c>marquee serve --urls</c>); an in-process server binds port 0 instead.
    /// </summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
