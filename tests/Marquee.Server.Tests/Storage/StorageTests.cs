using Marquee.Core.Training;
using Marquee.Server.Tests.Support;
using Marquee.Storage;

namespace Marquee.Server.Tests.Storage;

/// <summary>The same storage behaviour on both engines: a real SQLite file and a real PostgreSQL.</summary>
public abstract class StorageTests : IAsyncLifetime
{
    protected abstract Database CreateDatabase();

    private Database _database = null!;

    public virtual Task InitializeAsync()
    {
        _database = CreateDatabase();
        _database.Migrate();
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Migrate_Twice_IsIdempotent()
    {
        _database.Migrate();
        var users = new UserStore(_database, TimeProvider.System);
        var (userId, token) = await users.CreateAsync();
        Assert.Equal(userId, await users.FindByTokenAsync(token));
        Assert.Null(await users.FindByTokenAsync("not-a-token"));
    }

    [Fact]
    public async Task Feedback_IdempotencyAndUndo_Work()
    {
        var (userId, _) = await new UserStore(_database, TimeProvider.System).CreateAsync();
        var store = new FeedbackStore(_database, TimeProvider.System);

        var (first, created) = await store.AddAsync(new FeedbackEvent(userId, 1, "like", "cozy", "cf", "v1", 0), "key-1");
        var (again, createdAgain) = await store.AddAsync(new FeedbackEvent(userId, 1, "like", "cozy", "cf", "v1", 0), "key-1");
        var (other, _) = await store.AddAsync(new FeedbackEvent(userId, 2, "dislike", null, null, null, null), null);
        await store.AddAsync(new FeedbackEvent(userId, 1, "superlike", null, null, null, null), null);
        Assert.True(await store.UndoAsync(userId, other.Id));

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, again.Id);
        var standing = await store.LatestActionsAsync(userId);
        Assert.Equal([(1, "superlike")], standing);
        var export = await store.ExportAsync();
        Assert.Equal(2, export.Count(e => e.UserId == userId));
    }

    [Fact]
    public async Task Watchlist_PutTwiceThenDelete_RoundTrips()
    {
        var (userId, _) = await new UserStore(_database, TimeProvider.System).CreateAsync();
        var store = new WatchlistStore(_database, TimeProvider.System);

        var (_, created) = await store.PutAsync(userId, 10);
        var (_, createdAgain) = await store.PutAsync(userId, 10);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Single(await store.ListAsync(userId));
        Assert.True(await store.DeleteAsync(userId, 10));
        Assert.Empty(await store.ListAsync(userId));
    }

    [Fact]
    public async Task Registry_PromoteAndRollback_WalkBackThroughHistory()
    {
        var registry = new ModelRegistry(_database, TimeProvider.System);
        foreach (var version in new[] { "a", "b", "c" })
        {
            await registry.RegisterAsync(Manifest(version));
            Assert.True(await registry.PromoteAsync(version, "test"));
        }

        Assert.Equal("c", (await registry.GetCurrentAsync())!.Version);
        Assert.Equal("b", (await registry.RollbackAsync())!.Version);
        Assert.Equal("a", (await registry.RollbackAsync())!.Version);
        Assert.Null(await registry.RollbackAsync());
        Assert.Equal("a", (await registry.GetCurrentAsync())!.Version);
        Assert.False(await registry.PromoteAsync("missing", "test"));
        // The PostgreSQL database is shared by the class's tests: count only this test's versions.
        Assert.Equal(3, (await registry.ListAsync()).Count(m => m.Version is "a" or "b" or "c"));
    }

