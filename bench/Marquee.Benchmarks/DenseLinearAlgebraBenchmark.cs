using System.Diagnostics;
using System.Globalization;
using Marquee.Core.Interactions;
using Marquee.Core.Numerics;
using Marquee.Core.Recommenders;
using Marquee.Core.Training;

namespace Marquee.Benchmarks;

/// <summary>
/// EASE's dense linear algebra on one synthetic items × items Gram, in one run: OpenBLAS called directly
/// (dpotrf + dpotri, one dgemm block), Marquee's own calls of it (Cholesky.Invert, MatrixProduct), the
/// managed fallbacks, and a whole production EASE fit. Single-shot wall-clock timings (each step takes
/// seconds to minutes, so BenchmarkDotNet's repetitions would take hours); run on a quiet machine.
/// </summary>
public static class DenseLinearAlgebraBenchmark
{
    public static void Run(int requestedItems)
    {
        Console.WriteLine($"Dense linear algebra: {MatrixProduct.Backend}; {Environment.ProcessorCount} cores");
        if (!OpenBlas.IsAvailable)
        {
            Console.WriteLine("OpenBLAS is not loaded: install libopenblas0-pthread to compare.");
            return;
        }
        var users = 3 * requestedItems;
        var matrix = SyntheticRatings(users, requestedItems, perUser: 150);
        var items = matrix.ItemCount;
        var options = ((Ease)ModelTrainer.Configure("ease")).Options;
        Console.WriteLine($"Synthetic data: {users:N0} users x {items:N0} items, {matrix.ByUser.Values.Length:N0} ratings (primal EASE)");

        var (gram, cross) = Time("Gram XᵀX + λI and XᵀY from sparse X (managed)", () => PrimalEaseModel.GramAndCross(matrix, options, CancellationToken.None), out _);

        var raw = (double[])gram.Clone();
        Time("OpenBLAS dpotrf + dpotri, called directly", () => OpenBlas.Factor(raw, items) && OpenBlas.InvertFromFactor(raw, items), out var rawSeconds);
        var viaMarquee = (double[])gram.Clone();
        Time("Cholesky.Invert (OpenBLAS + mirrored triangle)", () => { Cholesky.Invert(viaMarquee, items); return 0; }, out var marqueeSeconds);
        var managed = (double[])gram.Clone();
        Time("Cholesky.InvertManaged (the fallback)", () => { Cholesky.InvertManaged(managed, items); return 0; }, out var managedSeconds);
        var largest = 0.0;
        for (var i = 0; i < managed.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(managed[i] - viaMarquee[i]) / Math.Max(1e-12, Math.Abs(viaMarquee[i])));
        }

        // One 512-row block of B̂ = P·XᵀY, as the fit computes it.
        const int rows = 512;
        var block = new double[rows * items];
        Time($"dgemm {rows} x {items:N0} x {items:N0} (OpenBLAS)", () => { MatrixProduct.Multiply(viaMarquee.AsMemory(0, rows * items), cross, block, rows, items, items); return 0; }, out var gemmSeconds);
        var managedBlock = new double[rows * items];
        Time($"the same block, managed", () => { MatrixProduct.MultiplyManaged(viaMarquee.AsMemory(0, rows * items), cross, managedBlock, rows, items, items); return 0; }, out var managedGemmSeconds);

        gram = cross = raw = viaMarquee = managed = block = managedBlock = [];
        GC.Collect();
        Time("whole EASE fit (production settings, OpenBLAS)", () => new Ease(options).Fit(matrix), out var fitSeconds);

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Inverse: Marquee / OpenBLAS direct = {marqueeSeconds / rawSeconds:F2}x; managed / OpenBLAS = {managedSeconds / rawSeconds:F1}x (largest relative difference {largest:E1})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Product block: managed / OpenBLAS = {managedGemmSeconds / gemmSeconds:F1}x; the whole B̂ is {(items + rows - 1) / rows} such blocks"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"EASE fit on {items:N0} items: {fitSeconds:F1} s"));
    }

    private static T Time<T>(string label, Func<T> action, out double seconds)
    {
        var clock = Stopwatch.StartNew();
        var result = action();
        seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds,9:F2} s  {label}"));
        return result;
    }

    /// <summary>Ratings with MovieLens-like popularity (Zipf over items), a fixed number per user, seeded.</summary>
    private static InteractionMatrix SyntheticRatings(int users, int items, int perUser)
    {
        var random = new Random(7);
        var cumulative = new double[items];
        var total = 0.0;
        for (var i = 0; i < items; i++)
        {
            total += 1.0 / Math.Pow(i + 1, 0.9);
            cumulative[i] = total;
        }
        var builder = new InteractionTableBuilder(users * perUser);
        var seen = new HashSet<int>();
        for (var u = 0; u < users; u++)
        {
            seen.Clear();
            while (seen.Count < perUser)
            {
                var at = Array.BinarySearch(cumulative, random.NextDouble() * total);
                var item = at < 0 ? Math.Min(items - 1, ~at) : at;
                if (seen.Add(item))
                {
                    builder.Add(u + 1, item + 1, 0.5f * random.Next(1, 11), 0);
                }
            }
        }
        return InteractionMatrix.Build(builder.Build());
    }
}
