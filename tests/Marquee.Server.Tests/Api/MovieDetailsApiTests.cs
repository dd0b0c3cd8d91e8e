using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Tests.Support;

namespace Marquee.Server.Tests.Api;

public sealed class MovieDetailsApiTests(RichDetailsMarqueeFactory factory) : IClassFixture<RichDetailsMarqueeFactory>
{
    private static readonly string[] CardFields =
        ["directors", "cast", "original_language", "production_countries", "certification", "is_short"];

    private static readonly string[] CardOnlyAbsent =
        ["original_title", "also_known_as", "keywords", "spoken_languages", "production_companies", "collection", "writers", "tmdb_vote_count"];

    private async Task<JsonElement> CardAsync(object request, int movieId)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/recommend", request, MarqueeFactory.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray();
        return Assert.Single(items, i => i.GetProperty("movie_id").GetInt32() == movieId);
    }

    private static List<string?> Names(JsonElement people) =>
        people.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();

    [Fact]
    public async Task GetMovie_RichDetails_ReturnsCreditsLanguagesFranchiseAndCertification()
    {
        var client = factory.CreateClient();

        var movie = await client.GetFromJsonAsync<JsonElement>($"/movies/{RichDetailsMarqueeFactory.RichMovieId}");

        Assert.Equal("The Lord of the Rings: The Fellowship of the Ring", movie.GetProperty("title").GetString());
        Assert.Equal("The Lord of the Rings: The Fellowship of the Ring", movie.GetProperty("original_title").GetString());
        Assert.Contains("Der Herr der Ringe: Die Gefährten", movie.GetProperty("also_known_as").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["elves", "hobbit", "quest"], movie.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("en", movie.GetProperty("original_language").GetString());
        Assert.Equal(["en"], movie.GetProperty("spoken_languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["NZ", "US"], movie.GetProperty("production_countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["New Line Cinema", "WingNut Films"], movie.GetProperty("production_companies").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(119, movie.GetProperty("collection").GetProperty("id").GetInt32());
        Assert.Equal("The Lord of the Rings Collection", movie.GetProperty("collection").GetProperty("name").GetString());
        Assert.Equal("PG-13", movie.GetProperty("certification").GetProperty("rating").GetString());
        Assert.Equal("US", movie.GetProperty("certification").GetProperty("country").GetString());
        Assert.Equal(108, movie.GetProperty("directors")[0].GetProperty("tmdb_id").GetInt32());
        Assert.Equal(["Fran Walsh", "Philippa Boyens", "Peter Jackson"], Names(movie.GetProperty("writers")));
        Assert.Equal(["Elijah Wood", "Ian McKellen", "Viggo Mortensen", "Sean Astin"], Names(movie.GetProperty("cast")));
        Assert.Equal(JsonValueKind.Null, movie.GetProperty("cast")[3].GetProperty("tmdb_id").ValueKind);
        Assert.False(movie.GetProperty("is_short").GetBoolean());
        Assert.Equal(25_000, movie.GetProperty("tmdb_vote_count").GetInt32());
        Assert.Equal("https://image.tmdb.org/t/p/w1280/x2RS3uTcsJJ9IfjNPcgDmukoEcQ.jpg", movie.GetProperty("backdrop_url").GetString());
    }

    [Fact]
    public async Task Recommend_RichDetails_CardCarriesDirectorAndTopThreeCastNamesLanguageCountriesCertification()
    {
        var request = new { recommender = "baseline", genres = new[] { "Fantasy" }, year_from = 2001, year_to = 2001, k = 100 };

        var card = await CardAsync(request, RichDetailsMarqueeFactory.RichMovieId);

        Assert.Equal(["Peter Jackson"], card.GetProperty("directors").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["Elijah Wood", "Ian McKellen", "Viggo Mortensen"], card.GetProperty("cast").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("en", card.GetProperty("original_language").GetString());
        Assert.Equal(["NZ", "US"], card.GetProperty("production_countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("PG-13", card.GetProperty("certification").GetProperty("rating").GetString());
        Assert.False(card.GetProperty("is_short").GetBoolean());
        Assert.All(CardOnlyAbsent, field => Assert.False(card.TryGetProperty(field, out _), field));
    }

    [Fact]
    public async Task GetMovie_NoDetails_AnswersWithTheUnknownLeftOut()
    {
        var response = await factory.CreateClient().GetAsync($"/movies/{RichDetailsMarqueeFactory.BareMovieId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var movie = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Jumanji", movie.GetProperty("title").GetString());
        Assert.All(CardFields.Concat(CardOnlyAbsent), field => Assert.False(movie.TryGetProperty(field, out _), field));
        Assert.Equal(JsonValueKind.Null, movie.GetProperty("backdrop_url").ValueKind);
        Assert.Equal(JsonValueKind.Null, movie.GetProperty("runtime_minutes").ValueKind);
    }

    [Fact]
    public async Task Recommend_NoDetails_CardLeavesTheUnknownOut()
    {
        var request = new { recommender = "baseline", genres = new[] { "Children" }, year_from = 1995, year_to = 1995, k = 100 };

        var card = await CardAsync(request, RichDetailsMarqueeFactory.BareMovieId);

        Assert.All(CardFields, field => Assert.False(card.TryGetProperty(field, out _), field));
        Assert.Equal("Jumanji", card.GetProperty("title").GetString());
    }

    [Fact]
    public async Task GetMovie_MetadataDumpOnly_HasRuntimeButNoCredits()
    {
        var movie = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/movies/1");

        Assert.Equal("Toy Story", movie.GetProperty("title").GetString());
        Assert.False(movie.GetProperty("is_short").GetBoolean());
        Assert.False(movie.TryGetProperty("directors", out _));
        Assert.False(movie.TryGetProperty("collection", out _));
    }

    [Fact]
    public async Task OpenApi_MovieDetail_DescribesTheNewFields()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var detail = schemas.GetProperty("MovieDetailResponse").GetProperty("properties");
        Assert.True(detail.TryGetProperty("directors", out _));
        Assert.True(detail.TryGetProperty("collection", out _));
        Assert.Contains("ISO 639-1", detail.GetProperty("original_language").GetProperty("description").GetString());
        var card = schemas.GetProperty("MovieResponse").GetProperty("properties");
        Assert.True(card.TryGetProperty("certification", out _));
        Assert.True(card.TryGetProperty("directors", out _));
    }
}
