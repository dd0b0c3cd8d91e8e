using System.Text.Json.Serialization;
using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Tests.Support;
using Parquet.Serialization;

namespace Marquee.Core.Tests.Enrichment;

/// <summary><c>movies_enriched.parquet</c> gained tmdb_genres and fetched_at; files from before stay readable.</summary>
public class MovieDetailsParquetTests
{
    [Fact]
    public async Task ReadMovieDetailsAsync_FileWrittenBeforeTheNewColumns_ReadsThemAsNull()
    {
        using var dir = new TempDirectory();
        var path = dir.File("movies_enriched.parquet");
        await using (var stream = File.Create(path))
        {
            await ParquetSerializer.SerializeAsync(new[] { new OldDetailsRow { MovieId = 1, TmdbId = 862, Overview = "Toys.", Source = "metadata-file" } }, stream);
        }

        var details = Assert.Single(await ParquetTables.ReadMovieDetailsAsync(path));

        Assert.Equal((1, 862, "Toys.", "metadata-file"), (details.MovieId, details.TmdbId, details.Overview, details.Source));
        Assert.Null(details.TmdbGenres);
        Assert.Null(details.FetchedAt);
    }

    [Fact]
    public async Task WriteMovieDetailsAsync_NewColumns_RoundTrip()
    {
        using var dir = new TempDirectory();
        var path = dir.File("movies_enriched.parquet");
        var fetchedAt = new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.Zero);

        await ParquetTables.WriteMovieDetailsAsync(path, [new MovieDetails { MovieId = 1, TmdbGenres = ["Animation", "Comedy"], FetchedAt = fetchedAt, Source = "tmdb-api" }]);
        var details = Assert.Single(await ParquetTables.ReadMovieDetailsAsync(path));

        Assert.Equal(["Animation", "Comedy"], details.TmdbGenres);
        Assert.Equal(fetchedAt, details.FetchedAt);
    }

    [Fact]
    public async Task WriteMovieDetailsAsync_CreditsKeywordsLanguagesAndFranchise_RoundTrip()
    {
        using var dir = new TempDirectory();
        var path = dir.File("movies_enriched.parquet");
        var written = new MovieDetails
        {
            MovieId = 2571, Title = "The Matrix", OriginalTitle = "The Matrix", AlsoKnownAs = ["Matrix"],
            Keywords = ["simulated reality", "hacker"], OriginalLanguage = "en", SpokenLanguages = ["en"],
            ProductionCountries = ["US", "AU"], ProductionCompanies = ["Village Roadshow Pictures"],
            CollectionId = 2344, CollectionName = "The Matrix Collection", Certification = "R", CertificationCountry = "US",
            Directors = [new CreditedPerson("Lana Wachowski", 9340), new CreditedPerson("Lilly Wachowski", 9339)],
            Writers = [new CreditedPerson("Lana Wachowski", 9340)],
            Cast = [new CreditedPerson("Keanu Reeves", 6384), new CreditedPerson("Carrie-Anne Moss")],
            TmdbPopularity = 80.5, RuntimeMinutes = 136,
        };

        await ParquetTables.WriteMovieDetailsAsync(path, [written, new MovieDetails { MovieId = 1 }]);
        var read = await ParquetTables.ReadMovieDetailsAsync(path);

        var matrix = read[0];
        Assert.Equal(written.Keywords, matrix.Keywords);
        Assert.Equal(written.ProductionCountries, matrix.ProductionCountries);
        Assert.Equal((2344, "The Matrix Collection", "R", "US"), (matrix.CollectionId, matrix.CollectionName, matrix.Certification, matrix.CertificationCountry));
        Assert.Equal(written.Directors, matrix.Directors);
        Assert.Equal(written.Cast, matrix.Cast);
        Assert.Equal((80.5, "The Matrix", "en"), (matrix.TmdbPopularity, matrix.Title, matrix.OriginalLanguage));
        Assert.False(matrix.IsShort);
        Assert.Null(read[1].Directors);
        Assert.Null(read[1].Keywords);
    }

    private sealed class OldDetailsRow
    {
        [JsonPropertyName("movie_id")] public int MovieId { get; set; }
        [JsonPropertyName("tmdb_id")] public int? TmdbId { get; set; }
        [JsonPropertyName("overview")] public string? Overview { get; set; }
        [JsonPropertyName("poster_path")] public string? PosterPath { get; set; }
        [JsonPropertyName("source")] public string? Source { get; set; }
    }
}
