using Marquee.Cli.Tests.Support;
using Marquee.Core.Artifacts;
using Marquee.Core.Enrichment;

namespace Marquee.Cli.Tests.Enrichment;

/// <summary>Re-runs of <c>marquee enrich --tmdb</c>: after a SIGKILL, without work left, and with <c>--refresh</c>.</summary>
public sealed class TmdbResumeTests(TmdbTestData data) : TmdbEnrichTestBase(data), IClassFixture<TmdbTestData>
{
    [Fact]
    public async Task Enrich_KilledPartWayThenRestarted_FetchesEachMovieAtMostOnce_AndAThirdRunSendsNoMovieRequest()
    {
        const int answeredBeforeKill = 50;
        Stub.HoldAfter = answeredBeforeKill;
        var data = new DataDirectory(DataDir);
        using (var run = CliRunner.Start(EnrichArgs("--max-rps", "20"), Environment()))
        {
            // Kill once the stub has answered 50 movies, the run has recorded them (those answers must survive)
            // and more requests are in flight (those must not count as fetched).
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (Stub.MovieAnswers < answeredBeforeKill || Stub.Held == 0 || (await TmdbFetchStore.ReadAsync(data)).Count < answeredBeforeKill)
            {
                Assert.False(run.HasExited, $"the run ended before it could be killed: {run.Output}");
                Assert.True(DateTime.UtcNow < deadline, $"the run did not record {answeredBeforeKill} answers: {run.Output}");
                await Task.Delay(50);
            }
            await run.KillAsync();
        }
        Assert.Equal(answeredBeforeKill, Stub.MovieAnswers);

        Stub.HoldAfter = null;
        var second = await EnrichAsync(Environment(), "--max-rps", "20");

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains($"Fetching {Data.TmdbIds.Count - answeredBeforeKill} movies", second.StdOut);
        Assert.Equal(Data.TmdbIds.Values.Order(), Stub.Served.Keys.Order());
        Assert.All(Stub.Served, served => Assert.True(served.Value == 1, $"TMDB {served.Key} was fetched {served.Value} times"));
        var enriched = await EnrichedAsync();
        Assert.All(FoundMovies, movieId => Assert.Equal(TmdbEnrichmentJob.SourceName, enriched[movieId].Source));

        var configurationRequests = Stub.ConfigurationRequests;
        var third = await EnrichAsync(Environment());

        Assert.True(third.ExitCode == 0, third.Output);
        Assert.Contains("Nothing to fetch", third.StdOut);
        Assert.Equal(Data.TmdbIds.Count, Stub.MovieAnswers);
        Assert.Equal(configurationRequests, Stub.ConfigurationRequests);
    }

    [Fact]
    public async Task Enrich_Refresh_FetchesEverythingAgain_AndAnInterruptedRefreshResumesWhereItStopped()
    {
        var first = await EnrichFastAsync();
        Assert.True(first.ExitCode == 0, first.Output);
        var fetchedAt = (await EnrichedAsync()).Values.Where(d => d.Source == TmdbEnrichmentJob.SourceName).ToDictionary(d => d.MovieId, d => d.FetchedAt);

        // A refresh cut short (here by --limit) ...
        var partial = await EnrichFastAsync("--refresh", "--limit", "10");
        Assert.True(partial.ExitCode == 0, partial.Output);
        Assert.Equal(10, Stub.Served.Values.Count(n => n == 2));
        Assert.Contains($"--limit leaves {Data.TmdbIds.Count - 10} more movies", partial.StdOut);

        // ... is finished by the next run, with or without --refresh, and not started over.
        var resumed = await EnrichFastAsync();
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains("Resuming the refresh", resumed.StdOut);
        Assert.All(Stub.Served.Values, count => Assert.Equal(2, count));
        var refreshed = await EnrichedAsync();
        Assert.All(fetchedAt, before => Assert.True(refreshed[before.Key].FetchedAt > before.Value));

        var after = await EnrichFastAsync();
        Assert.Contains("Nothing to fetch", after.StdOut);
        Assert.All(Stub.Served.Values, count => Assert.Equal(2, count));
    }
}
