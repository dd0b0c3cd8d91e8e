using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Marquee.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public class FeedbackApiTests(MarqueeFactory factory)
{
    [Fact]
    public async Task PostFeedback_WithToken_Returns201AndIsStoredInTheSqliteFile()
    {
        var (client, userId) = await factory.CreateSessionClientAsync();

        var response = await client.PostAsJsonAsync("/feedback", new
        {
            user_id = userId, movie_id = 1, action = "like",
            context = new { query = "cozy", recommender = "baseline", model_version = "baseline", position = 3 },
        }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt64();
        Assert.True(body.TryGetProperty("stored_at", out _));
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id || '/' || movie_id || '/' || action || '/' || position FROM feedback WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        Assert.Equal($"{userId}/1/like/3", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task PostFeedback_WithoutToken_Returns401()
    {
        var (_, userId) = await factory.CreateSessionClientAsync();

        var response = await factory.CreateClient().PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = 1, action = "like" }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostFeedback_AnotherUsersToken_Returns403()
    {
        var (_, victim) = await factory.CreateSessionClientAsync();
        var (attacker, _) = await factory.CreateSessionClientAsync();

        var response = await attacker.PostAsJsonAsync("/feedback", new { user_id = victim, movie_id = 1, action = "like" }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PostFeedback_ForgedToken_Returns401()
    {
        var (_, userId) = await factory.CreateSessionClientAsync();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "forged");

        var response = await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = 1, action = "like" }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostFeedback_UnknownMovie_Returns404Problem()
    {
        var (client, userId) = await factory.CreateSessionClientAsync();

        var response = await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = 987654321, action = "like" }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("love", "action")]
    [InlineData(null, "action")]
    public async Task PostFeedback_BadAction_Returns400(string? action, string field)
    {
        var (client, userId) = await factory.CreateSessionClientAsync();

        var response = await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = 1, action }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task PostFeedback_InvalidFields_AreNamedAsTheClientSentThem()
    {
        var (client, _) = await factory.CreateSessionClientAsync();

        var response = await client.PostAsJsonAsync("/feedback", new { action = "like", context = new { position = -1, page_id = new string('p', 101) } },
            MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["context.page_id", "context.position", "movie_id", "user_id"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("must not be negative", errors.GetProperty("context.position")[0].GetString());
        Assert.Equal("is required", errors.GetProperty("user_id")[0].GetString());
    }

    [Fact]
    public async Task PostFeedback_EmptyBody_Returns400NamingTheBody()
    {
        var (client, _) = await factory.CreateSessionClientAsync();

        var response = await client.PostAsync("/feedback", new StringContent("", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("FeedbackRequest", text);
        Assert.Contains("is required", JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty("body")[0].GetString());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    public async Task ListFeedback_LimitOutOfRange_Returns400NamingLimit(string query)
    {
        var (client, userId) = await factory.CreateSessionClientAsync();

        var response = await client.GetAsync($"/users/{userId}/feedback?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("must be between 1 and 500", errors.GetProperty("limit")[0].GetString());
    }

    [Fact]
    public async Task PostFeedback_SameIdempotencyKeyTwice_StoresOneEvent()
    {
        var (client, userId) = await factory.CreateSessionClientAsync();
        var body = new { user_id = userId, movie_id = 2, action = "dislike" };

        async Task<HttpResponseMessage> Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/feedback") { Content = JsonContent.Create(body, options: MarqueeFactory.Json) };
            request.Headers.Add("Idempotency-Key", "swipe-42");
            return await client.SendAsync(request);
        }

        var first = await Send();
        var second = await Send();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(firstId, secondId);
        var list = await client.GetFromJsonAsync<JsonElement>($"/users/{userId}/feedback");
        Assert.Single(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ListFeedback_OwnToken_ReturnsNewestFirstWithMovies_OthersForbidden()
    {
        var (client, userId) = await factory.CreateSessionClientAsync();
        foreach (var (movie, action) in new[] { (1, "like"), (2, "skip"), (3, "superlike") })
        {
            (await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = movie, action }, MarqueeFactory.Json)).EnsureSuccessStatusCode();
        }

        var list = await client.GetFromJsonAsync<JsonElement>($"/users/{userId}/feedback");
        var (other, _) = await factory.CreateSessionClientAsync();
        var forbidden = await other.GetAsync($"/users/{userId}/feedback");
        var anonymous = await factory.CreateClient().GetAsync($"/users/{userId}/feedback");

        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([3, 2, 1], items.Select(i => i.GetProperty("movie_id").GetInt32()));
        Assert.Equal("Toy Story", items[2].GetProperty("movie").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Recommend_AfterLikes_ExcludesSwipedMovies()
    {
        var (client, userId) = await factory.CreateSessionClientAsync();
        var first = await (await client.PostAsJsonAsync("/recommend", new { user_id = userId, k = 3 }, MarqueeFactory.Json)).Content.ReadFromJsonAsync<JsonElement>();
        var swiped = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("movie_id").GetInt32()).ToList();
        foreach (var movie in swiped)
        {
            (await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = movie, action = "like" }, MarqueeFactory.Json)).EnsureSuccessStatusCode();
        }

        var next = await (await client.PostAsJsonAsync("/recommend", new { user_id = userId, k = 20 }, MarqueeFactory.Json)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.DoesNotContain(next.GetProperty("items").EnumerateArray(), i => swiped.Contains(i.GetProperty("movie_id").GetInt32()));
    }

    [Fact]
    public async Task Watchlist_PutGetDelete_RoundTrips()
    {
        var (client, userId) = await factory.CreateSessionClientAsync();

        var put = await client.PutAsync($"/users/{userId}/watchlist/1", null);
        var again = await client.PutAsync($"/users/{userId}/watchlist/1", null);
        var list = await client.GetFromJsonAsync<JsonElement>($"/users/{userId}/watchlist");
        var delete = await client.DeleteAsync($"/users/{userId}/watchlist/1");
        var gone = await client.GetAsync($"/users/{userId}/watchlist/1");
        var unknown = await client.PutAsync($"/users/{userId}/watchlist/987654321", null);

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, list.GetProperty("items")[0].GetProperty("movie_id").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
