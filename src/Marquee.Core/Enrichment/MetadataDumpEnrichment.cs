using Marquee.Core.Artifacts;

namespace Marquee.Core.Enrichment;

/// <summary>What applying metadata dumps to a data directory did.</summary>
/// <param name="StartedAfresh">
/// <c>movies_enriched.parquet</c> was written for another catalogue (its movie ids name other films), so
/// nothing it held was kept.
/// </param>
public sealed record MetadataDumpOutcome(MetadataEnrichmentResult Result, bool StartedAfresh);

/// <summary>
/// Applies offline metadata dumps to a data directory's <c>movies_enriched.parquet</c> with the precedence
/// rules of <see cref="MetadataEnrichment"/>: what is stored for this catalogue wins, each dump in the order
/// given only fills gaps; rows stored for another catalogue are dropped, never mixed in. The caller holds
/// the <see cref="EnrichmentLock"/>.
/// </summary>
public static class MetadataDumpEnrichment
{
    public static async Task<MetadataDumpOutcome> ApplyAsync(DataDirectory data, IReadOnlyList<MetadataDump> dumps, CancellationToken cancellationToken)
    {
        var movies = await ParquetTables.ReadMoviesAsync(data.Movies, cancellationToken);
        var links = File.Exists(data.TmdbMapping) ? await ParquetTables.ReadLinksAsync(data.TmdbMapping, cancellationToken) : [];
        var catalogSha256 = CatalogFingerprint.Compute(movies);
        var stored = await StoredEnrichment.ReadAsync(data, cancellationToken);
        var sameCatalog = stored.IsFor(catalogSha256);
        var result = MetadataEnrichment.Apply(movies, links, sameCatalog ? stored.Rows : [], dumps);
        await StoredEnrichment.WriteAsync(data, result.Rows, catalogSha256, cancellationToken);
        return new MetadataDumpOutcome(result, StartedAfresh: !sameCatalog);
    }
}
