using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Tests.Support;

namespace Marquee.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public class CatalogApiTests(MarqueeFactory factory)
{
    [Fact]
    public async Task Genres_MlLatestSmall_ReportsRealCountsSortedByName()
    {
        var genres = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/genres");

        var counts = genres.EnumerateArray().ToDictionary(g => g.GetProperty("name").GetString()!, g => g.GetProperty("movie_count").GetInt32());
        Assert.Equal(3756, counts["Comedy"]);
        Assert.Equal(4361, counts["Drama"]);
        var names = counts.Keys.ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task Health_AfterStartup_ReportsCatalog()
    {
        var health = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal(9742, health.GetProperty("catalog_movies").GetInt32());
        Assert.Contains(health.GetProperty("status").GetString(), new[] { "ok", "degraded" });
        Assert.Contains("baseline", health.GetProperty("recommenders").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task GetMovie_Known_ReturnsEnrichedMovie()
    {
        var movie = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/movies/1");

        Assert.Equal("Toy Story", movie.GetProperty("title").GetString());
        Assert.Equal(1995, movie.GetProperty("year").GetInt32());
        Assert.Equal(81, movie.GetProperty("runtime_minutes").GetInt32());
        Assert.StartsWith("https://image.tmdb.org/t/p/w500/", movie.GetProperty("poster_url").GetString());
        Assert.Equal("tt0114709", movie.GetProperty("imdb_id").GetString());
    }

    [Fact]
    public async Task GetMovie_Unknown_Returns404Problem()
    {
        var response = await factory.CreateClient().GetAsync("/movies/999999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_Document_ListsCoreEndpoints()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/health", paths);
        Assert.Contains("/genres", paths);
        Assert.Contains("/recommend", paths);
        Assert.Contains("/feedback", paths);
        Assert.Contains("/sessions", paths);
    }
}
