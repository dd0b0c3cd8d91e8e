using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Core.Artifacts;
using Marquee.Core.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marquee.Server.Tests.Support;

/// <summary>
/// The real server over ml-latest-small + the metadata join, with a real SQLite file in a temp folder.
/// Imported once per test collection.
/// </summary>
public class MarqueeFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly TempDirectory _temp = new();

    public string DataDir => _temp.File("data");
    public string ArtifactsDir => _temp.File("artifacts");
    public string DatabasePath => Path.Combine(ArtifactsDir, "marquee.db");

    public virtual async Task InitializeAsync()
    {
        var data = new DataDirectory(DataDir);
        using var files = DatasetFiles.FromPath(SharedData.MlLatestSmall);
        await DatasetImporter.ImportAsync(files, data);
        var details = Core.Enrichment.MetadataFile.Read(SharedData.MetadataJoin);
        await ParquetTables.WriteMovieDetailsAsync(data.MoviesEnriched, details);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Marquee:DataDir", DataDir);
        builder.UseSetting("Marquee:ArtifactsDir", ArtifactsDir);
        builder.UseSetting("Marquee:Database", DatabasePath);
        builder.UseSetting("Marquee:AdminApiKey", AdminKey);
        builder.UseSetting("Marquee:UiDir", _temp.File("no-ui"));
        builder.UseEnvironment("Testing");
    }

    public const string AdminKey = "test-admin-key";

    /// <summary>A client with a fresh anonymous session's token.</summary>
    public async Task<(HttpClient Client, string UserId)> CreateSessionClientAsync()
    {
        var client = CreateClient();
        var response = await client.PostAsync("/sessions", null);
        response.EnsureSuccessStatusCode();
        var session = (await response.Content.ReadFromJsonAsync<JsonElement>(Json));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.GetProperty("token").GetString());
        return (client, session.GetProperty("user_id").GetString()!);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        _temp.Dispose();
    }
}

/// <summary>
/// The server with a trained and promoted model (the default <c>auto</c> training), for tests of
/// personalisation, the registry and model swaps. Each test class gets its own database.
/// </summary>
public sealed class TrainedMarqueeFactory : MarqueeFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var database = new Marquee.Server.Storage.Database(DatabasePath, ArtifactsDir);
        database.Migrate();
        var registry = new Marquee.Server.Storage.ModelRegistry(database, TimeProvider.System);
        var training = new Marquee.Server.Services.TrainingService(new Marquee.Server.Storage.FeedbackStore(database, TimeProvider.System), registry);
        await training.TrainAsync(DataDir, ArtifactsDir, "ease");
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<MarqueeFactory>
{
    public const string Name = "server";
}
