using Marquee.Cli.Tests.Support;
using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;

namespace Marquee.Cli.Tests.Enrichment;

/// <summary>A fresh copy of the imported test release and a TMDB stub per test.</summary>
public abstract class TmdbEnrichTestBase(TmdbTestData data) : IAsyncLifetime
{
    protected TmdbTestData Data { get; } = data;
    protected TempDirectory Temp { get; } = new();
    protected TmdbStub Stub { get; private set; } = null!;
    protected string DataDir { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        DataDir = Data.CopyDataDir(Temp);
        Stub = await TmdbStub.StartAsync(Data.TmdbMovies);
    }

    /// <summary>The CLI's environment; blank credentials count as unset (and hide any the developer has set).</summary>
    protected Dictionary<string, string?> Environment(string? readToken = TmdbStub.ReadToken, string? apiKey = null) => new()
    {
        ["MARQUEE_DATA_DIR"] = DataDir,
        ["MARQUEE_ARTIFACTS_DIR"] = Temp.File("artifacts"),
        ["TMDB_READ_TOKEN"] = readToken ?? "",
        ["TMDB_API_KEY"] = apiKey ?? "",
    };

    protected string[] EnrichArgs(params string[] extra) => ["enrich", "--tmdb", "--tmdb-base-url", Stub.BaseUrl, .. extra];

    protected Task<CliResult> EnrichAsync(IDictionary<string, string?> environment, params string[] extra) =>
        CliRunner.RunAsync(EnrichArgs(extra), environment);

    /// <summary>Runs at a rate the stub never throttles, for tests about something other than pacing.</summary>
    protected Task<CliResult> EnrichFastAsync(params string[] extra)
    {
        Stub.RequestsPerSecondLimit = 1000;
        return EnrichAsync(Environment(), ["--max-rps", "50", .. extra]);
    }

    protected async Task<Dictionary<int, MovieDetails>> EnrichedAsync() =>
        (await ParquetTables.ReadMovieDetailsAsync(new DataDirectory(DataDir).MoviesEnriched)).ToDictionary(d => d.MovieId);

    /// <summary>MovieLens ids whose TMDB id the stub answers with a movie / with 404.</summary>
    protected IEnumerable<int> FoundMovies => Data.TmdbIds.Where(p => Stub.Knows(p.Value)).Select(p => p.Key);
    protected IEnumerable<int> MissingMovies => Data.TmdbIds.Where(p => !Stub.Knows(p.Value)).Select(p => p.Key);

    protected static string? Text(System.Text.Json.Nodes.JsonObject movie, string field) =>
        movie[field]?.GetValue<string>() is { Length: > 0 } text ? text : null;

    public async Task DisposeAsync()
    {
        await Stub.DisposeAsync();
        Temp.Dispose();
    }
}
