using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marquee.Storage;

namespace Marquee.Server.Services;

/// <summary>
/// Runs <c>marquee train</c> as a separate process for a retrain asked over the admin API: its memory is its own
/// (a 25M-rating fit peaks at several GB, which the server would otherwise keep as heap after it is done), its
/// threads are bounded (.NET processor count and BLAS threads) and it runs below normal priority, so the server
/// keeps a core and its latency while it trains. It registers and promotes through the same database as the
/// server, which then reloads the promoted version.
/// </summary>
public static class TrainingWorker
{
    public static async Task<TrainingWorkerOutcome> RunAsync(MarqueeOptions options, string algorithm, Action<string> log,
        CancellationToken cancellationToken)
    {
        var outcomePath = Path.Combine(Path.GetTempPath(), $"marquee-train-{Guid.NewGuid():N}.json");
        using var process = new Process { StartInfo = StartInfo(options, algorithm, outcomePath) };
        var lastLines = new Queue<string>();
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }
            log(line);
            lock (lastLines)
            {
                lastLines.Enqueue(line);
                if (lastLines.Count > 3)
                {
                    lastLines.Dequeue();
                }
            }
        }
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        try
        {
            process.Start();
            try
            {
                process.PriorityClass = ProcessPriorityClass.BelowNormal;
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
            {
                // Lowering a priority is allowed everywhere we run; if a platform refuses, the thread bound still holds.
            }
            log($"training worker started (pid {process.Id}, {options.TrainingWorkerThreads} thread(s), heap limit "
                + (options.TrainingWorkerMemoryMb > 0 ? $"{options.TrainingWorkerMemoryMb} MB)" : "none)"));
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (process.ExitCode != 0 || !File.Exists(outcomePath))
            {
                string tail;
                lock (lastLines)
                {
                    tail = string.Join(" / ", lastLines);
                }
                throw new InvalidOperationException($"the training worker exited with code {process.ExitCode}: {tail}");
            }
            await using var stream = File.OpenRead(outcomePath);
            return await JsonSerializer.DeserializeAsync<TrainingWorkerOutcome>(stream, cancellationToken: cancellationToken)
                   ?? throw new InvalidOperationException("the training worker wrote an empty outcome");
        }
        finally
        {
            File.Delete(outcomePath);
        }
    }

    /// <summary>The command line and environment of one worker run.</summary>
    public static ProcessStartInfo StartInfo(MarqueeOptions options, string algorithm, string outcomePath)
    {
        var worker = Path.GetFullPath(options.TrainingWorker!);
        var runsOnDotnet = worker.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(runsOnDotnet ? DotnetHost() : worker)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runsOnDotnet)
        {
            info.ArgumentList.Add(worker);
        }
        foreach (var arg in new[] { "train", "--algorithm", algorithm, TrainingWorkerOutcome.Option, outcomePath })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["MARQUEE_DATA_DIR"] = Path.GetFullPath(options.DataDir);
        info.Environment["MARQUEE_ARTIFACTS_DIR"] = Path.GetFullPath(options.ArtifactsDir);
        if (!string.IsNullOrWhiteSpace(options.Database))
        {
            info.Environment["MARQUEE_DB"] = options.Database;
        }
        var threads = options.TrainingWorkerThreads.ToString(CultureInfo.InvariantCulture);
        info.Environment["DOTNET_PROCESSOR_COUNT"] = threads;
        info.Environment["OPENBLAS_NUM_THREADS"] = threads;
        info.Environment["OMP_NUM_THREADS"] = threads;
        info.Environment["MKL_NUM_THREADS"] = threads;
        // Workstation GC without background collections: one thread of GC work, no second heap per core.
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_gcConcurrent"] = "0";
        if (options.TrainingWorkerMemoryMb > 0)
        {
            info.Environment["DOTNET_GCHeapHardLimit"] = ((long)options.TrainingWorkerMemoryMb * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        }
        return info;
    }

    /// <summary>The dotnet host this server runs on when it is one (<c>dotnet marquee.dll</c>), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? self
            : "dotnet";
}
