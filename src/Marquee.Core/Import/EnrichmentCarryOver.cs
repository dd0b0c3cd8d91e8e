using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;

namespace Marquee.Core.Import;

/// <summary>What a re-import did to the stored enrichment.</summary>
/// <param name="Kept">Films whose details still describe the film their id names.</param>
/// <param name="Dropped">Films whose id now names another film, or could not be checked.</param>
public sealed record EnrichmentCarryOverResult(int Kept, int Dropped);

/// <summary>
/// Carries <c>movies_enriched.parquet</c> across a re-import. Its rows are keyed by movie id, and ids name other films in
/// another release: a row is kept only when its film is provably the same — the same TMDB id as the new release's
/// links, or, where either side has none, the same MovieLens title and year as before the import. The rest are dropped
/// (enrich again to fill them) and the file is stamped with the new <see cref="CatalogFingerprint"/>.
/// </summary>
public static class EnrichmentCarryOver
{
    /// <param name="previousMovies">The catalogue before the import; empty when there was none.</param>
    public static async Task<EnrichmentCarryOverResult?> ApplyAsync(DataDirectory data, IReadOnlyList<Movie> previousMovies,
        IReadOnlyList<Movie> movies, IReadOnlyList<MovieLink> links, string catalogSha256, CancellationToken cancellationToken = default)
    {
        var stored = await StoredEnrichment.ReadAsync(data, cancellationToken);
        if (stored.Rows.Count == 0 || stored.CatalogSha256 == catalogSha256)
        {
            return null;
        }
        var before = previousMovies.ToDictionary(m => m.MovieId);
        var now = movies.ToDictionary(m => m.MovieId);
        var tmdbIds = links.Where(l => l.TmdbId is not null).GroupBy(l => l.MovieId).ToDictionary(g => g.Key, g => g.First().TmdbId!.Value);
        var kept = new List<MovieDetails>(stored.Rows.Count);
        foreach (var row in stored.Rows)
        {
            if (!now.TryGetValue(row.MovieId, out var movie))
            {
                continue;
            }
            var sameFilm = row.TmdbId is { } stamped && tmdbIds.TryGetValue(row.MovieId, out var linked)
                ? stamped == linked
                : before.TryGetValue(row.MovieId, out var previous) && previous.Title == movie.Title && previous.Year == movie.Year;
            if (sameFilm)
            {
                kept.Add(row);
            }
        }
        await StoredEnrichment.WriteAsync(data, kept, catalogSha256, cancellationToken);
        return new EnrichmentCarryOverResult(kept.Count, stored.Rows.Count - kept.Count);
    }
}