    [Fact]
    public async Task Analytics_FeedbackOfTwoModelsAndArms_CountedPerModelArmAndSession()
    {
        var users = new UserStore(_database, TimeProvider.System);
        var (alice, _) = await users.CreateAsync();
        var (bob, _) = await users.CreateAsync();
        var store = new FeedbackStore(_database, TimeProvider.System);
        var registry = new ModelRegistry(_database, TimeProvider.System);
        await registry.RegisterAsync(Manifest("m1"));
        await registry.RegisterAsync(Manifest("m2"));
        var experiments = new ExperimentStore(_database, TimeProvider.System);
        Assert.NotNull(await experiments.StartAsync("first", "m1", "m2", 0.5));
        Assert.Null(await experiments.StartAsync("first", "m1", "m2", 0.5));
        await store.AddAsync(new FeedbackEvent(alice, 1, "like", null, "cf", "m1", 0, "first", "control", "p1"), null);
        await store.AddAsync(new FeedbackEvent(alice, 2, "dislike", null, "cf", "m1", 1, "first", "control", "p1"), null);
        await store.AddAsync(new FeedbackEvent(alice, 3, "skip", null, "cf", "m1", 0, "first", "control", "p2"), null);
        await store.AddAsync(new FeedbackEvent(bob, 1, "superlike", null, "cf", "m2", 0, "first", "candidate", "p3"), null);
        var (undone, _) = await store.AddAsync(new FeedbackEvent(bob, 4, "dislike", null, "cf", "m2", 1, "first", "candidate", "p3"), null);
        await store.UndoAsync(bob, undone.Id);
        var analytics = new FeedbackAnalytics(_database);

        var byModel = (await analytics.ByModelAsync(null)).ToDictionary(c => c.Key);
        Assert.Equal(new SwipeCounts { Key = "m1", Swipes = 3, Likes = 1, Dislikes = 1, Sessions = 1, Movies = 3, Pages = 2, LikedPages = 1 }, byModel["m1"]);
        Assert.Equal(new SwipeCounts { Key = "m2", Swipes = 1, Likes = 1, Dislikes = 0, Sessions = 1, Movies = 1, Pages = 1, LikedPages = 1 }, byModel["m2"]);
        var hourly = await analytics.ByModelAsync(3_600_000);
        Assert.Equal(4, hourly.Where(c => c.Key is "m1" or "m2").Sum(c => c.Swipes));
        Assert.All(hourly, c => Assert.Equal(0, c.BucketStartMs % 3_600_000));
        var byArm = (await analytics.ByArmAsync("first")).ToDictionary(c => c.Key);
        Assert.Equal(3, byArm["control"].Swipes);
        Assert.Equal(1, byArm["candidate"].Likes);
        var sessions = await analytics.SessionsAsync("first");
        Assert.Contains(new SessionSwipes("control", alice, 3, 1), sessions);
        Assert.Contains(new SessionSwipes("candidate", bob, 1, 1), sessions);

        Assert.NotNull(await experiments.StartAsync("second", "m2", "m1", 0.2));
        Assert.Equal("second", (await experiments.GetActiveAsync())!.Name);
        Assert.Equal("second", (await experiments.StopAsync())!.Name);
        Assert.Null(await experiments.GetActiveAsync());
        Assert.Equal(["second", "first"], (await experiments.ListAsync()).Select(e => e.Name));
    }

    [Fact]
    public async Task Registry_RollbackAfterPromotingTheSameVersionTwice_ServesThePreviousVersion()
    {
        var registry = new ModelRegistry(_database, TimeProvider.System);
        await registry.RegisterAsync(Manifest("a"));
        await registry.RegisterAsync(Manifest("b"));
        await registry.PromoteAsync("a", "test");
        await registry.PromoteAsync("b", "test");
        await registry.PromoteAsync("b", "test again");

        var previous = await registry.RollbackAsync();

        Assert.Equal("a", previous!.Version);
        Assert.Equal("a", (await registry.GetCurrentAsync())!.Version);
        Assert.Null(await registry.RollbackAsync());
    }

