using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Marquee.Benchmarks -- --filter '*'   (see docs/performance.md)
// dotnet run -c Release --project bench/Marquee.Benchmarks -- dense [items]   (native vs managed dense linear algebra)
if (args.Length > 0 && args[0] == "dense")
{
    Marquee.Benchmarks.DenseLinearAlgebraBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Marquee.Benchmarks.Data).Assembly).Run(args);
