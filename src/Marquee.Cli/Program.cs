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
    EmbedCommand.Create(),
    ServeCommand.Create(),
    TrainCommand.Create(),
    ModelsCommand.Create(),
    EvaluateCommand.Create(),
};
foreach (var command in ScriptCommands.Create())
{
    root.Subcommands.Add(command);
}

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("marquee: interrupted");
    return 130;
}
catch (Exception e) when (e is CliException or DatasetException or IOException or UnauthorizedAccessException or InvalidOperationException
                              or OptionsValidationException or NotSupportedException or ArgumentException or System.Data.Common.DbException)
{
    Console.Error.WriteLine($"marquee: {e.Message}");
    return 1;
}
catch (Exception e)
{
    // A bug, not a user error: still one line, with the details one variable away.
    Console.Error.WriteLine(Environment.GetEnvironmentVariable("MARQUEE_DEBUG") == "1"
        ? $"marquee: unexpected error: {e}"
        : $"marquee: unexpected error ({e.GetType().Name}): {e.Message} (set MARQUEE_DEBUG=1 for details)");
    return 2;
}
