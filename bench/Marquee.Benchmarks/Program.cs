using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Marquee.Benchmarks -- --filter '*'   (see docs/performance.md)
BenchmarkSwitcher.FromAssembly(typeof(Marquee.Benchmarks.Data).Assembly).Run(args);
