using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marquee.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Marquee.Server.Tests.Hardening;

/// <summary>The server over real Kestrel (body limits are Kestrel's) with small write limits.</summary>
public class LimitedMarqueeFactory : MarqueeFactory
{
    public const int PerSession = 5;
    public const int PerAddress = 8;
    public const int Documents = 3;

    public LimitedMarqueeFactory() => UseKestrel(0);

    protected virtual bool TrustLoopbackProxy => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Marquee:RateLimits:WritesPerSessionPerMinute", PerSession.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Marquee:RateLimits:WritesPerAddressPerMinute", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Marquee:RateLimits:DocumentsPerMinute", Documents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (TrustLoopbackProxy)
        {
            builder.UseSetting("Marquee:ForwardedHeaders:KnownProxies", "127.0.0.1, ::1");
        }
    }

    /// <summary>A session whose requests seem to come from <paramref name="address"/> (forwarded by the local proxy).</summary>
    public async Task<(HttpClient Client, string UserId)> SessionFromAsync(string address)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        var session = await (await client.PostAsync("/sessions", null)).Content.ReadFromJsonAsync<JsonElement>(Json);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.GetProperty("token").GetString());
        return (client, session.GetProperty("user_id").GetString()!);
    }
}

public sealed class UntrustedProxyMarqueeFactory : LimitedMarqueeFactory
{
    protected override bool TrustLoopbackProxy => false;
}

public sealed class LimitsTests(LimitedMarqueeFactory factory) : IClassFixture<LimitedMarqueeFactory>
{
    private static Task<HttpResponseMessage> LikeAsync(HttpClient client, string userId, int movieId) =>
        client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = movieId, action = "like" }, MarqueeFactory.Json);

    [Fact]
    public async Task Feedback_HugeContextStrings_AreRefusedNotStored()
    {
        var (client, userId) = await factory.SessionFromAsync("203.0.113.1");

        var huge = await client.PostAsJsonAsync("/feedback", new
        {
            user_id = userId, movie_id = 1, action = "like", context = new { recommender = new string('x', 200_000) },
        }, MarqueeFactory.Json);
        var long_ = await client.PostAsJsonAsync("/feedback", new
        {
            user_id = userId, movie_id = 1, action = "like", context = new { recommender = new string('x', 100), model_version = new string('v', 500) },
        }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("application/problem+json", huge.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, long_.StatusCode);
        var errors = (await long_.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("context.recommender", out _));
        Assert.True(errors.TryGetProperty("context.model_version", out _));
        var stored = await client.GetFromJsonAsync<JsonElement>($"/users/{userId}/feedback");
        Assert.Equal(0, stored.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Recommend_BodyOverItsCap_Returns413()
    {
        var body = new StringContent("{\"query\":\"" + new string('a', 40_000) + "\"}", Encoding.UTF8, "application/json");

        var response = await factory.CreateClient().PostAsync("/recommend", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Writes_PastThePerSessionLimit_Return429WithRetryAfter()
    {
        var (client, userId) = await factory.SessionFromAsync("203.0.113.2");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < LimitedMarqueeFactory.PerSession + 2; i++)
        {
            var response = await LikeAsync(client, userId, i + 1);
            statuses.Add(response.StatusCode);
            rejected ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(LimitedMarqueeFactory.PerSession, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.NotNull(rejected);
        Assert.True(rejected!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        // Reads are not writes: the session still reads its history.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/users/{userId}/feedback")).StatusCode);
    }

    [Fact]
    public async Task Writes_FromManySessionsOfOneAddress_HitThePerAddressLimit()
    {
        var created = 0;
        var rejected = 0;
        for (var s = 0; s < 4; s++)
        {
            var (client, userId) = await factory.SessionFromAsync("203.0.113.3");
            for (var i = 0; i < 3; i++)
            {
                var status = (await LikeAsync(client, userId, i + 1)).StatusCode;
                created += status == HttpStatusCode.Created ? 1 : 0;
                rejected += status == HttpStatusCode.TooManyRequests ? 1 : 0;
            }
        }
        var (other, otherUser) = await factory.SessionFromAsync("203.0.113.4");

        Assert.Equal(LimitedMarqueeFactory.PerAddress, created);
        Assert.Equal(12 - LimitedMarqueeFactory.PerAddress, rejected);
        Assert.Equal(HttpStatusCode.Created, (await LikeAsync(other, otherUser, 1)).StatusCode);
    }

    [Fact]
    public async Task OpenApi_IsServedFromCacheAndRateLimited()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.5");

        var first = await client.GetAsync("/openapi/v1.json");
        var second = await client.GetAsync("/openapi/v1.json");
        var third = await client.GetAsync("/openapi/v1.json");
        var fourth = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.NotNull(fourth.Headers.RetryAfter);
    }
}

public sealed class UntrustedProxyTests(UntrustedProxyMarqueeFactory factory) : IClassFixture<UntrustedProxyMarqueeFactory>
{
    [Fact]
    public async Task ForwardedFor_FromAnUntrustedProxy_DoesNotBuyANewBucket()
    {
        var statuses = new List<HttpStatusCode>();
        for (var s = 0; s < 4; s++)
        {
            // Each session claims another address; none is believed, so all share the connection's bucket.
            var (client, userId) = await factory.SessionFromAsync($"198.51.100.{s + 1}");
            for (var i = 0; i < 3; i++)
            {
                statuses.Add((await client.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = i + 1, action = "like" }, MarqueeFactory.Json)).StatusCode);
            }
        }

        Assert.Equal(LimitedMarqueeFactory.PerAddress, statuses.Count(s => s == HttpStatusCode.Created));
    }
}
