using Marquee.Core.Content;
using Marquee.Core.Intent;
using Marquee.Core.Tests.Ranking;

namespace Marquee.Core.Tests.Content;

public class ContentIndexTests
{
    private static readonly Core.Catalog.MovieCatalog Catalog = TestCatalog.Catalog();
    private static readonly ContentIndex Index = ContentIndex.Build(Catalog);

    private static List<string> Titles(IReadOnlyList<ContentHit> hits) => hits.Select(h => Catalog.Movies[h.Index].Title).ToList();

    [Theory]
    [InlineData("matrix", "The Matrix")]
    [InlineData("the matirx", "The Matrix")]
    [InlineData("toy sto", "Toy Story")]
    [InlineData("godfater", "The Godfather")]
    [InlineData("JURASSIC", "Jurassic Park")]
    [InlineData("when harry met", "When Harry Met Sally...")]
    public void SearchTitles_ToleratesTyposPrefixesAndCase(string query, string expected)
    {
        Assert.Equal(expected, Titles(Index.SearchTitles(query, 5))[0]);
    }

    [Fact]
    public void SearchTitles_NoMatch_IsEmpty()
    {
        Assert.Empty(Index.SearchTitles("qqqqzzzz", 5));
        Assert.Empty(Index.SearchTitles("   ", 5));
    }

    [Fact]
    public void Search_StemmedKeyword_FindsTheOverview()
    {
        var scores = new float[Catalog.Count];

        var max = Index.Search(["dinosaur"], scores);

        Assert.True(max > 0);
        Assert.Equal("Jurassic Park", Catalog.Movies[Array.IndexOf(scores, scores.Max())].Title);
    }

    [Fact]
    public void Evidence_MultiWordTerm_IsOneLabelNotWordsOfTwo()
    {
        // "war crimes" found The Godfather, keyworded "mafia war" and "organized crime", as if it were labelled so.
        var movies = new[]
        {
            new Core.Catalog.Movie(1, "The Godfather", 1972, ["Crime"]), new Core.Catalog.Movie(2, "Men at War", 1990, ["War"]),
            new Core.Catalog.Movie(3, "Farm Life", 2000, ["Drama"]),
        };
        var details = new[]
        {
            new Core.Catalog.MovieDetails { MovieId = 1, Keywords = ["mafia war", "organized crime"] },
            new Core.Catalog.MovieDetails { MovieId = 2, Keywords = ["war crimes"] },
            new Core.Catalog.MovieDetails { MovieId = 3, Keywords = ["farm"] },
        };
        var catalog = new Core.Catalog.MovieCatalog(movies, [], [], details, []);
        var index = ContentIndex.Build(catalog);
        var evidence = new float[catalog.Count];

        index.Evidence(["war crimes"], evidence, new float[catalog.Count]);

        Assert.Equal(1f, evidence[catalog.Find(2)!.Index]);
        Assert.True(evidence[catalog.Find(1)!.Index] < 1f);
    }

    [Fact]
    public void TagHits_MatchTagsOnly()
    {
        var hits = Index.TagHits(["scary"]);

        Assert.Equal(["Alien", "The Shining"], Catalog.Movies.Where(m => hits[m.Index]).Select(m => m.Title).Order().ToList());
    }

    [Theory]
    [InlineData("heist", true)]
    [InlineData("dinosaurs", true)]
    [InlineData("bank robbers", true)]
    [InlineData("xylophonic", false)]
    [InlineData("the", false)]
    public void IsUseful_KnowsWhichWordsTheCatalogueMentions(string phrase, bool useful)
    {
        Assert.Equal(useful, Index.IsUseful(phrase));
    }

    [Fact]
    public void IsCommonWord_IsAWordManyOverviewsUse_NotOneOnlyATitleSpells()
    {
        // Five kings lose their crowns; only one overview says "matrix". "The" is dropped by analysis, so it is no typo either.
        var kings = Enumerable.Range(0, 5)
            .Select(i => new TestCatalog.Entry(900 + i, $"King {i}", 1990, "Drama", 3.5, 10, "A king loses his crown."))
            .ToList();
        var index = ContentIndex.Build(TestCatalog.Catalog(kings));

        Assert.True(index.IsCommonWord("crown"));
        Assert.True(index.IsCommonWord("the"));
        Assert.False(index.IsCommonWord("matrix"));
        Assert.False(index.IsCommonWord("matirx"));
    }

