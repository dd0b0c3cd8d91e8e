namespace Marquee.Core.Artifacts;

/// <summary>The offline artifacts of one imported dataset, as laid out in DESIGN.md.</summary>
public sealed class DataDirectory(string root)
{
    public string Root { get; } = Path.GetFullPath(root);
    public string Movies => Path.Combine(Root, "movies.parquet");
    public string Interactions => Path.Combine(Root, "interactions.parquet");
    public string MovieStats => Path.Combine(Root, "movie_stats.parquet");
    public string TmdbMapping => Path.Combine(Root, "tmdb_mapping.parquet");
    public string Tags => Path.Combine(Root, "tags.parquet");
    public string MoviesEnriched => Path.Combine(Root, "movies_enriched.parquet");
    /// <summary>Text embeddings of the films (see docs/embeddings.md); optional, written by <c>marquee embed</c>.</summary>
    public string MovieEmbeddings => Path.Combine(Root, "movie_embeddings.parquet");
    /// <summary>Written last by an import: its presence means the other files are complete.</summary>
    public string DatasetManifest => Path.Combine(Root, "dataset.json");
    public string Downloads => Path.Combine(Root, "downloads");

    public bool HasDataset => File.Exists(DatasetManifest) && File.Exists(Movies) && File.Exists(Interactions);
}
