using System.Diagnostics;
using System.Globalization;
using Marquee.Core.Enrichment;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Marquee.Cli.Commands;

// How `enrich --tmdb` shows its progress: a bar on a terminal, a line every few seconds otherwise.

/// <summary>Moves the bar; reports arrive from several fetches at once and possibly out of order.</summary>
internal sealed class BarProgress(ProgressTask task) : IProgress<TmdbEnrichmentProgress>
{
    private readonly Lock _gate = new();
    private int _done;

    public void Report(TmdbEnrichmentProgress value)
    {
        lock (_gate)
        {
            if (value.Done < _done)
            {
                return;
            }
            _done = value.Done;
            task.Value = value.Done;
            task.Description = value.Failed > 0 || value.Throttled > 0
                ? $"Fetching from TMDB ({value.NotFound:N0} not on TMDB, {value.Failed:N0} failed, {value.Throttled:N0}× 429)"
                : $"Fetching from TMDB ({value.NotFound:N0} not on TMDB)";
        }
    }
}

/// <summary>"done/total · rate/s", for the bar.</summary>
internal sealed class CountAndRateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text($"{task.Value:N0}/{task.MaxValue:N0} · {task.Speed ?? 0:0.0}/s");
}

/// <summary>Progress as a line every few seconds when the output is a file or a pipe.</summary>
internal sealed class LineProgress : IProgress<TmdbEnrichmentProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastPrinted;

    public void Report(TmdbEnrichmentProgress value)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (now - _lastPrinted < Interval && value.Done < value.Total)
            {
                return;
            }
            _lastPrinted = now;
            var rate = value.Done / Math.Max(now.TotalSeconds, 0.001);
            var eta = rate > 0 ? TimeSpan.FromSeconds((value.Total - value.Done) / rate) : TimeSpan.Zero;
            Console.Error.WriteLine($"TMDB: {value.Done:N0}/{value.Total:N0} movies, {rate.ToString("0.0", CultureInfo.InvariantCulture)}/s, "
                                    + $"about {eta:hh\\:mm\\:ss} left ({value.NotFound:N0} not on TMDB, {value.Failed:N0} failed, {value.Throttled:N0}× 429)");
        }
    }
}
