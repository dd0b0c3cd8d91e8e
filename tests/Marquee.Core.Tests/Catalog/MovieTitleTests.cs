using Marquee.Core.Catalog;

namespace Marquee.Core.Tests.Catalog;

public class MovieTitleTests
{
    [Theory]
    [InlineData("Toy Story (1995)", "Toy Story", 1995)]
    [InlineData("American President, The (1995)", "The American President", 1995)]
    [InlineData("City of Lost Children, The (Cité des enfants perdus, La) (1995)", "The City of Lost Children (Cité des enfants perdus, La)", 1995)]
    [InlineData("Cry, the Beloved Country (1995)", "Cry, the Beloved Country", 1995)]
    [InlineData("From Dusk Till Dawn 2: Texas Blood Money (1999) ", "From Dusk Till Dawn 2: Texas Blood Money", 1999)]
    [InlineData("Babylon 5", "Babylon 5", null)]
    [InlineData("Fawlty Towers (1975-1979)", "Fawlty Towers", 1975)]
    [InlineData("Stranger Things (2016–)", "Stranger Things", 2016)]
    [InlineData("2001: A Space Odyssey (1968)", "2001: A Space Odyssey", 1968)]
    [InlineData("1900 (Novecento) (1976)", "1900 (Novecento)", 1976)]
    [InlineData("Misérables, Les (1995)", "Les Misérables", 1995)]
    public void Parse_MovieLensTitle_SplitsTitleAndYear(string raw, string title, int? year)
    {
        var parsed = MovieTitle.Parse(raw);

        Assert.Equal(title, parsed.Title);
        Assert.Equal(year, parsed.Year);
    }

    [Theory]
    [InlineData("Amelie (Fabuleux destin d'Amélie Poulain, Le)", "Amelie", "Le Fabuleux destin d'Amélie Poulain")]
    [InlineData("Seven (a.k.a. Se7en)", "Seven", "Se7en")]
    [InlineData("Léon: The Professional (a.k.a. The Professional) (Léon)", "Léon: The Professional", "The Professional|Léon")]
    [InlineData("The City of Lost Children (Cité des enfants perdus, La)", "The City of Lost Children", "La Cité des enfants perdus")]
    [InlineData("Toy Story", "Toy Story", "")]
    [InlineData("(500) Days of Summer", "(500) Days of Summer", "")]
    public void SplitAlternates_TitleWithAlternates_KeepsTheMainTitle(string title, string main, string alternates)
    {
        var split = MovieTitle.SplitAlternates(title);

        Assert.Equal(main, split.Main);
        Assert.Equal(alternates, string.Join("|", split.Alternates));
    }

    [Theory]
    [InlineData("Harakiri (Seppuku)", true)]
    [InlineData("The Twilight Samurai (Tasogare Seibei)", true)]
    [InlineData("Léon: The Professional (a.k.a. The Professional) (Léon)", true)]
    [InlineData("Seven (a.k.a. Se7en)", false)]
    [InlineData("Tremors 2: Aftershocks", false)]
    [InlineData("(500) Days of Summer", false)]
    public void HasOriginalTitle_ATitleInAnotherLanguageInParentheses_IsNotAnEnglishAlternate(string title, bool expected) =>
        Assert.Equal(expected, MovieTitle.HasOriginalTitle(title));
}
