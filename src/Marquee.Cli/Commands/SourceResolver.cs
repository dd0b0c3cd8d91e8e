using Marquee.Core.Import;

namespace Marquee.Cli.Commands;

/// <summary>Turns <c>--source</c> (directory, zip or URL) into a local directory or zip path.</summary>
internal static class SourceResolver
{
    public static async Task<string> ResolveAsync(string source, string? sha256, string downloadDirectory, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return Path.GetFullPath(source);
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("marquee/1.0 (+movie recommender)");
        var downloader = new MovieLensDownloader(http);
        try
        {
            return await Progress.RunAsync($"Downloading {Path.GetFileName(url.AbsolutePath)}", progress =>
                downloader.DownloadAsync(url, downloadDirectory, sha256,
                    new Progress<(long Done, long? Total)>(p => progress.Report(p.Total is > 0 ? (double)p.Done / p.Total.Value : 0)),
                    cancellationToken));
        }
        catch (DatasetException e) when (e.InnerException is HttpRequestException)
        {
            throw new CliException($"{e.Message}. {OfflineHint}");
        }
    }

    /// <summary>What to do without a network: the same advice ./marquee gives when it finds GroupLens unreachable.</summary>
    public const string OfflineHint =
        "Without a network, use local files: --source DIR|ZIP (a MovieLens release folder or zip, e.g. ../shared/datasets/ml-latest-small), "
        + "or set MARQUEE_GROUPLENS_BASE_URL to a mirror that serves ml-latest-small.zip";
}
