using System.Text;
using Marquee.Core.Artifacts;
using Marquee.Core.Enrichment;
using Marquee.Core.Tests.Support;

namespace Marquee.Core.Tests.Enrichment;

public class TmdbFetchStoreTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static TmdbFetchRecord Found(int movieId, int tmdbId, DateTimeOffset at, string overview = "An overview.") =>
        new(movieId, tmdbId, TmdbFetchStatus.Found, at, new TmdbMovie
        {
            Id = tmdbId, Title = $"Movie {movieId}", Overview = overview, PosterPath = $"/{tmdbId}.jpg", Runtime = 100,
            VoteAverage = 7.1, VoteCount = 300, ReleaseDate = "1999-10-15", Genres = [new TmdbGenre { Id = 18, Name = "Drama" }],
        });

    [Fact]
    public async Task AppendAsync_ThenReopen_ReplaysEveryAnswerWithoutCompaction()
    {
        using var dir = new TempDirectory();
        var data = new DataDirectory(dir.Path);
        await using (var store = await TmdbFetchStore.OpenAsync(data))
        {
            await store.AppendAsync(Found(1, 862, Noon));
            await store.AppendAsync(new TmdbFetchRecord(2, 8844, TmdbFetchStatus.NotFound, Noon, null));
        }

        var records = await TmdbFetchStore.ReadAsync(data);

        Assert.False(File.Exists(TmdbFetchStore.CachePath(data)));
        Assert.Equal(TmdbFetchStatus.Found, records[1].Status);
        Assert.Equal("/862.jpg", records[1].ToDetails()!.PosterPath);
        Assert.Equal(TmdbFetchStatus.NotFound, records[2].Status);
        Assert.Null(records[2].ToDetails());
    }

    [Fact]
    public async Task OpenAsync_JournalWithATornLastLine_IgnoresItAndAppendsOnAFreshLine()
    {
        using var dir = new TempDirectory();
        var data = new DataDirectory(dir.Path);
        await using (var store = await TmdbFetchStore.OpenAsync(data))
        {
            await store.AppendAsync(Found(1, 862, Noon));
        }
        // What a crash in the middle of a write would leave.
        await File.AppendAllTextAsync(TmdbFetchStore.JournalPath(data), "{\"movie_id\":2,\"tmdb_id\":88", Encoding.UTF8);

        await using (var store = await TmdbFetchStore.OpenAsync(data))
        {
            Assert.Equal(1, store.JournalLength);
            await store.AppendAsync(Found(3, 949, Noon));
        }

        var records = await TmdbFetchStore.ReadAsync(data);
        Assert.Equal([1, 3], records.Keys.Order());
        Assert.Equal(2, File.ReadAllLines(TmdbFetchStore.JournalPath(data)).Length);
    }

    [Fact]
    public async Task CompactAsync_FoldsTheJournalIntoParquetAndEmptiesIt()
    {
        using var dir = new TempDirectory();
        var data = new DataDirectory(dir.Path);
        await using var store = await TmdbFetchStore.OpenAsync(data);
        await store.AppendAsync(Found(1, 862, Noon, "First answer."));
        await store.AppendAsync(new TmdbFetchRecord(2, 8844, TmdbFetchStatus.NotFound, Noon, null));
        await store.AppendAsync(Found(1, 862, Noon.AddHours(1), "Newer answer."));

        await store.CompactAsync();

        Assert.Equal(0, store.JournalLength);
        Assert.Equal(0, new FileInfo(TmdbFetchStore.JournalPath(data)).Length);
        var records = await TmdbFetchStore.ReadAsync(data);
        Assert.Equal(2, records.Count);
        Assert.Equal("Newer answer.", records[1].Movie!.Overview);
        Assert.Equal(Noon.AddHours(1), records[1].FetchedAt);
        Assert.Equal(["Drama"], records[1].ToDetails()!.TmdbGenres);
        Assert.Equal(TmdbFetchStatus.NotFound, records[2].Status);
    }

    [Fact]
    public async Task ReadAsync_WhileARunHoldsTheStore_SeesEveryAppendedAnswer()
    {
        using var dir = new TempDirectory();
        var data = new DataDirectory(dir.Path);
        await using var store = await TmdbFetchStore.OpenAsync(data);

        for (var movieId = 1; movieId <= 5; movieId++)
        {
            await store.AppendAsync(Found(movieId, 1000 + movieId, Noon));
            Assert.Equal(movieId, (await TmdbFetchStore.ReadAsync(data)).Count);
        }
    }
}
