using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Tests.Support;

namespace Marquee.Server.Tests.Intent;

/// <summary>Moods, title search and free-text wishes through the real API on ml-latest-small.</summary>
[Collection(ServerCollection.Name)]
public class IntentApiTests(MarqueeFactory factory)
{
    private async Task<JsonElement> RecommendAsync(object body)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/recommend", body, MarqueeFactory.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();

    [Fact]
    public async Task GetMoods_ListsTheVocabularyForChips()
    {
        var moods = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/moods");

        var list = moods.EnumerateArray().ToList();
        Assert.True(list.Count >= 15);
        Assert.Equal(list.Count, list.Select(m => m.GetProperty("name").GetString()).Distinct().Count());
        var cozy = list.Single(m => m.GetProperty("name").GetString() == "cozy");
        Assert.Equal("Cozy", cozy.GetProperty("label").GetString());
        Assert.False(string.IsNullOrEmpty(cozy.GetProperty("emoji").GetString()));
        Assert.False(string.IsNullOrEmpty(cozy.GetProperty("description").GetString()));
        Assert.Equal("Comedy", Strings(cozy, "genres")[0]);
        Assert.Contains("Horror", Strings(cozy, "exclude_genres"));
    }

    [Fact]
    public async Task Recommend_EveryMoodChip_IsAccepted()
    {
        var moods = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/moods");

        foreach (var mood in moods.EnumerateArray().Select(m => m.GetProperty("name").GetString()!))
        {
            var body = await RecommendAsync(new { moods = new[] { mood }, k = 5 });
            Assert.Equal([mood], Strings(body.GetProperty("intent"), "moods"));
            Assert.Equal(5, body.GetProperty("items").GetArrayLength());
        }
    }

    [Fact]
    public async Task Recommend_CozyChip_RulesOutHorrorAndExplainsTheMatch()
    {
        var body = await RecommendAsync(new { moods = new[] { "cozy" }, k = 10 });

        Assert.Contains("Horror", Strings(body.GetProperty("intent"), "exclude_genres"));
        Assert.All(body.GetProperty("items").EnumerateArray(), item =>
        {
            Assert.DoesNotContain("Horror", Strings(item, "genres"));
            Assert.Contains(Strings(item, "reasons"), r => r.StartsWith("Matches 'cozy'", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Recommend_UnknownMood_Is400NamingTheField()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/recommend", new { moods = new[] { "cozy", "sleepy-ish" } }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("sleepy-ish", problem.GetProperty("errors").GetProperty("moods")[0].GetString());
    }

    [Fact]
    public async Task Recommend_Reference_ReportsItAndNeverReturnsIt()
    {
        var body = await RecommendAsync(new { query = "something like the matrix but funny", k = 10 });

        var intent = body.GetProperty("intent");
        Assert.Equal([2571], intent.GetProperty("reference_movie_ids").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(["funny"], Strings(intent, "moods"));
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.DoesNotContain(items, i => i.GetProperty("movie_id").GetInt32() == 2571);
        Assert.Contains(items, i => Strings(i, "reasons").Any(r => r.StartsWith("Like The Matrix", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Recommend_ExplicitFilters_WinOverTheWish()
    {
        var body = await RecommendAsync(new { query = "80s horror", year_from = 1990, genres = new[] { "Comedy" }, k = 10 });

        var intent = body.GetProperty("intent");
        Assert.Equal(1990, intent.GetProperty("year_from").GetInt32());
        Assert.Equal(JsonValueKind.Null, intent.GetProperty("year_to").ValueKind);
        Assert.All(body.GetProperty("items").EnumerateArray(), item =>
        {
            Assert.Contains("Comedy", Strings(item, "genres"));
            Assert.True(item.GetProperty("year").GetInt32() >= 1990);
        });
    }

    [Fact]
    public async Task Recommend_Keyword_FindsFilmsAboutIt()
    {
        var body = await RecommendAsync(new { query = "dinosaurs", k = 5 });

        Assert.Equal(["dinosaurs"], Strings(body.GetProperty("intent"), "keywords"));
        Assert.Contains(body.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString()!.StartsWith("Jurassic Park", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("気分が良い映画 😂")]
    [InlineData("película de terror 🎃")]
    [InlineData("\u202Eevil bidi\u202C and emoji 👨‍👩‍👧")]
    public async Task Recommend_NonEnglishOrEmojiQuery_Answers(string query)
    {
        var body = await RecommendAsync(new { query, k = 5 });

        Assert.Equal(5, body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Recommend_QueryOf500Characters_IsAccepted_501IsNot()
    {
        var client = factory.CreateClient();
        var query = new string('a', 495) + " cozy";

        var ok = await client.PostAsJsonAsync("/recommend", new { query, k = 1 }, MarqueeFactory.Json);
        var tooLong = await client.PostAsJsonAsync("/recommend", new { query = query + "!", k = 1 }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("query", out _));
    }

    [Theory]
    [InlineData("matirx", 2571)]
    [InlineData("the matrix", 2571)]
    [InlineData("toy stor", 1)]
    [InlineData("godfater", 858)]
    [InlineData("shawshank", 318)]
    [InlineData("amelie", 4973)]
    public async Task SearchMovies_ToleratesTyposAndPrefixes(string q, int expected)
    {
        var body = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/movies/search?q={Uri.EscapeDataString(q)}&limit=5");

        Assert.Equal(q, body.GetProperty("query").GetString());
        Assert.Equal(expected, body.GetProperty("items")[0].GetProperty("movie_id").GetInt32());
    }

    [Fact]
    public async Task SearchMovies_NothingClose_IsAnEmptyList()
    {
        var body = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/movies/search?q=qqqxxxzzz");

        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/movies/search", "q")]
    [InlineData("/movies/search?q=%20", "q")]
    [InlineData("/movies/search?q=heat&limit=0", "limit")]
    [InlineData("/movies/search?q=heat&limit=51", "limit")]
    [InlineData("/movies/search?q=heat&limit=abc", "limit")]
    public async Task SearchMovies_BadInput_Is400NamingTheField(string url, string field)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}
