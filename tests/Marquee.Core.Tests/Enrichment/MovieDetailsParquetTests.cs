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

    private sealed class OldDetailsRow
    {
        [JsonPropertyName("movie_id")] public int MovieId { get; set; }
        [JsonPropertyName("tmdb_id")] public int? TmdbId { get; set; }
        [JsonPropertyName("overview")] public string? Overview { get; set; }
        [JsonPropertyName("poster_path")] public string? PosterPath { get; set; }
        [JsonPropertyName("source")] public string? Source { get; set; }
    }
}
