using System.Text.Json.Nodes;
using Marquee.Cli.Tests.Support;
using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Enrichment;

namespace Marquee.Cli.Tests.Enrichment;

/// <summary>What one <c>marquee enrich --tmdb</c> request per movie brings into <c>movies_enriched.parquet</c>, and how it merges with what was there.</summary>
public sealed class TmdbDetailsTests(TmdbTestData data) : TmdbEnrichTestBase(data), IClassFixture<TmdbTestData>
{
    [Fact]
    public async Task Enrich_OneRequestPerMovie_CreditsKeywordsCertificationAndCollectionLandInMoviesEnriched()
    {
        var result = await EnrichFastAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("0 warnings", result.StdOut);
        Assert.Equal(Data.TmdbIds.Count, Stub.MovieAnswers);
        Assert.All(Stub.AppendToResponse, asked => Assert.Equal("keywords,credits,release_dates", asked));
        var enriched = await EnrichedAsync();

        var groundhogDay = enriched[TmdbTestData.GroundhogDay];
        Assert.Equal([new CreditedPerson("Harold Ramis", 1524)], groundhogDay.Directors);
        Assert.Equal([new CreditedPerson("Danny Rubin", 10072), new CreditedPerson("Harold Ramis", 1524)], groundhogDay.Writers);
        Assert.Equal([new CreditedPerson("Bill Murray", 1532), new CreditedPerson("Andie MacDowell", 1533)], groundhogDay.Cast!.Take(2));
        Assert.Contains("time loop", groundhogDay.Keywords!);
        Assert.Equal(("PG", "US"), (groundhogDay.Certification, groundhogDay.CertificationCountry));
        Assert.Null(groundhogDay.CollectionId);

        var toyStory = enriched[TmdbTestData.ToyStory];
        Assert.Equal((10194, "Toy Story Collection"), (toyStory.CollectionId, toyStory.CollectionName));
        Assert.Equal(("G", "US"), (toyStory.Certification, toyStory.CertificationCountry));
        Assert.Equal("Tom Hanks", toyStory.Cast![0].Name);

        Assert.True(Stub.Knows(Data.TmdbIds[TmdbTestData.SenseAndSensibility]));
        var senseAndSensibility = enriched[TmdbTestData.SenseAndSensibility];
        Assert.Equal(("U", "GB"), (senseAndSensibility.Certification, senseAndSensibility.CertificationCountry));
        Assert.Equal("Ang Lee", Assert.Single(senseAndSensibility.Directors!).Name);
    }

    [Fact]
    public async Task Enrich_RefreshWithMalformedParts_WarnsNamingMovieAndFieldAndKeepsWhatWasStoredEarlier()
    {
        var first = await EnrichFastAsync();
        Assert.True(first.ExitCode == 0, first.Output);
        var before = (await EnrichedAsync())[TmdbTestData.GroundhogDay];
        Stub.Alter = (tmdbId, movie) =>
        {
            if (tmdbId == Data.TmdbIds[TmdbTestData.GroundhogDay])
            {
                movie["keywords"] = new JsonArray("time loop");
                movie["credits"]!["cast"] = null;
                movie["release_dates"] = "1993-02-12";
            }
        };

        var refresh = await EnrichFastAsync("--refresh");

        Assert.True(refresh.ExitCode == 0, refresh.Output);
        Assert.Contains("3 warnings", refresh.StdOut);
        Assert.Contains("warning: movie 1265 \"Groundhog Day\" (TMDB 137): keywords: a JSON array, not an object; skipped", refresh.StdErr);
        Assert.Contains("warning: movie 1265 \"Groundhog Day\" (TMDB 137): credits.cast: a JSON null, not a list; skipped", refresh.StdErr);
        Assert.Contains("warning: movie 1265 \"Groundhog Day\" (TMDB 137): release_dates: a JSON string, not an object; skipped", refresh.StdErr);
        var after = (await EnrichedAsync())[TmdbTestData.GroundhogDay];
        Assert.True(after.FetchedAt > before.FetchedAt);
        Assert.Equal(before.Cast, after.Cast);
        Assert.Equal(before.Keywords, after.Keywords);
        Assert.Equal(("PG", "US"), (after.Certification, after.CertificationCountry));
        // What the malformed answer did carry well-formed is the API's, and it is taken.
        Assert.Equal(before.Directors, after.Directors);
    }

    [Fact]
    public async Task Enrich_ApiTaglineEmpty_KeepsTheTaglineFromTheMetadataFile()
    {
        var movieId = FoundMovies.Order().First(id => Text(Stub.Movie(Data.TmdbIds[id]), "tagline") is null);
        var metadata = Temp.File("metadata.csv");
        await File.WriteAllTextAsync(metadata,
            $"movieId,tmdbId,title,overview,tagline\n{movieId},{Data.TmdbIds[movieId]},A film,From the dump.,Only the dump knows this line.\n");
        var environment = Environment();
        var dump = await CliRunner.RunAsync(["enrich", "--metadata-file", metadata], environment);
        Assert.True(dump.ExitCode == 0, dump.Output);

        var api = await EnrichFastAsync();

        Assert.True(api.ExitCode == 0, api.Output);
        var row = (await EnrichedAsync())[movieId];
        Assert.Equal(TmdbEnrichmentJob.SourceName, row.Source);
        Assert.Equal("Only the dump knows this line.", row.Tagline);
        Assert.Equal(Text(Stub.Movie(Data.TmdbIds[movieId]), "overview") ?? "From the dump.", row.Overview);
    }

    [Fact]
    public async Task Enrich_AnswersFetchedBeforeCredits_AreNotFetchedAgainWithoutRefresh_AndTheSummarySaysHowMany()
    {
        var first = await EnrichFastAsync();
        Assert.True(first.ExitCode == 0, first.Output);
        var before = (await EnrichedAsync())[TmdbTestData.GroundhogDay];
        // An answer as an older Marquee journaled it: no appended parts asked for, so no credits.
        var data = new DataDirectory(DataDir);
        await File.AppendAllTextAsync(TmdbFetchStore.JournalPath(data),
            $$$"""{"movie_id":1265,"tmdb_id":137,"status":"found","fetched_at":"{{{DateTimeOffset.UtcNow:O}}}","movie":{"id":137,"title":"Groundhog Day","overview":"An older answer."}}""" + "\n");
        var answers = Stub.MovieAnswers;

        var plain = await EnrichFastAsync();

        Assert.True(plain.ExitCode == 0, plain.Output);
        Assert.Equal(answers, Stub.MovieAnswers);
        Assert.Contains("Nothing to fetch", plain.StdOut);
        Assert.Contains("1 movie fetched by an older Marquee lacks credits, keywords and certification and keeps what it has; --refresh fetches it again.", plain.StdOut);
        var kept = (await EnrichedAsync())[TmdbTestData.GroundhogDay];
        Assert.Equal("An older answer.", kept.Overview);
        Assert.Equal(before.Cast, kept.Cast);

        var refresh = await EnrichFastAsync("--refresh");

        Assert.True(refresh.ExitCode == 0, refresh.Output);
        Assert.DoesNotContain("older Marquee", refresh.StdOut);
        Assert.Equal(2, Stub.Served[Data.TmdbIds[TmdbTestData.GroundhogDay]]);
    }
}
