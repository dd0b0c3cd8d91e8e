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
        return await Progress.RunAsync($"Downloading {Path.GetFileName(url.AbsolutePath)}", progress =>
            downloader.DownloadAsync(url, downloadDirectory, sha256,
                new Progress<(long Done, long? Total)>(p => progress.Report(p.Total is > 0 ? (double)p.Done / p.Total.Value : 0)),
                cancellationToken));
    }
}
