using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Core.Training;
using Marquee.Server.Tests.Support;
using Marquee.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Marquee.Server.Tests.Api;

/// <summary>Promotions swap the served model while requests are in flight: none of them fails.</summary>
public sealed class ModelSwapTests(TrainedMarqueeFactory factory) : IClassFixture<TrainedMarqueeFactory>
{
    [Fact]
    public async Task Recommend_WhileModelsSwapBackAndForth_EveryRequestSucceeds()
    {
        var registry = factory.Services.GetRequiredService<ModelRegistry>();
        var host = factory.Services.GetRequiredService<Services.RecommenderHost>();
        var first = (await registry.GetCurrentAsync())!.Version;
        var training = factory.Services.GetRequiredService<TrainingService>();
        var second = (await training.TrainAsync(factory.DataDir, factory.ArtifactsDir, "als")).Manifest.Version;

        using var stop = new CancellationTokenSource();
        var swapper = Task.Run(async () =>
        {
            var swaps = 0;
            while (!stop.IsCancellationRequested)
            {
                await registry.PromoteAsync(swaps++ % 2 == 0 ? second : first, "swap test");
                await host.ReloadAsync();
            }
            return swaps;
        });
        var client = factory.CreateClient();
        var failures = new List<string>();
        var versions = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            var response = await client.PostAsJsonAsync("/recommend", new { user_id = (i % 50 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), recommender = "cf", k = 10 }, MarqueeFactory.Json);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                continue;
            }
            versions.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("model_version").GetString()!);
        }
        await stop.CancelAsync();
        var swaps = await swapper;

        Assert.Empty(failures);
        Assert.True(swaps > 2, $"only {swaps} swaps happened");
        Assert.Contains(first, versions);
        Assert.Contains(second, versions);
    }
}
