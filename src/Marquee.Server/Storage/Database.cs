using System.Data.Common;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marquee.Server.Storage;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The online store (users, feedback, watchlists, model registry): a SQLite file in WAL mode by
/// default, PostgreSQL when the setting is a PostgreSQL connection string.
/// </summary>
public sealed class Database
{
    private readonly string _connectionString;

    public Database(string? setting, string artifactsDirectory)
    {
        if (!string.IsNullOrWhiteSpace(setting) && LooksLikePostgres(setting))
        {
            Provider = DatabaseProvider.PostgreSql;
            _connectionString = setting.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? FromUrl(setting) : setting;
            Description = $"PostgreSQL {new NpgsqlConnectionStringBuilder(_connectionString) { Password = null }.Host}";
        }
        else
        {
            var path = string.IsNullOrWhiteSpace(setting) ? Path.Combine(artifactsDirectory, "marquee.db") : StripSqlitePrefix(setting);
            path = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            Provider = DatabaseProvider.Sqlite;
            _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
            Description = $"SQLite {path}";
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Where the data lives, without credentials.</summary>
    public string Description { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            var pg = new NpgsqlConnection(_connectionString);
            await pg.OpenAsync(cancellationToken);
            return pg;
        }
        var sqlite = new SqliteConnection(_connectionString);
        await sqlite.OpenAsync(cancellationToken);
        await using var pragma = sqlite.CreateCommand();
        // FULL makes every commit reach the disk before we answer 201; busy_timeout lets the
        // rare concurrent writer wait instead of failing.
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return sqlite;
    }

    /// <summary>Applies pending schema migrations (embedded SQL scripts, tracked by DbUp).</summary>
    public void Migrate()
    {
        var folder = Provider == DatabaseProvider.PostgreSql ? ".Postgres." : ".Sqlite.";
        var scripts = typeof(Database).Assembly.GetManifestResourceNames()
            .Where(name => name.Contains(".Storage.Migrations" + folder, StringComparison.Ordinal)).ToList();
        if (IsUpToDate(scripts))
        {
            return;
        }
        var builder = Provider == DatabaseProvider.PostgreSql
            ? DeployChanges.To.PostgresqlDatabase(_connectionString)
            : DeployChanges.To.SqliteDatabase(_connectionString);
        var upgrader = builder
            .WithScriptsEmbeddedInAssembly(typeof(Database).Assembly, name => name.Contains(".Storage.Migrations" + folder, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        DatabaseUpgradeResult result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"database migration failed at {result.ErrorScript?.Name}: {result.Error.Message}", result.Error);
        }
        if (Provider == DatabaseProvider.Sqlite)
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// True when DbUp's journal already lists every embedded script: then there is nothing to do and
    /// short commands skip DbUp's own start-up.
    /// </summary>
    private bool IsUpToDate(IReadOnlyCollection<string> scripts)
    {
        try
        {
            using System.Data.Common.DbConnection connection = Provider == DatabaseProvider.PostgreSql
                ? new NpgsqlConnection(_connectionString)
                : new SqliteConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT scriptname FROM schemaversions";
            using var reader = command.ExecuteReader();
            var applied = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                applied.Add(reader.GetString(0));
            }
            return scripts.All(applied.Contains);
        }
        catch (System.Data.Common.DbException)
        {
            return false; // no journal yet: a fresh database
        }
    }

    private static bool LooksLikePostgres(string setting) =>
        setting.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || setting.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || setting.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    private static string StripSqlitePrefix(string setting) =>
        setting.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase) ? setting["Data Source=".Length..].Trim()
        : setting.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? setting["sqlite:".Length..].Trim()
        : setting;

    private static string FromUrl(string url)
    {
        var uri = new Uri(url);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/'),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return builder.ToString();
    }
}
