using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marquee.Server.Services;
using Marquee.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Marquee.Server.Tests.Hardening;

[Collection(ServerCollection.Name)]
public sealed class ApiEdgesTests(MarqueeFactory factory)
{
    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Feedback_IdempotencyKeyReusedForAnotherEvent_Returns409()
    {
        var (client, userId) = await factory.CreateSessionClientAsync();
        client.DefaultRequestHeaders.Add("Idempotency-Key", "swipe-1");

        var first = await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = 1, action = "like" }, MarqueeFactory.Json);
        var same = await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = 1, action = "like" }, MarqueeFactory.Json);
        var other = await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = 2, action = "dislike" }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("Idempotency-Key", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/recommend", "{\"k\":\"abc\"}", "k", "whole number")]
    [InlineData("/recommend", "{\"min_rating\":\"high\"}", "min_rating", "a number")]
    [InlineData("/recommend", "{\"genres\":\"Comedy\"}", "genres", "list of strings")]
    [InlineData("/recommend", "[1,2]", "body", "JSON object")]
    [InlineData("/feedback", "{\"movie_id\":\"one\"}", "movie_id", "whole number")]
    [InlineData("/feedback", "{\"context\":5}", "context", "JSON object")]
    public async Task BadlyTypedBodies_AreExplainedInTheRequestsOwnTerms(string path, string json, string field, string expected)
    {
        var response = await PostJsonAsync(factory.CreateClient(), path, json);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("Marquee.", text);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.Contains(expected, errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Recommend_OverlongUserId_Returns400NamingIt()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/recommend", new { user_id = "u_" + new string('f', 5000) }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("user_id", out _));
    }

    [Fact]
    public async Task Health_AnswersHead()
    {
        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("OPTIONS", "/recommend")]
    [InlineData("PATCH", "/feedback")]
    [InlineData("TRACE", "/genres")]
    [InlineData("DELETE", "/health")]
    public async Task ApiRoutes_WithAnotherMethod_Return405WithAllow(string method, string path)
    {
        using var ui = new TempDirectory();
        ui.Write("index.html", "<!doctype html><title>Marquee</title>");
        // With the UI built, its fallback route catches every unknown request: the 405 must survive it.
        using var withUi = factory.WithWebHostBuilder(b => b.UseSetting("Marquee:UiDir", ui.Path));
        foreach (var client in new[] { factory.CreateClient(), withUi.CreateClient() })
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.NotEmpty(response.Content.Headers.Allow);
        }
    }

    [Fact]
    public async Task UnknownBearerToken_IsLookedUpOnlyWhereASessionCountsAndThenRemembered()
    {
        var metrics = factory.Services.GetRequiredService<MarqueeMetrics>();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "unknown-" + Guid.NewGuid());
        var before = metrics.SessionLookups;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        }
        var afterHealth = metrics.SessionLookups;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/users/u_0123456789abcdef/watchlist")).StatusCode);
        }

        Assert.Equal(before, afterHealth);
        Assert.Equal(before + 1, metrics.SessionLookups);
    }

    [Fact]
    public async Task SessionIds_UnknownAndExisting_AreAnsweredAlike()
    {
        var (_, existing) = await factory.CreateSessionClientAsync();
        var (other, _) = await factory.CreateSessionClientAsync();
        var anonymous = factory.CreateClient();

        var anonymousExisting = await anonymous.PostAsJsonAsync("/recommend", new { user_id = existing }, MarqueeFactory.Json);
        var anonymousUnknown = await anonymous.PostAsJsonAsync("/recommend", new { user_id = "u_00000000deadbeef" }, MarqueeFactory.Json);
        var otherExisting = await other.PostAsJsonAsync("/recommend", new { user_id = existing }, MarqueeFactory.Json);
        var otherUnknown = await other.PostAsJsonAsync("/recommend", new { user_id = "u_00000000deadbeef" }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousExisting.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherExisting.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherUnknown.StatusCode);
    }

    [Fact]
    public async Task Sessions_RotateAndEnd_RetireTheOldToken()
    {
        var (client, userId) = await factory.CreateSessionClientAsync();
        var oldToken = client.DefaultRequestHeaders.Authorization!.Parameter;

        var rotated = await client.PostAsync("/sessions/rotate", null);
        var newToken = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var withOld = await client.GetAsync($"/users/{userId}/watchlist");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", newToken);
        var withNew = await client.GetAsync($"/users/{userId}/watchlist");
        var ended = await client.DeleteAsync("/sessions/current");
        var afterEnd = await client.GetAsync($"/users/{userId}/watchlist");

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(oldToken, newToken);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterEnd.StatusCode);
    }

    [Fact]
    public async Task Watchlist_ConcurrentPutAndDelete_NeverAnswers5xx()
    {
        var (client, userId) = await factory.CreateSessionClientAsync();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 250), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, cancellationToken) =>
        {
            var put = client.PutAsync($"/users/{userId}/watchlist/1", null, cancellationToken);
            var delete = client.DeleteAsync($"/users/{userId}/watchlist/1", cancellationToken);
            statuses.Add((await put).StatusCode);
            statuses.Add((await delete).StatusCode);
        });

        Assert.DoesNotContain(statuses, s => (int)s >= 500);
    }
}
