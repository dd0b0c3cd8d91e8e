using Marquee.Core.Catalog;
using Marquee.Core.Ranking;

namespace Marquee.Core.Tests.Ranking;

public class MovieTraitsTests
{
    private static readonly CreditedPerson[] Nolan = [new("Christopher Nolan")];

    private static MovieCatalog Catalog()
    {
        var movies = new[]
        {
            new Movie(1, "Memento", 2000, ["Thriller"]), new Movie(2, "Inception", 2010, ["Sci-Fi"]),
            new Movie(3, "Heat", 1995, ["Crime"]), new Movie(4, "Amélie", 2001, ["Comedy"]), new Movie(5, "No Year", null, ["Drama"]),
        };
        var details = new[]
        {
            new MovieDetails { MovieId = 1, Directors = Nolan, Cast = [new("Guy Pearce")], OriginalLanguage = "en", CollectionId = 7 },
            // Nolan credited fourth among the writers: only the first three of a list count.
            new MovieDetails
            {
                MovieId = 2, Directors = [new("Someone Else")], Cast = [new("Leonardo DiCaprio")], OriginalLanguage = "EN", CollectionId = 7,
                Writers = [new("A"), new("B"), new("C"), new("Christopher Nolan")],
            },
            new MovieDetails { MovieId = 3, Directors = [new("Michael Mann")], Cast = [new("Al Pacino"), new("Guy Pearce")], OriginalLanguage = "en" },
            new MovieDetails { MovieId = 4, Directors = Nolan, OriginalLanguage = "fr" },
        };
        return new MovieCatalog(movies, [], [], details, []);
    }

    [Fact]
    public void Traits_CompareFilmsAsTheirRecordsDo()
    {
        var catalog = Catalog();
        var traits = new MovieTraits(catalog);
        int At(int movieId) => catalog.Find(movieId)!.Index;

        Assert.True(traits.SameCollection(At(1), At(2)));
        Assert.False(traits.SameCollection(At(1), At(3)));
        Assert.False(traits.SameCollection(At(3), At(4))); // neither is in a collection
        // Languages match whatever their case; a film without a record has none.
        Assert.True(traits.SameLanguage(At(1), At(2)));
        Assert.False(traits.SameLanguage(At(1), At(4)));
        Assert.False(traits.SameLanguage(At(5), At(5)));
        Assert.Equal(10, traits.YearsApart(At(1), At(2)));
        Assert.Null(traits.YearsApart(At(1), At(5)));
        // A shared director counts 1, a shared lead actor 0.5, a name past the first three nothing.
        Assert.Equal(1, traits.SharedPeople(At(1), At(4)));
        Assert.Equal(0.5, traits.SharedPeople(At(1), At(3)));
        Assert.Equal(0, traits.SharedPeople(At(1), At(2)));
        Assert.Equal(0, traits.SharedPeople(At(5), At(1)));
        Assert.Equal(GenreSet.From(["Sci-Fi"]), traits.Genres(At(2)));
    }

    [Fact]
    public void SharedLabels_WeighRareLabelsOnceAndCommonOnesNothing()
    {
        var movies = Enumerable.Range(1, 5).Select(id => new Movie(id, $"Film {id}", 2000, ["Drama"])).ToList();
        var details = new[]
        {
            new MovieDetails { MovieId = 1, Keywords = ["magic realism", "murder", "journey around the world", "journey round the world"] },
            new MovieDetails { MovieId = 2, Keywords = ["murder"] },
            new MovieDetails { MovieId = 3, Keywords = ["murder"] },
            new MovieDetails { MovieId = 4, Keywords = ["journey around the world", "journey round the world"] },
        };
        // A viewer's tag and a TMDB keyword for one idea are one label, however written.
        var tags = new[] { new MovieTag(9, 2, "Magic-Realism", 0), new MovieTag(9, 2, "magic realism", 0) };
        var catalog = new MovieCatalog(movies, [], [], details, tags);
        var traits = new MovieTraits(catalog);
        int At(int movieId) => catalog.Find(movieId)!.Index;
        var shared = new float[catalog.Count];
        shared.AsSpan().Fill(7); // stale values from a pooled array are cleared

        traits.SharedLabels(At(1), shared);

        // Four films carry labels, so a label on three of them is common: "murder" says nothing. A label on two says
        // ln(3 / 2); the two spellings of the journey on the same two films count once.
        var rare = (float)Math.Log(3.0 / 2);
        Assert.Equal(rare, shared[At(2)], 5);
        Assert.Equal(0, shared[At(3)]);
        Assert.Equal(rare, shared[At(4)], 5);
        Assert.Equal(0, shared[At(5)]); // no labels at all
        Assert.Equal(0, shared[At(1)]); // the reference itself
    }

    [Fact]
    public void SharedLabels_CountNoVerdict()
    {
        // Fight Club was on "like Gladiator" for the tag both carry, "imdb top 250".
        var movies = Enumerable.Range(1, 3).Select(id => new Movie(id, $"Film {id}", 2000, ["Drama"])).ToList();
        var tags = new[]
        {
            new MovieTag(9, 1, "imdb top 250", 0), new MovieTag(9, 1, "roman empire", 0),
            new MovieTag(9, 2, "IMDB Top 250", 0), new MovieTag(9, 3, "Roman Empire", 0),
        };
        var catalog = new MovieCatalog(movies, [], [], [], tags);
        int At(int movieId) => catalog.Find(movieId)!.Index;
        var plain = new float[catalog.Count];
        var judged = new float[catalog.Count];

        new MovieTraits(catalog).SharedLabels(At(1), plain);
        new MovieTraits(catalog, ["imdb top 250"]).SharedLabels(At(1), judged);

        Assert.True(plain[At(2)] > 0); // without the list, the verdict counts as much as the subject
        Assert.Equal(0, judged[At(2)]);
        Assert.Equal(plain[At(3)], judged[At(3)]);
    }
}
