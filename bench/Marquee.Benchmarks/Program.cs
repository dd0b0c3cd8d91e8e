using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Marquee.Benchmarks -- --filter '*'   (see docs/performance.md)
// dotnet run -c Release --project bench/Marquee.Benchmarks -- dense [items]   (native vs managed dense linear algebra)
// dotnet run -c Release --project bench/Marquee.Benchmarks -- pages [users] [algorithm] [wish|nowish|both]   (per-page engine latency, see PageLatency)
if (args.Length > 0 && args[0] == "dense")
{
    Marquee.Benchmarks.DenseLinearAlgebraBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    return;
}
if (args.Length > 0 && args[0] == "pages")
{
    Marquee.Benchmarks.PageLatency.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000,
        args.Length > 2 ? args[2] : "als", args.Length > 3 ? args[3] : "both");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Marquee.Benchmarks.Data).Assembly).Run(args);
