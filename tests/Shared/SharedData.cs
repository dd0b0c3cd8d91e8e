namespace Marquee.Tests.Shared;

// One copy for the three test projects: each compiles it in (see their .csproj) and imports the namespace globally.

/// <summary>Locates the read-only datasets in <c>../shared/datasets</c> (never copied into the repository).</summary>
public static class SharedData
{
    public static string Root { get; } = FindRoot();

    public static string MlLatestSmall => Path.Combine(Root, "datasets", "ml-latest-small");
    public static string Ml100K => Path.Combine(Root, "datasets", "ml-100k");
    public static string MetadataJoin => Path.Combine(Root, "datasets", "ml-latest-small-metadata-join", "movie_metadata_join.csv");
    public static string Tmdb5000Movies => Path.Combine(Root, "datasets", "tmdb-5000-movies", "tmdb_5000_movies.csv");
    public static string MoviesMetadataFirst5000 => Path.Combine(Root, "datasets", "the-movies-dataset-partial", "movies_metadata_first5000.csv");
    public static string MoviesMetadataVoteCount50 => Path.Combine(Root, "datasets", "the-movies-dataset-partial", "movies_metadata_votecount50_overviews.csv");
    public static string TmdbMovies2023Top => Path.Combine(Root, "datasets", "tmdb-movies-dataset-2023-subset", "TMDB_movie_dataset_v11_top2631.csv");

    /// <summary>The shared metadata dumps in the order the docs apply them: the join file first.</summary>
    public static string[] MetadataDumps => [MetadataJoin, Tmdb5000Movies, MoviesMetadataFirst5000, MoviesMetadataVoteCount50, TmdbMovies2023Top];

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("MARQUEE_SHARED_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(dir.FullName, "shared");
            }
        }
        throw new DirectoryNotFoundException("../shared/datasets not found; set MARQUEE_SHARED_DIR");
    }
}

/// <summary>A temporary directory deleted when the test ends.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "marquee-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process under test may still hold a file; the OS cleans /tmp.
        }
    }
}
