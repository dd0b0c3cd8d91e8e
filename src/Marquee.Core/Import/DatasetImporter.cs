using System.Text.Json;
using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Interactions;

namespace Marquee.Core.Import;

/// <summary>What an import wrote, and what it did to the enrichment already there (null: nothing to carry over).</summary>
public sealed record ImportOutcome(DatasetManifest Manifest, ImportedDataset Dataset, EnrichmentCarryOverResult? Enrichment);

/// <summary>Turns a MovieLens release into the Parquet artifacts of a data directory.</summary>
public static class DatasetImporter
{
    /// <summary>
    /// Reads <paramref name="files"/> and replaces the dataset in <paramref name="data"/>. All files are
    /// written to a staging folder first and moved into place only when every one of them is complete.
    /// Enrichment already in the directory keeps only the films that are the same in the new release
    /// (<see cref="EnrichmentCarryOver"/>); models record the ratings they were trained on and are refused
    /// for other ones when served.
    /// </summary>
    public static async Task<ImportOutcome> ImportAsync(
        DatasetFiles files, DataDirectory data, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var dataset = MovieLensReader.Read(files, progress);
        var previousMovies = data.HasDataset ? await ParquetTables.ReadMoviesAsync(data.Movies, cancellationToken) : [];
        Directory.CreateDirectory(data.Root);
        var staging = new DataDirectory(Path.Combine(data.Root, $".staging-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(staging.Root);
        try
        {
            var stats = ComputeStats(dataset.Ratings);
            var links = dataset.Links.Count > 0
                ? dataset.Links
                : dataset.Movies.Select(m => new MovieLink(m.MovieId, null, null)).ToList();
            await ParquetTables.WriteMoviesAsync(staging.Movies, dataset.Movies, cancellationToken);
            await ParquetTables.WriteInteractionsAsync(staging.Interactions, dataset.Ratings, cancellationToken);
            await ParquetTables.WriteMovieStatsAsync(staging.MovieStats, stats, cancellationToken);
            await ParquetTables.WriteLinksAsync(staging.TmdbMapping, links, cancellationToken);
            await ParquetTables.WriteTagsAsync(staging.Tags, dataset.Tags, cancellationToken);
            var manifest = new DatasetManifest
            {
                Source = files.Origin,
                Layout = dataset.Layout.ToString().ToLowerInvariant(),
                ImportedAt = DateTimeOffset.UtcNow,
                Movies = dataset.Movies.Count,
                Ratings = dataset.Ratings.Count,
                Users = dataset.Ratings.UserIds.Distinct().Count(),
                Tags = dataset.Tags.Count,
                SkippedRows = dataset.ProblemCount,
                InteractionsSha256 = await MovieLensDownloader.Sha256Async(staging.Interactions, cancellationToken),
                CatalogSha256 = CatalogFingerprint.Compute(dataset.Movies),
            };

            // The manifest goes last: a reader that finds dataset.json finds a complete dataset.
            File.Delete(data.DatasetManifest);
            foreach (var (from, to) in new[]
                     {
                         (staging.Movies, data.Movies), (staging.Interactions, data.Interactions),
                         (staging.MovieStats, data.MovieStats), (staging.TmdbMapping, data.TmdbMapping), (staging.Tags, data.Tags),
                     })
            {
                File.Move(from, to, overwrite: true);
            }
            var enrichment = await EnrichmentCarryOver.ApplyAsync(data, previousMovies, dataset.Movies, links, manifest.CatalogSha256, cancellationToken);
            await AtomicFile.WriteAllTextAsync(data.DatasetManifest,
                JsonSerializer.Serialize(manifest, ArtifactJson.Default.DatasetManifest), cancellationToken);
            return new ImportOutcome(manifest, dataset, enrichment);
        }
        finally
        {
            Directory.Delete(staging.Root, recursive: true);
        }
    }

    /// <summary>Rating count and mean per movie, ordered by movie id.</summary>
    public static List<MovieStats> ComputeStats(InteractionTable ratings)
    {
        var sums = new Dictionary<int, (int Count, double Sum)>();
        for (var i = 0; i < ratings.Count; i++)
        {
            ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, ratings.MovieIds[i], out _);
            entry = (entry.Count + 1, entry.Sum + ratings.Ratings[i]);
        }
        return sums.OrderBy(kv => kv.Key).Select(kv => new MovieStats(kv.Key, kv.Value.Count, kv.Value.Sum / kv.Value.Count)).ToList();
    }
}
