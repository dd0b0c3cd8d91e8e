using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marquee.Core.Catalog;

namespace Marquee.Core.Artifacts;

/// <summary>
/// Which film each movie id names in an imported dataset: SHA-256 over every movie's id, title and year, in id
/// order. Artifacts keyed by movie id (the enrichment) record it, because an id means another film in another
/// release (movie 2 is Jumanji in ml-latest-small and GoldenEye in ml-100k). It leaves out the ratings, so a
/// newer ratings file of the same release keeps its posters; models record the ratings' own hash instead.
/// </summary>
public static class CatalogFingerprint
{
    /// <summary>Key of the fingerprint in a Parquet file's key-value metadata.</summary>
    public const string MetadataKey = "marquee.catalog_sha256";

    public static string Compute(IEnumerable<Movie> movies)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var movie in movies.OrderBy(m => m.MovieId))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{movie.MovieId}\t{movie.Title}\t{movie.Year}\n")));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The fingerprint of the dataset imported in <paramref name="data"/>: as <c>dataset.json</c> records it, or
    /// computed from <c>movies.parquet</c> for a dataset imported before it was recorded.</summary>
    public static async Task<string> OfAsync(DataDirectory data, CancellationToken cancellationToken = default)
    {
        if (await DatasetManifest.ReadAsync(data, cancellationToken) is { CatalogSha256: { Length: > 0 } recorded })
        {
            return recorded;
        }
        return Compute(await ParquetTables.ReadMoviesAsync(data.Movies, cancellationToken));
    }

    /// <summary>The first 12 hex digits, enough to tell two catalogues apart in a message.</summary>
    public static string Short(string fingerprint) => fingerprint.Length > 12 ? fingerprint[..12] : fingerprint;
}
