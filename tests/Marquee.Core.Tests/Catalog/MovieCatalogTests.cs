using Marquee.Core.Catalog;

namespace Marquee.Core.Tests.Catalog;

public class MovieCatalogTests
{
    [Fact]
    public void KnownRatings_ARecentFilm_IsKnownByItsTmdbVotes_InRatings()
    {
        // Two films rated by ten or more people give 10 and 30 votes per rating; the median (the upper one of two) is 30.
        var catalog = new MovieCatalog(
            [new(1, "Old Classic", 1950, ["Drama"]), new(2, "Famous Film", 1999, ["Drama"]), new(3, "Recent Hit", 2018, ["Horror"]), new(4, "Unknown", 2018, ["Drama"])],
            [new MovieStats(1, 20, 4.0), new MovieStats(2, 100, 4.0), new MovieStats(3, 4, 4.0), new MovieStats(4, 2, 3.0)],
            [],
            [
                new MovieDetails { MovieId = 1, TmdbVoteCount = 200 },
                new MovieDetails { MovieId = 2, TmdbVoteCount = 3000 },
                new MovieDetails { MovieId = 3, TmdbVoteCount = 6000 },
            ],
            []);

        Assert.Equal(30, catalog.TmdbVotesPerRating);
        Assert.Equal(200, catalog.KnownRatings(catalog.Find(3)!)); // 4 ratings, but 6000 votes say 200
        Assert.Equal(20, catalog.KnownRatings(catalog.Find(1)!)); // its ratings say more than its votes
        Assert.Equal(2, catalog.KnownRatings(catalog.Find(4)!)); // no votes
    }

    [Fact]
    public void KnownRatings_WithoutVotes_AreTheRatings()
    {
        var catalog = new MovieCatalog([new(1, "Film", 2000, ["Drama"])], [new MovieStats(1, 12, 3.5)], [], [], []);

        Assert.Equal(12, catalog.KnownRatings(catalog.Movies[0]));
    }
}
