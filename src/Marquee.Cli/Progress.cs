using Spectre.Console;

namespace Marquee.Cli;

/// <summary>Spectre.Console progress bars for long work; plain lines when output is not a terminal.</summary>
internal static class Progress
{
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(10);

    public static async Task<T> RunAsync<T>(string description, Func<IProgress<double>, Task<T>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            Console.Error.WriteLine($"{description}...");
            // No bar in a log or a pipe: a line every 10 s still shows the work is alive.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var heartbeat = new Timer(_ => Console.Error.WriteLine($"{description}: still working ({clock.Elapsed.TotalSeconds:F0} s)"),
                null, HeartbeatInterval, HeartbeatInterval);
            return await work(new Progress<double>());
        }
        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: 1.0);
                var progress = new SynchronousProgress<double>(value => task.Value = Math.Clamp(value, 0, 1));
                result = await work(progress);
                task.Value = 1.0;
            });
        return result;
    }

    /// <summary>Reports on the caller's thread, so the bar is current when work finishes.</summary>
    internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
