using Marquee.Core.Catalog;
using Marquee.Core.Import;

namespace Marquee.Core.Enrichment;

/// <summary>The TMDB-shaped dumps <see cref="MetadataFile"/> recognises by their header.</summary>
public enum MetadataDumpFormat
{
    /// <summary><c>movie_metadata_join.csv</c>: one row per MovieLens movie, keyed by <c>movieId</c>.</summary>
    JoinFile,
    /// <summary>Kaggle "TMDB 5000" <c>tmdb_5000_movies.csv</c>: JSON array cells.</summary>
    Tmdb5000,
    /// <summary>Kaggle "The Movies Dataset" <c>movies_metadata.csv</c> (or a subset of its columns): Python repr cells.</summary>
    MoviesDataset,
    /// <summary>The Movies Dataset's <c>keywords.csv</c> (id, keywords).</summary>
    MoviesDatasetKeywords,
    /// <summary>The Movies Dataset's <c>credits.csv</c> (cast, crew, id).</summary>
    MoviesDatasetCredits,
    /// <summary>Kaggle "TMDB Movies Dataset 2023" <c>TMDB_movie_dataset_v11.csv</c>: comma-separated names.</summary>
    TmdbMovieDataset2023,
}

/// <summary>What one dump file holds, as read.</summary>
public sealed record MetadataDump
{
    public required string Path { get; init; }
    public required MetadataDumpFormat Format { get; init; }

    /// <summary>
    /// The rows. A join file's carry the MovieLens <see cref="MovieDetails.MovieId"/>; every other format's are
    /// keyed by <see cref="MovieDetails.TmdbId"/> alone (MovieId 0) and join through <c>tmdb_mapping.parquet</c>.
    /// </summary>
    public required IReadOnlyList<MovieDetails> Rows { get; init; }

    /// <summary>Rows left out, e.g. the Movies Dataset rows whose columns slipped so the id is not a number.</summary>
    public IReadOnlyList<ImportProblem> Skipped { get; init; } = [];

    /// <summary>Country and language names with no known ISO code; kept out of the rows.</summary>
    public IReadOnlyDictionary<string, int> UnknownNames { get; init; } = new Dictionary<string, int>();

    /// <summary>Files read along with this one (<c>keywords.csv</c>, <c>credits.csv</c> beside <c>movies_metadata.csv</c>).</summary>
    public IReadOnlyList<string> Companions { get; init; } = [];

    public bool KeyedByMovieId => Format == MetadataDumpFormat.JoinFile;

    public string FileName => System.IO.Path.GetFileName(Path);
}
