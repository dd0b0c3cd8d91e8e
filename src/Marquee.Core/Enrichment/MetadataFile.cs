using Marquee.Core.Catalog;
using Marquee.Core.Import;

namespace Marquee.Core.Enrichment;

/// <summary>
/// The entry point for offline TMDB metadata dumps: tells the format from the header (not the file name) and
/// hands the file to its reader. See <see cref="MetadataDumpFormat"/> for the formats.
/// </summary>
public static class MetadataFile
{
    /// <summary>The <see cref="MovieDetails.Source"/> of rows first written from a dump.</summary>
    public const string SourceName = "metadata-file";

    /// <summary>Reads any recognised dump.</summary>
    /// <exception cref="DatasetException">The file is missing or its header matches no known dump.</exception>
    public static MetadataDump Load(string path) => Detect(path) switch
    {
        MetadataDumpFormat.JoinFile => JoinFileReader.Read(path),
        MetadataDumpFormat.Tmdb5000 => Tmdb5000Reader.Read(path),
        MetadataDumpFormat.MoviesDataset => MoviesDatasetReader.Read(path),
        MetadataDumpFormat.MoviesDatasetKeywords => MoviesDatasetReader.ReadKeywords(path),
        MetadataDumpFormat.MoviesDatasetCredits => MoviesDatasetReader.ReadCredits(path),
        MetadataDumpFormat.TmdbMovieDataset2023 => TmdbMovieDataset2023Reader.Read(path),
        var format => throw new InvalidOperationException($"no reader for {format}"),
    };

    /// <summary>Reads a dump keyed by MovieLens <c>movieId</c> (the join file), adding skipped rows to <paramref name="problems"/>.</summary>
    public static List<MovieDetails> Read(string path, List<ImportProblem>? problems = null)
    {
        var dump = Load(path);
        if (!dump.KeyedByMovieId)
        {
            throw new DatasetException($"{path} is keyed by TMDB id ({dump.Format}); join it through tmdb_mapping.parquet with MetadataEnrichment");
        }
        problems?.AddRange(dump.Skipped);
        return [.. dump.Rows];
    }

    /// <summary>Which dump the header belongs to.</summary>
    public static MetadataDumpFormat Detect(string path)
    {
        var columns = DumpCells.Header(path).Select(c => c.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Has(params string[] names) => names.All(columns.Contains);
        return columns switch
        {
            _ when Has("movieId") => MetadataDumpFormat.JoinFile,
            // Only the 2023 dump has a film's backdrop; only TMDB 5000 puts keywords beside the titles.
            _ when Has("id", "backdrop_path") => MetadataDumpFormat.TmdbMovieDataset2023,
            _ when Has("id", "title", "keywords") => MetadataDumpFormat.Tmdb5000,
            _ when Has("id", "keywords") && columns.Count == 2 => MetadataDumpFormat.MoviesDatasetKeywords,
            _ when Has("id", "cast", "crew") => MetadataDumpFormat.MoviesDatasetCredits,
            _ when Has("id", "title") || Has("id", "belongs_to_collection") => MetadataDumpFormat.MoviesDataset,
            _ => throw new DatasetException(
                $"{path}: header not recognised ({string.Join(",", columns.Take(8))}…); expected the join file (movieId,…), "
                + "tmdb_5000_movies.csv, movies_metadata.csv (or its keywords.csv / credits.csv) or TMDB_movie_dataset_v11.csv"),
        };
    }
}
