namespace Marquee.Tests.Shared;

/// <summary>
/// Film vectors of ml-latest-small enriched from every shared dump, as the last test that embedded them left them
/// (build_artifacts/test-cache, git-ignored). Embedding the catalogue takes minutes on two cores and two suites need
/// the same vectors: the README test runs <c>./marquee up</c> on a fresh folder (it never reads this: the fresh-machine
/// promise includes the embedding) and saves what it made; the relevance fixture starts from it, and the embedding
/// job re-embeds only the films whose text differs. A clean clone embeds once instead of twice.
/// </summary>
public static class EmbeddingTestCache
{
    public static string Location { get; } = Path.Combine(RepositoryRoot(), "build_artifacts", "test-cache", "movie_embeddings.parquet");

    /// <summary>Copies the cached vectors to <paramref name="destination"/>; false when no run has saved any yet.</summary>
    public static bool TryRestore(string destination)
    {
        if (!File.Exists(Location))
        {
            return false;
        }
        File.Copy(Location, destination, overwrite: true);
        return true;
    }

    /// <summary>Keeps <paramref name="source"/> for the next suite, replacing the cached file in one rename.</summary>
    public static void Save(string source)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Location)!);
        var staging = Location + $".{Environment.ProcessId}.tmp";
        File.Copy(source, staging, overwrite: true);
        File.Move(staging, Location, overwrite: true);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marquee.slnx")))
            {
                return dir.FullName;
            }
        }
        return Path.GetTempPath();
    }
}
