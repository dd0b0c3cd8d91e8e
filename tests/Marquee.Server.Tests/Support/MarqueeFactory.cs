using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Import;
using Marquee.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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
        // Every test client shares one address and many tests share one server: the write limits get their own
        // tests (Hardening/LimitsTests) and stay out of the way of the others.
        builder.UseSetting("Marquee:RateLimits:WritesPerSessionPerMinute", "1000000");
        builder.UseSetting("Marquee:RateLimits:WritesPerAddressPerMinute", "1000000");
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
public class TrainedMarqueeFactory : MarqueeFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The same wiring as the server and the CLI (StorageServices).
        using var storage = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddMarqueeStorage(_ => new Marquee.Storage.StorageSettings(DatabasePath, ArtifactsDir)).BuildServiceProvider();
        await storage.GetRequiredService<Marquee.Storage.TrainingService>().TrainAsync(DataDir, ArtifactsDir, "ease");
    }
}

/// <summary>
/// The server over a data directory enriched by the TMDB API rather than the metadata dump: The Fellowship
/// of the Ring (4993) with credits, keywords, languages, franchise and certification, and Jumanji (2) with
/// no details at all.
/// </summary>
public sealed class RichDetailsMarqueeFactory : MarqueeFactory
{
    public const int RichMovieId = 4993;
    public const int BareMovieId = 2;

    public static readonly MovieDetails Fellowship = new()
    {
        MovieId = RichMovieId, TmdbId = 120, Title = "The Lord of the Rings: The Fellowship of the Ring",
        OriginalTitle = "The Lord of the Rings: The Fellowship of the Ring", AlsoKnownAs = ["Der Herr der Ringe: Die Gefährten"],
        RuntimeMinutes = 179, BackdropPath = "/x2RS3uTcsJJ9IfjNPcgDmukoEcQ.jpg", TmdbVoteCount = 25_000,
        Keywords = ["elves", "hobbit", "quest"], OriginalLanguage = "en", SpokenLanguages = ["en"],
        ProductionCountries = ["NZ", "US"], ProductionCompanies = ["New Line Cinema", "WingNut Films"],
        CollectionId = 119, CollectionName = "The Lord of the Rings Collection", Certification = "PG-13", CertificationCountry = "US",
        Directors = [new CreditedPerson("Peter Jackson", 108)],
        Writers = [new CreditedPerson("Fran Walsh", 6265), new CreditedPerson("Philippa Boyens", 6266), new CreditedPerson("Peter Jackson", 108)],
        Cast = [new CreditedPerson("Elijah Wood", 109), new CreditedPerson("Ian McKellen", 1327), new CreditedPerson("Viggo Mortensen", 110),
            new CreditedPerson("Sean Astin")],
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var data = new DataDirectory(DataDir);
        var details = (await ParquetTables.ReadMovieDetailsAsync(data.MoviesEnriched))
            .Where(d => d.MovieId != BareMovieId)
            .Select(d => d.MovieId == RichMovieId ? Fellowship with { Overview = d.Overview, PosterPath = d.PosterPath, ReleaseDate = d.ReleaseDate } : d)
            .ToList();
        await ParquetTables.WriteMovieDetailsAsync(data.MoviesEnriched, details);
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<MarqueeFactory>
{
    public const string Name = "server";
}
