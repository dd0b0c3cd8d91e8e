using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Tests.Support;

namespace Marquee.Server.Tests.Api;

/// <summary>Real-time personalisation through the API: swipes change the very next page, no retraining.</summary>
public sealed class PersonalizationTests(TrainedMarqueeFactory factory) : IClassFixture<TrainedMarqueeFactory>
{
    // Toy Story, Monsters, Inc., Finding Nemo, The Incredibles, WALL·E.
    private static readonly int[] Pixar = [1, 4886, 6377, 8961, 60069];

    [Theory]
    [InlineData("cf")]
    [InlineData("auto")]
    public async Task FivePixarLikes_NextPageIsMostlyAnimatedOrFamily(string recommender)
    {
        var (client, userId) = await factory.CreateSessionClientAsync();
        foreach (var movie in Pixar)
        {
            (await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = movie, action = "like" }, MarqueeFactory.Json)).EnsureSuccessStatusCode();
        }

        var page = await (await client.PostAsJsonAsync("/recommend", new { user_id = userId, recommender, k = 10 }, MarqueeFactory.Json))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("cf", page.GetProperty("recommender").GetString());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        Assert.DoesNotContain(items, i => Pixar.Contains(i.GetProperty("movie_id").GetInt32()));
        var family = items.Count(i => i.GetProperty("genres").EnumerateArray().Any(g => g.GetString() is "Animation" or "Children"));
        Assert.True(family >= 6, string.Join("; ", items.Select(i => i.GetProperty("title").GetString())));
        Assert.Contains(items, i => i.GetProperty("reasons").EnumerateArray().Any(r => r.GetString()!.StartsWith("Because you liked", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OneMoreSwipe_ChangesTheNextPage()
    {
        var (client, userId) = await factory.CreateSessionClientAsync();
        (await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = 1, action = "like" }, MarqueeFactory.Json)).EnsureSuccessStatusCode();
        var before = await Ids(client, userId);

        // Liking a horror classic pulls the next page somewhere else at once.
        (await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = 1258, action = "superlike" }, MarqueeFactory.Json)).EnsureSuccessStatusCode();
        var after = await Ids(client, userId);

        Assert.NotEqual(before, after);
        Assert.DoesNotContain(1258, after);
    }

    [Fact]
    public async Task Dislike_RemovesTheMovieAndIsNotTakenAsTaste()
    {
        var (client, userId) = await factory.CreateSessionClientAsync();
        var first = await Ids(client, userId);
        (await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = first[0], action = "dislike" }, MarqueeFactory.Json)).EnsureSuccessStatusCode();

        var page = await (await client.PostAsJsonAsync("/recommend", new { user_id = userId, recommender = "cf", k = 10 }, MarqueeFactory.Json))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("movie_id").GetInt32() == first[0]);
        // Only a dislike: nothing positive to personalise from, so cf falls back and says why.
        Assert.Equal("baseline", page.GetProperty("recommender").GetString());
        Assert.False(string.IsNullOrEmpty(page.GetProperty("fallback_reason").GetString()));
    }

    [Fact]
    public async Task MovieLensUser_CfPage_HasPredictedOrExplainedPicks()
    {
        var page = await (await factory.CreateClient().PostAsJsonAsync("/recommend", new { user_id = "1", recommender = "cf", k = 10 }, MarqueeFactory.Json))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("cf", page.GetProperty("recommender").GetString());
        Assert.EndsWith("-ease", page.GetProperty("model_version").GetString());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        // "You'd rate it ~4.3": every pick carries a predicted rating on the star scale.
        Assert.All(items, i => Assert.InRange(i.GetProperty("predicted_rating").GetDouble(), 0.5, 5.0));
    }

    [Fact]
    public async Task Session_AfterLikes_GetsPredictedRatingsFromItsSwipes()
    {
        var (client, userId) = await factory.CreateSessionClientAsync();
        foreach (var movie in Pixar)
        {
            (await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = movie, action = "superlike" }, MarqueeFactory.Json)).EnsureSuccessStatusCode();
        }

        var page = await (await client.PostAsJsonAsync("/recommend", new { user_id = userId, k = 5 }, MarqueeFactory.Json))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.InRange(i.GetProperty("predicted_rating").GetDouble(), 0.5, 5.0));
    }

    private static async Task<int[]> Ids(HttpClient client, string userId)
    {
        var page = await (await client.PostAsJsonAsync("/recommend", new { user_id = userId, recommender = "auto", k = 10 }, MarqueeFactory.Json))
            .Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("movie_id").GetInt32()).ToArray();
    }
}
