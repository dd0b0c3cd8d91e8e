using System.Diagnostics;
using System.Runtime.InteropServices;
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
/// of the picture, in wall-clock time and in the thread's CPU time (which a busy machine inflates far less). Reads the newest model of the algorithm (als by default) and its rating model from
/// <c>MARQUEE_ARTIFACTS_DIR</c>, the catalogue and ratings from <c>MARQUEE_DATA_DIR</c>. Single-threaded: on a busy
/// machine compare runs made at the same time.
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

    public static void Run(int users, string algorithm, string kinds = "both")
    {
        var (snapshot, ratings, manifest, model, predictor) = ServedEngine.Load(algorithm);
        var catalog = snapshot.Catalog;
        var personalizer = (ModelPersonalizer)snapshot.Personalizer!;
        // The server builds the candidate index in the background before pages need it (until then pages rank
        // everything): here the clock starts once it is ready.
        for (var wait = 0; wait < 1200 && catalog.Count >= RankingOptions.Default.CandidateGenerationFrom && model is AlsModel
               && personalizer.Candidates([(catalog.Movies[0].MovieId, 5f)], snapshot.SlotOf, [], 1) is null;
             wait++)
        {
            Thread.Sleep(100);
        }
        var pages = new PageRecommender(new WishReader());
        Console.WriteLine($"{catalog.Count:N0} movies, model {manifest.Version}, rating model {(predictor is null ? "none" : manifest.RatingModel)}; "
                          + $"users 1..{users}; {Environment.ProcessorCount} cores, load {LoadAverage()}");

        // PAGES_WISH asks only that wish. PAGES_MIN_RATINGS picks only users with at least that many ratings: the long histories behind the tail.
        var minRatings = int.TryParse(Environment.GetEnvironmentVariable("PAGES_MIN_RATINGS"), out var least) ? least : 0;
        var ids = Enumerable.Range(1, int.MaxValue - 1).Where(u => ratings.Contains(u) && ratings.Of(u).MovieIds.Length >= minRatings)
            .Take(users).ToList();
        foreach (var withWish in kinds switch { "wish" => [true], "nowish" => [false], _ => new[] { false, true } })
        {
            // One warm-up pass over a few users so the JIT's tiers settle before timing.
            Time(pages, snapshot, ratings, ids.Take(50).ToList(), withWish);
            var timed = Time(pages, snapshot, ratings, ids, withWish);
            var times = timed.Select(t => t.Milliseconds).Order().ToList();
            var cpu = timed.Select(t => t.CpuMilliseconds).Order().ToList();
            var slowest = string.Join(", ", timed.OrderByDescending(t => t.Milliseconds).Take(5)
                .Select(t => FormattableString.Invariant($"{t.Milliseconds:F0}/{t.Ratings}{(t.Wish.Length > 0 ? "/'" + t.Wish + "'" : "")}")));
            Console.WriteLine(FormattableString.Invariant(
                $"{(withWish ? "wish   " : "no wish")}: {times.Count} pages, p50 {times[times.Count / 2]:F2} ms, p99 {times[(int)(times.Count * 0.99)]:F2} ms, mean {times.Average():F2} ms, max {times[^1]:F2} ms; slowest (ms/ratings): {slowest}"));
            Console.WriteLine(FormattableString.Invariant(
                $"  thread CPU: p50 {cpu[cpu.Count / 2]:F2} ms, p90 {cpu[(int)(cpu.Count * 0.9)]:F2} ms, p99 {cpu[(int)(cpu.Count * 0.99)]:F2} ms, mean {cpu.Average():F2} ms; allocated {Allocated / 1024:F0} KB per page"));
        }
    }

    private static List<(double Milliseconds, double CpuMilliseconds, int Ratings, string Wish)> Time(PageRecommender pages, RecommenderSnapshot snapshot, UserRatings ratings,
        List<int> users, bool withWish)
    {
        var times = new List<(double, double, int, string)>(users.Count);
        var counter = 0;
        var allocated = 0L;
        foreach (var user in users)
        {
            var (movies, stars) = ratings.Of(user);
            var history = new List<(int, float)>(movies.Length);
            for (var i = 0; i < movies.Length; i++)
            {
                history.Add((movies.Span[i], stars.Span[i]));
            }
            var wish = !withWish ? null : Environment.GetEnvironmentVariable("PAGES_WISH") is { Length: > 0 } only ? only : Wishes[counter++ % Wishes.Length];
            var request = new PageRequest
            {
                Recommender = RecommenderKind.Cf,
                K = 20,
                History = history,
                Wish = new Wish { Text = wish },
            };
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = ThreadCpuMilliseconds();
            var clock = Stopwatch.StartNew();
            pages.RecommendAsync(snapshot, request, CancellationToken.None).GetAwaiter().GetResult();
            times.Add((clock.Elapsed.TotalMilliseconds, ThreadCpuMilliseconds() - cpuBefore, movies.Length, wish ?? ""));
            allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        }
        Allocated = (double)allocated / users.Count;
        return times;
    }

    /// <summary>Bytes the last <see cref="Time"/> allocated per page, on average.</summary>
    private static double Allocated { get; set; }

    /// <summary>CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID); NaN elsewhere.</summary>
    private static double ThreadCpuMilliseconds() =>
        OperatingSystem.IsLinux() && clock_gettime(ThreadCpuClock, out var time) == 0 ? (time.Seconds * 1e3) + (time.Nanoseconds / 1e6) : double.NaN;

    private const int ThreadCpuClock = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
