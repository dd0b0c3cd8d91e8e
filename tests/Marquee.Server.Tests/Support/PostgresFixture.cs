using System.Diagnostics;
using Npgsql;

namespace Marquee.Server.Tests.Support;

/// <summary>
/// A real PostgreSQL for storage tests: the cluster scripts/test.sh starts (MARQUEE_TEST_POSTGRES), or a
/// private throwaway cluster started here from the Debian binaries when the variable is unset. Every
/// fixture gets its own fresh database.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private string? _clusterDir;
    private string _adminConnection = "";

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _adminConnection = Environment.GetEnvironmentVariable("MARQUEE_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : StartPrivateCluster();
        var database = "marquee_test_" + Guid.NewGuid().ToString("N")[..10];
        await using (var admin = new NpgsqlConnection(_adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = database }.ToString();
    }

    private string StartPrivateCluster()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed and MARQUEE_TEST_POSTGRES is unset: run ./marquee test");
        _clusterDir = Path.Combine(Path.GetTempPath(), "marquee-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_clusterDir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", "postgres", _clusterDir);
        }
        var port = 56000 + Random.Shared.Next(2000);
        RunAsPostgres(asRoot, Path.Combine(bin, "initdb"), "-D", Path.Combine(_clusterDir, "data"), "-U", "postgres", "-A", "trust");
        RunAsPostgres(asRoot, Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(_clusterDir, "data"), "-o",
            $"-p {port} -k {_clusterDir} -c listen_addresses=127.0.0.1", "-l", Path.Combine(_clusterDir, "log"), "-w", "start");
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static void RunAsPostgres(bool asRoot, string program, params string[] args)
    {
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. args]);
        }
        else
        {
            Run(program, args);
        }
    }

    private static void Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {error}");
        }
    }

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_clusterDir is not null)
        {
            var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_ctl")).First(File.Exists);
            try
            {
                RunAsPostgres(Environment.UserName == "root", bin, "-D", Path.Combine(_clusterDir, "data"), "-m", "immediate", "stop");
            }
            finally
            {
                Directory.Delete(_clusterDir, recursive: true);
            }
        }
        return Task.CompletedTask;
    }
}
