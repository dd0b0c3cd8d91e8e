using System.CommandLine;
using Marquee.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marquee.Cli.Commands;

internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>The host's own "hosting failed to start" log is a stack trace; while starting, the one-line error below says it.</summary>
    private const string HostLogCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private static volatile bool _starting;

    public static Option<string> UrlsOption() =>
        new("--urls") { Description = "Addresses to listen on, separated by ';'", DefaultValueFactory = _ => DefaultUrls };

    public static Command Create()
    {
        var urls = UrlsOption();
        var command = new Command("serve", "Serve the API and the UI from the current artifacts") { urls };
        command.SetAction((parse, cancellationToken) =>
        {
            var addresses = ListenAddresses.Parse(parse.GetValue(urls)!);
            ListenAddresses.EnsureFree(addresses);
            Console.WriteLine(CliEnvironment.DescribeHome());
            return RunAsync(parse.GetValue(urls)!, cancellationToken);
        });
        return command;
    }

    /// <summary>Starts the server and says where it listens only once it does; a start that fails is one line (exit 1).</summary>
    public static async Task<int> RunAsync(string urls, CancellationToken cancellationToken)
    {
        var app = MarqueeApp.Build(["--urls", urls], builder =>
        {
            // The paths the CLI resolved (CliEnvironment.Home), not ones relative to wherever it was started.
            builder.Configuration["Marquee:DataDir"] = CliEnvironment.DataDir;
            builder.Configuration["Marquee:ArtifactsDir"] = CliEnvironment.ArtifactsDir;
            builder.Configuration["Marquee:UiDir"] = CliEnvironment.UiDir;
            // Retraining over the admin API runs this CLI's `train` in a process of its own (TrainingWorker).
            builder.Configuration["Marquee:TrainingWorker"] ??= typeof(ServeCommand).Assembly.Location;
            // A rule for this one category only: every other category keeps its configured level.
            builder.Logging.AddFilter(HostLogCategory, level => !_starting && level >= LogLevel.Information);
        });
        _starting = true;
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"{urls.Split(';')[0]} is already in use (another program started listening there); pick a free port with --urls");
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
        {
            throw new CliException($"the server could not start on {urls}: {e.Message}");
        }
        finally
        {
            _starting = false;
        }
        Console.WriteLine($"Marquee is serving at {app.Urls.FirstOrDefault() ?? urls.Split(';')[0]} (API reference at /docs). Ctrl+C stops it.");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
