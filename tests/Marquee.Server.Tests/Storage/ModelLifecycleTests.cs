using System.Net;
using System.Net.Http.Json;
using Marquee.Core.Training;
using Marquee.Server.Services;
using Marquee.Server.Tests.Support;
using Marquee.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Marquee.Server.Tests.Storage;

/// <summary>
/// Both kinds of model live one way: versions in the registry, folders of <c>.npy</c> arrays under <c>models/</c> with
/// one manifest format. The rating model is trained once per imported ratings and shared; only top-N versions serve on
/// their own.
/// </summary>
public sealed class ModelLifecycleTests(TrainedMarqueeFactory factory) : IClassFixture<TrainedMarqueeFactory>
{
    [Fact]
    public async Task Training_RegistersTheRatingModelAsAVersion_AndLaterRunsOnTheSameRatingsReuseIt()
    {
        var registry = factory.Services.GetRequiredService<ModelRegistry>();
        var training = factory.Services.GetRequiredService<TrainingService>();
        var host = factory.Services.GetRequiredService<RecommenderHost>();
        await host.ReloadAsync();
        var rating = Assert.Single(await registry.ListAsync(ModelKind.Rating));

        var als = await training.TrainAsync(factory.DataDir, factory.ArtifactsDir, "als");

        Assert.Equal(rating.Version, als.Manifest.RatingModel);
        Assert.Single(await registry.ListAsync(ModelKind.Rating));
        Assert.DoesNotContain(await registry.ListAsync(), m => m.Version == rating.Version);
        var folder = Path.Combine(TrainingService.ModelsDirectory(factory.ArtifactsDir), rating.Version);
        var onDisk = await ModelManifest.ReadAsync(folder);
        Assert.Equal(ModelKind.Rating, onDisk.Kind);
        Assert.Equal(rating.Manifest.FilesSha256, onDisk.FilesSha256);
        Assert.All(Directory.GetFiles(folder).Select(Path.GetFileName), name => Assert.True(name!.EndsWith(".npy", StringComparison.Ordinal) || name == ModelManifest.FileName, name));
        Assert.NotNull(host.State.Snapshot.RatingPredictor);
    }

    [Fact]
    public async Task RatingVersion_CannotBePromotedOrRunAsAnExperimentArm()
    {
        var registry = factory.Services.GetRequiredService<ModelRegistry>();
        var rating = Assert.Single(await registry.ListAsync(ModelKind.Rating));
        var serving = (await registry.GetCurrentAsync())!.Version;
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", MarqueeFactory.AdminKey);

        var promote = await admin.PostAsync($"/admin/models/{rating.Version}/promote", null);
        var experiment = await admin.PutAsJsonAsync("/admin/experiment",
            new { control_version = serving, candidate_version = rating.Version }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, promote.StatusCode);
        Assert.Contains("rating model", await promote.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, experiment.StatusCode);
        Assert.False(await registry.PromoteAsync(rating.Version, "by hand"));
        Assert.Equal(serving, (await registry.GetCurrentAsync())!.Version);
    }

    [Fact]
    public async Task Train_ServingModelNamesARatingModelOutsideTheRegistry_TrainsInsteadOfSayingUnchanged()
    {
        // What a data directory trained before rating models were versions looks like: the serving model names its
        // rating model by a rating-models/ folder id the registry does not know.
        var registry = factory.Services.GetRequiredService<ModelRegistry>();
        var training = factory.Services.GetRequiredService<TrainingService>();
        var host = factory.Services.GetRequiredService<RecommenderHost>();
        var rating = Assert.Single(await registry.ListAsync(ModelKind.Rating));
        var models = TrainingService.ModelsDirectory(factory.ArtifactsDir);
        var ease = (await registry.ListAsync()).First(m => m.Algorithm == "ease");
        var old = ease.Manifest with { Version = "20200101T000000Z-ease", RatingModel = "blend-0123456789abcdef-01234567" };
        Directory.CreateDirectory(Path.Combine(models, old.Version));
        foreach (var file in Directory.GetFiles(Path.Combine(models, ease.Version), "*.npy"))
        {
            File.Copy(file, Path.Combine(models, old.Version, Path.GetFileName(file)));
        }
        await File.WriteAllTextAsync(Path.Combine(models, old.Version, ModelManifest.FileName), old.ToJson());
        await registry.RegisterAsync(old);
        await registry.PromoteAsync(old.Version, "as an earlier Marquee left it");
        await host.ReloadAsync();
        var servedOld = host.State.Snapshot;

        var outcome = await training.TrainAsync(factory.DataDir, factory.ArtifactsDir, "ease");

        Assert.Equal(old.Version, servedOld.ModelVersion);
        Assert.Null(servedOld.RatingPredictor);
        Assert.False(outcome.Unchanged, outcome.Decision);
        Assert.Equal(rating.Version, outcome.Manifest.RatingModel);
    }
}
