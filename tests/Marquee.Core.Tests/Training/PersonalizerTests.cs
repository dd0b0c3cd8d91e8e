using Marquee.Core.Catalog;
using Marquee.Core.Import;
using Marquee.Core.Recommenders;
using Marquee.Core.Tests.Support;
using Marquee.Core.Training;

namespace Marquee.Core.Tests.Training;

/// <summary>The served EASE model on ml-latest-small reacts to a session's swipes without retraining.</summary>
public class PersonalizerTests
{
    private static readonly Lazy<(ModelPersonalizer Personalizer, IReadOnlyList<Movie> Movies)> Served = new(() =>
    {
        using var files = DatasetFiles.FromPath(SharedData.MlLatestSmall);
        var dataset = MovieLensReader.Read(files);
        var model = ModelTrainer.Configure("ease").Fit(Interactions.InteractionMatrix.Build(dataset.Ratings));
        return (new ModelPersonalizer(model), dataset.Movies);
    });

    // Toy Story, Monsters, Inc., Finding Nemo, The Incredibles, WALL·E.
    private static readonly (int MovieId, float Weight)[] FivePixarLikes = [(1, 4.5f), (4886, 4.5f), (6377, 4.5f), (8961, 4.5f), (60069, 4.5f)];

    [Fact]
    public void TryScore_FivePixarLikes_TopTenMostlyAnimatedOrFamily()
    {
        var (personalizer, movies) = Served.Value;
        var byId = movies.ToDictionary(m => m.MovieId);
        var ids = movies.Select(m => m.MovieId).ToArray();
        var slot = ids.Select((id, n) => (id, n)).ToDictionary(x => x.id, x => x.n);
        var scores = new float[ids.Length];
        Array.Fill(scores, float.NegativeInfinity);

        Assert.True(personalizer.TryScore(FivePixarLikes, id => slot.GetValueOrDefault(id, -1), scores));

        foreach (var (liked, _) in FivePixarLikes)
        {
            scores[slot[liked]] = float.NegativeInfinity;
        }
        var top = Enumerable.Range(0, ids.Length).OrderByDescending(n => scores[n]).Take(10).Select(n => byId[ids[n]]).ToList();
        var family = top.Count(m => m.Genres.Contains("Animation") || m.Genres.Contains("Children"));
        Assert.True(family >= 6, string.Join("; ", top.Select(m => $"{m.Title} [{string.Join('|', m.Genres)}]")));
    }

    [Fact]
    public void Explain_PixarPick_NamesALikedPixarFilm()
    {
        var (personalizer, _) = Served.Value;

        var reasons = personalizer.Explain(FivePixarLikes, 3114); // Toy Story 2

        Assert.NotEmpty(reasons);
        Assert.Equal(1, reasons[0].MovieId); // because you liked Toy Story
    }

    [Fact]
    public void TryScore_OnlyDislikesOrUnknownMovies_ReportsNoSignal()
    {
        var (personalizer, _) = Served.Value;
        var scores = new float[10];

        Assert.False(personalizer.TryScore([(1, -1f), (999_999_999, 4.5f)], _ => -1, scores));
    }

    [Fact]
    public void Similar_ToyStory_IsToyStory2OrAnotherAnimation()
    {
        var (personalizer, movies) = Served.Value;
        var byId = movies.ToDictionary(m => m.MovieId);

        var similar = personalizer.Similar(1, 5);

        Assert.Equal(5, similar.Count);
        Assert.DoesNotContain(similar, s => s.MovieId == 1);
        Assert.Contains(similar, s => s.MovieId == 3114 || byId[s.MovieId].Genres.Contains("Animation"));
    }
}
