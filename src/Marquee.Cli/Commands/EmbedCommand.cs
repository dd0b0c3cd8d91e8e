using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Marquee.Core.Artifacts;
using Marquee.Core.Semantic;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Marquee.Cli.Commands;

internal static class EmbedCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model")
        {
            Description = $"Embedding model ({string.Join(", ", TextEmbedders.Aliases.Keys)}); another model embeds every film again",
            DefaultValueFactory = _ => "minilm",
        };
        var batchSize = new Option<int>("--batch-size") { Description = "Texts per model call", DefaultValueFactory = _ => 32 };
        var command = new Command("embed", "Compute text embeddings of the films for search by meaning (only new or changed films)") { model, batchSize };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var size = parse.GetValue(batchSize);
            if (size is < 1 or > 512)
            {
                throw new CliException("--batch-size must be between 1 and 512");
            }
            return await RunAsync(CliEnvironment.DataDir, parse.GetValue(model)!, size, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(string dataDir, string modelName, int batchSize, CancellationToken cancellationToken)
    {
        var data = new DataDirectory(dataDir);
        if (!data.HasDataset)
        {
            throw new CliException($"no imported dataset in {data.Root}; run ./marquee import first");
        }
        if (!TextEmbedders.IsKnown(modelName))
        {
            throw new CliException($"--model: unknown model '{modelName}'; known: {string.Join(", ", TextEmbedders.Aliases.Keys)}");
        }
        Console.WriteLine($"Loading the {modelName} embedding model...");
        var loading = Stopwatch.StartNew();
        // A batch job may take every core; the server uses one per request instead.
        using var embedder = TextEmbedders.Create(modelName, Environment.ProcessorCount);
        Console.WriteLine($"Loaded {embedder.ModelName} ({embedder.Dimensions} dimensions) in {loading.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s");
        var options = new MovieEmbeddingOptions { BatchSize = batchSize };
        MovieEmbeddingResult result;
        try
        {
            result = await RunWithProgressAsync(data, embedder, options, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new CliException("interrupted; the films embedded so far are saved; run the same command to continue");
        }
        var seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (!result.Written)
        {
            Console.WriteLine($"Nothing to embed: all {result.Films:N0} films are current in movie_embeddings.parquet ({seconds}s)");
            return 0;
        }
        var why = result.ModelChanged ? " (the stored vectors came from another model)" : "";
        Console.WriteLine($"Embedded {result.Embedded:N0} films{why}, {result.Reused:N0} unchanged, {result.Removed:N0} removed, {result.NoText:N0} with no text to read, in {seconds}s "
                          + $"→ {Path.GetFileName(data.MovieEmbeddings)}");
        return 0;
    }

    private static async Task<MovieEmbeddingResult> RunWithProgressAsync(DataDirectory data, ITextEmbedder embedder, MovieEmbeddingOptions options,
        CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await MovieEmbeddingJob.RunAsync(data, embedder, options, new LineProgress(), cancellationToken);
        }
        MovieEmbeddingResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new CountAndRateColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Embedding films", maxValue: 1);
                var progress = new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                // The model call blocks its thread: keep it off the one refreshing the bar.
                result = await Task.Run(() => MovieEmbeddingJob.RunAsync(data, embedder, options, progress, cancellationToken), cancellationToken);
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private sealed class SynchronousProgress(Action<MovieEmbeddingProgress> report) : IProgress<MovieEmbeddingProgress>
    {
        public void Report(MovieEmbeddingProgress value) => report(value);
    }

    /// <summary>"done/total · rate/s", for the bar.</summary>
    private sealed class CountAndRateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{task.Value:N0}/{task.MaxValue:N0} · {task.Speed ?? 0:0.0}/s");
    }

    /// <summary>Progress as a line every few seconds when the output is a file or a pipe.</summary>
    private sealed class LineProgress : IProgress<MovieEmbeddingProgress>
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastPrinted;

        public void Report(MovieEmbeddingProgress value)
        {
            var now = _clock.Elapsed;
            if (value.Done == 0 || (now - _lastPrinted < Interval && value.Done < value.Total))
            {
                return;
            }
            _lastPrinted = now;
            var rate = value.Done / Math.Max(now.TotalSeconds, 0.001);
            var eta = rate > 0 ? TimeSpan.FromSeconds((value.Total - value.Done) / rate) : TimeSpan.Zero;
            Console.Error.WriteLine($"Embedding: {value.Done:N0}/{value.Total:N0} films, {rate.ToString("0.0", CultureInfo.InvariantCulture)}/s, about {eta:hh\\:mm\\:ss} left");
        }
    }
}
