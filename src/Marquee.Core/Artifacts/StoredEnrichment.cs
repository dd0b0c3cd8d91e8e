using Marquee.Core.Catalog;

namespace Marquee.Core.Artifacts;

/// <summary>
/// <c>movies_enriched.parquet</c> with the catalogue fingerprint it was written for (<see cref="CatalogFingerprint"/>).
/// Rows keyed by movie id are only right for the catalogue whose ids they were matched to: read through here,
/// details built for another catalogue are refused instead of shown under another film's title.
/// </summary>
/// <param name="Rows">The stored rows (all of them, whether or not they fit the current catalogue).</param>
/// <param name="CatalogSha256">The fingerprint the file was written for; null for files written before it was recorded.</param>
public sealed record StoredEnrichment(IReadOnlyList<MovieDetails> Rows, string? CatalogSha256)
{
    public static StoredEnrichment None { get; } = new([], null);

    /// <summary>
    /// Whether the rows may be used with the catalogue of fingerprint <paramref name="catalogSha256"/>. A file from before
    /// fingerprints is trusted: it was written for the data beside it, and every re-import since checks and stamps it.
    /// </summary>
    public bool IsFor(string catalogSha256) => CatalogSha256 is null || CatalogSha256 == catalogSha256;

    /// <summary>The stored enrichment, or <see cref="None"/> when there is no file.</summary>
    public static async Task<StoredEnrichment> ReadAsync(DataDirectory data, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(data.MoviesEnriched))
        {
            return None;
        }
        var (rows, metadata) = await ParquetTables.ReadMovieDetailsWithMetadataAsync(data.MoviesEnriched, cancellationToken);
        return new StoredEnrichment(rows, metadata.GetValueOrDefault(CatalogFingerprint.MetadataKey));
    }

    /// <summary>The rows usable with the current catalogue: all of them, or none when the file was built for another one.</summary>
    public static async Task<IReadOnlyList<MovieDetails>> ReadCurrentAsync(DataDirectory data, CancellationToken cancellationToken = default)
    {
        var stored = await ReadAsync(data, cancellationToken);
        return stored.Rows.Count == 0 || stored.IsFor(await CatalogFingerprint.OfAsync(data, cancellationToken)) ? stored.Rows : [];
    }

    /// <summary>Writes <paramref name="rows"/> atomically, stamped with the catalogue they belong to.</summary>
    public static Task WriteAsync(DataDirectory data, IEnumerable<MovieDetails> rows, string catalogSha256, CancellationToken cancellationToken = default) =>
        ParquetTables.WriteMovieDetailsAsync(data.MoviesEnriched, rows, cancellationToken,
            new Dictionary<string, string> { [CatalogFingerprint.MetadataKey] = catalogSha256 });
}
