using System.Text;
using System.Text.Json.Serialization;
using Marquee.Core.Artifacts;
using Marquee.Core.Enrichment;
using Marquee.Core.Tests.Support;
using Parquet.Serialization;

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
    public async Task CompactAsync_AnswerWithCreditsKeywordsAndCertification_KeepsThemThroughTheParquetCache()
    {
        using var dir = new TempDirectory();
        var data = new DataDirectory(dir.Path);
        var groundhogDay = Found(1265, 137, Noon).Movie! with
        {
            Appended = TmdbMovieReader.AppendToResponse,
            OriginalTitle = "Groundhog Day",
            OriginalLanguage = "en",
            Popularity = 28.7,
            SpokenLanguageCodes = ["en", "it"],
            ProductionCountryCodes = ["US"],
            ProductionCompanyNames = ["Columbia Pictures"],
            KeywordNames = ["time loop", "weatherman"],
            Directors = [new TmdbPerson(1524, "Harold Ramis")],
            Writers = [new TmdbPerson(10072, "Danny Rubin"), new TmdbPerson(1524, "Harold Ramis")],
            Cast = [new TmdbPerson(1532, "Bill Murray"), new TmdbPerson(1533, "Andie MacDowell")],
            Certification = "PG",
            CertificationCountry = "US",
            CollectionId = 10194,
            CollectionName = "Toy Story Collection",
        };
        await using var store = await TmdbFetchStore.OpenAsync(data);
        await store.AppendAsync(new TmdbFetchRecord(1265, 137, TmdbFetchStatus.Found, Noon, groundhogDay));

        await store.CompactAsync();

        var movie = (await TmdbFetchStore.ReadAsync(data))[1265].Movie!;
        Assert.True(movie.HasCredits);
        Assert.Equal(groundhogDay.Directors, movie.Directors);
        Assert.Equal(groundhogDay.Writers, movie.Writers);
        Assert.Equal(groundhogDay.Cast, movie.Cast);
        Assert.Equal(groundhogDay.KeywordNames, movie.KeywordNames);
        Assert.Equal(groundhogDay.SpokenLanguageCodes, movie.SpokenLanguageCodes);
        Assert.Equal(groundhogDay.ProductionCountryCodes, movie.ProductionCountryCodes);
        Assert.Equal(groundhogDay.ProductionCompanyNames, movie.ProductionCompanyNames);
        Assert.Equal(("PG", "US", 10194, "Toy Story Collection"), (movie.Certification, movie.CertificationCountry, movie.CollectionId, movie.CollectionName));
        Assert.Equal(("Groundhog Day", "en", 28.7), (movie.OriginalTitle, movie.OriginalLanguage, movie.Popularity));
    }

    [Fact]
    public async Task ReadAsync_JournalLineFromBeforeCredits_ReadsTheAnswerAsOneWithoutCredits()
    {
        using var dir = new TempDirectory();
        var data = new DataDirectory(dir.Path);
        // What the journal held before enrichment asked TMDB for credits, keywords and release dates.
        await File.WriteAllTextAsync(TmdbFetchStore.JournalPath(data),
            """{"movie_id":1,"tmdb_id":862,"status":"found","fetched_at":"2026-11-26T12:00:00+00:00","movie":{"id":862,"title":"Toy Story","overview":"Led by Woody.","genres":[{"id":16,"name":"Animation"}]}}""" + "\n");

        var records = await TmdbFetchStore.ReadAsync(data);

        var movie = records[1].Movie!;
        Assert.False(movie.HasCredits);
        Assert.Null(movie.Cast);
        Assert.Equal("Led by Woody.", records[1].ToDetails()!.Overview);
    }

    [Fact]
    public async Task ReadAsync_CacheWrittenBeforeCredits_ReadsEveryAnswerAsOneWithoutCredits()
    {
        using var dir = new TempDirectory();
        var data = new DataDirectory(dir.Path);
        await using (var stream = File.Create(TmdbFetchStore.CachePath(data)))
        {
            await ParquetSerializer.SerializeAsync(new[]
            {
                new CacheRowBeforeCredits { MovieId = 1, TmdbId = 862, Status = "found", FetchedAt = Noon.UtcDateTime, Title = "Toy Story", Overview = "Led by Woody." },
            }, stream);
        }

        var records = await TmdbFetchStore.ReadAsync(data);

        Assert.False(records[1].Movie!.HasCredits);
        Assert.Equal(("Toy Story", "Led by Woody."), (records[1].Movie!.Title, records[1].Movie!.Overview));
    }

    /// <summary>The columns of <c>tmdb_fetched.parquet</c> before credits, keywords and certification were fetched.</summary>
    private sealed class CacheRowBeforeCredits
    {
        [JsonPropertyName("movie_id")] public int MovieId { get; set; }
        [JsonPropertyName("tmdb_id")] public int TmdbId { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("fetched_at")] public DateTime FetchedAt { get; set; }
        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("overview")] public string? Overview { get; set; }
        [JsonPropertyName("genres")] public List<string>? Genres { get; set; }
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
