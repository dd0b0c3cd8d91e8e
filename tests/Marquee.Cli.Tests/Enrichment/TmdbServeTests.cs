using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Cli.Tests.Support;
using Marquee.Core.Enrichment;

namespace Marquee.Cli.Tests.Enrichment;

/// <summary>What <c>marquee enrich --tmdb</c> writes is what the API serves, and it outranks a metadata dump.</summary>
public sealed class TmdbServeTests(TmdbTestData data) : TmdbEnrichTestBase(data), IClassFixture<TmdbTestData>
{
    [Fact]
    public async Task Serve_AfterTmdbEnrichment_GetMovieShowsTheFetchedDetails()
    {
        var enrich = await EnrichFastAsync();
        Assert.True(enrich.ExitCode == 0, enrich.Output);

        var port = CliRunner.FreePort();
        using var server = CliRunner.Start(["serve", "--urls", $"http://127.0.0.1:{port}"], Environment());
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await server.WaitForHealthAsync(http);

        // A movie whose TMDB answer has every field the cards show, backdrop and tagline included.
        var full = FoundMovies.Order().First(id => Stub.Movie(Data.TmdbIds[id]) is var m
                                                   && Text(m, "backdrop_path") is not null && Text(m, "tagline") is not null && Text(m, "poster_path") is not null);
        var expected = Stub.Movie(Data.TmdbIds[full]);
        var movie = await http.GetFromJsonAsync<JsonElement>($"/movies/{full}");

        Assert.Equal(Data.TmdbIds[full], movie.GetProperty("tmdb_id").GetInt32());
        Assert.Equal(Text(expected, "overview"), movie.GetProperty("overview").GetString());
        Assert.Equal(Text(expected, "tagline"), movie.GetProperty("tagline").GetString());
        Assert.Equal($"https://image.tmdb.org/t/p/w500{Text(expected, "poster_path")}", movie.GetProperty("poster_url").GetString());
        Assert.Equal($"https://image.tmdb.org/t/p/w1280{Text(expected, "backdrop_path")}", movie.GetProperty("backdrop_url").GetString());
        Assert.Equal(expected["runtime"]!.GetValue<int>(), movie.GetProperty("runtime_minutes").GetInt32());
        Assert.Equal(Math.Round(expected["vote_average"]!.GetValue<double>(), 1), movie.GetProperty("tmdb_rating").GetDouble());
        Assert.Equal(Text(expected, "release_date"), movie.GetProperty("release_date").GetString());

        // A movie TMDB does not have shows no invented details.
        var missing = MissingMovies.First();
        using var response = await http.GetAsync($"/movies/{missing}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bare = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(!bare.TryGetProperty("poster_url", out var poster) || poster.ValueKind == JsonValueKind.Null);
        Assert.True(!bare.TryGetProperty("overview", out var overview) || overview.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Enrich_ApiRowsOutrankMetadataDumpRows_WhicheverRunsLast()
    {
        var environment = Environment();
        var dump = await CliRunner.RunAsync(["enrich", "--metadata-file", SharedData.MetadataJoin], environment);
        Assert.True(dump.ExitCode == 0, dump.Output);
        Assert.All((await EnrichedAsync()).Values, d => Assert.Equal(MetadataFile.SourceName, d.Source));

        var api = await EnrichFastAsync();
        Assert.True(api.ExitCode == 0, api.Output);
        var afterApi = await EnrichedAsync();
        Assert.All(FoundMovies, id => Assert.Equal(TmdbEnrichmentJob.SourceName, afterApi[id].Source));
        // TMDB answered 404 for these: the dump's rows are all there is, and they stay.
        Assert.All(MissingMovies, id => Assert.Equal(MetadataFile.SourceName, afterApi[id].Source));
        Assert.All(TmdbTestData.MoviesWithoutTmdbId, id => Assert.Equal(MetadataFile.SourceName, afterApi[id].Source));

        var dumpAgain = await CliRunner.RunAsync(["enrich", "--metadata-file", SharedData.MetadataJoin], environment);
        Assert.True(dumpAgain.ExitCode == 0, dumpAgain.Output);
        var afterDumpAgain = await EnrichedAsync();
        Assert.All(FoundMovies, id => Assert.Equal(
            (TmdbEnrichmentJob.SourceName, afterApi[id].FetchedAt, afterApi[id].Overview, afterApi[id].PosterPath),
            (afterDumpAgain[id].Source, afterDumpAgain[id].FetchedAt, afterDumpAgain[id].Overview, afterDumpAgain[id].PosterPath)));
    }
}
