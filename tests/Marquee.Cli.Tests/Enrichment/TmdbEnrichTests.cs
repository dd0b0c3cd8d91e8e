using Marquee.Core.Artifacts;
using Marquee.Core.Enrichment;

namespace Marquee.Cli.Tests.Enrichment;

/// <summary><c>marquee enrich --tmdb</c> against a TMDB stub: credentials, pacing, retries.</summary>
public sealed class TmdbEnrichTests(TmdbTestData data) : TmdbEnrichTestBase(data), IClassFixture<TmdbTestData>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Enrich_WrongCredentials_ExitsWithOneClearLineThatNeverShowsTheSecret(bool asApiKey)
    {
        const string secret = "wrong-secret-5f0c2b9d7e41";

        var result = await EnrichAsync(asApiKey ? Environment(readToken: null, apiKey: secret) : Environment(readToken: secret));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("marquee:", StringComparison.Ordinal));
        Assert.Contains("TMDB rejected the credentials (status 7", line);
        Assert.Contains(asApiKey ? "TMDB_API_KEY" : "TMDB_READ_TOKEN", line);
        Assert.DoesNotContain(secret, result.Output);
        Assert.True(Stub.Unauthorized >= 1);
        Assert.Equal(0, Stub.MovieAnswers);
    }

    [Fact]
    public async Task Enrich_NoCredentials_ExitsNamingBothVariablesBeforeAnyRequest()
    {
        var result = await EnrichAsync(Environment(readToken: null));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("TMDB_READ_TOKEN", result.StdErr);
        Assert.Contains("TMDB_API_KEY", result.StdErr);
        Assert.Equal(0, Stub.ConfigurationRequests + Stub.Unauthorized + Stub.MovieAnswers);
    }

    [Fact]
    public async Task Enrich_MaxRps20AgainstA40PerSecondLimit_EveryMovieLandsWithAHandfulOf429sAtMost()
    {
        var result = await EnrichAsync(Environment(), "--max-rps", "20");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.InRange(Stub.Throttled, 0, 5);
        Assert.Equal(Data.TmdbIds.Values.Order(), Stub.Served.Keys.Order());
        Assert.All(Stub.Served.Values, count => Assert.Equal(1, count));
        Assert.Contains($"{TmdbTestData.MoviesWithoutTmdbId.Length} movies have no TMDB id", result.StdOut);
        Assert.All(TmdbTestData.MoviesWithoutTmdbId, id => Assert.Contains($"{id} \"", result.StdOut));

        var enriched = await EnrichedAsync();
        foreach (var movieId in FoundMovies)
        {
            var expected = Stub.Movie(Data.TmdbIds[movieId]);
            var row = enriched[movieId];
            Assert.Equal(TmdbEnrichmentJob.SourceName, row.Source);
            Assert.Equal(Data.TmdbIds[movieId], row.TmdbId);
            Assert.Equal(Text(expected, "overview"), row.Overview);
            Assert.Equal(Text(expected, "poster_path"), row.PosterPath);
            Assert.NotNull(row.FetchedAt);
        }
        Assert.All(MissingMovies, movieId => Assert.False(enriched.ContainsKey(movieId)));
        var remembered = await TmdbFetchStore.ReadAsync(new DataDirectory(DataDir));
        Assert.All(MissingMovies, movieId => Assert.Equal(TmdbFetchStatus.NotFound, remembered[movieId].Status));
        Assert.DoesNotContain(TmdbTestData.MoviesWithoutTmdbId, remembered.ContainsKey);
    }

    [Fact]
    public async Task Enrich_Flaky503s_TransientOnesAreRetriedAndAPersistentOneIsReportedThenFetchedNextRun()
    {
        Stub.RequestsPerSecondLimit = 1000;
        var stubborn = Data.TmdbIds.Values.Where(Stub.Knows).Order().First(id => id % 4 != 0);
        Stub.Inject503 = (tmdbId, attempt) => tmdbId == stubborn || (tmdbId % 4 == 0 && attempt <= 2);
        var environment = Environment(readToken: null, apiKey: TmdbStub.ApiKey);

        var first = await EnrichAsync(environment, "--max-rps", "50", "--max-attempts", "3");

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("1 movie could not be fetched after 3 attempts", first.StdErr);
        Assert.Contains($"(TMDB {stubborn})", first.StdErr);
        Assert.DoesNotContain(TmdbStub.ApiKey, first.Output);
        Assert.True(Stub.Unavailable > 3, $"only {Stub.Unavailable} 503s were injected");
        var retried = Data.TmdbIds.Values.Where(id => id % 4 == 0).ToList();
        Assert.NotEmpty(retried);
        Assert.All(retried, id => Assert.Equal(1, Stub.Served[id]));
        Assert.False(Stub.Served.ContainsKey(stubborn));
        var stubbornMovie = Data.TmdbIds.Single(p => p.Value == stubborn).Key;
        Assert.False((await EnrichedAsync()).ContainsKey(stubbornMovie));

        Stub.Inject503 = null;
        var answersBefore = Stub.MovieAnswers;
        var second = await EnrichAsync(environment, "--max-rps", "50");

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(answersBefore + 1, Stub.MovieAnswers);
        Assert.Equal(1, Stub.Served[stubborn]);
        Assert.Equal(TmdbEnrichmentJob.SourceName, (await EnrichedAsync())[stubbornMovie].Source);
    }
}
