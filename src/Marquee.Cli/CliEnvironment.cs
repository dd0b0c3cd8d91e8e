namespace Marquee.Cli;

/// <summary>Paths and endpoints every command shares, from MARQUEE_* variables or their defaults.</summary>
internal static class CliEnvironment
{
    /// <summary>
    /// Where data/ and build_artifacts/ live unless MARQUEE_DATA_DIR or MARQUEE_ARTIFACTS_DIR say otherwise: MARQUEE_HOME,
    /// else the repository this CLI was built in (./marquee publishes it to build_artifacts/cli), else the working
    /// directory. Resolved once, so running from another folder finds the same data instead of starting an empty one.
    /// </summary>
    public static string Home { get; } = ResolveHome();

    public static string DataDir => Path.GetFullPath(Get("MARQUEE_DATA_DIR", Path.Combine(Home, "data")));
    public static string ArtifactsDir => Path.GetFullPath(Get("MARQUEE_ARTIFACTS_DIR", Path.Combine(Home, "build_artifacts")));
    public static string? Database => Environment.GetEnvironmentVariable("MARQUEE_DB");
    /// <summary>The built UI: MARQUEE_UI_DIR (./marquee sets it), else ui/dist of the home.</summary>
    public static string UiDir => Path.GetFullPath(Get("MARQUEE_UI_DIR", Path.Combine(Home, "ui", "dist")));
    public static Uri GroupLensBaseUrl => new(Get("MARQUEE_GROUPLENS_BASE_URL", Core.Import.MovieLensDownloader.GroupLensBaseUrl).TrimEnd('/') + "/");
    public static Uri DefaultDatasetUrl => new(GroupLensBaseUrl, "ml-latest-small.zip");

    /// <summary>One line saying where the data lives, for commands that read or write it.</summary>
    public static string DescribeHome() =>
        $"Data in {DataDir}, models and database in {ArtifactsDir}"
        + (IsSet("MARQUEE_DATA_DIR") || IsSet("MARQUEE_ARTIFACTS_DIR") ? " (MARQUEE_DATA_DIR / MARQUEE_ARTIFACTS_DIR)"
            : IsSet("MARQUEE_HOME") ? " (MARQUEE_HOME)"
            : " (set MARQUEE_HOME to keep them elsewhere)");

    private static bool IsSet(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 };

    private static string ResolveHome()
    {
        if (Environment.GetEnvironmentVariable("MARQUEE_HOME") is { Length: > 0 } home)
        {
            return Path.GetFullPath(home);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "marquee")) && File.Exists(Path.Combine(dir.FullName, "Marquee.slnx")))
            {
                return dir.FullName;
            }
        }
        return Environment.CurrentDirectory;
    }

    private static string Get(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}

/// <summary>A failure the user can act on; printed as one line, exit code 1.</summary>
internal sealed class CliException(string message) : Exception(message);
