using Marquee.Core.Catalog;
using Marquee.Core.Content;
using Marquee.Core.Intent;

namespace Marquee.Core.Tests.Content;

public class CatalogNamesTests
{
    /// <summary>Six films Martin Scorsese directed, a seventh he only appears in far down the cast, and a film by someone else.</summary>
    private static CatalogNames Names()
    {
        var directed = new (int Id, int Year)[] { (1, 1973), (2, 1976), (3, 1980), (4, 1990), (5, 2006), (6, 2013) };
        var movies = directed.Select(d => new Movie(d.Id, $"Film {d.Id}", d.Year, ["Drama"]))
            .Append(new Movie(7, "Film 7", 1999, ["Drama"]))
            .Append(new Movie(8, "Film 8", 1960, ["Drama"]))
            .ToList();
        var details = directed.Select(d => new MovieDetails { MovieId = d.Id, Directors = [new("Martin Scorsese")] })
            .Append(new MovieDetails { MovieId = 7, Directors = [new("Someone Else")], Cast = [new("A"), new("B"), new("C"), new("Martin Scorsese")] })
            .Append(new MovieDetails { MovieId = 8, Directors = [new("Someone Else")] });
        return new CatalogNames(new MovieCatalog(movies, [], [], details, []), IntentVocabulary.Default);
    }

    [Theory]
    [InlineData("martin scorsese films")]
    [InlineData("martin scorsese's films")]
    [InlineData("scorsese's early films")]
    public void TryMatch_ANameOrItsPossessive_IsThePerson(string wish)
    {
        var query = new TokenizedQuery(wish);
        Assert.True(Names().TryMatch(query, 0, out var entity, out _));
        Assert.Equal(["Martin Scorsese"], entity.Names);
    }

    [Fact]
    public void TryMatch_AnAcronymThatSaysACompany_IsNoCompany_ButOneThatNamesItIs()
    {
        // "a film about a tv show" read "tv" as TV 2 and Nordisk Film & TV Fond: "TV" says a company as "Studios" does.
        string[][] companies = [["TV 2"], ["Nordisk Film & TV Fond"], ["TV 2", "Nordisk Film & TV Fond"], ["MGM"], ["MGM"]];
        var movies = companies.Select((_, i) => new Movie(i + 1, $"Film {i + 1}", 2000, ["Drama"])).ToList();
        var details = companies.Select((c, i) => new MovieDetails { MovieId = i + 1, ProductionCompanies = [.. c] });
        var names = new CatalogNames(new MovieCatalog(movies, [], [], details, []), IntentVocabulary.Default);

        Assert.False(names.TryMatch(new TokenizedQuery("a film about a tv show"), 4, out _, out _));
        Assert.True(names.TryMatch(new TokenizedQuery("mgm musicals"), 0, out var mgm, out _));
        Assert.Equal(NamedEntityKind.Company, mgm.Kind);
    }

    [Fact]
    public void TryMatch_AWordOfAStudioWhoseSingularIsEveryday_IsNoCompany()
    {
        // "a movie about knights" read Marvel Knights and opened on Punisher: War Zone: "knights" is rare in overviews,
        // "knight" is not. "Marvel" stays the studio.
        var movies = Enumerable.Range(1, 12).Select(i => new Movie(i, $"Film {i}", 2000, ["Drama"])).ToList();
        var details = movies.Select(m => m.MovieId <= 2
            ? new MovieDetails { MovieId = m.MovieId, ProductionCompanies = ["Marvel Knights"] }
            : new MovieDetails { MovieId = m.MovieId, Overview = $"A knight rides out to save the kingdom, story {m.MovieId}." });
        var names = new CatalogNames(new MovieCatalog(movies, [], [], details, []), IntentVocabulary.Default);

        Assert.False(names.TryMatch(new TokenizedQuery("a movie about knights"), 3, out _, out _));
        Assert.True(names.TryMatch(new TokenizedQuery("marvel movies"), 0, out var marvel, out _));
        Assert.Equal(NamedEntityKind.Company, marvel.Kind);
    }

    [Fact]
    public void YearsOf_AreTheYearsOfTheFilmsThatAreThePersonsOwn_InOrder()
    {
        // Film 7 only has him fourth in the cast: not one of his films.
        Assert.Equal([1973, 1976, 1980, 1990, 2006, 2013], Names().YearsOf(Person("Martin Scorsese")));
        Assert.Empty(Names().YearsOf(Person("Nobody")));
    }