    [Fact]
    public void ResolveExact_MatchesWithOrWithoutTheArticle()
    {
        Assert.Equal(4, Index.ResolveExact("the matrix")!.MovieId);
        Assert.Equal(4, Index.ResolveExact("matrix")!.MovieId);
        Assert.Equal(11, Index.ResolveExact("when harry met sally")!.MovieId);
        Assert.Null(Index.ResolveExact("matrix reloaded the"));
    }

    [Theory]
    [InlineData("the life of brian", 1)] // a title of several words said with an article it does not have
    [InlineData("life of brian", 1)]
    [InlineData("the heat", null)] // one word after the article is no such title: it may be another film's
    public void ResolveExact_ASeveralWordTitle_IsFoundWithAnArticleItLacks(string span, int? expected)
    {
        // "the life of brian" read the words "life" and "brian".
        var catalog = new Core.Catalog.MovieCatalog([new(1, "Life of Brian", 1979, ["Comedy"]), new(2, "Heat", 1995, ["Crime"])], [], [], [], []);

        Assert.Equal(expected, ContentIndex.Build(catalog).ResolveExact(span)?.MovieId);
    }

    [Theory]
    [InlineData("eternal sunshine", 1)]
    [InlineData("close encounters", 2)]
    [InlineData("dr strangelove", 3)]
    [InlineData("star wars", 4)]
    [InlineData("planet", null)] // one word before "of" names no film
    [InlineData("eternal", null)]
    [InlineData("ferris bueller", 6)]
    [InlineData("bridget jones", 7)]
    [InlineData("ocean", null)] // one word before a possessive names no film either
    [InlineData("e.t", 9)] // a title opening on an initialism is named by it
    [InlineData("et", null)]
    [InlineData("crouching tiger", 10)] // the words before a comma
    [InlineData("planes", null)] // one word before a comma names no film
    public void ResolveExact_ReadsTheShortFormsPeopleUse(string span, int? expected)
    {
        var catalog = new Core.Catalog.MovieCatalog(
            [
                new(1, "Eternal Sunshine of the Spotless Mind", 2004, ["Drama"]),
                new(2, "Close Encounters of the Third Kind", 1977, ["Sci-Fi"]),
                new(3, "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb", 1964, ["Comedy"]),
                new(4, "Star Wars: Episode IV - A New Hope", 1977, ["Sci-Fi"]),
                new(5, "Planet of the Apes", 1968, ["Sci-Fi"]),
                new(6, "Ferris Bueller's Day Off", 1986, ["Comedy"]),
                new(7, "Bridget Jones's Diary", 2001, ["Comedy"]),
                new(8, "Ocean's Eleven", 2001, ["Crime"]),
                new(9, "E.T. the Extra-Terrestrial", 1982, ["Sci-Fi"]),
                new(10, "Crouching Tiger, Hidden Dragon", 2000, ["Action"]),
                new(11, "Planes, Trains & Automobiles", 1987, ["Comedy"]),
            ],
            [], [], [], []);

        Assert.Equal(expected, ContentIndex.Build(catalog).ResolveExact(span)?.MovieId);
    }

    [Fact]
    public void FranchiseOf_ACollectionsUnfiledSequels_AreKnownByTheCollectionsName()
    {
        // "a heist movie but not ocean's eleven" opened on Ocean's Twelve: the dumps file only Ocean's Eleven under
        // "Ocean's Collection", and "Ocean's Twelve" does not begin with "Ocean's Eleven". The documentary "Oceans" is
        // the collection's name and nothing more: not a sequel.
        var catalog = new Core.Catalog.MovieCatalog(
            [
                new(1, "Ocean's Eleven", 2001, ["Crime"]),
                new(2, "Ocean's Twelve", 2004, ["Crime"]),
                new(3, "Ocean's Thirteen", 2007, ["Crime"]),
                new(4, "Oceans", 2009, ["Documentary"]),
                new(5, "Heat", 1995, ["Crime"]),
            ],
            [], [], [new Core.Catalog.MovieDetails { MovieId = 1, CollectionId = 304, CollectionName = "Ocean's Collection" }], []);

        Assert.Equal([1, 2, 3], ContentIndex.Build(catalog).FranchiseOf(1).Order());
    }

