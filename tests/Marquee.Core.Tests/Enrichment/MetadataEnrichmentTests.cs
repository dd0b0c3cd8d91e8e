using Marquee.Core.Catalog;
using Marquee.Core.Enrichment;

namespace Marquee.Core.Tests.Enrichment;

public class MetadataEnrichmentTests
{
    private static readonly Movie[] Movies =
    [
        new(1, "Toy Story", 1995, ["Animation"]),
        new(2, "Amelie (Fabuleux destin d'Amélie Poulain, Le)", 2001, ["Comedy"]),
        new(3, "Toy Story (Special Edition)", 1995, ["Animation"]),
        new(4, "Unknown Film", 1990, ["Drama"]),
    ];

    // Two MovieLens entries for one TMDB film, as ml-latest-small has.
    private static readonly MovieLink[] Links = [new(1, "tt0114709", 862), new(2, "tt0211915", 194), new(3, "tt0114709", 862), new(4, null, null)];

    private static MetadataDump ByTmdbId(string name, params MovieDetails[] rows) =>
        new() { Path = $"/dumps/{name}", Format = MetadataDumpFormat.Tmdb5000, Rows = rows };

    private static MovieDetails Tmdb(int tmdbId, string? overview = null, string? tagline = null, string? title = null, string[]? keywords = null) =>
        new() { MovieId = 0, TmdbId = tmdbId, Overview = overview, Tagline = tagline, Title = title, Keywords = keywords, Source = MetadataFile.SourceName };

    [Fact]
    public void Apply_StoredAndEarlierFiles_WinOverLaterFiles()
    {
        MovieDetails[] stored = [new() { MovieId = 1, Overview = "From the API.", Source = TmdbEnrichmentJob.SourceName }];
        var first = ByTmdbId("first.csv", Tmdb(862, overview: "First file.", tagline: "To infinity."));
        var second = ByTmdbId("second.csv", Tmdb(862, overview: "Second file.", tagline: "Later.", keywords: ["toy"]));

        var result = MetadataEnrichment.Apply(Movies, Links, stored, [first, second]);

        var toyStory = result.Rows.Single(r => r.MovieId == 1);
        Assert.Equal(("From the API.", "To infinity.", TmdbEnrichmentJob.SourceName), (toyStory.Overview, toyStory.Tagline, toyStory.Source));
        Assert.Equal(["toy"], toyStory.Keywords);
        var coverage = result.Coverage.ToDictionary(c => c.Field);
        Assert.Equal(MetadataEnrichment.AlreadyStored, coverage["overview"].TopSource);
        Assert.Equal("first.csv", coverage["tagline"].TopSource);
        Assert.Equal("second.csv", coverage["keywords"].TopSource);
    }

    [Fact]
    public void Apply_SharedTmdbId_GivesEveryMovieTheRow()
    {
        var dump = ByTmdbId("tmdb.csv", Tmdb(862, overview: "Toys."));

        var result = MetadataEnrichment.Apply(Movies, Links, [], [dump]);

        Assert.Equal("Toys.", result.Rows.Single(r => r.MovieId == 1).Overview);
        Assert.Equal("Toys.", result.Rows.Single(r => r.MovieId == 3).Overview);
        Assert.Equal(new DumpApplied(dump, 2, 2), Assert.Single(result.Dumps));
    }

    [Fact]
    public void Apply_DisplayTitles_TmdbTitleElseMovieLensTitleWithoutAlternates()
    {
        var dump = ByTmdbId("tmdb.csv", Tmdb(862, title: "Toy Story"));

        var result = MetadataEnrichment.Apply(Movies, Links, [], [dump]);

        var rows = result.Rows.ToDictionary(r => r.MovieId);
        Assert.Equal(("Toy Story", MetadataFile.SourceName), (rows[1].Title, rows[1].Source));
        Assert.Equal(("Amelie", MovieDetails.MovieLensTitleSource), (rows[2].Title, rows[2].Source));
        Assert.Equal(["Le Fabuleux destin d'Amélie Poulain"], rows[2].AlsoKnownAs);
        Assert.Equal("Toy Story", rows[3].Title);
        Assert.Equal(["Special Edition"], rows[3].AlsoKnownAs);
        Assert.False(rows[4].HasTmdbDetails());
        Assert.Equal(2, result.Coverage.Single(c => c.Field == "display title (TMDB)").Films);
    }

    [Fact]
    public void Apply_LaterRunWithATmdbTitle_ReplacesTheMovieLensFallback()
    {
        var firstRun = MetadataEnrichment.Apply(Movies, Links, [], []);
        var dump = ByTmdbId("tmdb.csv", Tmdb(194, title: "Amélie", overview: "A waitress."));

        var secondRun = MetadataEnrichment.Apply(Movies, Links, firstRun.Rows, [dump]);

        var amelie = secondRun.Rows.Single(r => r.MovieId == 2);
        Assert.Equal(("Amélie", "A waitress.", MetadataFile.SourceName), (amelie.Title, amelie.Overview, amelie.Source));
        Assert.Equal(["Le Fabuleux destin d'Amélie Poulain"], amelie.AlsoKnownAs);
    }

    [Fact]
    public void Apply_SameFilesTwice_ChangesNothing()
    {
        var dump = ByTmdbId("tmdb.csv", Tmdb(862, title: "Toy Story", overview: "Toys.", keywords: ["toy"]));
        var firstRun = MetadataEnrichment.Apply(Movies, Links, [], [dump]);

        var secondRun = MetadataEnrichment.Apply(Movies, Links, firstRun.Rows, [dump]);

        Assert.Equal(Describe(firstRun.Rows), Describe(secondRun.Rows));
    }

    private static string Describe(IEnumerable<MovieDetails> rows) => System.Text.Json.JsonSerializer.Serialize(rows);
}
