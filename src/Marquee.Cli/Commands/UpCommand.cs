using System.CommandLine;
using Marquee.Core.Artifacts;
using Marquee.Core.Semantic;

namespace Marquee.Cli.Commands;

internal static class UpCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "MovieLens directory, zip or URL (default: download ml-latest-small from GroupLens)" };
        var metadataFile = EnrichCommand.MetadataFileOption();
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => ServeCommand.DefaultUrls };
        var command = new Command("up", "Import (if needed), enrich, embed, train (if needed) and serve") { source, metadataFile, urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var data = new DataDirectory(CliEnvironment.DataDir);
            if (!data.HasDataset)
            {
                await ImportCommand.RunAsync(parse.GetValue(source) ?? CliEnvironment.DefaultDatasetUrl.ToString(), data.Root, null, cancellationToken);
            }
            else
            {
                Console.WriteLine($"Using the dataset already imported in {data.Root}");
            }
            if (parse.GetValue(metadataFile) is { Length: > 0 } files)
            {
                await EnrichCommand.EnrichFromFilesAsync(files, data.Root, cancellationToken);
            }
            await EmbedCommand.RunAsync(data.Root, TextEmbedders.Default, 32, cancellationToken);
            var (_, registry) = TrainCommand.Services();
            if (await registry.GetCurrentAsync(cancellationToken) is { } current)
            {
                Console.WriteLine($"Serving model {current.Version}; ./marquee train builds a newer one");
            }
            else
            {
                await TrainCommand.RunAsync("auto", cancellationToken);
            }
            return await ServeCommand.RunAsync(parse.GetValue(urls)!, cancellationToken);
        });
        return command;
    }
}
