using Marquee.Core.Catalog;
using Marquee.Core.Import;
using Marquee.Core.Interactions;
using Marquee.Core.Recommenders;

namespace Marquee.Core.Tests.Recommenders;

/// <summary>
/// Serving (<see cref="BaselineRecommender"/>, from the catalogue's rating statistics) and training and
/// evaluation (<see cref="PopularityBaseline"/>, from the interaction matrix) score the same ratings alike.
/// </summary>
public sealed class BaselineScoreTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ServingAndTraining_SameRatings_GiveTheSameScores(int seed)
    {
        var random = new Random(seed);
        var builder = new InteractionTableBuilder();
        // Skewed popularity: movie m is rated by about 1/m of the users, so counts span 1 to ~200.
        for (var user = 1; user <= 200; user++)
        {
            for (var movie = 1; movie <= 40; movie++)
            {
                if (random.NextDouble() < 1.0 / movie)
                {
                    builder.Add(user, movie * 3, random.Next(1, 11) / 2f, 0);
                }
            }
        }
        var ratings = builder.Build();
        // Movie 999 has no ratings: serving still scores it, training never sees it.
        var movies = Enumerable.Range(1, 40).Select(m => m * 3).Append(999)
            .Select(id => new Movie(id, $"Movie {id}", 2000, ["Drama"])).ToList();
        var catalog = new MovieCatalog(movies, DatasetImporter.ComputeStats(ratings), [], [], []);
        var options = new BaselineOptions { PriorStrength = 7, PopularityWeight = 0.4 };

        var serving = new BaselineRecommender(catalog, options);
        var training = (FixedScoresModel)new PopularityBaseline(options).Fit(InteractionMatrix.Build(ratings));

        Assert.Equal(40, training.Items.Count);
        var servingScores = serving.Scores.ToArray();
        for (var i = 0; i < training.Items.Count; i++)
        {
            var movie = catalog.Find(training.Items.MovieIdAt(i))!;
            // The statistics come from two code paths (float sums per item, double sums in the import),
            // so they agree to float precision; any change to the formula moves scores by far more.
            Assert.Equal(servingScores[movie.Index], training.Scores[i], 1e-6);
        }
        Assert.Equal(Enumerable.Range(0, training.Items.Count).OrderByDescending(i => training.Scores[i]).Select(i => training.Items.MovieIdAt(i)),
            catalog.Movies.Where(m => m.RatingCount > 0).OrderByDescending(m => servingScores[m.Index]).Select(m => m.MovieId));
    }

    [Fact]
    public void Compute_NoRatings_GivesTheGlobalMeanAndNoPopularity()
    {
        var (scores, damped) = BaselineScore.Compute([0, 4], [0, 5], globalMean: 3.5, new BaselineOptions { PriorStrength = 4, PopularityWeight = 0.5 });

        Assert.Equal(3.5f, damped[0]);
        Assert.Equal(0.5 * (3.5 - 0.5) / 4.5, scores[0], 1e-6);
        Assert.Equal(4.25f, damped[1]);
        Assert.Equal(0.5 * (4.25 - 0.5) / 4.5 + 0.5, scores[1], 1e-6);
    }
}
