using Marquee.Core.Import;
using Marquee.Core.Interactions;

namespace Marquee.Benchmarks;

/// <summary>ml-latest-small, read once from ../shared/datasets (or MARQUEE_SHARED_DIR).</summary>
public static class Data
{
    private static readonly Lazy<InteractionMatrix> Matrix = new(() =>
    {
        using var files = DatasetFiles.FromPath(Path.Combine(SharedDir(), "datasets", "ml-latest-small"));
        return InteractionMatrix.Build(MovieLensReader.Read(files).Ratings);
    });

    public static InteractionMatrix MlLatestSmall => Matrix.Value;

    private static string SharedDir()
    {
        if (Environment.GetEnvironmentVariable("MARQUEE_SHARED_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "datasets")))
            {
                return Path.Combine(dir.FullName, "shared");
            }
        }
        throw new DirectoryNotFoundException("shared/datasets not found; set MARQUEE_SHARED_DIR");
    }
}
