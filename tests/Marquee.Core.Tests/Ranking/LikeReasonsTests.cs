using Marquee.Core.Catalog;
using Marquee.Core.Ranking;
using Marquee.Core.Recommenders;

namespace Marquee.Core.Tests.Ranking;

public class LikeReasonsTests
{
    private static readonly CreditedPerson[] Wachowski = [new("Lana Wachowski")];

    /// <summary>
    /// Five films worth comparing among 300 others that each carry a label of their own, so a label on a handful of
    /// films is rare and one on a dozen ("dystopia") common.
    /// </summary>
    private static RecommenderSnapshot Snapshot()
    {
        var movies = new List<Movie>
        {
            new(1, "The Matrix", 1999, ["Action", "Sci-Fi"]), new(2, "The Thirteenth Floor", 1999, ["Sci-Fi", "Thriller"]),
            new(3, "Cloud Atlas", 2012, ["Drama", "Sci-Fi"]), new(4, "The Matrix Reloaded", 2003, ["Action", "Sci-Fi"]),
            new(5, "Speed Racer", 2008, ["Action", "Children"]),
        };
        var details = new List<MovieDetails>
        {
            new() { MovieId = 1, Directors = Wachowski, CollectionId = 9, Keywords = ["Simulated Reality", "cyberpunk", "dystopia", "heist", "sci-fi"] },
            new() { MovieId = 2, Directors = [new("Josef Rusnak")], Keywords = ["simulated reality", "dystopia", "heist movie", "heist"] },
            new() { MovieId = 3, Directors = Wachowski, Keywords = ["dystopia", "sci-fi", "wachowski"] },
            new() { MovieId = 4, Directors = Wachowski, CollectionId = 9, Keywords = ["cyberpunk", "simulated reality", "dystopia"] },
            new() { MovieId = 5, Keywords = ["racing"] },
        };
        for (var id = 100; id < 400; id++)
        {
            movies.Add(new Movie(id, $"Film {id}", 2000, ["Drama"]));
            details.Add(new MovieDetails { MovieId = id, Keywords = id < 110 ? ["dystopia", $"own {id}"] : [$"own {id}"] });
        }
        var catalog = new MovieCatalog(movies, [], [], details, [new MovieTag(1, 3, "Wachowski", 0)]);
        return new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test", null, null);
    }

    [Fact]
    public void For_SaysWhatTheFilmsShareThatAPersonRecognises()
    {
        var snapshot = Snapshot();
        CatalogMovie Film(int id) => snapshot.Catalog.Find(id)!;

        // The rarest labels both carry, rarest first and as first written; "heist movie" is not another; "dystopia" is on a dozen
        // films and says nothing.
        Assert.Equal("Like The Matrix: heist, Simulated Reality", LikeReasons.For(snapshot, Film(1), Film(2)));
        // A shared director, without the label that only repeats the name or the one that names a genre.
        Assert.Equal("Like The Matrix: also by Lana Wachowski", LikeReasons.For(snapshot, Film(1), Film(3)));
        Assert.Equal("Like The Matrix: same series, also by Lana Wachowski, cyberpunk, Simulated Reality", LikeReasons.For(snapshot, Film(1), Film(4)));
        // Nothing more specific in common: the genres both are filed under.
        Assert.Equal("Like The Matrix: Action", LikeReasons.For(snapshot, Film(1), Film(5)));
        Assert.Null(LikeReasons.For(snapshot, Film(3), Film(5)));
    }
}
