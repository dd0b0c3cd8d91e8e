using Marquee.Core.Catalog;

namespace Marquee.Core.Tests.Catalog;

public class PlacesTests
{
    private static CatalogMovie Film(string language, params string[] countries)
    {
        var catalog = new MovieCatalog([new Movie(1, "Dancer in the Dark", 2000, ["Drama"])], [], [],
            [new MovieDetails { MovieId = 1, OriginalLanguage = language, ProductionCountries = countries }], []);
        return catalog.Find(1)!;
    }

    [Fact]
    public void Describe_AnEnglishLanguageFilm_IsWhereItWasMade_AWishedCountryFirst()
    {
        var film = Film("en", "AR", "DK", "FR");

        Assert.Equal("Made in Argentina, 2000", Places.Describe(film));
        Assert.Equal("Made in Denmark, 2000", Places.Describe(film, new HashSet<string>(["SE", "DK"], StringComparer.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Describe_AFilmInAnotherLanguage_IsThatLanguage()
    {
        Assert.Equal("Korean, 2000", Places.Describe(Film("ko", "KR")));
    }
}
