using Marquee.Core.Catalog;
using Marquee.Core.Import;
using Marquee.Core.Ranking;
using Marquee.Core.Recommenders;

namespace Marquee.Core.Tests.Ranking;

/// <summary>A small hand-made catalogue whose right answers are obvious to a person.</summary>
public static class TestCatalog
{
    public sealed record Entry(int Id, string Title, int Year, string Genres, double Mean, int Count, string? Overview = null, string? Tags = null, int? Runtime = null);

    public static readonly Entry[] Entries =
    [
        new(1, "Toy Story", 1995, "Adventure|Animation|Children|Comedy|Fantasy", 3.9, 215, "Toys come to life when their owner leaves the room.", "pixar|cute", 81),
        new(2, "Toy Story 2", 1999, "Adventure|Animation|Children|Comedy|Fantasy", 3.8, 97, "Woody is stolen by a toy collector.", "pixar", 92),
        new(3, "Toy Story 3", 2010, "Adventure|Animation|Children|Comedy|Fantasy|IMAX", 3.9, 55, "The toys are donated to a daycare.", "pixar", 103),
        new(4, "Matrix, The", 1999, "Action|Sci-Fi|Thriller", 4.2, 278, "A hacker learns that reality is a simulation run by machines.", "cyberpunk|virtual reality|philosophical", 136),
        new(5, "Matrix Reloaded, The", 2003, "Action|Adventure|Sci-Fi|Thriller|IMAX", 3.3, 121, "Neo fights the machines to save Zion.", "cyberpunk", 138),
        new(6, "Heat", 1995, "Action|Crime|Thriller", 3.9, 102, "A detective hunts a crew of professional bank robbers after a heist.", "heist|los angeles", 170),
        new(7, "Godfather, The", 1972, "Crime|Drama", 4.3, 192, "The aging patriarch of a mafia dynasty hands control to his son.", "mafia|classic", 175),
        new(8, "Alien", 1979, "Horror|Sci-Fi", 4.0, 146, "The crew of a spaceship meets a deadly creature.", "scary|space|creepy", 117),
        new(9, "Shining, The", 1980, "Horror", 4.1, 109, "A writer goes mad in a haunted hotel.", "scary|stephen king|creepy", 146),
        new(10, "Notting Hill", 1999, "Comedy|Romance", 3.5, 80, "A bookshop owner falls in love with a film star.", "feel-good|romantic", 124),
        new(11, "When Harry Met Sally...", 1989, "Comedy|Romance", 3.8, 90, "Two friends wonder whether men and women can be friends.", "romantic|witty", 96),
        new(12, "Jurassic Park", 1993, "Action|Adventure|Sci-Fi|Thriller", 3.75, 238, "Cloned dinosaurs escape in a theme park.", "dinosaurs", 127),
        new(13, "Airplane!", 1980, "Comedy", 3.7, 90, "A former pilot must land a passenger jet.", "funny|spoof", 88),
        new(14, "Schindler's List", 1993, "Drama|War", 4.2, 220, "A businessman saves his Jewish workers during the Holocaust.", "holocaust|sad", 195),
        new(15, "Fargo", 1996, "Comedy|Crime|Drama|Thriller", 4.1, 181, "A kidnapping goes wrong in snowy Minnesota.", "dark comedy|quirky", 98),
        new(16, "Saw", 2004, "Horror|Mystery|Thriller", 3.3, 60, "Two men wake up chained in a bathroom.", "gore|twist ending", 103),
        new(17, "Up", 2009, "Adventure|Animation|Children|Drama", 4.0, 105, "An old man flies his house away with balloons.", "pixar|emotional", 96),
        new(18, "Unforgiven", 1992, "Drama|Western", 4.0, 80, "A retired gunslinger takes one last job.", "classic", 131),
        new(19, "Obscure Comedy", 2001, "Comedy", 5.0, 1, "A comedy nobody has seen.", null, 90),
        new(20, "Ocean's Eleven", 2001, "Crime|Thriller", 3.8, 119, "A thief plans a casino heist with eleven accomplices.", "heist", 116),
    ];

    public static MovieCatalog Catalog(IReadOnlyList<Entry>? extra = null)
    {
        var entries = extra is null ? Entries : [.. Entries, .. extra];
        var movies = entries.Select(e => new Movie(e.Id, MovieTitle.Parse($"{e.Title} ({e.Year})").Title, e.Year, Genres.ParseList(e.Genres))).ToList();
        var stats = entries.Select(e => new MovieStats(e.Id, e.Count, e.Mean));
        var details = entries.Select(e => new MovieDetails { MovieId = e.Id, Overview = e.Overview, RuntimeMinutes = e.Runtime });
        var tags = entries.Where(e => e.Tags is not null)
            .SelectMany(e => e.Tags!.Split('|').Select(t => new MovieTag(1, e.Id, t, 0)));
        return new MovieCatalog(movies, stats, [], details, tags);
    }

    public static RecommenderSnapshot Snapshot(IPersonalizer? personalizer = null, IRatingPredictor? predictor = null, IReadOnlyList<Entry>? extra = null)
    {
        var catalog = Catalog(extra);
        return new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test", personalizer, predictor);
    }
}

/// <summary>A CF model double: fixed scores per movie on any scale, and a fixed "because you liked".</summary>
public sealed class FakePersonalizer(Dictionary<int, float> scores, int? explainedBy = null, bool usable = true) : IPersonalizer
{
    public string Algorithm => "fake";

    public List<IReadOnlyList<(int MovieId, float Weight)>> Histories { get; } = [];

    public bool TryScore(IReadOnlyList<(int MovieId, float Weight)> history, Func<int, int> slotOf, Span<float> scoresByMovieId)
    {
        Histories.Add(history);
        if (!usable || !history.Any(h => h.Weight > 0))
        {
            return false;
        }
        foreach (var (movieId, score) in scores)
        {
            if (slotOf(movieId) is var slot and >= 0)
            {
                scoresByMovieId[slot] = score;
            }
        }
        return true;
    }

    public IReadOnlyList<(int MovieId, float Contribution)> Explain(IReadOnlyList<(int MovieId, float Weight)> history, int movieId, int max = 2) =>
        explainedBy is { } liked ? [(liked, 1f)] : [];

    public IReadOnlyList<(int MovieId, float Similarity)> Similar(int movieId, int count) =>
        scores.Where(s => s.Key != movieId).OrderByDescending(s => s.Value).Take(count).Select(s => (s.Key, s.Value)).ToList();
}

public sealed class FakeRatingPredictor(float stars) : IRatingPredictor
{
    public void Predict(IReadOnlyList<(int MovieId, float Rating)> ratedHistory, ReadOnlySpan<int> movieIds, Span<float> predictions) =>
        predictions[..movieIds.Length].Fill(stars);
}
