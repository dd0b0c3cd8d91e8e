using System.CommandLine;
using System.Globalization;
using Marquee.Core.Artifacts;
using Marquee.Core.Import;
using Marquee.Core.Semantic;
using Marquee.Core.Training;

namespace Marquee.Cli.Commands;

internal static class UpCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source")
        {
            Description = "MovieLens directory, zip or URL (default: download ml-latest-small from GroupLens); imported when no dataset is "
                          + "imported yet or it differs from the one that is",
        };
        var metadataFile = EnrichCommand.MetadataFileOption();
        var urls = ServeCommand.UrlsOption();
        var command = new Command("up", "Import (if needed), enrich, embed, train (if needed) and serve") { source, metadataFile, urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Console.WriteLine(CliEnvironment.DescribeHome());
            // Everything that can be wrong with the request is said before minutes of importing and training.
            var addresses = ListenAddresses.Parse(parse.GetValue(urls)!);
            ListenAddresses.EnsureFree(addresses);
            var data = new DataDirectory(CliEnvironment.DataDir);
            if (await SourceToImportAsync(parse.GetValue(source), data, cancellationToken) is { } toImport)
            {
                await ImportCommand.RunAsync(toImport, data.Root, null, cancellationToken);
            }
            if (parse.GetValue(metadataFile) is { Length: > 0 } files)
            {
                await EnrichCommand.EnrichFromFilesAsync(files, data.Root, cancellationToken);
            }
            await EmbedCommand.RunAsync(data.Root, TextEmbedders.Default, 32, cancellationToken);
            var (_, registry) = TrainCommand.Services();
            var ratingsSha256 = (await DatasetManifest.ReadAsync(data, cancellationToken))?.InteractionsSha256;
            if (await registry.GetCurrentAsync(cancellationToken) is not { } current)
            {
                await TrainCommand.RunAsync("auto", cancellationToken);
            }
            else if (current.Manifest.Data.InteractionsSha256 != ratingsSha256)
            {
                Console.WriteLine($"Model {current.Version} was trained on other ratings than the ones imported now: training one for them");
                await TrainCommand.RunAsync("auto", cancellationToken);
            }
            else if (current.Manifest.RatingModel is { } ratingVersion && await registry.GetAsync(ratingVersion, cancellationToken) is not { Kind: ModelKind.Rating })
            {
                // Trained before rating models were registry versions: its rating model is in the old rating-models/ format.
                Console.WriteLine($"Model {current.Version} names rating model {ratingVersion}, which is not a version in the registry "
                                  + "(an earlier Marquee kept it in rating-models/): training anew");
                await TrainCommand.RunAsync("auto", cancellationToken);
            }
            else
            {
                Console.WriteLine($"Serving model {current.Version}; ./marquee train builds a newer one");
            }
            return await ServeCommand.RunAsync(parse.GetValue(urls)!, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// What <c>up</c> imports: <paramref name="source"/> (or the default download) when nothing is imported yet; when a dataset
    /// is, <paramref name="source"/> only if it is not the one imported — a <c>--source</c> that is quietly ignored leaves
    /// someone believing they serve the data they named.
    /// </summary>
    private static async Task<string?> SourceToImportAsync(string? source, DataDirectory data, CancellationToken cancellationToken)
    {
        var origin = source is null ? null : LocalOrigin(source, data);
        if (!data.HasDataset)
        {
            return source ?? CliEnvironment.DefaultDatasetUrl.ToString();
        }
        var imported = await DatasetManifest.ReadAsync(data, cancellationToken);
        var when = imported is null ? "" : $" on {imported.ImportedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        if (source is null)
        {
            Console.WriteLine($"Using the dataset already imported from {imported?.Source}{when}; --source imports another");
            return null;
        }
        if (string.Equals(origin, imported?.Source, StringComparison.Ordinal))
        {
            Console.WriteLine($"Using the dataset already imported from {origin}{when} (the --source given); "
                              + "./marquee import --source reads it again if its files changed");
            return null;
        }
        Console.WriteLine($"--source {source} is not the dataset imported{when} (from {imported?.Source}): importing it");
        return source;
    }

    /// <summary>Where an import of <paramref name="source"/> reads from, as <c>dataset.json</c> records it; checks a local source exists.</summary>
    private static string LocalOrigin(string source, DataDirectory data)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return Path.Combine(data.Downloads, Path.GetFileName(url.AbsolutePath));
        }
        using var files = DatasetFiles.FromPath(Path.GetFullPath(source));
        return files.Origin;
    }
}
