using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marquee.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marquee.Server.Tests.Api;

/// <summary>The server with a built UI: client routes get the app shell, API mistakes get problem details.</summary>
[Collection(ServerCollection.Name)]
public sealed class UiShellTests(MarqueeFactory factory, UiShellTests.ServerWithUi withUi) : IClassFixture<UiShellTests.ServerWithUi>
{
    /// <summary>
    /// One server with a UI folder for the whole class, stopped when the class is done: a host per test started the
    /// server six times and left each one running until the process ended.
    /// </summary>
    public sealed class ServerWithUi(MarqueeFactory factory) : IAsyncLifetime
    {
        private readonly TempDirectory _ui = new();
        private WebApplicationFactory<Program>? _app;

        public HttpClient CreateClient() => _app!.CreateClient();

        public Task InitializeAsync()
        {
            _ui.Write("index.html", "<!doctype html><title>Marquee</title><div id=\"root\"></div>");
            _app = factory.WithWebHostBuilder(builder => builder.UseSetting("Marquee:UiDir", _ui.Path));
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
            _ui.Dispose();
        }
    }

    private HttpClient CreateClientWithUi() => withUi.CreateClient();

    [Fact]
    public async Task ClientRoute_Get_ServesTheAppShell()
    {
        var response = await CreateClientWithUi().GetAsync("/watchlist");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"root\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdminPage_Get_ServesTheAppShellButTheAdminApiStaysAProblem()
    {
        var client = CreateClientWithUi();

        var page = await client.GetAsync("/admin");
        var api = await client.GetAsync("/admin/no-such-thing");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"root\"", await page.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownApiPath_Get_IsAProblem404NotTheShell()
    {
        var response = await CreateClientWithUi().GetAsync("/movies/not-a-number");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Recommend_BodyNotSentAsJson_Is415NamingTheContentType(bool withUi)
    {
        var client = withUi ? CreateClientWithUi() : factory.CreateClient();

        var response = await client.PostAsync("/recommend", new StringContent("{\"k\":5}", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(415, problem.GetProperty("status").GetInt32());
        if (withUi)
        {
            Assert.Contains("application/json", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Recommend_SameBodyAsJson_StillWorksWithTheUi()
    {
        var response = await CreateClientWithUi().PostAsync("/recommend", new StringContent("{\"k\":5}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
