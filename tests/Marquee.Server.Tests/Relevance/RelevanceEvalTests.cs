using Marquee.Core.Artifacts;
using Marquee.Core.Evaluation.Relevance;
using Marquee.Server.Tests.Support;
using Xunit.Abstractions;

namespace Marquee.Server.Tests.Relevance;

/// <summary>
/// The judged measures of shared/eval/RELEVANCE.md on the real server (trained model, ml-latest-small
/// enriched from the shared dumps), printed in full; floors guard against regressions. The same figures
/// for a running server: <c>./marquee evaluate --relevance ../shared/eval/relevance_public.json --tastes eval/tastes_public.json</c>.
/// </summary>
[Collection(RelevanceCollection.Name)]
public sealed class RelevanceEvalTests(RelevanceFactory factory, ITestOutputHelper output)
{
    private static string EvalFile(string name) => Path.Combine(AppContext.BaseDirectory, "eval", name);

    public static string PublicWishes => Path.Combine(SharedData.Root, "eval", "relevance_public.json");

    [Fact]
    public async Task PublicWishes_ScoreAboveTheFloor()
    {
        var report = await ScoreAsync(RelevanceSets.LoadWishes(PublicWishes), []);

        Assert.True(report.Overall >= 0.60, $"public wishes {report.Overall:0.000}");
    }

    [Fact]
    public async Task HeldOutWishes_ScoreAboveTheFloor()
    {
        var report = await ScoreAsync(RelevanceSets.LoadWishes(EvalFile("relevance_heldout.json")), []);

        Assert.True(report.Overall >= 0.75, $"held-out wishes {report.Overall:0.000}");
    }

    [Fact]
    public async Task PublicTastes_AreHonoured()
    {
        var report = await ScoreAsync([], RelevanceSets.LoadTastes(EvalFile("tastes_public.json")));

        Assert.True(report.MeanFidelity >= 0.90, $"fidelity {report.MeanFidelity:0.000}");
        Assert.True(report.MeanCanonShare <= 0.20, $"canon share {report.MeanCanonShare:0.000}");
    }

    [Fact]
    public async Task HeldOutTastes_AreHonoured()
    {
        var report = await ScoreAsync([], RelevanceSets.LoadTastes(EvalFile("tastes_heldout.json")));

        Assert.True(report.MeanFidelity >= 0.90, $"fidelity {report.MeanFidelity:0.000}");
        Assert.True(report.MeanCanonShare <= 0.20, $"canon share {report.MeanCanonShare:0.000}");
    }

    private async Task<RelevanceReport> ScoreAsync(IReadOnlyList<WishCase> wishes, IReadOnlyList<TasteCase> tastes)
    {
        using var client = await factory.ReadyClientAsync();
        var run = new RelevanceRun(client);
        var stats = await ParquetTables.ReadMovieStatsAsync(new DataDirectory(factory.DataDir).MovieStats);
        var canon = RelevanceJudge.Canon(stats.Select(s => (s.MovieId, s.RatingCount)));
        var wishScores = new List<WishScore>();
        foreach (var wish in wishes)
        {
            wishScores.Add(await run.ScoreWishAsync(wish));
        }
        var tasteScores = new List<TasteScore>();
        foreach (var taste in tastes)
        {
            tasteScores.Add(await run.ScoreTasteAsync(taste, canon));
        }
        var report = new RelevanceReport(wishScores, tasteScores);
        foreach (var line in report.Lines())
        {
            output.WriteLine(line);
        }
        return report;
    }
}
