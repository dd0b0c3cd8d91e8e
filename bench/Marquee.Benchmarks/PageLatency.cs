using System.Diagnostics;
using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Intent;
using Marquee.Core.Interactions;
using Marquee.Core.Ranking;
using Marquee.Core.Recommenders;
using Marquee.Core.Training;

namespace Marquee.Benchmarks;

/// <summary>
/// The engine behind <c>POST /recommend</c> (cf, k = 20) without HTTP, timed page by page for MovieLens users 1..N in
/// turn, as bench/scale-recommend.lua asks: without a wish and with its twelve wishes. Prints p50, p99 and mean per
/// kind, so a change to serving can be compared on one machine in one run, with the network and the thread pool out
/// of the picture. Reads the newest model of the algorithm (als by default) and its rating model from
/// <c>MARQUEE_ARTIFACTS_DIR</c>, the catalogue and ratings from <c>MARQUEE_DATA_DIR</c>. Single-threaded wall clock:
/// on a busy machine compare runs made at the same time.
/// </summary>
public static class PageLatency
{
    /// <summary>The wishes of bench/scale-recommend.lua.</summary>
    private static readonly string[] Wishes =
    [
        "a heist with a twist ending", "something funny for kids", "a slow quiet drama", "a scary movie from the eighties",
        "a romantic comedy in paris", "space adventure full of action", "a courtroom thriller", "a sad war movie",
        "an animated film about friendship", "a detective solving a murder", "a musical with great songs", "a road trip movie",
    ];

    public static void Run(int users, string algorithm)
    {
        var data = new DataDirectory(Environment.GetEnvironmentVariable("MARQUEE_DATA_DIR") ?? "data");
        var artifacts = Environment.GetEnvironmentVariable("MARQUEE_ARTIFACTS_DIR") ?? "build_artifacts";
        var catalog = MovieCatalog.LoadAsync(data).GetAwaiter().GetResult();
        var ratings = new UserRatings(ParquetTables.ReadInteractionsAsync(data.Interactions).GetAwaiter().GetResult());
        var models = Path.Combine(artifacts, "models");
        var directory = Directory.GetDirectories(models).Order()
                            .LastOrDefault(d => ModelManifest.ReadAsync(d).GetAwaiter().GetResult() is { Kind: ModelKind.TopN } m && m.Algorithm == algorithm)
                        ?? throw new DirectoryNotFoundException($"no trained {algorithm} model under {models}");
        var manifest = ModelManifest.ReadAsync(directory).GetAwaiter().GetResult();
        var model = ModelStore.LoadTopNAsync(directory, manifest).GetAwaiter().GetResult();
        (model as DualEaseModel)?.PrepareForServing();
        var ratingDirectory = manifest.RatingModel is { } version ? Path.Combine(models, version) : null;
        var predictor = ratingDirectory is null || !Directory.Exists(ratingDirectory) ? null
            : ModelStore.LoadRatingAsync(ratingDirectory, ModelManifest.ReadAsync(ratingDirectory).GetAwaiter().GetResult()).GetAwaiter().GetResult();
        var personalizer = new ModelPersonalizer(model);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), manifest.Version, personalizer, predictor);
        // The server builds the candidate index in the background before pages need it; here, before the clock starts.
        personalizer.Candidates([(catalog.Movies[0].MovieId, 5f)], snapshot.SlotOf, [], 1);
        var pages = new PageRecommender(new WishReader());
        Console.WriteLine($"{catalog.Count:N0} movies, model {manifest.Version}, rating model {(predictor is null ? "none" : manifest.RatingModel)}; "
                          + $"users 1..{users}; {Environment.ProcessorCount} cores, load {LoadAverage()}");

        var ids = Enumerable.Range(1, int.MaxValue - 1).Where(ratings.Contains).Take(users).ToList();
        foreach (var withWish in new[] { false, true })
        {
            // One warm-up pass over a few users so the JIT's tiers settle before timing.
            Time(pages, snapshot, ratings, ids.Take(50).ToList(), withWish);
            var timed = Time(pages, snapshot, ratings, ids, withWish);
            var times = timed.Select(t => t.Milliseconds).Order().ToList();
            var slowest = string.Join(", ", timed.OrderByDescending(t => t.Milliseconds).Take(5)
                .Select(t => FormattableString.Invariant($"{t.Milliseconds:F0}/{t.Ratings}")));
            Console.WriteLine(FormattableString.Invariant(
                $"{(withWish ? "wish   " : "no wish")}: {times.Count} pages, p50 {times[times.Count / 2]:F2} ms, p99 {times[(int)(times.Count * 0.99)]:F2} ms, mean {times.Average():F2} ms, max {times[^1]:F2} ms; slowest (ms/ratings): {slowest}"));
        }
    }

    private static List<(double Milliseconds, int Ratings)> Time(PageRecommender pages, RecommenderSnapshot snapshot, UserRatings ratings,
        List<int> users, bool withWish)
    {
        var times = new List<(double, int)>(users.Count);
        var counter = 0;
        foreach (var user in users)
        {
            var (movies, stars) = ratings.Of(user);
            var history = new List<(int, float)>(movies.Length);
            for (var i = 0; i < movies.Length; i++)
            {
                history.Add((movies.Span[i], stars.Span[i]));
            }
            var request = new PageRequest
            {
                Recommender = RecommenderKind.Cf,
                K = 20,
                History = history,
                Wish = withWish ? new Wish { Text = Wishes[counter++ % Wishes.Length] } : new Wish(),
            };
            var clock = Stopwatch.StartNew();
            pages.RecommendAsync(snapshot, request, CancellationToken.None).GetAwaiter().GetResult();
            times.Add((clock.Elapsed.TotalMilliseconds, movies.Length));
        }
        return times;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
