using System.CommandLine;
using Marquee.Core.Artifacts;
using Marquee.Core.Import;

namespace Marquee.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "MovieLens directory, zip file or http(s) URL", Required = true };
        var dataDir = new Option<string>("--data-dir") { Description = "Where the Parquet artifacts go (default: $MARQUEE_DATA_DIR or ./data)" };
        var sha256 = new Option<string?>("--sha256") { Description = "Expected SHA-256 of a downloaded archive without a pinned checksum" };
        var command = new Command("import", "Import a MovieLens release into Parquet artifacts") { source, dataDir, sha256 };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(source)!, parse.GetValue(dataDir) ?? CliEnvironment.DataDir, parse.GetValue(sha256), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string source, string dataDir, string? sha256, CancellationToken cancellationToken)
    {
        var data = new DataDirectory(dataDir);
        var local = await SourceResolver.ResolveAsync(source, sha256, data.Downloads, cancellationToken);
        using var files = DatasetFiles.FromPath(local);
        var (manifest, dataset, enrichment) = await Progress.RunAsync($"Importing {Path.GetFileName(files.Origin)}",
            progress => DatasetImporter.ImportAsync(files, data, progress, cancellationToken));
        foreach (var problem in dataset.Problems.Take(20))
        {
            Console.Error.WriteLine($"skipped {problem}");
        }
        if (dataset.ProblemCount > 20)
        {
            Console.Error.WriteLine($"... and {dataset.ProblemCount - 20:N0} more skipped rows");
        }
        Console.WriteLine($"Imported {manifest.Movies:N0} movies, {manifest.Ratings:N0} ratings from {manifest.Users:N0} users, "
                          + $"{manifest.Tags:N0} tags ({manifest.Layout} layout) into {data.Root}");
        if (enrichment is { } carried)
        {
            Console.WriteLine(carried.Dropped == 0
                ? $"Kept the details of all {carried.Kept:N0} enriched films: each is the same film in this release"
                : $"Kept the details of {carried.Kept:N0} enriched films that are the same in this release; dropped {carried.Dropped:N0} whose id now "
                  + "names another film (./marquee enrich fills them again)");
        }
        return 0;
    }
}
