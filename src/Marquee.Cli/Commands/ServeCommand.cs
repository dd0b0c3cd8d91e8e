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
        // Said only once the server listens: a start that fails (no data, port taken) never claims to serve.
        await app.StartAsync(cancellationToken);
        Console.WriteLine($"Marquee is serving at {app.Urls.FirstOrDefault() ?? urls.Split(';')[0]} (API reference at /docs). Ctrl+C stops it.");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
