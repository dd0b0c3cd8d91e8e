using Marquee.Storage;

namespace Marquee.Server.Tests.Storage;

public sealed class MigrationNameTests
{
    [Fact]
    public void MigrationScripts_KeepTheNamesExistingDatabasesJournalled()
    {
        // DbUp records each applied script by its resource name; a rename would make every existing database run
        // its migrations again (and fail on "table exists"). The names date from when Storage lived in the server.
        var names = typeof(Database).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).ToList();

        Assert.Contains("Marquee.Server.Storage.Migrations.Sqlite.0001_initial.sql", names);
        Assert.Contains("Marquee.Server.Storage.Migrations.Postgres.0001_initial.sql", names);
        Assert.All(names, n => Assert.StartsWith("Marquee.Server.Storage.Migrations.", n, StringComparison.Ordinal));
        Assert.Equal(names.Count(n => n.Contains(".Sqlite.", StringComparison.Ordinal)), names.Count(n => n.Contains(".Postgres.", StringComparison.Ordinal)));
    }
}
