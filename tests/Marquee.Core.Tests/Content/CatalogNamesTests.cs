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
    public void YearsOf_AreTheYearsOfTheFilmsThatAreThePersonsOwn_InOrder()
    {
        // Film 7 only has him fourth in the cast: not one of his films.
        Assert.Equal([1973, 1976, 1980, 1990, 2006, 2013], Names().YearsOf(["Martin Scorsese"]));
        Assert.Empty(Names().YearsOf(["Nobody"]));
    }
}
