using Microsoft.Extensions.Hosting;
using System.CommandLine;
using Marquee.Server;

namespace Marquee.Cli.Commands;

internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => DefaultUrls };
        var command = new Command("serve", "Serve the API and the UI from the current artifacts") { urls };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(urls)!, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string urls, CancellationToken cancellationToken)
    {
        var app = MarqueeApp.Build(["--urls", urls]);
        Console.WriteLine($"Marquee is serving at {urls.Split(';')[0]} (API reference at /docs). Ctrl+C stops it.");
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