    [Fact]
    public void YearsOf_AStudio_AreTheYearsOfItsFeatureFilms_NotItsShorts()
    {
        // "early pixar" is Toy Story to Finding Nemo, not the shorts Pixar made in the 1980s.
        var films = new (int Id, int Year, int Minutes)[] { (1, 1986, 2), (2, 1988, 5), (3, 1995, 81), (4, 1998, 95), (5, 2003, 100), (6, 2008, 98) };
        var movies = films.Select(f => new Movie(f.Id, $"Film {f.Id}", f.Year, ["Animation"])).ToList();
        var details = films.Select(f => new MovieDetails { MovieId = f.Id, RuntimeMinutes = f.Minutes, ProductionCompanies = ["Pixar Animation Studios"] });
        var names = new CatalogNames(new MovieCatalog(movies, [], [], details, []), IntentVocabulary.Default);

        Assert.Equal([1995, 1998, 2003, 2008], names.YearsOf(new NamedEntity(NamedEntityKind.Company, ["pixar"])));
    }

    private static NamedEntity Person(string name) => new(NamedEntityKind.Person, [name]);

    /// <summary>
    /// Eight films Keanu Reeves leads whose overviews name him ("Keanu Reeves stars as…"), and a documentary that uses
    /// "keanu" as another man's name: uses of the first name inside its owner's own full name are no everyday word.
    /// </summary>
    private static CatalogNames StarNames()
    {
        var starring = Enumerable.Range(1, 8).ToList();
        var movies = starring.Select(id => new Movie(id, $"Film {id}", 1990 + id, ["Action"]))
            .Append(new Movie(9, "Keanu", 2016, ["Comedy"]))
            .ToList();
        var details = starring.Select(id => new MovieDetails
        {
            MovieId = id, Overview = $"Keanu Reeves stars as agent number {id}.", Directors = [new("Director " + id)],
            Cast = [new("Keanu Reeves"), new("Laurence Fishburne")],
        })
            .Append(new MovieDetails { MovieId = 9, Overview = "Two friends look for a kitten named Keanu.", Directors = [new("Peter Atencio")] });
        return new CatalogNames(new MovieCatalog(movies, [], [], details, []), IntentVocabulary.Default);
    }

    [Theory]
    [InlineData("something with keanu", 2, 1)]
    [InlineData("leo dicaprio", 0, 2)]
    public void TryMatch_AFirstNameItsOwnerIsNamedByInOverviews_OrAShortFirstNameBeforeTheSurname_IsThePerson(string wish, int at, int span)
    {
        // "keanu" is in seven overviews of the catalogue, six of them as Keanu Reeves: it was searched as a word and
        // opened on My Own Private Idaho. "leo dicaprio" left "leo" to the story's words.
        var names = wish.StartsWith("leo", StringComparison.Ordinal) ? LeoNames() : StarNames();
        var query = new TokenizedQuery(wish);

        Assert.True(names.TryMatch(query, at, out var entity, out var length));
        Assert.Equal(span, length);
        Assert.Single(entity.Names);
        Assert.StartsWith(at == 0 ? "Leonardo" : "Keanu", entity.Names[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TryMatch_AFirstNameOverviewsUseForOthers_StaysAWord()
    {
        // Without his name in the overviews, eight more uses of "keanu" for other men keep it an everyday word.
        var movies = Enumerable.Range(1, 12).Select(id => new Movie(id, $"Film {id}", 2000 + id, ["Drama"])).ToList();
        var details = Enumerable.Range(1, 12).Select(id => id <= 4
            ? new MovieDetails { MovieId = id, Overview = "An agent returns.", Cast = [new("Keanu Reeves")] }
            : new MovieDetails { MovieId = id, Overview = "A fisherman called Keanu sails home.", Directors = [new("Director " + id)] });
        var names = new CatalogNames(new MovieCatalog(movies, [], [], details, []), IntentVocabulary.Default);

        Assert.False(names.TryMatch(new TokenizedQuery("keanu"), 0, out _, out _));
        Assert.True(names.TryMatch(new TokenizedQuery("keanu reeves"), 0, out _, out _));
    }

    private static CatalogNames LeoNames()
    {
        var movies = Enumerable.Range(1, 3).Select(id => new Movie(id, $"Film {id}", 2000 + id, ["Drama"])).ToList();
        var details = Enumerable.Range(1, 3).Select(id => new MovieDetails { MovieId = id, Cast = [new("Leonardo DiCaprio")] });
        return new CatalogNames(new MovieCatalog(movies, [], [], details, []), IntentVocabulary.Default);
    }
}
