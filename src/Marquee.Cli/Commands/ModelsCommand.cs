using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Marquee.Cli.Commands;

internal static class ModelsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List trained model versions; * marks the one serving");
        list.SetAction((_, cancellationToken) => ListAsync(cancellationToken));

        var version = new Argument<string>("version") { Description = "Model version to serve" };
        var promote = new Command("promote", "Serve this version (servers pick it up within seconds)") { version };
        promote.SetAction(async (parse, cancellationToken) =>
        {
            var (_, registry) = TrainCommand.Services();
            var wanted = parse.GetValue(version)!;
            var model = await registry.GetAsync(wanted, cancellationToken)
                ?? throw new CliException($"no model version '{wanted}'; see ./marquee models list");
            if (model.Algorithm != "baseline" || model.Kind != Marquee.Core.Training.ModelKind.TopN)
            {
                try
                {
                    var directory = Path.Combine(Marquee.Storage.TrainingService.ModelsDirectory(CliEnvironment.ArtifactsDir), wanted);
                    await Marquee.Core.Training.ModelStore.LoadTopNAsync(directory, model.Manifest, cancellationToken);
                }
                catch (Marquee.Core.Training.InvalidModelException e)
                {
                    throw new CliException($"not promoted: model {wanted} cannot serve ({e.Message})");
                }
            }
            await registry.PromoteAsync(wanted, "promoted by hand (marquee models promote)", cancellationToken);
            Console.WriteLine($"Promoted {wanted}");
            return 0;
        });

        var rollback = new Command("rollback", "Serve the version promoted before the current one");
        rollback.SetAction(async (_, cancellationToken) =>
        {
            var (_, registry) = TrainCommand.Services();
            var previous = await registry.RollbackAsync(cancellationToken)
                ?? throw new CliException("nothing to roll back to: no earlier promotion of another version on record");
            Console.WriteLine($"Rolled back to {previous.Version}");
            return 0;
        });

        return new Command("models", "Model registry: list, promote, rollback") { list, promote, rollback };
    }

    private static async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        var (_, registry) = TrainCommand.Services();
        var models = await registry.ListAsync(cancellationToken);
        if (models.Count == 0)
        {
            Console.WriteLine($"No models yet in {CliEnvironment.ArtifactsDir}: run ./marquee train");
            return 0;
        }
        var table = new Table().AddColumns("", "version", "algorithm", "validation NDCG@10", "users x movies", "created", "promoted");
        foreach (var m in models)
        {
            table.AddRow(m.IsCurrent ? "*" : "", m.Version, m.Algorithm,
                m.Manifest.Validation?.NdcgAt10.ToString("F4", CultureInfo.InvariantCulture) ?? "-",
                $"{m.Manifest.Data.Users:N0} x {m.Manifest.Data.Items:N0}",
                m.CreatedAt.ToString("u", CultureInfo.InvariantCulture), m.PromotedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-");
        }
        AnsiConsole.Write(table);
        return 0;
    }
}
