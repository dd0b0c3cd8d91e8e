using BenchmarkDotNet.Attributes;
using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Interactions;
using Marquee.Core.Ranking;
using Marquee.Core.Recommenders;
using Marquee.Core.Recommenders.RatingPrediction;
using Marquee.Core.Training;

namespace Marquee.Benchmarks;

/// <summary>
/// The whole engine behind one <c>/recommend</c> (cf, k = 20) without HTTP: filters, CF scores, genre
/// affinity, ranking, diversity, predicted ratings and reasons. Reads what <c>./marquee up</c> (or
/// import + enrich + train, once per algorithm) wrote under <c>MARQUEE_DATA_DIR</c> and <c>MARQUEE_ARTIFACTS_DIR</c>.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private RecommenderSnapshot _snapshot = null!;
    private RecommendationRequest _movieLensUser = null!;
    private RecommendationRequest _session = null!;

    [Params("ease", "als")]
    public string Algorithm { get; set; } = "ease";

    [GlobalSetup]
    public void Setup()
    {
        var served = ServedEngine.Load(Algorithm);
        _snapshot = served.Snapshot;
        var catalog = served.Snapshot.Catalog;
        var users = served.Ratings;

        // A MovieLens user with about the mean number of ratings (165), and a session of 20 likes.
        var (movies, ratings) = users.Of(Enumerable.Range(1, 610).First(u => users.Contains(u) && users.Of(u).MovieIds.Length is >= 160 and <= 170));
        var history = Enumerable.Range(0, movies.Length).Select(i => (movies.Span[i], ratings.Span[i])).ToList();
        _movieLensUser = new RecommendationRequest { Recommender = RecommenderKind.Cf, History = history, RatedHistory = history };
        var liked = catalog.Movies.OrderByDescending(m => m.RatingCount).Take(20).Select(m => (m.MovieId, 4.5f)).ToList();
        _session = new RecommendationRequest { Recommender = RecommenderKind.Cf, History = liked, RatedHistory = liked };
    }

    [Benchmark]
    public int RecommendMovieLensUser() => RecommendationEngine.Recommend(_snapshot, _movieLensUser).Items.Count;

    [Benchmark]
    public int RecommendSession() => RecommendationEngine.Recommend(_snapshot, _session).Items.Count;
}
