using System.Globalization;
using Marquee.Server.Tests.Support;
using Xunit.Abstractions;

namespace Marquee.Server.Tests.Intent;

/// <summary>
/// The acceptance bar of the intent feature: every query of the shared set and of our own held-out set
/// scores at least 0.8 and each set averages at least 0.95. Runs against the in-process server on
/// ml-latest-small + the metadata join; set MARQUEE_EVAL_URL to score a running server instead:
/// <c>MARQUEE_EVAL_URL=http://127.0.0.1:8080 dotnet test tests/Marquee.Server.Tests --filter "FullyQualifiedName~IntentEvalTests" --logger "console;verbosity=detailed"</c>.
/// </summary>
[Collection(ServerCollection.Name)]
public class IntentEvalTests(MarqueeFactory factory, ITestOutputHelper output)
{
    public const double MinQueryScore = 0.8;
    public const double MinMeanScore = 0.95;

    public static string SharedSet => Path.Combine(SharedData.Root, "eval", "intent_queries.json");

    public static string HeldOutSet => Path.Combine(AppContext.BaseDirectory, "Intent", "heldout_intent_queries.json");

    [Fact]
    public Task SharedQueries_MeetTheBar() => RunAsync(SharedSet);

    [Fact]
    public Task HeldOutQueries_MeetTheBar() => RunAsync(HeldOutSet);

    [Fact]
    public void HeldOutQueries_AreOtherWordingsThanTheSharedSet()
    {
        var shared = IntentEval.Load(SharedSet).Select(q => q.Query.ToLowerInvariant()).ToHashSet();
        var heldOut = IntentEval.Load(HeldOutSet);

        Assert.True(heldOut.Count >= 20, $"the held-out set needs at least 20 queries, has {heldOut.Count}");
        Assert.DoesNotContain(heldOut, q => shared.Contains(q.Query.ToLowerInvariant()));
    }

    private async Task RunAsync(string path)
    {
        var queries = IntentEval.Load(path);
        using var client = Environment.GetEnvironmentVariable("MARQUEE_EVAL_URL") is { Length: > 0 } url
            ? new HttpClient { BaseAddress = new Uri(url) }
            : factory.CreateClient();
        var results = new List<EvalResult>();
        foreach (var query in queries)
        {
            var result = await IntentEval.ScoreAsync(client, query);
            results.Add(result);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Score:0.0}  {result.Query}"));
            foreach (var miss in result.Misses)
            {
                output.WriteLine($"       miss: {miss}");
            }
        }
        var mean = results.Average(r => r.Score);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean {mean:0.000} over {results.Count} queries ({Path.GetFileName(path)})"));

        var failing = results.Where(r => r.Score < MinQueryScore).Select(r => $"{r.Score:0.0} {r.Query}").ToList();
        Assert.True(failing.Count == 0, $"queries below {MinQueryScore}: {string.Join("; ", failing)}");
        Assert.True(mean >= MinMeanScore, $"mean {mean:0.000} < {MinMeanScore}");
    }
}
