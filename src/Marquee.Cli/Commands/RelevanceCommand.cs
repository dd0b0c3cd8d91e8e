using Marquee.Core.Artifacts;
using Marquee.Core.Evaluation.Relevance;

namespace Marquee.Cli.Commands;

/// <summary>
/// <c>evaluate --relevance/--tastes</c>: scores judged wishes and tastes (shared/eval/RELEVANCE.md) on a
/// running server, the way a person's client would ask it.
/// </summary>
internal static class RelevanceCommand
{
    public static async Task<int> RunAsync(string? wishesPath, string? tastesPath, string url, CancellationToken cancellationToken)
    {
        var wishes = wishesPath is null ? [] : RelevanceSets.LoadWishes(Existing(wishesPath));
        var tastes = tastesPath is null ? [] : RelevanceSets.LoadTastes(Existing(tastesPath));
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress))
        {
            throw new CliException($"--url {url} is not an absolute URL");
        }
        var canon = await CanonAsync(tastes.Count > 0, cancellationToken);
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var run = new RelevanceRun(client);
        var wishScores = new List<WishScore>();
        var tasteScores = new List<TasteScore>();
        try
        {
            foreach (var wish in wishes)
            {
                wishScores.Add(await run.ScoreWishAsync(wish, cancellationToken));
            }
            foreach (var taste in tastes)
            {
                tasteScores.Add(await run.ScoreTasteAsync(taste, canon, cancellationToken));
            }
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"{url}: {e.Message} (start the server with ./marquee serve, or pass --url)");
        }
        foreach (var line in new RelevanceReport(wishScores, tasteScores).Lines())
        {
            Console.WriteLine(line);
        }
        return 0;
    }

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new CliException($"{path} not found");

    /// <summary>The 50 most-rated films of the imported dataset (what the server serves).</summary>
    private static async Task<IReadOnlySet<int>> CanonAsync(bool needed, CancellationToken cancellationToken)
    {
        var data = new DataDirectory(CliEnvironment.DataDir);
        if (!needed)
        {
            return new HashSet<int>();
        }
        if (!File.Exists(data.MovieStats))
        {
            throw new CliException($"--tastes needs the imported dataset the server serves ({data.MovieStats} is missing)");
        }
        var stats = await ParquetTables.ReadMovieStatsAsync(data.MovieStats, cancellationToken);
        return RelevanceJudge.Canon(stats.Select(s => (s.MovieId, s.RatingCount)));
    }
}
