using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Marquee.Server.Tests.Api;

public sealed class AdminApiTests(TrainedMarqueeFactory factory) : IClassFixture<TrainedMarqueeFactory>
{
    private HttpClient Admin()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", MarqueeFactory.AdminKey);
        return client;
    }

    [Fact]
    public async Task Health_WithPromotedModel_IsOkWithCf()
    {
        var health = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.EndsWith("-ease", health.GetProperty("model_version").GetString());
        Assert.Contains("cf", health.GetProperty("recommenders").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task AdminEndpoints_WithoutTheKey_Return401(string? key)
    {
        var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/admin/models")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/admin/retrain", null)).StatusCode);
    }

    [Fact]
    public async Task Metrics_TakeTheKeyAsBearerToken_ForScrapers()
    {
        var scraper = factory.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", MarqueeFactory.AdminKey);
        var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "wrong-key");

        Assert.Equal(HttpStatusCode.OK, (await scraper.GetAsync("/metrics")).StatusCode);
        var refused = await wrong.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AdminEndpoints_WithoutAConfiguredKey_Return403Disabled()
    {
        using var keyless = factory.WithWebHostBuilder(b => b.UseSetting("Marquee:AdminApiKey", ""));
        var client = keyless.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "anything");

        var response = await client.GetAsync("/admin/models");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Admin API disabled", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Retrain_ThenPromoteAndRollback_SwapsTheServedModel()
    {
        var admin = Admin();
        var before = (await admin.GetFromJsonAsync<JsonElement>("/health")).GetProperty("model_version").GetString();

        var accepted = await admin.PostAsJsonAsync("/admin/retrain", new { algorithm = "itemknn" });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await WaitForJobAsync(admin, accepted.Headers.Location!.ToString());

        // ItemKNN validates far below EASE: trained and registered, but the quality gate keeps EASE.
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.False(job.GetProperty("promoted").GetBoolean());
        Assert.Contains("quality gate", job.GetProperty("decision").GetString());
        var itemknn = job.GetProperty("model_version").GetString()!;
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/health")).GetProperty("model_version").GetString());

        var promoted = await admin.PostAsync($"/admin/models/{itemknn}/promote", null);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(itemknn, (await admin.GetFromJsonAsync<JsonElement>("/health")).GetProperty("model_version").GetString());
        var models = await admin.GetFromJsonAsync<JsonElement>("/admin/models");
        Assert.Contains(models.EnumerateArray(), m => m.GetProperty("version").GetString() == itemknn && m.GetProperty("is_serving").GetBoolean());

        var rolledBack = await admin.PostAsync("/admin/models/rollback", null);
        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/health")).GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task Metrics_WithKey_ExportsPrometheusTextIncludingProductCounters()
    {
        var (session, userId) = await factory.CreateSessionClientAsync();
        (await session.PostAsJsonAsync("/feedback", new { user_id = userId, movie_id = 1, action = "like" }, MarqueeFactory.Json)).EnsureSuccessStatusCode();
        (await factory.CreateClient().PostAsJsonAsync("/recommend", new { k = 5 }, MarqueeFactory.Json)).EnsureSuccessStatusCode();

        var anonymous = await factory.CreateClient().GetAsync("/metrics");
        var text = await Admin().GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("marquee_feedback", text);
        Assert.Contains("marquee_recommendations", text);
        Assert.Contains("http_server_request_duration", text);
    }

    [Fact]
    public async Task Promote_UnknownVersion_Returns404()
    {
        var response = await Admin().PostAsync("/admin/models/nope/promote", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Retrain_UnknownAlgorithm_Returns400()
    {
        var response = await Admin().PostAsJsonAsync("/admin/retrain", new { algorithm = "magic" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Similar_WithModel_ComesFromTheModel()
    {
        var similar = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/movies/1/similar?k=5");

        Assert.Equal("ease+content", similar.GetProperty("method").GetString());
        var items = similar.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.DoesNotContain(items, i => i.GetProperty("movie_id").GetInt32() == 1);
    }

    private static async Task<JsonElement> WaitForJobAsync(HttpClient admin, string location)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = await admin.GetFromJsonAsync<JsonElement>(location);
            if (job.GetProperty("status").GetString() != "running")
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the training job did not finish");
    }
}
