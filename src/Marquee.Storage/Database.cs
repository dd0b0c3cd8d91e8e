using System.Data.Common;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marquee.Storage;

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
    private readonly string _createConnectionString;
    private readonly SqliteWriter? _sqliteWriter;
    private volatile WriteFailure? _lastWriteFailure;

    public Database(string? setting, string artifactsDirectory)
    {
        if (!string.IsNullOrWhiteSpace(setting) && LooksLikePostgres(setting))
        {
            Provider = DatabaseProvider.PostgreSql;
            _connectionString = setting.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? FromUrl(setting) : setting;
            _createConnectionString = _connectionString;
            Description = $"PostgreSQL {new NpgsqlConnectionStringBuilder(_connectionString) { Password = null }.Host}";
        }
        else
        {
            var path = string.IsNullOrWhiteSpace(setting) ? Path.Combine(artifactsDirectory, "marquee.db") : StripSqlitePrefix(setting);
            path = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            Provider = DatabaseProvider.Sqlite;
            // Serving connections never create the file: a database deleted under a running server must fail
            // writes, not quietly start an empty one (only migrations create it).
            _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, Mode = SqliteOpenMode.ReadWrite }.ToString();
            _createConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
            SqlitePath = path;
            Description = $"SQLite {path}";
            _sqliteWriter = new SqliteWriter(this);
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Where the data lives, without credentials.</summary>
    public string Description { get; }

    /// <summary>The SQLite file, or null for PostgreSQL.</summary>
    public string? SqlitePath { get; }

    /// <summary>The last write that could not be stored, cleared by the next one that was.</summary>
    public WriteFailure? LastWriteFailure => _lastWriteFailure;

    /// <summary>
    /// Runs one write in a transaction and returns only once it is committed to the live database (for SQLite,
    /// in a group commit with the writes queued beside it). A database that cannot take writes (gone,
    /// read-only, full) throws <see cref="DatabaseUnavailableException"/>.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken = default)
    {
        try
        {
            T result;
            if (_sqliteWriter is not null)
            {
                result = (T)(await _sqliteWriter.EnqueueAsync(async (c, t) => await write(c, t), cancellationToken))!;
            }
            else
            {
                await using var connection = await OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                result = await write(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
            }
            _lastWriteFailure = null;
            return result;
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            _lastWriteFailure = new WriteFailure(DateTimeOffset.UtcNow, e.Message);
            throw e as DatabaseUnavailableException ?? new DatabaseUnavailableException($"{Description} cannot take writes: {e.Message}", e);
        }
    }

    /// <summary>Throws when the SQLite file this server writes to is no longer where it was opened (deleted, moved).</summary>
    internal void EnsureLive()
    {
        if (SqlitePath is not null && !File.Exists(SqlitePath))
        {
            // Pooled connections still hold the deleted file open: drop them so no later write lands there.
            SqliteConnection.ClearAllPools();
            throw new DatabaseUnavailableException($"the database file {SqlitePath} is gone; restore it or restart to create a new one");
        }
    }

    /// <summary>Errors that mean the database cannot take writes now, as opposed to a bad statement.</summary>
    public static bool IsUnavailable(Exception e) => e switch
    {
        DatabaseUnavailableException => true,
        // SQLITE_BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 8 or 10 or 11 or 13 or 14 or 26
            || sqlite.Message.Contains("no such table", StringComparison.Ordinal),
        PostgresException pg => pg.SqlState is "25006" or "53100" or "57P01" or "57P02" or "57P03" or "08006" or "08001",
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

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
            : DeployChanges.To.SqliteDatabase(_createConnectionString);
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
            using var connection = new SqliteConnection(_createConnectionString);
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
                : new SqliteConnection(_createConnectionString);
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

/// <summary>The database cannot store anything right now (deleted, read-only, disk full, unreachable).</summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public sealed record WriteFailure(DateTimeOffset At, string Reason);
