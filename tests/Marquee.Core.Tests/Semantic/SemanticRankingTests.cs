using Marquee.Core.Catalog;
using Marquee.Core.Intent;
using Marquee.Core.Ranking;
using Marquee.Core.Recommenders;
using Marquee.Core.Semantic;
using Marquee.Core.Tests.Ranking;

namespace Marquee.Core.Tests.Semantic;

public sealed class SemanticRankingTests
{
    private static readonly HashingTextEmbedder Embedder = new();
    // A free word of the wish that no film's text contains: only meaning can place the films.
    private static readonly MovieIntent WishWithFreeWords = new() { Keywords = ["lunacy"] };

    private static RecommenderSnapshot SnapshotWithVectors()
    {
        var catalog = TestCatalog.Catalog();
        var rows = catalog.Movies.Select(m => FilmText.Compose(m)).ToList();
        var vectors = Embedder.Embed(rows);
        var embeddings = new MovieEmbeddings(Embedder.ModelName, Embedder.Dimensions,
            catalog.Movies.Select((m, i) => new MovieEmbedding(m.MovieId, FilmText.Hash(rows[i]), vectors[i])).ToList());
        return new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test", semantic: SemanticIndex.Build(catalog, embeddings));
    }

    [Fact]
    public void SemanticMatch_WishAboutOneFilm_ThatFilmMatchesBest()
    {
        var snapshot = SnapshotWithVectors();
        var candidates = Enumerable.Range(0, snapshot.Catalog.Count).ToArray();
        var query = Embedder.Embed(["cloned dinosaurs escape in a theme park"])[0];

        using var relevance = new IntentRelevance(snapshot, WishWithFreeWords, candidates, RankingOptions.Default, queryEmbedding: query);

        var best = candidates.MaxBy(relevance.SemanticMatch);
        Assert.True(relevance.HasSignals);
        Assert.Equal("Jurassic Park", snapshot.Catalog.Movies[best].Title);
        Assert.InRange(relevance.SemanticMatch(best), 0.99f, 1f);
    }

    [Fact]
    public void Recommend_WishEmbedded_FilmClosestInMeaningFirst()
    {
        var snapshot = SnapshotWithVectors();
        var request = new RecommendationRequest { Intent = WishWithFreeWords, QueryEmbedding = Embedder.Embed(["a writer goes mad in a haunted hotel"])[0], K = 3 };

        var result = RecommendationEngine.Recommend(snapshot, request);

        Assert.Equal("The Shining", result.Items[0].Movie.Title);
    }

    [Fact]
    public void Recommend_WishReadCompletelyAsMoods_MeaningAddsNothing()
    {
        var snapshot = SnapshotWithVectors();
        var intent = new MovieIntent { Moods = ["scary"] };
        var query = Embedder.Embed(["something scary"])[0];

        var without = RecommendationEngine.Recommend(snapshot, new RecommendationRequest { Intent = intent });
        var with = RecommendationEngine.Recommend(snapshot, new RecommendationRequest { Intent = intent, QueryEmbedding = query });

        Assert.Equal(without.Items.Select(i => (i.Movie.MovieId, i.Score)), with.Items.Select(i => (i.Movie.MovieId, i.Score)));
    }

    [Fact]
    public void Recommend_NoFilmVectors_QueryEmbeddingIgnoredAndRankingAsBefore()
    {
        var plain = TestCatalog.Snapshot();
        var intent = new MovieIntent { Genres = ["Comedy"], Keywords = ["lunacy"] };
        var query = Embedder.Embed(["a writer goes mad in a haunted hotel"])[0];

        var without = RecommendationEngine.Recommend(plain, new RecommendationRequest { Intent = intent });
        var with = RecommendationEngine.Recommend(plain, new RecommendationRequest { Intent = intent, QueryEmbedding = query });

        Assert.Equal(without.Items.Select(i => (i.Movie.MovieId, i.Score)), with.Items.Select(i => (i.Movie.MovieId, i.Score)));
    }

    [Fact]
    public void Recommend_FormOfItsTime_MeaningAddsNothing()
    {
        // "silent films": the record settles which films are silent. Closeness to the words put Silent Movie (1976, one
        // rating, a film about making one) above The General, whose story never says "silent".
        var movies = new (int Id, string Title, int Year, string Overview, string[] Keywords, int Ratings, double Mean)[]
        {
            (1, "General, The", 1926, "A train engineer chases stolen locomotives across the lines.", [], 40, 4.1),
            (2, "Silent Movie", 1976, "A director sets out to make the first silent movie in forty years.", ["silent film"], 1, 3.5),
            (3, "Heat", 1995, "A detective hunts a crew of bank robbers.", ["heist"], 60, 4.0),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, m.Year, ["Comedy"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, m.Ratings, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = m.Overview, Keywords = m.Keywords }),
            []);
        var rows = catalog.Movies.Select(m => FilmText.Compose(m)).ToList();
        var vectors = Embedder.Embed(rows);
        var embeddings = new MovieEmbeddings(Embedder.ModelName, Embedder.Dimensions,
            catalog.Movies.Select((m, i) => new MovieEmbedding(m.MovieId, FilmText.Hash(rows[i]), vectors[i])).ToList());
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test", semantic: SemanticIndex.Build(catalog, embeddings));
        var intent = new MovieIntent { Keywords = ["silent film"] };
        var query = Embedder.Embed(["silent movies, a silent film"])[0];

        var with = RecommendationEngine.Recommend(snapshot, new RecommendationRequest { Intent = intent, QueryEmbedding = query, K = 2 });

        Assert.Equal([1, 2], with.Items.Select(i => i.Movie.MovieId));
        var without = RecommendationEngine.Recommend(snapshot, new RecommendationRequest { Intent = intent, K = 2 });
        Assert.Equal(without.Items.Select(i => (i.Movie.MovieId, i.Score)), with.Items.Select(i => (i.Movie.MovieId, i.Score)));
    }
}
