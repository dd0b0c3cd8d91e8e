using Marquee.Core.Catalog;
using Marquee.Core.Import;
using Marquee.Core.Semantic;

namespace Marquee.Core.Tests.Semantic;

public sealed class FilmTextTests
{
    private static CatalogMovie Film(string? overview = "Phil relives the same day again and again.", IReadOnlyList<string>? keywords = null,
        string[]? tags = null)
    {
        var movie = new Movie(1265, "Groundhog Day", 1993, ["Comedy", "Fantasy", "Romance"]);
        var details = new MovieDetails
        {
            MovieId = 1265, Overview = overview, Tagline = "He's having the day of his life... over and over again",
            Keywords = keywords ?? ["time loop", "weatherman"], TmdbGenres = ["Romance", "Fantasy", "Comedy", "Drama"],
        };
        var catalog = new MovieCatalog([movie], [], [], [details], (tags ?? ["time loop", "bill murray"]).Select(t => new MovieTag(1, 1265, t, 0)));
        return catalog.Movies[0];
    }

    [Fact]
    public void Compose_FilmWithDetailsAndTags_TaglineOverviewGenresKeywordsTagsInThatOrderWithoutTheTitle()
    {
        var text = FilmText.Compose(Film());

        Assert.Equal("He's having the day of his life... over and over again. Phil relives the same day again and again. "
                     + "Genres: Comedy, Fantasy, Romance, Drama. Keywords: time loop, weatherman. Tags: bill murray, time loop.", text);
    }

    [Fact]
    public void Compose_FilmWithoutDetails_GenresOnly()
    {
        var catalog = new MovieCatalog([new Movie(7, "Heat", 1995, ["Action", "Crime"])], [], [], [], []);

        Assert.Equal("Genres: Action, Crime.", FilmText.Compose(catalog.Movies[0]));
    }

    [Fact]
    public void Hash_SameText_SameHashOnEveryRun()
    {
        Assert.Equal("a591a6d40bf42040", FilmText.Hash("Hello World"));
    }

    [Fact]
    public void Hash_OverviewChanged_HashChanges()
    {
        var before = FilmText.Hash(FilmText.Compose(Film()));
        var after = FilmText.Hash(FilmText.Compose(Film(overview: "A weatherman is stuck in Punxsutawney.")));

        Assert.NotEqual(before, after);
        Assert.Equal(before, FilmText.Hash(FilmText.Compose(Film())));
    }
}
