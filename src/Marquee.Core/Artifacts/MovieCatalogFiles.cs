using Marquee.Core.Catalog;

namespace Marquee.Core.Artifacts;

/// <summary>
/// Reads a <see cref="MovieCatalog"/> from the Parquet files of a data directory, as <c>MovieCatalog.LoadAsync(data)</c>.
/// The catalogue itself only takes rows: reading files is this namespace's job, so Catalog never depends on it.
/// </summary>
public static class MovieCatalogFiles
{
    extension(MovieCatalog)
    {
        /// <summary>
        /// Loads the catalogue from an imported data directory (details and tags when present). Details written for
        /// another catalogue (<see cref="StoredEnrichment"/>) are left out and named in <see cref="MovieCatalog.Refused"/>.
        /// </summary>
        public static async Task<MovieCatalog> LoadAsync(DataDirectory data, CancellationToken cancellationToken = default)
        {
            var movies = await ParquetTables.ReadMoviesAsync(data.Movies, cancellationToken);
            var stats = File.Exists(data.MovieStats) ? await ParquetTables.ReadMovieStatsAsync(data.MovieStats, cancellationToken) : [];
            var links = File.Exists(data.TmdbMapping) ? await ParquetTables.ReadLinksAsync(data.TmdbMapping, cancellationToken) : [];
            var stored = await StoredEnrichment.ReadAsync(data, cancellationToken);
            var catalogSha256 = CatalogFingerprint.Compute(movies);
            var fits = stored.IsFor(catalogSha256);
            var tags = File.Exists(data.Tags) ? await ParquetTables.ReadTagsAsync(data.Tags, cancellationToken) : [];
            var state = await TmdbEnrichmentState.ReadAsync(data, cancellationToken);
            return new MovieCatalog(movies, stats, links, fits ? stored.Rows : [], tags, state.ImageBaseUrl)
            {
                Refused = fits ? [] :
                [
                    $"{Path.GetFileName(data.MoviesEnriched)} was written for another catalogue ({CatalogFingerprint.Short(stored.CatalogSha256!)}, "
                    + $"the imported one is {CatalogFingerprint.Short(catalogSha256)}): posters and overviews are left out; run ./marquee enrich",
                ],
            };
        }
    }
}
