using System.CommandLine;

namespace Marquee.Cli.Commands;

/// <summary>
/// <c>build</c> and <c>test</c> are run by the <c>./marquee</c> script itself (they build this CLI or run every suite), so
/// they live there; they are declared here too so that <c>./marquee --help</c> lists every command in one place.
/// </summary>
internal static class ScriptCommands
{
    public static IEnumerable<Command> Create() =>
    [
        Script("build", "Build the CLI and the UI when their sources changed (what up and test do first)"),
        Script("test", "Run every test (.NET, UI, browser) and print 'N passed, N failed, N skipped'; ./marquee test --help for its options"),
    ];

    private static Command Script(string name, string description)
    {
        var command = new Command(name, description);
        command.SetAction(int (_) => throw new CliException($"'{name}' is run by the ./marquee script at the repository root: ./marquee {name}"));
        return command;
    }
}
