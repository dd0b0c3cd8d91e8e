using Marquee.Core.Artifacts;
using Marquee.Core.Enrichment;
using Marquee.Core.Import;
using Marquee.Core.Semantic;
using Marquee.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Marquee.Server.Tests.Relevance;

/// <summary>
/// The server as RELEVANCE.md measures it: ml-latest-small enriched from every shared dump, credits and
/// certifications fetched by the real <c>enrich --tmdb</c> batch from the TMDB stub (the offline dumps have
/// none), film vectors embedded, and the default model trained and promoted.
/// </summary>
public sealed class RelevanceFactory : Support.MarqueeFactory
{
    public override async Task InitializeAsync()
    {
        var data = new DataDirectory(DataDir);
        using (var files = DatasetFiles.FromPath(SharedData.MlLatestSmall))
        {
            await DatasetImporter.ImportAsync(files, data);
        }
        var movies = await ParquetTables.ReadMoviesAsync(data.Movies);
        var links = await ParquetTables.ReadLinksAsync(data.TmdbMapping);
        var dumps = SharedData.MetadataDumps.Select(MetadataFile.Load).ToList();
        var enriched = MetadataEnrichment.Apply(movies, links, [], dumps);
        await ParquetTables.WriteMovieDetailsAsync(data.MoviesEnriched, enriched.Rows);
        await FetchCreditsAsync(data);
        await EmbedAsync(data);

        // The same wiring as the server and the CLI (StorageServices).
        using var storage = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddMarqueeStorage(_ => new Marquee.Storage.StorageSettings(DatabasePath, ArtifactsDir)).BuildServiceProvider();
        await storage.GetRequiredService<Marquee.Storage.TrainingService>().TrainAsync(DataDir, ArtifactsDir, "auto");
    }

    /// <summary>
    /// Film vectors as <c>./marquee embed</c> makes them. The job re-embeds only films whose text changed, so starting
    /// from the vectors the README test or the last run saved (<see cref="EmbeddingTestCache"/>) takes seconds, not minutes.
    /// </summary>
    private static async Task EmbedAsync(DataDirectory data)
    {
        EmbeddingTestCache.TryRestore(data.MovieEmbeddings);
        using (var embedder = TextEmbedders.Create(TextEmbedders.Default, Environment.ProcessorCount))
        {
            await MovieEmbeddingJob.RunAsync(data, embedder);
        }
        EmbeddingTestCache.Save(data.MovieEmbeddings);
    }

    /// <summary>
    /// A client once the server is up and its query model loaded: the model loads in the background, and a wish
    /// that arrives before it ranks without meaning (by design, never waiting), which is not what is measured here.
    /// </summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        var host = Services.GetRequiredService<Marquee.Server.Services.RecommenderHost>();
        if (host.State.Snapshot.Semantic is { } semantic)
        {
            await Services.GetRequiredService<Marquee.Server.Services.QueryEmbedder>().PrepareAsync(semantic.ModelName);
        }
        return client;
    }

    /// <summary>The most-rated films first, as <c>enrich --tmdb --limit N</c> fetches them: exactly the films the stub knows.</summary>
    private static async Task FetchCreditsAsync(DataDirectory data)
    {
        await using var stub = await TmdbStub.StartAsync(StubCredits.Movies());
        stub.RequestsPerSecondLimit = 1000;
        var options = new TmdbClientOptions { BaseUrl = TmdbClientOptions.ParseBaseUrl(stub.BaseUrl), MaxRequestsPerSecond = 100 };
        var services = new ServiceCollection();
        services.AddTmdbClient(options, TmdbCredentials.ReadToken(TmdbStub.ReadToken));
        await using var provider = services.BuildServiceProvider();
        await using var job = await TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions { Limit = StubCredits.MostRated, Concurrency = options.Concurrency });
        var result = await job.RunAsync(provider.GetRequiredService<TmdbClient>(), provider.GetRequiredService<TmdbCooldown>());
        if (result.Failures.Count > 0 || result.Found < StubCredits.Count * 9 / 10)
        {
            throw new InvalidOperationException($"the TMDB stub enrichment found {result.Found} of {StubCredits.Count} films, {result.Failures.Count} failed");
        }
    }
}

/// <summary>
/// Runs alone: building the fixture embeds the whole catalogue on every core, which would starve the tests that
/// time an LLM budget if they ran beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RelevanceCollection : ICollectionFixture<RelevanceFactory>
{
    public const string Name = "relevance";
}