    [Fact]
    public async Task Taste_ManyEventsOnFewMovies_KeepsOneStandingActionPerMovie()
    {
        var (userId, _) = await new UserStore(_database, TimeProvider.System).CreateAsync();
        var store = new FeedbackStore(_database, TimeProvider.System);
        string[] actions = ["like", "dislike", "superlike", "seen"];
        for (var i = 0; i < 400; i++)
        {
            await store.AddAsync(new FeedbackEvent(userId, 1 + i % 10, actions[i % 4], null, null, null, null), null);
        }
        var (last, _) = await store.AddAsync(new FeedbackEvent(userId, 3, "dislike", null, null, null, null), null);
        await store.UndoAsync(userId, last.Id);

        var standing = await store.LatestActionsAsync(userId);

        Assert.Equal(10, standing.Count);
        // Movie 3's standing action is the last one not taken back: event 392 (392 % 4 == 0, a like).
        Assert.Equal("like", standing.Single(s => s.MovieId == 3).Action);
        Assert.Equal(10, standing[^1].MovieId);
    }

    [Fact]
    public async Task Taste_MoreMoviesThanTheBound_KeepsTheNewestOnly()
    {
        var (userId, _) = await new UserStore(_database, TimeProvider.System).CreateAsync();
        var store = new FeedbackStore(_database, TimeProvider.System);
        var movies = FeedbackStore.MaxTasteMovies + 50;
        for (var movie = 1; movie <= movies; movie++)
        {
            await store.AddAsync(new FeedbackEvent(userId, movie, "like", null, null, null, null), null);
        }

        var standing = await store.LatestActionsAsync(userId);

        Assert.Equal(FeedbackStore.MaxTasteMovies, standing.Count);
        Assert.Equal(51, standing[0].MovieId);
        Assert.Equal(movies, standing[^1].MovieId);
    }

    [Fact]
    public async Task Sessions_ExpireRotateAndRevoke()
    {
        var clock = new ManualClock();
        var users = new UserStore(_database, clock, TimeSpan.FromDays(1));
        var (userId, token) = await users.CreateAsync();
        Assert.Equal(userId, await users.FindByTokenAsync(token));

        var rotated = await users.RotateAsync(userId);
        Assert.Null(await users.FindByTokenAsync(token));
        Assert.Equal(userId, await users.FindByTokenAsync(rotated));

        clock.Now += TimeSpan.FromDays(2);
        Assert.Null(await users.FindByTokenAsync(rotated));

        var fresh = await users.RotateAsync(userId);
        Assert.Equal(userId, await users.FindByTokenAsync(fresh));
        await users.RevokeAsync(userId);
        Assert.Null(await users.FindByTokenAsync(fresh));
    }

    [Fact]
    public async Task Watchlist_ConcurrentPutAndDelete_NeverFails()
    {
        var (userId, _) = await new UserStore(_database, TimeProvider.System).CreateAsync();
        var store = new WatchlistStore(_database, TimeProvider.System);

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            var put = Task.Run(() => store.PutAsync(userId, 10));
            var delete = Task.Run(() => store.DeleteAsync(userId, 10));
            await Task.WhenAll(put, delete);
            Assert.Equal(10, (await put).Entry.MovieId);
        });
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static ModelManifest Manifest(string version) => new()
    {
        Version = version, Algorithm = "ease", Parameters = new Dictionary<string, double> { ["lambda"] = 150 },
        CreatedAt = DateTimeOffset.UtcNow, CodeVersion = "test", FitSeconds = 0.1,
        Data = new TrainingData { InteractionsSha256 = "x", Ratings = 1, FeedbackEvents = 0, Users = 1, Items = 1, Fingerprint = "f" },
    };
}

public sealed class SqliteStorageTests : StorageTests, IDisposable
{
    private readonly TempDirectory _temp = new();

    protected override Database CreateDatabase() => new(_temp.File("marquee.db"), _temp.Path);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}

public sealed class PostgresStorageTests(PostgresFixture postgres) : StorageTests, IClassFixture<PostgresFixture>
{
    protected override Database CreateDatabase() => new(postgres.ConnectionString, Path.GetTempPath());
}
