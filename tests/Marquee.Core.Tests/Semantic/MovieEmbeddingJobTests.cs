using Marquee.Core.Catalog;
using Marquee.Core.Import;
using Marquee.Core.Semantic;
using Marquee.Core.Tests.Ranking;

namespace Marquee.Core.Tests.Semantic;

public sealed class MovieEmbeddingJobTests : IDisposable
{
    private static readonly MovieEmbeddingOptions SmallBatches = new() { BatchSize = 3, CheckpointEvery = 6 };
    private readonly TempDirectory _temp = new();

    private string Path => _temp.File("movie_embeddings.parquet");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RunAsync_FirstRun_EmbedsEveryFilmAndStoresModelAndDimension()
    {
        var catalog = TestCatalog.Catalog();
        var embedder = new HashingTextEmbedder();

        var result = await MovieEmbeddingJob.RunAsync(catalog, Path, embedder, SmallBatches);

        var stored = await MovieEmbeddingFile.ReadAsync(Path);
        Assert.NotNull(stored);
        Assert.Equal((catalog.Count, 0, true), (result.Embedded, result.Reused, result.Written));
        Assert.Equal(("test/hashing-v1", 64), (stored.ModelName, stored.Dimensions));
        Assert.Equal(catalog.Movies.Select(m => m.MovieId), stored.Rows.Select(r => r.MovieId));
        Assert.All(stored.Rows, r => Assert.Equal(FilmText.Hash(FilmText.Compose(catalog.Find(r.MovieId)!)), r.TextHash));
        Assert.Equal(7, embedder.Calls); // 20 films in batches of 3
    }

