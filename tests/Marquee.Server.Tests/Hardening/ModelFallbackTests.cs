using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Services;
using Marquee.Server.Tests.Support;
using Marquee.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Marquee.Server.Tests.Hardening;

/// <summary>A corrupt model never becomes current over the API, and one made current elsewhere never takes the server down.</summary>
public sealed class ModelFallbackTests(TrainedMarqueeFactory factory) : IClassFixture<TrainedMarqueeFactory>
{
    private async Task<string> TrainCorruptAlsAsync()
    {
        var training = factory.Services.GetRequiredService<TrainingService>();
        var outcome = await training.TrainAsync(factory.DataDir, factory.ArtifactsDir, "als");
        var factors = Path.Combine(TrainingService.ModelsDirectory(factory.ArtifactsDir), outcome.Manifest.Version, "item_factors.npy");
        var bytes = await File.ReadAllBytesAsync(factors);
        await File.WriteAllBytesAsync(factors, bytes[..(bytes.Length / 3)]);
        return outcome.Manifest.Version;
    }

    [Fact]
    public async Task CorruptModel_IsRefusedByPromoteAndSurvivedAtStart()
    {
        var registry = factory.Services.GetRequiredService<ModelRegistry>();
        var good = (await registry.GetCurrentAsync())!.Version;
        var corrupt = await TrainCorruptAlsAsync();
        if ((await registry.GetCurrentAsync())!.Version != good)
        {
            await registry.RollbackAsync(); // the quality gate promoted it: start from the good one again
        }
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", MarqueeFactory.AdminKey);

        var promoted = await admin.PostAsync($"/admin/models/{corrupt}/promote", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, promoted.StatusCode);
        Assert.Contains("item_factors.npy", await promoted.Content.ReadAsStringAsync());
        Assert.Equal(good, (await registry.GetCurrentAsync())!.Version);

        // Another instance (or an older CLI) makes it current anyway; this server keeps serving the good one...
        await registry.PromoteAsync(corrupt, "promoted without validation");
        await factory.Services.GetRequiredService<RecommenderHost>().ReloadAsync();
        var health = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal(good, health.GetProperty("model_version").GetString());
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Contains(corrupt, health.GetProperty("model_problem").GetString());

        // ...and a fresh start over the same database serves the last good promotion and says why.
        using var restarted = factory.WithWebHostBuilder(_ => { });
        var client = restarted.CreateClient();
        var afterRestart = await client.GetFromJsonAsync<JsonElement>("/health");
        var recommend = await client.PostAsJsonAsync("/recommend", new { user_id = "1", recommender = "cf", k = 5 }, MarqueeFactory.Json);

        Assert.Equal(good, afterRestart.GetProperty("model_version").GetString());
        Assert.Contains(corrupt, afterRestart.GetProperty("model_problem").GetString());
        Assert.Equal(HttpStatusCode.OK, recommend.StatusCode);
    }
}
