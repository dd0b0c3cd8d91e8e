using System.Numerics.Tensors;
using Marquee.Core.Catalog;
using Marquee.Core.Enrichment;
using Marquee.Core.Import;
using Marquee.Core.Intent;
using Marquee.Core.Ranking;
using Marquee.Core.Recommenders;
using Marquee.Core.Semantic;

namespace Marquee.Core.Tests.Semantic;

/// <summary>
/// ml-latest-small with the metadata join's overviews, embedded once for the class by the real model. Only the
/// films with at least <see cref="MinRatings"/> ratings (1,297 of 9,742) are embedded: all 9.7k take minutes on two cores, and the
/// subset keeps every well-known film a wish could be about, so a search still has to find one film among
/// more than a thousand. About 30 s on 2 cores, once per test run.
/// </summary>
public sealed class RealFilmVectors : IAsyncLifetime, IDisposable
{
    public const int MinRatings = 20;
    private readonly TempDirectory _temp = new();

    public MiniLmTextEmbedder Embedder { get; } = new(threads: Environment.ProcessorCount);
    public RecommenderSnapshot Snapshot { get; private set; } = null!;
    public SemanticIndex Index => Snapshot.Semantic!;

    public async Task InitializeAsync()
    {
        using var files = DatasetFiles.FromPath(SharedData.MlLatestSmall);
        var dataset = MovieLensReader.Read(files);
        var stats = DatasetImporter.ComputeStats(dataset.Ratings);
        var popular = stats.Where(s => s.RatingCount >= MinRatings).Select(s => s.MovieId).ToHashSet();
        var catalog = new MovieCatalog(dataset.Movies.Where(m => popular.Contains(m.MovieId)).ToList(), stats, dataset.Links,
            MetadataFile.Read(SharedData.MetadataJoin), dataset.Tags);
        var path = _temp.File("movie_embeddings.parquet");
        await MovieEmbeddingJob.RunAsync(catalog, path, Embedder);
        var index = SemanticIndex.Build(catalog, (await MovieEmbeddingFile.ReadAsync(path))!);
        Snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test", semantic: index);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Embedder.Dispose();
        _temp.Dispose();
    }
}

/// <summary>
/// Search by meaning on real films. <see cref="TopByMeaning"/> is the cosine alone; <see cref="Recommend"/> is what
/// <c>POST /recommend</c> does with a query: the rules' reading plus the semantic match, blended with quality.
/// </summary>
public sealed class SemanticSearchTests(RealFilmVectors films) : IClassFixture<RealFilmVectors>
{
    private const int GroundhogDay = 1265;
    private const int WallE = 60069;

    private List<int> TopByMeaning(string wish, int count)
    {
        var query = films.Embedder.Embed([wish])[0];
        var catalog = films.Snapshot.Catalog;
        var candidates = Enumerable.Range(0, catalog.Count).ToArray();
        var cosines = new float[catalog.Count];
        films.Index.Cosines(query, candidates, cosines);
        return candidates.OrderByDescending(i => cosines[i]).Take(count).Select(i => catalog.Movies[i].MovieId).ToList();
    }

    private List<int> Recommend(string wish, int count, bool withMeaning = true)
    {
        var snapshot = films.Snapshot;
        var builder = new IntentBuilder(snapshot.Vocabulary);
        new RuleIntentParser(snapshot.Vocabulary).ParseInto(wish, snapshot.ParseContext, builder);
        var request = new RecommendationRequest
        {
            Intent = builder.Build(snapshot.ReferenceYear),
            QueryEmbedding = withMeaning ? films.Embedder.Embed([wish])[0] : null,
            K = count,
        };
        return RecommendationEngine.Recommend(snapshot, request).Items.Select(i => i.Movie.MovieId).ToList();
    }

    [Fact]
    public void Fixture_PopularFilmsWithTextToRead_AllEmbedded()
    {
        Assert.True(films.Snapshot.Catalog.Count > 1000);
        Assert.Equal(films.Snapshot.Catalog.Movies.Count(FilmText.HasSubstance), films.Index.Covered);
    }

    [Fact]
    public void TopByMeaning_TheSameDayOverAndOver_GroundhogDayInTopThree()
    {
        Assert.Contains(GroundhogDay, TopByMeaning("the same day over and over", 3));
    }

    [Fact]
    public void Recommend_TheSameDayOverAndOver_GroundhogDayInTopThree()
    {
        Assert.Contains(GroundhogDay, Recommend("the same day over and over", 3));
    }

    [Fact]
    public void Recommend_ARobotWhoFallsInLove_WallEInTopThree()
    {
        Assert.Contains(WallE, Recommend("a robot who falls in love", 3));
    }

    [Fact]
    public void TopByMeaning_ARobotWhoFallsInLove_RobotLoveStoriesFirst()
    {
        // The cosine alone puts A.I., Short Circuit and other robot love stories above WALL·E, whose overview never
        // says love (only a MovieLens tag does); the blend with its rules and quality lifts it (test above).
        var top = TopByMeaning("a robot who falls in love", 3);

        Assert.Contains(4370, top); // A.I. Artificial Intelligence: "a robotic boy, the first programmed to love"
    }

    [Fact]
    public void Cosines_FilmWithItself_One()
    {
        var index = films.Snapshot.Catalog.Find(GroundhogDay)!.Index;
        var cosines = new float[films.Snapshot.Catalog.Count];

        films.Index.Cosines(films.Index.Vector(index), [index], cosines);

        Assert.InRange(cosines[index], 0.999f, 1.001f);
        Assert.InRange(TensorPrimitives.Norm(films.Index.Vector(index)), 0.999f, 1.001f);
    }
}
