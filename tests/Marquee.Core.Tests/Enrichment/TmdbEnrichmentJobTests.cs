using System.Net;
using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Enrichment;
using Marquee.Core.Import;
using Marquee.Core.Interactions;
using Marquee.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Marquee.Core.Tests.Enrichment.TmdbTestServer;

namespace Marquee.Core.Tests.Enrichment;

public class TmdbEnrichmentJobTests
{
    private static readonly TmdbCredentials Credentials = TmdbCredentials.ReadToken("token");

    /// <summary>Five movies from ml-latest-small with their real TMDB ids and rating counts; one has no TMDB id.</summary>
    private static async Task<DataDirectory> ImportedAsync(TempDirectory dir)
    {
        var data = new DataDirectory(dir.File("data"));
        Directory.CreateDirectory(data.Root);
        Movie[] movies =
        [
            new(1, "Toy Story", 1995, ["Animation"]), new(2, "Jumanji", 1995, ["Adventure"]), new(318, "The Shawshank Redemption", 1994, ["Drama"]),
            new(356, "Forrest Gump", 1994, ["Comedy"]), new(791, "The Last Klezmer", 1994, ["Documentary"]),
        ];
        await ParquetTables.WriteMoviesAsync(data.Movies, movies);
        await ParquetTables.WriteLinksAsync(data.TmdbMapping,
            [new(1, "tt0114709", 862), new(2, "tt0113497", 8844), new(318, "tt0111161", 278), new(356, "tt0109830", 13), new(791, "tt0113610", null)]);
        await ParquetTables.WriteMovieStatsAsync(data.MovieStats, [new(1, 215, 3.9), new(2, 110, 3.4), new(318, 317, 4.4), new(356, 329, 4.2), new(791, 1, 4.0)]);
        await ParquetTables.WriteInteractionsAsync(data.Interactions, new InteractionTable([1], [1], [4f], [0L]));
        await File.WriteAllTextAsync(data.DatasetManifest, "{}");
        return data;
    }

    [Fact]
    public async Task PrepareAsync_OrdersByRatingCount_ReportsMoviesWithoutTmdbId_AndLimitDefersTheRest()
    {
        using var dir = new TempDirectory();
        var data = await ImportedAsync(dir);

        await using var job = await TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions { Limit = 2 });

