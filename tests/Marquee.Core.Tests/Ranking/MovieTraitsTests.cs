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
}