    [Fact]
    public async Task RunAsync_NothingChanged_EmbedsNothingAndLeavesTheFileAlone()
    {
        var catalog = TestCatalog.Catalog();
        await MovieEmbeddingJob.RunAsync(catalog, Path, new HashingTextEmbedder(), SmallBatches);
        var written = File.GetLastWriteTimeUtc(Path);
        var second = new HashingTextEmbedder();

        var result = await MovieEmbeddingJob.RunAsync(catalog, Path, second, SmallBatches);

        Assert.Equal((0, catalog.Count, false), (result.Embedded, result.Reused, result.Written));
        Assert.Equal(0, second.Calls);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path));
    }

    [Fact]
    public async Task RunAsync_OneOverviewChangedOneGenreOnlyFilmAddedOneRemoved_EmbedsOnlyTheChanged()
    {
        await MovieEmbeddingJob.RunAsync(TestCatalog.Catalog(), Path, new HashingTextEmbedder(), SmallBatches);
        var changed = Catalog(overviewOf4: "Neo learns kung fu in a simulated world.", dropId: 19, add: new Movie(99, "Primer", 2004, ["Sci-Fi"]));
        var embedder = new HashingTextEmbedder();

        var result = await MovieEmbeddingJob.RunAsync(changed, Path, embedder, SmallBatches);

        var stored = (await MovieEmbeddingFile.ReadAsync(Path))!;
        // Primer arrives with nothing but its genre: no text to read, so no vector (FilmText.HasSubstance).
        Assert.Equal((1, 18, 1, 1), (result.Embedded, result.Reused, result.Removed, result.NoText));
        Assert.Equal(["Neo learns kung fu in a simulated world. Genres: Action, Sci-Fi, Thriller. Tags: cyberpunk, philosophical, virtual reality."],
            embedder.Embedded.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(stored.Rows, r => r.MovieId == 19);
        Assert.DoesNotContain(stored.Rows, r => r.MovieId == 99);
        Assert.Equal(FilmText.Hash(FilmText.Compose(changed.Find(4)!)), stored.Rows.Single(r => r.MovieId == 4).TextHash);
    }

    [Fact]
    public async Task RunAsync_OtherModelThanTheStoredOne_EmbedsEveryFilmAgain()
    {
        var catalog = TestCatalog.Catalog();
        await MovieEmbeddingJob.RunAsync(catalog, Path, new HashingTextEmbedder("test/old-model"), SmallBatches);
        var embedder = new HashingTextEmbedder("test/new-model", dimensions: 32);

        var result = await MovieEmbeddingJob.RunAsync(catalog, Path, embedder, SmallBatches);

        var stored = (await MovieEmbeddingFile.ReadAsync(Path))!;
        Assert.True(result.ModelChanged);
        Assert.Equal(catalog.Count, result.Embedded);
        Assert.Equal(("test/new-model", 32), (stored.ModelName, stored.Dimensions));
        Assert.All(stored.Rows, r => Assert.Equal(32, r.Vector.Length));
    }

    [Fact]
    public async Task RunAsync_CancelledAfterACheckpoint_NextRunEmbedsOnlyWhatWasNotSaved()
    {
        var catalog = TestCatalog.Catalog();
        using var kill = new CancellationTokenSource();
        // Batches of 3, checkpoint every 6: the third call is cancelled after the checkpoint at 6 films.
        var killed = new HashingTextEmbedder { CancelAfter = kill, CancelAfterCalls = 3 };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            MovieEmbeddingJob.RunAsync(catalog, Path, killed, new MovieEmbeddingOptions { BatchSize = 3, CheckpointEvery = 6 }, cancellationToken: kill.Token));
        var saved = (await MovieEmbeddingFile.ReadAsync(Path))!.Rows.Count;
        var resumed = new HashingTextEmbedder();
        var result = await MovieEmbeddingJob.RunAsync(catalog, Path, resumed, SmallBatches);

        Assert.Equal(9, saved); // the checkpoint at 6 plus the batch embedded when the run was interrupted
        Assert.Equal((catalog.Count - saved, saved), (result.Embedded, result.Reused));
        Assert.Empty(killed.Embedded.Intersect(resumed.Embedded));
        Assert.Equal(catalog.Count, (await MovieEmbeddingFile.ReadAsync(Path))!.Rows.Count);
    }

    [Fact]
    public async Task RunAsync_KilledWithoutWarning_ResumesFromTheLastCheckpoint()
    {
        var catalog = TestCatalog.Catalog();
        var crashing = new CrashingEmbedder(new HashingTextEmbedder(), crashOnCall: 4);

        await Assert.ThrowsAsync<IOException>(() => MovieEmbeddingJob.RunAsync(catalog, Path, crashing, SmallBatches));
        var resumed = new HashingTextEmbedder();
        var result = await MovieEmbeddingJob.RunAsync(catalog, Path, resumed, SmallBatches);

        Assert.Equal((catalog.Count - 6, 6), (result.Embedded, result.Reused));
    }

    private static MovieCatalog Catalog(string overviewOf4, int dropId, Movie add)
    {
        var original = TestCatalog.Catalog();
        var movies = original.Movies.Where(m => m.MovieId != dropId).Select(m => m.Movie).Append(add).ToList();
        var details = original.Movies.Where(m => m.Details is not null && m.MovieId != dropId)
            .Select(m => m.MovieId == 4 ? m.Details! with { Overview = overviewOf4 } : m.Details!);
        var tags = original.Movies.SelectMany(m => m.Tags.Select(t => new MovieTag(1, m.MovieId, t, 0)));
        return new MovieCatalog(movies, [], [], details, tags);
    }

    /// <summary>Fails hard on one call, as a process killed mid-run would stop: no chance to save.</summary>
    private sealed class CrashingEmbedder(ITextEmbedder inner, int crashOnCall) : ITextEmbedder
    {
        private int _calls;
        public string ModelName => inner.ModelName;
        public int Dimensions => inner.Dimensions;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            ++_calls == crashOnCall ? throw new IOException("killed") : inner.Embed(texts, cancellationToken);

        public void Dispose() => inner.Dispose();
    }
}
