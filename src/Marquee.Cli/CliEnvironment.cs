namespace Marquee.Cli;

/// <summary>Paths and endpoints every command shares, from MARQUEE_* variables or their defaults.</summary>
internal static class CliEnvironment
{
    public static string DataDir => Get("MARQUEE_DATA_DIR", "data");
    public static string ArtifactsDir => Get("MARQUEE_ARTIFACTS_DIR", "build_artifacts");
    public static string? Database => Environment.GetEnvironmentVariable("MARQUEE_DB");
    public static Uri GroupLensBaseUrl => new(Get("MARQUEE_GROUPLENS_BASE_URL", Core.Import.MovieLensDownloader.GroupLensBaseUrl).TrimEnd('/') + "/");
    public static Uri DefaultDatasetUrl => new(GroupLensBaseUrl, "ml-latest-small.zip");

    private static string Get(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}

/// <summary>A failure the user can act on; printed as one line, exit code 1.</summary>
internal sealed class CliException(string message) : Exception(message);
