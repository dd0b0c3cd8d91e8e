using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marquee.Server.Tests.Support;

namespace Marquee.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public class RecommendApiTests(MarqueeFactory factory)
{
    private async Task<JsonElement> RecommendAsync(object body, HttpClient? client = null)
    {
        var response = await (client ?? factory.CreateClient()).PostAsJsonAsync("/recommend", body, MarqueeFactory.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Recommend_Baseline_TopTenAreWellKnownAndWellRated()
    {
        var result = await RecommendAsync(new { recommender = "baseline", k = 10 });

        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        Assert.Equal("baseline", result.GetProperty("recommender").GetString());
        Assert.All(items, item =>
        {
            Assert.True(item.GetProperty("rating_count").GetInt32() >= 20, item.GetProperty("title").GetString());
            Assert.True(item.GetProperty("rating").GetDouble() >= 4.0, item.GetProperty("title").GetString());
            Assert.NotEmpty(item.GetProperty("reasons").EnumerateArray());
        });
        Assert.Contains(items, i => i.GetProperty("title").GetString() == "The Shawshank Redemption");
    }

    [Theory]
    [InlineData("Horror", 1980, 1999, 3.5, null)]
    [InlineData("Comedy", 2000, 2009, 3.0, 100)]
    [InlineData("Documentary", null, null, 4.0, null)]
    [InlineData("Animation", 1990, null, null, 90)]
    public async Task Recommend_FilterCombinations_HoldOnEveryItem(string genre, int? yearFrom, int? yearTo, double? minRating, int? maxRuntime)
    {
        var result = await RecommendAsync(new
        {
            genres = new[] { genre }, year_from = yearFrom, year_to = yearTo, min_rating = minRating,
            max_runtime = maxRuntime, exclude_genres = new[] { "Musical" }, k = 50,
        });

        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var genres = item.GetProperty("genres").EnumerateArray().Select(g => g.GetString()).ToList();
            Assert.Contains(genre, genres);
            Assert.DoesNotContain("Musical", genres);
            var year = item.GetProperty("year").GetInt32();
            Assert.True(yearFrom is null || year >= yearFrom);
            Assert.True(yearTo is null || year <= yearTo);
            Assert.True(minRating is null || item.GetProperty("rating").GetDouble() >= minRating);
            Assert.True(maxRuntime is null || item.GetProperty("runtime_minutes").GetInt32() <= maxRuntime);
        }
    }

    [Fact]
    public async Task Recommend_ExcludedIds_AreNeverReturned()
    {
        var first = await RecommendAsync(new { k = 5 });
        var ids = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("movie_id").GetInt32()).ToArray();

        var second = await RecommendAsync(new { k = 20, exclude_movie_ids = ids });

        Assert.DoesNotContain(second.GetProperty("items").EnumerateArray(), i => ids.Contains(i.GetProperty("movie_id").GetInt32()));
    }

    [Theory]
    [InlineData("""{"k":0}""", "k")]
    [InlineData("""{"k":101}""", "k")]
    [InlineData("""{"k":"ten"}""", "k")]
    [InlineData("""{"genres":["Horrror"]}""", "genres")]
    [InlineData("""{"exclude_genres":["Nope"]}""", "exclude_genres")]
    [InlineData("""{"year_from":2000,"year_to":1990}""", "year_from")]
    [InlineData("""{"min_rating":7}""", "min_rating")]
    [InlineData("""{"recommender":"magic"}""", "recommender")]
    [InlineData("""{"max_runtime":-5}""", "max_runtime")]
    [InlineData("""{"genres":"Comedy"}""", "genres")]
    [InlineData("""{bad""", "body")]
    public async Task Recommend_BadInput_Returns400NamingTheField(string body, string field)
    {
        var response = await factory.CreateClient().PostAsync("/recommend", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Recommend_QueryOver500Characters_Returns400()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/recommend", new { query = new string('a', 501) }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("query", out _));
    }

    [Fact]
    public async Task Recommend_MovieLensUser_ExcludesMoviesTheUserRated()
    {
        var result = await RecommendAsync(new { user_id = "1", k = 50 });

        var ids = result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("movie_id").GetInt32()).ToList();
        Assert.DoesNotContain(1, ids); // user 1 rated Toy Story
        Assert.DoesNotContain(356, ids); // and Forrest Gump
    }

    [Fact]
    public async Task Recommend_AnonymousUserWithoutToken_Returns401()
    {
        var (_, userId) = await factory.CreateSessionClientAsync();

        var response = await factory.CreateClient().PostAsJsonAsync("/recommend", new { user_id = userId }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Recommend_UnknownUser_Returns404()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/recommend", new { user_id = "999999" }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