        Assert.Equal([356, 318], job.Plan.ToFetch.Select(t => t.MovieId));
        Assert.Equal(2, job.Plan.Deferred);
        Assert.Equal(791, Assert.Single(job.Plan.WithoutTmdbId).MovieId);
    }

    [Fact]
    public async Task RunAsync_MappingChangedForAMovie_FetchesThatMovieAgainUnderItsNewId()
    {
        using var dir = new TempDirectory();
        var data = await ImportedAsync(dir);
        var server = new TmdbTestServer((request, _) => request.RequestUri!.AbsolutePath == "/3/configuration"
            ? Json(HttpStatusCode.OK, Configuration)
            : Movie(request, int.Parse(request.RequestUri.Segments[^1], System.Globalization.CultureInfo.InvariantCulture)));
        await using var provider = Provider(server, Credentials);
        var client = provider.GetRequiredService<TmdbClient>();
        await using (var first = await TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions()))
        {
            Assert.Equal(4, (await first.RunAsync(client)).Found);
        }
        // A new import corrected Jumanji's TMDB id.
        var links = (await ParquetTables.ReadLinksAsync(data.TmdbMapping)).Select(l => l.MovieId == 2 ? l with { TmdbId = 8845 } : l).ToList();
        await ParquetTables.WriteLinksAsync(data.TmdbMapping, links);

        await using var second = await TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions());

        Assert.Equal(new TmdbFetchTarget(2, 8845, "Jumanji"), Assert.Single(second.Plan.ToFetch));
        await second.RunAsync(client);
        var enriched = (await ParquetTables.ReadMovieDetailsAsync(data.MoviesEnriched)).ToDictionary(d => d.MovieId);
        Assert.Equal(8845, enriched[2].TmdbId);
    }

    [Fact]
    public async Task RunAsync_TmdbKeepsFailing_StopsAfterTheConfiguredStreakAndKeepsWhatItFetched()
    {
        using var dir = new TempDirectory();
        var data = await ImportedAsync(dir);
        // Forrest Gump (most rated, fetched first) answers; everything after it fails every attempt.
        var server = new TmdbTestServer((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/3/configuration" => Json(HttpStatusCode.OK, Configuration),
            "/3/movie/13" => Movie(request, 13, "Forrest Gump"),
            _ => Error(HttpStatusCode.BadGateway, 43, "Couldn't connect to the backend server."),
        });
        await using var provider = Provider(server, Credentials);
        await using var job = await TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions { Concurrency = 1, MaxConsecutiveFailures = 2 });

        var error = await Assert.ThrowsAsync<TmdbException>(() => job.RunAsync(provider.GetRequiredService<TmdbClient>()));

        Assert.True(error.IsFatal);
        Assert.Contains("2 movies in a row", error.Message);
        Assert.Equal(1, job.FetchedThisRun);
        // 1 configuration + 1 answer + 2 movies × 3 attempts; the fourth movie is never asked.
        Assert.Equal(8, server.Count);
        var enriched = Assert.Single(await ParquetTables.ReadMovieDetailsAsync(data.MoviesEnriched));
        Assert.Equal((356, "Forrest Gump"), (enriched.MovieId, (await TmdbFetchStore.ReadAsync(data))[356].Movie!.Title));
    }

    [Fact]
    public async Task RunAsync_RefreshRejectedByTmdb_LeavesNoRefreshBehindForTheNextRun()
    {
        using var dir = new TempDirectory();
        var data = await ImportedAsync(dir);
        var accept = true;
        var server = new TmdbTestServer((request, _) => !accept ? Error(HttpStatusCode.Unauthorized, 7, "Invalid API key: You must be granted a valid key.")
            : request.RequestUri!.AbsolutePath == "/3/configuration" ? Json(HttpStatusCode.OK, Configuration) : Movie(request, 1));
        await using (var provider = Provider(server, Credentials))
        await using (var first = await TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions()))
        {
            await first.RunAsync(provider.GetRequiredService<TmdbClient>());
        }

        accept = false;
        await using (var provider = Provider(server, Credentials))
        await using (var refresh = await TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions { Refresh = true }))
        {
            Assert.Equal(4, refresh.Plan.ToFetch.Count);
            var error = await Assert.ThrowsAsync<TmdbException>(() => refresh.RunAsync(provider.GetRequiredService<TmdbClient>()));
            Assert.True(error.IsCredentialsRejected);
        }

        await using var next = await TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions());
        Assert.Empty(next.Plan.ToFetch);
        Assert.Null((await TmdbEnrichmentState.ReadAsync(data)).RefreshStartedAt);
    }

    /// <summary>Answers every movie as Fight Club under its own id, changed by <paramref name="change"/>.</summary>
    private static TmdbTestServer Answering(Action<System.Text.Json.Nodes.JsonObject>? change = null) => new((request, _) =>
        request.RequestUri!.AbsolutePath == "/3/configuration"
            ? Json(HttpStatusCode.OK, Configuration)
            : MovieWith(request, int.Parse(request.RequestUri.Segments[^1], System.Globalization.CultureInfo.InvariantCulture), change ?? (_ => { })));

    [Fact]
    public async Task RunAsync_ApiLeavesTaglineEmpty_KeepsTheDumpsTaglineAndTakesTheRestFromTheApi()
    {
        using var dir = new TempDirectory();
        var data = await ImportedAsync(dir);
        await ParquetTables.WriteMovieDetailsAsync(data.MoviesEnriched,
        [
            new MovieDetails { MovieId = 1, TmdbId = 862, Overview = "From the dump.", Tagline = "To infinity and beyond!", Source = MetadataFile.SourceName },
        ]);
        var server = Answering(movie => movie["tagline"] = "");
        await using var provider = Provider(server, Credentials);
        await using var job = await TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions());

        await job.RunAsync(provider.GetRequiredService<TmdbClient>());

        var toyStory = (await ParquetTables.ReadMovieDetailsAsync(data.MoviesEnriched)).Single(d => d.MovieId == 1);
        Assert.Equal("To infinity and beyond!", toyStory.Tagline);
        Assert.StartsWith("A ticking-time-bomb insomniac", toyStory.Overview);
        Assert.Equal(TmdbEnrichmentJob.SourceName, toyStory.Source);
        Assert.Equal("David Fincher", Assert.Single(toyStory.Directors!).Name);
    }

    [Fact]
    public async Task RunAsync_MalformedCredits_WarnsNamingMovieAndFieldAndKeepsTheCastStoredEarlier()
    {
        using var dir = new TempDirectory();
        var data = await ImportedAsync(dir);
        CreditedPerson[] dumpCast = [new("Tom Hanks", 31), new("Tim Allen", 12898)];
        await ParquetTables.WriteMovieDetailsAsync(data.MoviesEnriched,
            [new MovieDetails { MovieId = 1, TmdbId = 862, Cast = dumpCast, Source = MetadataFile.SourceName }]);
        var server = Answering(movie =>
        {
            movie["credits"]!["cast"] = null;
            movie["keywords"] = new System.Text.Json.Nodes.JsonArray("time loop");
        });
        await using var provider = Provider(server, Credentials);
        await using var job = await TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions());

        var result = await job.RunAsync(provider.GetRequiredService<TmdbClient>());

        Assert.Equal(4, result.Found);
        Assert.Empty(result.Failures);
        Assert.Equal(8, result.Warnings.Count);
        var toyStory = result.Warnings.Where(w => w.MovieId == 1).Select(w => (w.TmdbId, w.Title, w.Problem)).ToList();
        Assert.Equal([(862, "Toy Story", "keywords: a JSON array, not an object; skipped"), (862, "Toy Story", "credits.cast: a JSON null, not a list; skipped")], toyStory);
        var enriched = (await ParquetTables.ReadMovieDetailsAsync(data.MoviesEnriched)).ToDictionary(d => d.MovieId);
        Assert.Equal(dumpCast, enriched[1].Cast);
        Assert.Equal("David Fincher", Assert.Single(enriched[1].Directors!).Name);
        Assert.Equal("R", enriched[1].Certification);
        Assert.Null(enriched[1].Keywords);
    }

    [Fact]
    public async Task PrepareAsync_AnswersFetchedBeforeCredits_AreCountedAndLeftAloneUnlessRefreshed()
    {
        using var dir = new TempDirectory();
        var data = await ImportedAsync(dir);
        await using (var store = await TmdbFetchStore.OpenAsync(data))
        {
            // Answers as an older Marquee journaled them: no appended parts, so no credits.
            var old = new TmdbMovie { Id = 862, Title = "Toy Story", Overview = "Led by Woody." };
            await store.AppendAsync(new TmdbFetchRecord(1, 862, TmdbFetchStatus.Found, DateTimeOffset.UtcNow.AddDays(-1), old));
            await store.AppendAsync(new TmdbFetchRecord(2, 8844, TmdbFetchStatus.Found, DateTimeOffset.UtcNow.AddDays(-1), old with { Id = 8844, Title = "Jumanji" }));
        }

        TmdbEnrichmentPlan plain, refresh;
        await using (var job = await TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions()))
        {
            plain = job.Plan;
        }
        await using (var job = await TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions { Refresh = true }))
        {
            refresh = job.Plan;
        }

        Assert.Equal((2, 2), (plain.AlreadyFound, plain.FoundWithoutCredits));
        Assert.Equal([356, 318], plain.ToFetch.Select(t => t.MovieId));
        Assert.Equal([356, 318, 1, 2], refresh.ToFetch.Select(t => t.MovieId));
    }

    [Fact]
    public async Task PrepareAsync_WhileAnotherRunHoldsTheDirectory_Refuses()
    {
        using var dir = new TempDirectory();
        var data = await ImportedAsync(dir);
        await using var running = await TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions());

        await Assert.ThrowsAsync<IOException>(() => TmdbEnrichmentJob.PrepareAsync(data, new TmdbEnrichmentOptions()));
    }
}
