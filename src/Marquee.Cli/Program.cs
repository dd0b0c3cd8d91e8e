using System.CommandLine;
using Marquee.Cli;
using Marquee.Cli.Commands;
using Marquee.Core.Import;
using Microsoft.Extensions.Options;

if (Console.IsOutputRedirected)
{
    // Tables and progress lines would wrap at Spectre's 80-column default in logs and pipes.
    Spectre.Console.AnsiConsole.Profile.Width = 200;
}

var root = new RootCommand("Marquee: a movie recommender you run yourself")
{
    UpCommand.Create(),
    ImportCommand.Create(),
    EnrichCommand.Create(),
    ServeCommand.Create(),
    TrainCommand.Create(),
    ModelsCommand.Create(),
    EvaluateCommand.Create(),
};

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is CliException or DatasetException or IOException or UnauthorizedAccessException or InvalidOperationException or OptionsValidationException)
{
    Console.Error.WriteLine($"marquee: {e.Message}");
    return 1;
}
