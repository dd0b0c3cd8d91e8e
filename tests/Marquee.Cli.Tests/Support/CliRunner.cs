using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Marquee.Cli.Tests.Support;

/// <summary>Result of one CLI run.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public string Output => StdOut + StdErr;
}

/// <summary>
/// Runs the real <c>marquee</c> command (the CLI that <c>./marquee</c> publishes to
/// <c>build_artifacts/cli</c>) as a child process, with its own data and artifacts folders.
/// </summary>
public static class CliRunner
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static readonly Lazy<string> CliDll = new(EnsurePublished);

    /// <summary>Runs <c>marquee args</c> to completion.</summary>
    /// <param name="environment">Variables to set; a null value removes the variable.</param>
    /// <param name="workingDirectory">Where to run it; the repository root by default.</param>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, IDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default, string? workingDirectory = null)
    {
        using var process = CreateProcess(args, environment, workingDirectory);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"marquee {string.Join(' ', args)} did not finish in time");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs the <c>./marquee</c> script itself (what a person types), to completion.</summary>
    public static async Task<CliResult> RunScriptAsync(IEnumerable<string> args, IDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        info.ArgumentList.Add(Path.Combine(RepositoryRoot, "marquee"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"./marquee {string.Join(' ', args)} did not finish in time");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts <c>marquee args</c> (a server, say) and keeps draining its output so it never blocks on a full pipe.</summary>
    public static CliProcess Start(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var process = CreateProcess(args, environment);
        return new CliProcess(process);
    }

    private static Process CreateProcess(IEnumerable<string> args, IDictionary<string, string?>? environment, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(CliDll.Value);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }
        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>A TCP port that is free right now on the loopback interface.</summary>
    public static int FreePort() => StubHttpServer.FreePort();

    private static string EnsurePublished()
    {
        // ./marquee rebuilds the CLI when any source changed, so tests always run current code.
        var script = Path.Combine(RepositoryRoot, "marquee");
        var info = new ProcessStartInfo(script, "--help") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
        using var build = Process.Start(info)!;
        var errors = build.StandardError.ReadToEnd();
        build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"./marquee --help failed: {errors}");
        }
        return Path.Combine(RepositoryRoot, "build_artifacts", "cli", "marquee.dll");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marquee.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("repository root (Marquee.slnx) not found");
    }
}

/// <summary>A running <c>marquee</c> process whose output is collected in the background.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly StringBuilder _output = new();

    public CliProcess(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public bool HasExited => Process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>SIGKILL: no shutdown hooks run, nothing is flushed.</summary>
    public async Task KillAsync()
    {
        Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
    }

    /// <summary>Waits until GET {baseUrl}/health answers 200.</summary>
    public async Task WaitForHealthAsync(HttpClient http, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"marquee exited with {Process.ExitCode}: {Output}");
            }
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the server did not become healthy in time: {Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }
        Process.Dispose();
    }
}
