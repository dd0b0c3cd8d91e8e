using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Import;

namespace Marquee.Core.Tests.Import;

public class EnrichmentCarryOverTests
{
    private static readonly Movie[] Before =
    [
        new(1, "Toy Story", 1995, []), new(2, "Jumanji", 1995, []), new(3, "Heat", 1995, []), new(4, "Sabrina", 1995, []), new(5, "Nixon", 1995, []),
    ];

    private static readonly Movie[] After =
    [
        new(1, "Toy Story", 1995, []), new(2, "GoldenEye", 1995, []), new(3, "Heat", 1995, []), new(4, "Four Rooms", 1995, []),
    ];

    [Fact]
    public async Task ApplyAsync_AnotherRelease_KeepsOnlyFilmsThatAreProvablyTheSame_AndStampsTheNewCatalogue()
    {
        using var dir = new TempDirectory();
        var data = new DataDirectory(dir.Path);
        await StoredEnrichment.WriteAsync(data,
        [
            new MovieDetails { MovieId = 1, TmdbId = 862, Overview = "toys" },      // same TMDB id as the new link
            new MovieDetails { MovieId = 2, TmdbId = 8844, Overview = "a board game" }, // the id now names GoldenEye (TMDB 710)
            new MovieDetails { MovieId = 3, Overview = "a heist" },                   // no TMDB id: same title and year
            new MovieDetails { MovieId = 4, Overview = "a witch" },                   // no TMDB id: another title
            new MovieDetails { MovieId = 5, TmdbId = 10858, Overview = "a president" }, // gone from the catalogue
        ], CatalogFingerprint.Compute(Before));
        var newFingerprint = CatalogFingerprint.Compute(After);

        var result = await EnrichmentCarryOver.ApplyAsync(data, Before, After,
            [new MovieLink(1, null, 862), new MovieLink(2, null, 710)], newFingerprint);
        var stored = await StoredEnrichment.ReadAsync(data);

        Assert.Equal(new EnrichmentCarryOverResult(2, 3), result);
        Assert.Equal([1, 3], stored.Rows.Select(r => r.MovieId));
        Assert.Equal(newFingerprint, stored.CatalogSha256);
    }

    [Fact]
    public async Task ApplyAsync_SameCatalogue_LeavesTheFileAlone()
    {
        using var dir = new TempDirectory();
        var data = new DataDirectory(dir.Path);
        var fingerprint = CatalogFingerprint.Compute(After);
        await StoredEnrichment.WriteAsync(data, [new MovieDetails { MovieId = 2, TmdbId = 710 }], fingerprint);

        var result = await EnrichmentCarryOver.ApplyAsync(data, After, After, [], fingerprint);

        Assert.Null(result);
        Assert.Single((await StoredEnrichment.ReadAsync(data)).Rows);
    }

    [Fact]
    public async Task MovieCatalogLoad_EnrichmentWrittenForAnotherCatalogue_IsLeftOutAndNamed()
    {
        using var dir = new TempDirectory();
        var data = new DataDirectory(dir.Path);
        await ParquetTables.WriteMoviesAsync(data.Movies, After);
        await StoredEnrichment.WriteAsync(data, [new MovieDetails { MovieId = 2, TmdbId = 8844, Overview = "a board game" }], CatalogFingerprint.Compute(Before));

        var catalog = await MovieCatalog.LoadAsync(data);

        Assert.Null(catalog.Find(2)!.Details);
        Assert.Contains("written for another catalogue", Assert.Single(catalog.Refused));
    }

    [Fact]
    public async Task MovieCatalogLoad_EnrichmentFromBeforeFingerprints_IsUsed()
    {
        using var dir = new TempDirectory();
        var data = new DataDirectory(dir.Path);
        await ParquetTables.WriteMoviesAsync(data.Movies, After);
        await ParquetTables.WriteMovieDetailsAsync(data.MoviesEnriched, [new MovieDetails { MovieId = 2, TmdbId = 710, Overview = "a spy" }]);

        var catalog = await MovieCatalog.LoadAsync(data);

        Assert.Equal("a spy", catalog.Find(2)!.Details!.Overview);
        Assert.Empty(catalog.Refused);
    }
}