    [Fact]
    public void ResolveExact_TheInitialsOfALongFranchiseName_NameTheFranchise_ButNotThoseOfAShortOne()
    {
        // "lotr" was an unused word and the page the favourites. Two- and three-word names have no such form: their
        // initials are everyday words ("con" for The Chronicles of Narnia, "mi" is Spanish for "my").
        var catalog = new Core.Catalog.MovieCatalog(
            [
                new(1, "Lord of the Rings: The Fellowship of the Ring, The", 2001, ["Fantasy"]),
                new(2, "Chronicles of Narnia: The Lion, the Witch and the Wardrobe, The", 2005, ["Fantasy"]),
            ],
            [],
            [],
            [
                new Core.Catalog.MovieDetails { MovieId = 1, CollectionId = 119, CollectionName = "The Lord of the Rings Collection" },
                new Core.Catalog.MovieDetails { MovieId = 2, CollectionId = 420, CollectionName = "The Chronicles of Narnia Collection" },
            ],
            []);
        var index = ContentIndex.Build(catalog);

        Assert.Equal(119, index.ResolveExact("lotr")?.Franchise);
        Assert.Null(index.ResolveExact("con"));
        Assert.Null(index.ResolveExact("tlotr"));
    }

    [Fact]
    public void FranchiseOf_WithoutACollection_TakesTitlesThatStartWithItsOwn_AfterAnArticleToo()
    {
        // "vampire movies that aren't twilight" kept The Twilight Saga: New Moon: its title starts with "The".
        var catalog = new Core.Catalog.MovieCatalog(
            [
                new(1, "Twilight", 2008, ["Fantasy"]),
                new(2, "The Twilight Saga: New Moon", 2009, ["Fantasy"]),
                new(3, "Twilight Saga: Eclipse, The", 2010, ["Fantasy"]),
                new(4, "Interview with the Vampire", 1994, ["Horror"]),
                new(5, "In the Twilight", 2001, ["Drama"]),
            ],
            [], [], [], []);

        Assert.Equal([1, 2, 3], ContentIndex.Build(catalog).FranchiseOf(1).Order());
    }

    [Fact]
    public void ResolveFuzzy_AcceptsATypo_RejectsAStranger()
    {
        Assert.Equal(12, Index.ResolveFuzzy(["jurasic park"])!.Value.Match.MovieId);
        Assert.Null(Index.ResolveFuzzy(["park"]));
        Assert.Null(Index.ResolveFuzzy(["completely different"]));
    }

    [Fact]
    public void ResolveFuzzy_AFourLetterWordOneEditFromATitle_IsNoTypo()
    {
        // "Filme wie Herr der Ringe" read "herr" as Hero; five letters and up still forgive one slip.
        var catalog = new Core.Catalog.MovieCatalog([new(1, "Hero", 2002, ["Action"]), new(2, "Heat", 1995, ["Crime"])], [], [], [], []);
        var index = ContentIndex.Build(catalog);

        Assert.Null(index.ResolveFuzzy(["herr"]));
        Assert.Equal(2, index.ResolveFuzzy(["heatt"])!.Value.Match.MovieId);
    }

    [Fact]
    public void ResolveFuzzy_PicksTheSpanThatIsTheTitle()
    {
        var match = Index.ResolveFuzzy(["the matirx but funnier", "the matirx but", "the matirx", "matirx"]);

        Assert.Equal(4, match!.Value.Match.MovieId);
        Assert.Equal(2, match.Value.Span);
    }

    [Fact]
    public void TextSimilarity_IsHighestForTheSequel()
    {
        var similarity = new float[Catalog.Count];

        Index.TextSimilarity(Catalog.Find(4)!.Index, similarity);
        similarity[Catalog.Find(4)!.Index] = 0;

        Assert.Equal("The Matrix Reloaded", Catalog.Movies[Array.IndexOf(similarity, similarity.Max())].Title);
    }

    [Theory]
    [InlineData("matrix", "matirx", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void EditDistance_CountsTyposWithSwaps(string a, string b, int distance)
    {
        Assert.Equal(distance, EditDistance.Between(a, b));
        Assert.Equal(distance, EditDistance.Between(b, a));
    }
}
