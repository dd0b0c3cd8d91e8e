using System.CommandLine;
using Marquee.Core.Training;
using Marquee.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Marquee.Cli.Commands;

internal static class TrainCommand
{
    public static Command Create()
    {
        var algorithm = new Option<string>("--algorithm")
        {
            Description = "auto (best of ease and als on validation; als alone when EASE's items² matrices exceed its memory budget), ease, als, itemknn or baseline",
            DefaultValueFactory = _ => "auto",
        };
        algorithm.AcceptOnlyFromAmong([.. ModelTrainer.Algorithms]);
        var force = new Option<bool>("--force") { Description = "Train even when the serving model was trained on exactly this data with this algorithm" };
        // What the server's training worker reads back (TrainingWorker): not for people, so not in --help.
        var outcome = new Option<string?>(TrainingWorkerOutcome.Option) { Hidden = true };
        var command = new Command("train", "Train on the imported ratings plus stored feedback; promote when it passes the quality gate") { algorithm, force, outcome };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(algorithm)!, cancellationToken, parse.GetValue(force), parse.GetValue(outcome)));
        return command;
    }

    public static async Task<int> RunAsync(string algorithm, CancellationToken cancellationToken, bool force = false, string? outcomePath = null)
    {
        var (training, _) = Services();
        var outcome = await training.TrainAsync(CliEnvironment.DataDir, CliEnvironment.ArtifactsDir, algorithm, Console.Error.WriteLine, cancellationToken, force);
        if (outcomePath is not null)
        {
            await File.WriteAllTextAsync(outcomePath, System.Text.Json.JsonSerializer.Serialize(TrainingWorkerOutcome.From(outcome)), cancellationToken);
        }
        if (outcome.Unchanged)
        {
            Console.WriteLine(char.ToUpperInvariant(outcome.Decision[0]) + outcome.Decision[1..]);
            return 0;
        }
        var m = outcome.Manifest;
        Console.WriteLine($"Trained {m.Version} ({m.Algorithm}) on {m.Data.Users:N0} users x {m.Data.Items:N0} movies in {m.FitSeconds:F2} s; "
                          + $"validation NDCG@10 {m.Validation?.NdcgAt10:F4}");
        Console.WriteLine(outcome.Decision);
        return 0;
    }

    /// <summary>The training run and the registry, over the database wired as the server wires it.</summary>
    internal static (TrainingService Training, ModelRegistry Registry) Services()
    {
        var storage = new ServiceCollection()
            .AddMarqueeStorage(_ => new StorageSettings(CliEnvironment.Database, CliEnvironment.ArtifactsDir))
            .BuildServiceProvider();
        return (storage.GetRequiredService<TrainingService>(), storage.GetRequiredService<ModelRegistry>());
    }
}
