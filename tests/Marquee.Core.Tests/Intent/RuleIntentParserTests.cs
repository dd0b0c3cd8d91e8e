using Marquee.Core.Intent;

namespace Marquee.Core.Tests.Intent;

public class RuleIntentParserTests
{
    private static readonly RuleIntentParser Parser = new(IntentVocabulary.Default);

    private static readonly FakeTitles Titles = new(
        (2571, "The Matrix", 278), (6365, "The Matrix Reloaded", 121), (1, "Toy Story", 215), (3114, "Toy Story 2", 97),
        (6, "Heat", 102), (858, "The Godfather", 192), (1214, "Alien", 146), (2, "Jumanji", 110), (170875, "Comedy", 1));

    private static readonly IntentParseContext Context = new(2018, Titles, new FakeLexicon("heist", "rainy", "dinosaurs", "clowns", "tokyo"));

    private static MovieIntent Parse(string query) => Parser.Parse(query, Context);

    [Theory]
    [InlineData("not horror")]
    [InlineData("no horror please")]
    [InlineData("anything but horror")]
    [InlineData("I don't want horror")]
    [InlineData("non-horror")]
    public void Parse_NegatedGenre_IsExcludedAndNotWished(string query)
    {
        var intent = Parse(query);

        Assert.Equal(["Horror"], intent.ExcludeGenres);
        Assert.Empty(intent.Genres);
    }

    [Fact]
    public void Parse_NothingAnimated_ExcludesAnimation()
    {
        var intent = Parse("comedy from the 2000s, nothing animated");

        Assert.Equal(["Comedy"], intent.Genres);
        Assert.Equal(["Animation"], intent.ExcludeGenres);
        Assert.Equal(2000, intent.YearFrom);
        Assert.Equal(2009, intent.YearTo);
    }

    [Fact]
    public void Parse_ButNot_SplitsWishFromExclusion()
    {
        var intent = Parse("sci-fi but not horror");

        Assert.Equal(["Sci-Fi"], intent.Genres);
        Assert.Equal(["Horror"], intent.ExcludeGenres);
    }

    [Fact]
    public void Parse_NegationCarriesOverOr_ButEndsAtTheNextWish()
    {
        var listed = Parse("no horror or war");
        var after = Parse("not horror comedy");

        Assert.Equal(["Horror", "War"], listed.ExcludeGenres);
        Assert.Equal(["Horror"], after.ExcludeGenres);
        Assert.Equal(["Comedy"], after.Genres);
    }

    [Fact]
    public void Parse_NegatedMood_DemotesItsTagsAndRulesOutItsCoreGenre()
    {
        var intent = Parse("a comedy that is not too scary");

        Assert.Equal(["Comedy"], intent.Genres);
        Assert.Contains("Horror", intent.ExcludeGenres);
        Assert.Contains("scary", intent.ExcludeKeywords);
        Assert.DoesNotContain("scary", intent.Moods);
    }

    [Theory]
    [InlineData("something scary but not too scary for teens", true)] // the age keeps the scare in measure
    [InlineData("not too scary, but scary", false)] // the spooky kind (see Parse_ScaryInModeration_IsSpooky_NotTheScaryMood)
    public void Parse_MoodWishedAndNegated_IsTheMoodInModeration_NotItsGenreRuledOut(string query, bool scaryMood)
    {
        // Once read as "no horror at all": City of God and Inception for a teenager who wanted a fright.
        var intent = Parse(query);

        Assert.Equal(scaryMood, intent.Moods.Contains("scary"));
        Assert.DoesNotContain("Horror", intent.ExcludeGenres);
    }

    [Fact]
    public void Parse_TitleThatIsItsOwnSubject_BeforeMovies_IsTheKind_OtherTitlesStayTheFilm()
    {
        // "volcano movies" once meant "like Volcano": Dante's Peak, then Speed and Heat.
        var titles = new FakeTitles((1, "Volcano", 40), (6, "Heat", 102), (2571, "The Matrix", 278));
        var labels = new FakeLabels("volcano", "heat", "matrix") { Carried = [(1, "volcano")] };
        var context = Context with { Titles = titles, Labels = labels };

        var volcano = Parser.Parse("volcano movies", context);
        Assert.Empty(volcano.ReferenceMovieIds);
        Assert.Contains("volcano", volcano.Labels);
        // Heat is not filed under "heat", nor The Matrix under "matrix": those wishes are the films.
        Assert.Equal([6], Parser.Parse("heat movies", context).ReferenceMovieIds);
        Assert.Equal([2571], Parser.Parse("matrix movies", context).ReferenceMovieIds);
        // The bare title alone is still the film.
        Assert.Equal([1], Parser.Parse("volcano", context).ReferenceMovieIds);
    }

    [Theory]
    [InlineData("a foreign film that's not too depressing")]
    [InlineData("what's good tonight")]
    [InlineData("there's a movie about it")]
    public void Parse_Contractions_AreFunctionWords_NeverKeywords(string query)
    {
        // "that's" became the keyword "thats": a page of whatever films' overviews said "that's".
        var intent = Parse(query);

        Assert.DoesNotContain(intent.Keywords, k => k is "thats" or "whats" or "theres");
        Assert.DoesNotContain(intent.Unused, k => k is "thats" or "whats" or "theres");
    }

    [Fact]
    public void Parse_Halloween_IsTheHolidaysFilms_SoAChildsHalloweenIsNotAHorrorWishRuledOut()
    {
        var intent = Parse("halloween movies for kids");

        Assert.Contains("halloween", intent.Keywords);
        // A child's Halloween is ghosts and witches too: the holiday alone found four films, then Home Alone.
        Assert.Contains("spooky", intent.Keywords);
        Assert.DoesNotContain("scary", intent.Moods);
        Assert.DoesNotContain("spooky", Parse("halloween movies").Keywords);
    }

    [Theory]
    [InlineData("a dystopian future")]
    [InlineData("películas distópicas")]
    [InlineData("des films dystopiques")]
    public void Parse_Dystopia_IsTheSubjectNotJustSciFi(string query)
    {
        // "dystopian" was a synonym of Sci-Fi: the page was Star Wars, Eternal Sunshine and Back to the Future.
        Assert.Contains("dystopia", Parse(query).Keywords);
    }

    [Fact]
    public void Parse_WishedGenre_BeatsTheExclusionANegatedMoodImplies()
    {
        var intent = Parse("80s horror but not gory");

        Assert.Equal(["Horror"], intent.Genres);
        Assert.DoesNotContain("Horror", intent.ExcludeGenres);
        Assert.Equal(["gory"], intent.ExcludeKeywords);
        Assert.Equal((1980, 1989), (intent.YearFrom, intent.YearTo));
    }

    [Fact]
    public void Parse_MoodExclusion_GivesWayToAWishedGenre()
    {
        var cozy = Parse("something cozy and funny for a rainy night");
        var cozyHorror = Parse("cozy horror");

        Assert.Equal(["cozy", "funny"], cozy.Moods);
        Assert.Contains("Horror", cozy.ExcludeGenres);
        Assert.Equal(["Horror"], cozyHorror.Genres);
        Assert.DoesNotContain("Horror", cozyHorror.ExcludeGenres);
    }

    [Theory]
    [InlineData("80s action", 1980, 1989)]
    [InlineData("an '80s movie", 1980, 1989)]
    [InlineData("something from the 1980s", 1980, 1989)]
    [InlineData("the seventies", 1970, 1979)]
    [InlineData("late 90s thriller", 1996, 1999)]
    [InlineData("early eighties", 1980, 1983)]
    [InlineData("80s or 90s", 1980, 1999)]
    [InlineData("2010 or later", 2010, null)]
    [InlineData("2010+", 2010, null)]
    [InlineData("since 2005", 2005, null)]
    [InlineData("after 2005", 2006, null)]
    [InlineData("before 1980", null, 1979)]
    [InlineData("nothing before 1980", 1980, null)]
    [InlineData("between 1990 and 1995", 1990, 1995)]
    [InlineData("1990-95", 1990, 1995)]
    [InlineData("made in 1994", 1994, 1994)]
    [InlineData("around 1994", 1992, 1996)]
    [InlineData("recent", 2014, null)]
    [InlineData("recent movies, 2010 or later", 2010, null)]
    [InlineData("an old movie", null, 1979)]
    [InlineData("after the 80s", 1990, null)]
    [InlineData("westerns made after 1990", 1991, null)]
    [InlineData("a comedy from the last 5 years", 2014, 2018)] // was a search for the words "last years"
    [InlineData("the past decade", 2009, 2018)]
    [InlineData("thrillers of the last two years", 2017, 2018)]
    [InlineData("comedias de los últimos 10 años", 2009, 2018)]
    [InlineData("Filme der letzten 20 Jahre", 1999, 2018)]
    [InlineData("like the last samurai", null, null)]
    public void Parse_Eras_BecomeYearBounds(string query, int? from, int? to)
    {
        var intent = Parse(query);

        Assert.Equal((from, to), (intent.YearFrom, intent.YearTo));
    }

    [Theory]
    [InlineData("short", 90)]
    [InlineData("a quick watch", 90)]
    [InlineData("something short, under 90 minutes", 90)]
    [InlineData("under 100", 100)]
    [InlineData("less than 2 hours", 120)]
    [InlineData("no more than two hours", 120)]
    [InlineData("an hour and a half at most", 90)]
    [InlineData("one and a half hours", 90)]
    [InlineData("1h45 max", 105)]
    [InlineData("a 90-minute comedy", 90)]
    [InlineData("100min", 100)]
    [InlineData("nothing over two hours", 120)]
    [InlineData("not too long", 110)]
    [InlineData("space movies that aren't too long", 110)] // was a ruled-out keyword "long"
    [InlineData("a comedy that doesn't run too long", 110)]
    public void Parse_Runtime_BecomesMaxRuntime(string query, int minutes)
    {
        Assert.Equal(minutes, Parse(query).MaxRuntime);
    }

    [Theory]
    [InlineData("a 3 hour movie", 135, 180)] // opened on The Shawshank Redemption: "at most three hours"
    [InlineData("about 2 hours long", 90, 120)]
    [InlineData("a 90-minute comedy", 68, 90)]
    [InlineData("1h45 max", null, 105)]
    [InlineData("under 2 hours", null, 120)]
    public void Parse_ALengthSaidPlainly_IsAboutThatLong(string query, int? min, int max)
    {
        var intent = Parse(query);

        Assert.Equal((min, max), (intent.MinRuntime, intent.MaxRuntime));
    }

    [Fact]
    public void Parse_NoRuntimeWords_LeavesRuntimeOpen()
    {
        Assert.Null(Parse("a long epic").MaxRuntime);
        Assert.Null(Parse("top 10 comedies").MaxRuntime);
    }

    [Theory]
    [InlineData("movies like The Matrix", 2571)]
    [InlineData("similar to Toy Story", 1)]
    [InlineData("something like the matirx", 2571)]
    [InlineData("like Toy Storry but funnier", 1)]
    [InlineData("in the vein of Heat", 6)]
    [InlineData("similar vibe to heat", 6)]
    [InlineData("something with the vibe of alien", 1214)]
    [InlineData("a film like Alien", 1214)]
    [InlineData("heat", 6)]
    public void Parse_ReferenceTitles_ResolveToCatalogueMovies(string query, int movieId)
    {
        Assert.Equal([movieId], Parse(query).ReferenceMovieIds);
    }

    [Theory]
    [InlineData("horror for someone who scares easily")]
    [InlineData("an absolutely hilarious comedy")]
    [InlineData("something genuinely scary, seriously")]
    public void Parse_AdverbsOfDegree_NeverBecomeKeywords(string query)
    {
        // "Easily" was searched for as a subject; function words never become keywords.
        var intent = new RuleIntentParser(IntentVocabulary.Default).Parse(query, Context with { Lexicon = new SpellingLexicon("easily", "absolutely", "genuinely", "seriously") });

        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a horror movie that isn't american", new[] { "US" }, new string[0])]
    [InlineData("comedies not from hollywood", new[] { "US" }, new string[0])]
    [InlineData("not british comedies", new[] { "GB" }, new string[0])] // the UK, not every film in English
    [InlineData("a thriller that's not in english", new string[0], new[] { "en" })]
    [InlineData("nothing french", new string[0], new[] { "fr" })] // a language of its own: French films wherever made
    public void Parse_NegatedPlace_RulesOutACountryOrALanguage(string query, string[] countries, string[] languages)
    {
        var intent = Parse(query);

        Assert.Equal(countries, intent.ExcludeCountries);
        Assert.Equal(languages, intent.ExcludeLanguages);
    }

    [Theory]
    [InlineData("something like the crown", null)] // a word spelled right is not a typo of The Crow
    [InlineData("something like the crwo", 353)]
    [InlineData("like forest gump", 356)] // "forest" is a common word, "gump" is not: one typo to correct
    [InlineData("like toy storey", 1)] // the longer typo'd title wins over The Toy inside it
    [InlineData("like the toy", 4929)]
    public void Parse_TypoTolerantTitles_CorrectOnlyWhatIsMisspelt(string query, int? movieId)
    {
        var titles = new FakeTitles((353, "The Crow", 100), (356, "Forrest Gump", 329), (1, "Toy Story", 215), (4929, "The Toy", 4));
        var context = new IntentParseContext(2018, titles, new SpellingLexicon("crown", "forest", "toy", "like", "something"));

        Assert.Equal(movieId is { } id ? [id] : [], Parser.Parse(query, context).ReferenceMovieIds);
    }

    [Theory]
    [InlineData("like when harry met sally", 1307)]
    [InlineData("something like this is spinal tap", 1288)]
    [InlineData("movies like how to train your dragon", 59315)]
    [InlineData("something like to kill a mockingbird", 1207)]
    [InlineData("movies like this one", null)] // "this" and "when" still mean what they usually mean after "like"
    [InlineData("something like this", null)]
    [InlineData("i would like to watch a comedy", null)]
    [InlineData("like when hary met sally", null)] // no typo reading after such a word: only the whole title
    public void Parse_TitleStartingWithAFunctionWord_IsThatFilmWhenWhole(string query, int? movieId)
    {
        // "When", "this", "how" and "to" block a reference ("like this", "like to watch"): "like when harry met sally"
        // was a search for "harry met sally" and a page of Atlantic City and Driving Miss Daisy.
        var titles = new FakeTitles((1307, "When Harry Met Sally...", 85), (1288, "This Is Spinal Tap", 66),
            (59315, "How to Train Your Dragon", 60), (1207, "To Kill a Mockingbird", 88), (4000, "This One", 3), (5000, "A Comedy", 2));

        Assert.Equal(movieId is { } id ? [id] : [], Parser.Parse(query, Context with { Titles = titles }).ReferenceMovieIds);
    }

    [Fact]
    public void Parse_AboutATitleWord_IsASubjectNotThatFilm()
    {
        // "Heat" alone asks for films like Heat; "movies about heat" asks for films about it.
        var intent = Parse("movies about heat");
        Assert.Empty(intent.ReferenceMovieIds);
        Assert.Contains("heat", intent.Keywords.Concat(intent.Unused));
    }

    [Fact]
    public void Parse_SeveralReferences_AreAllKept()
    {
        Assert.Equal([6, 858], Parse("like Heat or The Godfather").ReferenceMovieIds);
    }

    [Fact]
    public void Parse_ReferenceWithMood_KeepsBoth()
    {
        var intent = Parse("like the matrix but funny");

        Assert.Equal([2571], intent.ReferenceMovieIds);
        Assert.Equal(["funny"], intent.Moods);
    }

    [Theory]
    [InlineData("I'd like a comedy")]
    [InlineData("I like comedy")]
    [InlineData("something like it but a comedy")]
    [InlineData("fans of comedy")]
    public void Parse_LikeWithoutATitle_IsNotAReference(string query)
    {
        var intent = Parse(query);

        Assert.Empty(intent.ReferenceMovieIds);
        Assert.Equal(["Comedy"], intent.Genres);
    }

    [Fact]
    public void Parse_GenreSynonyms_MapToCanonicalGenres()
    {
        Assert.Equal(["Sci-Fi"], Parse("space").Genres);
        Assert.Equal(["Animation"], Parse("a cartoon").Genres);
        Assert.Equal(["Mystery"], Parse("a whodunit").Genres);
        Assert.Equal(["Western"], Parse("cowboys").Genres);
        Assert.Equal(["Crime"], Parse("gangster").Genres);
        Assert.Equal(["Romance", "Comedy"], Parse("a romcom").Genres);
        Assert.Equal(["Film-Noir"], Parse("film noir").Genres);
    }

    [Fact]
    public void Parse_Topics_BecomeKeywords()
    {
        var heist = Parse("a heist movie");
        var gangster = Parse("gangster films");

        Assert.Equal(["heist"], heist.Keywords);
        Assert.Equal(["gangster"], gangster.Keywords);
    }

    [Fact]
    public void Parse_UnknownWords_AreIgnored()
    {
        var intent = Parse("flibbertigibbet zorp comedy qwxz");

        Assert.Equal(["Comedy"], intent.Genres);
        Assert.Empty(intent.Keywords);
    }

    [Fact]
    public void Parse_LeftoverWordsTheCatalogueKnows_BecomeKeywords()
    {
        var intent = Parse("dinosaurs and clowns in tokyo");

        Assert.Equal(["dinosaurs", "clowns", "tokyo"], intent.Keywords);
    }

    [Fact]
    public void Parse_NegatedLeftover_IsAnExcludedKeyword()
    {
        Assert.Equal(["clowns"], Parse("comedy, no clowns").ExcludeKeywords);
    }

    [Fact]
    public void Parse_QueryAtTheLimit_IsAccepted_AndOneMoreCharacterIsRejected()
    {
        var atLimit = string.Concat(Enumerable.Repeat("funny ", 84))[..RuleIntentParser.MaxQueryLength];

        Assert.Equal(["funny"], Parse(atLimit).Moods);
        Assert.Throws<ArgumentOutOfRangeException>(() => Parse(atLimit + "x"));
    }

    [Theory]
    [InlineData("気分が良い映画を見たい")]
    [InlineData("película de terror 🎃")]
    [InlineData("фильм ужасов")]
    [InlineData("فيلم كوميدي")]
    [InlineData("Ünïcödé ñandú café crème brûlée")]
    [InlineData("\uD83D broken surrogate \uDE00")]
    [InlineData("👨‍👩‍👧‍👦🏳️‍🌈🇫🇷")]
    [InlineData("   ")]
    [InlineData("!!!???...,,,")]
    [InlineData("1234567890 99999999999999999999 0.0.0")]
    [InlineData("under under under 1999-1990 before after")]
    public void Parse_OddInput_NeverThrows(string query)
    {
        var intent = Parse(query);

        Assert.NotNull(intent);
        Assert.True(intent.YearFrom is null || intent.YearTo is null || intent.YearFrom <= intent.YearTo);
    }

    [Fact]
    public void Parse_Emoji_MapToMoodsAndGenres()
    {
        Assert.Equal(["funny"], Parse("😂😂").Moods);
        Assert.Equal(["scary"], Parse("👻").Moods);
        Assert.Equal(["Western"], Parse("🤠").Genres);
    }

    [Fact]
    public void Parse_AccentedWords_MatchTheirPlainSpelling()
    {
        Assert.Equal(["Sci-Fi"], Parse("SCÏ-FÏ").Genres);
        Assert.Equal(["Horror"], Parse("no horror").ExcludeGenres);
    }

    [Theory]
    [InlineData("toy story movies", 1, 10194)]
    [InlineData("the toy story films", 1, 10194)]
    [InlineData("all the matrix movies", 2571, 2344)]
    [InlineData("the godfather trilogy", 858, 230)]
    [InlineData("las películas de toy story", 1, 10194)]
    [InlineData("les films de la matrice", 0, 0)]
    [InlineData("the alien franchise", 1214, 8091)]
    [InlineData("the alien movies", 1214, 8091)]
    [InlineData("a toy story movie", 1, 10194)]
    [InlineData("a matrix film", 2571, 2344)]
    public void Parse_ASeriesByName_IsTheFilmAndItsWholeCollection(string query, int named, int collection)
    {
        var intent = Parse(query);

        if (named == 0)
        {
            Assert.Empty(intent.Franchises); // no title there: nothing is made up
            return;
        }
        Assert.Equal([named], intent.ReferenceMovieIds);
        Assert.Equal([collection], intent.Franchises);
        Assert.Empty(intent.Keywords);
    }

    private static readonly IntentParseContext WithSeriesLabels = Context with
    {
        Titles = new FakeTitles((260, "Star Wars", 251), (2571, "The Matrix", 278)),
        Labels = new FakeLabels("star wars", "matrix"),
    };

    [Theory]
    [InlineData("star wars", 260, 10)]
    [InlineData("star wars please", 260, 10)]
    [InlineData("star wars 🚀", 260, 10)] // an emoji after the name is passed over, as punctuation is
    [InlineData("the matrix extended edition", 2571, 2344)]
    public void Parse_ASeriesByItsNameAlone_IsTheSeries_EvenWhereItIsALabel(string query, int named, int collection)
    {
        // "star wars" read the label: Fanboys and a Family Guy parody came among the saga.
        var intent = Parser.Parse(query, WithSeriesLabels);

        Assert.Equal([named], intent.ReferenceMovieIds);
        Assert.Equal([collection], intent.Franchises);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("star wars in the 80s")]
    [InlineData("star wars from the 80s")]
    public void Parse_ASeriesThenADecade_KeepsTheDecade(string query)
    {
        // A number was passed over as if it were a filler: the wish was the whole saga, 1999 to 2015 included.
        var intent = Parser.Parse(query, WithSeriesLabels);

        Assert.Equal([260], intent.ReferenceMovieIds);
        Assert.Equal((1980, 1989), (intent.YearFrom, intent.YearTo));
    }

    [Theory]
    [InlineData("die hard on a train")]
    [InlineData("die hard in space")]
    [InlineData("die hard set in a hospital")]
    public void Parse_ATitleAndWhereItIsMovedTo_IsFilmsLikeIt_There(string query)
    {
        // "die hard on a train" searched "hard" and the label "train": Schindler's List was third.
        var intent = Parser.Parse(query, Context with { Titles = new FakeTitles((1036, "Die Hard", 145)) });

        Assert.Equal([1036], intent.ReferenceMovieIds);
        Assert.DoesNotContain("hard", intent.Keywords);
    }

    [Theory]
    [InlineData("alien movies")] // a subject the vocabulary knows, unless the wish says "the" or "franchise"
    [InlineData("heat movies")] // a film of no collection: films like it, as before
    [InlineData("an alien movie")] // one film of a subject the vocabulary knows
    [InlineData("a heat movie")]
    [InlineData("movies like the matrix")]
    public void Parse_NotASeriesWish_KeepsItsOtherReading(string query)
    {
        Assert.Empty(Parse(query).Franchises);
    }

    private static readonly IntentParseContext WithTitlesOfEverydayWords = Context with
    {
        Titles = new FakeTitles((2662, "The War of the Worlds", 12), (1035, "The Sound of Music", 64), (73, "Date Night", 20),
            (185029, "A Quiet Place", 4)),
    };

    [Theory]
    [InlineData("the war of the worlds", 2662)]
    [InlineData("The Sound of Music!", 1035)]
    public void Parse_AWholeWishThatIsALongTitle_IsTheFilm_WhateverItsWordsSay(string wish, int named)
    {
        // "the war of the worlds" was the War genre (Saving Private Ryan first), "the sound of music" two searched words.
        var intent = Parser.Parse(wish, WithTitlesOfEverydayWords);

        Assert.Equal([named], intent.ReferenceMovieIds);
        Assert.Empty(intent.Genres);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("date night", "date-night")] // two words: the mood they say, not the 2010 comedy
    [InlineData("a quiet place", "quiet")] // four ratings do not make the film the one meant
    public void Parse_AShortOrLittleKnownTitle_KeepsTheMeaningOfItsWords(string wish, string mood)
    {
        var intent = Parser.Parse(wish, WithTitlesOfEverydayWords);

        Assert.Empty(intent.ReferenceMovieIds);
        Assert.Contains(mood, intent.Moods);
    }

    [Theory]
    [InlineData("the life of a painter")]
    [InlineData("a musician's life story")]
    [InlineData("the life and times of a gangster")]
    public void Parse_TheLifeOfSomeone_IsATrueStory_NotTheWordLife(string wish)
    {
        // "life" was searched: "About life: 'love of one's life'" on Once and August Rush for "the life of a musician".
        var intent = Parse(wish);

        Assert.Contains("true story", intent.Keywords);
        Assert.DoesNotContain("life", intent.Keywords);
        Assert.DoesNotContain("life", intent.Labels);
    }

    [Theory]
    [InlineData("robot uprising")]
    [InlineData("movies where the machines take over")]
    [InlineData("ai takeover")]
    public void Parse_AMachineUprising_IsTheRobotSubject_NotTheWordUprising(string wish)
    {
        // "uprising" was a label: Pacific Rim: Uprising opened "robot uprising".
        var intent = Parser.Parse(wish, Context with { Labels = new FakeLabels("uprising", "takeover") });

        Assert.Equal(["robots"], intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("killer movies")] // before a kind of film
    [InlineData("a movie about a killer")] // at the end
    [InlineData("psycho killer")] // a phrase of its own
    public void Parse_KillerAsTheSubject_IsStillSerialKillers(string wish)
    {
        Assert.Contains("serial killers", Parse(wish).Keywords);
    }

    [Theory]
    [InlineData("jane austen")]
    [InlineData("shakespeare movies")]
    [InlineData("something by dickens")]
    public void Parse_AnAuthorByName_IsNotEveryLiteraryAdaptation(string wish)
    {
        // The author's name read the literary adaptation topic too, whose films are any "based on novel".
        Assert.DoesNotContain("literary adaptation", Parse(wish).Keywords);
    }

    [Theory]
    [InlineData("a comedy but not a romantic one")]
    [InlineData("a comedy that isn't romantic")]
    public void Parse_NotRomantic_RulesOutRomance(string wish)
    {
        // Only the films tagged romantic gave way: Groundhog Day and Lost in Translation stayed on the page.
        var intent = Parse(wish);

        Assert.Equal(["Comedy"], intent.Genres);
        Assert.Contains("Romance", intent.ExcludeGenres);
    }

    [Theory]
    [InlineData("something scary but not too scary")]
    [InlineData("a horror movie that isn't too scary")]
    [InlineData("a bit scary")]
    public void Parse_ScaryInModeration_IsSpooky_NotTheScaryMood(string wish)
    {
        // "Something scary but not too scary" read the scary mood alone: The Silence of the Lambs, The Shining, The Exorcist.
        var intent = Parse(wish);

        Assert.DoesNotContain("scary", intent.Moods);
        Assert.Contains("spooky", intent.Keywords);
        Assert.DoesNotContain("Horror", intent.ExcludeGenres);
        Assert.DoesNotContain("scary", intent.ExcludeKeywords);
    }

    [Theory]
    [InlineData("a heist based off a true story", "based")]
    [InlineData("a heist movie with a twist i won't guess", "guess")] // it was a word ruled out
    [InlineData("a movie where the main character dies", "main")]
    public void Parse_HowAStoryGoes_IsNoKeyword(string wish, string word)
    {
        var intent = Parse(wish);

        Assert.DoesNotContain(intent.Keywords.Concat(intent.ExcludeKeywords), k => k.Contains(word, StringComparison.Ordinal));
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a movie about a dog who dies", "dogs")]
    [InlineData("a film about a girl who dies of cancer", null)]
    public void Parse_SomeoneWhoDies_IsATearjerker_NotTheWordDies(string wish, string? subject)
    {
        // "dies" was searched: 101 Dalmatians opened the page for a dog who dies.
        var intent = Parse(wish);

        Assert.Contains("tearjerker", intent.Moods);
        Assert.DoesNotContain("dies", intent.Keywords);
        if (subject is not null)
        {
            Assert.Contains(subject, intent.Keywords);
        }
    }

    [Fact]
    public void Parse_AFemaleMainCharacter_IsAFemaleLead()
    {
        // "female" alone found "lover (female)" and "female nudity".
        var intent = Parse("a movie with a female main character");

        Assert.Equal(["strong female lead"], intent.Keywords);
    }

    [Theory]
    [InlineData("something like a wes anderson movie but not by him")]
    [InlineData("wes anderson vibes but not him")]
    public void Parse_APersonThenNotByHim_IsTheirStyleWithoutTheirFilms(string wish)
    {
        // "him" was a keyword ruled out, and the page was Wes Anderson's own films.
        var intent = Parser.Parse(wish, Context with { Names = new FakeNames("wes anderson", "Wes Anderson") });

        Assert.Equal(["Wes Anderson"], intent.People);
        Assert.Equal(["Wes Anderson"], intent.ExcludePeople);
        Assert.Empty(intent.ExcludeKeywords);
    }

    [Theory]
    [InlineData("films in the style of hitchcock", 5, "Alfred Hitchcock", true)] // Hitchcock (2012), five ratings: the director
    [InlineData("something like hitchcock", 5, "Alfred Hitchcock", true)]
    [InlineData("something like hitchcock", 60, "Alfred Hitchcock", false)] // a film people know keeps its reading
    public void Parse_LikeAFilmmakersNameThatIsALittleKnownTitle_IsTheFilmmaker(string wish, int titleRatings, string person, bool isPerson)
    {
        var titles = new FakeTitles((98585, "Hitchcock", titleRatings), (2571, "The Matrix", 278));
        var intent = Parser.Parse(wish, Context with { Titles = titles, Names = new FakeNames("hitchcock", person) });

        Assert.Equal(isPerson ? [person] : [], intent.People);
        Assert.Equal(isPerson ? [] : [98585], intent.ReferenceMovieIds);
    }

    [Fact]
    public void Parse_MyKidsLovedATitle_IsLikeIt()
    {
        // "loved" and "toy" were searched.
        var intent = Parse("my kids loved toy story, what else");

        Assert.Equal([1], intent.ReferenceMovieIds);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("the most famous movie ever made", "acclaimed")]
    [InlineData("a film that's exactly 90 minutes", null)]
    [InlineData("nothing too long, i have work tomorrow", null)]
    public void Parse_WordsAboutTheEveningOrFame_AreNoKeywords(string wish, string? mood)
    {
        var intent = Parse(wish);

        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
        if (mood is not null)
        {
            Assert.Contains(mood, intent.Moods);
        }
    }

    [Theory]
    [InlineData("a zombie movie that isn't scary", "zombies")]
    [InlineData("vampire movies that are not scary", "vampires")]
    [InlineData("a movie about ghosts that is not scary", "ghosts")]
    public void Parse_ASubjectMadeOfHorrorThatIsNotScary_IsItsComicSide(string wish, string subject)
    {
        // "Not scary" kept the horror a zombie is made of and only demoted the word: The Sixth Sense, The Blair Witch
        // Project and Poltergeist for ghosts. Ruling horror out would lose Shaun of the Dead and Zombieland.
        var intent = Parse(wish);

        Assert.Contains(subject, intent.Keywords);
        Assert.Contains("funny", intent.Moods);
        Assert.DoesNotContain("Horror", intent.ExcludeGenres);
        Assert.Contains("gory", intent.ExcludeKeywords);
    }

    [Theory]
    [InlineData("no violence at all", "War", true)]
    [InlineData("nothing violent please", "Horror", true)]
    [InlineData("something scary but my friend hates gore", "Horror", false)] // the scare is horror; the gore goes
    [InlineData("a war movie that isn't too graphic", "War", false)] // the genre the wish asks for stays
    [InlineData("ww2 movies that aren't too graphic", "War", false)] // and the genre the subject is made of
    [InlineData("a horror movie that isn't gory", "Horror", false)]
    public void Parse_NoViolence_RulesOutTheGenresMadeOfIt_UnlessTheWishIsOfThem(string wish, string genre, bool ruledOut)
    {
        // "No violence at all" ruled out only the word "gory": Schindler's List and Dr. Strangelove were on its page.
        var intent = Parse(wish);

        Assert.Equal(ruledOut, intent.ExcludeGenres.Contains(genre));
        Assert.Contains("gory", intent.ExcludeKeywords);
    }

    [Theory]
    [InlineData("something like toy story for adults")]
    [InlineData("like toy story but for grown ups")]
    public void Parse_LikeAFilmForAnotherAudience_KeepsItsKind_NotItsSeries(string query)
    {
        // "Something like harry potter for adults" was all the Harry Potter films, then Stardust.
        var intent = Parse(query);

        Assert.Equal([1], intent.ReferenceMovieIds);
        Assert.Contains(3114, intent.ExcludeMovieIds);
        Assert.Empty(intent.Franchises);
        Assert.Contains("grown-up", intent.Moods);
    }

    [Fact]
    public void Parse_LikeAFilmForItsOwnAudience_KeepsItsSeries()
    {
        Assert.DoesNotContain(3114, Parse("something like toy story for my kids").ExcludeMovieIds);
    }

    [Theory]
    [InlineData("like the godfather but shorter", 140, null)]
    [InlineData("something shorter, like the godfather", 140, null)]
    [InlineData("like the godfather but longer", null, 219)]
    [InlineData("like the godfather but not as long", 140, null)]
    [InlineData("like heat but shorter", 90, null)] // no runtime known to compare with
    [InlineData("a shorter movie", 90, null)]
    [InlineData("comme le parrain mais plus court", 90, null)]
    public void Parse_ShorterOrLonger_ComparesWithTheFilmToBeLike(string query, int? max, int? min)
    {
        // "Like the godfather but shorter" was under 90 minutes: Breathless and Office Space, where a mafia film that
        // does not take three hours was wished.
        var intent = Parse(query);

        Assert.Equal(max, intent.MaxRuntime);
        Assert.Equal(min, intent.MinRuntime);
    }

    [Theory]
    [InlineData("an alien movie that's more drama than action", "Drama", "Action")]
    [InlineData("more romance than comedy", "Romance", "Comedy")]
    [InlineData("a film that is more of a thriller than a horror movie", "Thriller", "Horror")]
    public void Parse_MoreOneThanTheOther_WishesTheFirstAndNotTheSecond(string query, string wished, string ruledOut)
    {
        // "More drama than action" read both as wished: the alien page opened on Aliens and Independence Day.
        var intent = Parse(query);

        Assert.Contains(wished, intent.Genres);
        Assert.DoesNotContain(ruledOut, intent.Genres);
        Assert.Contains(ruledOut, intent.ExcludeGenres);
    }

    [Fact]
    public void Parse_ALongEpic_IsTheEpicMoodAndALongFilm()
    {
        // "A long epic" was a length alone, and the page was the favourites over 140 minutes: Pulp Fiction, Forrest Gump.
        var intent = Parse("a long epic I can get lost in");

        Assert.Contains("epic", intent.Moods);
        Assert.Equal(140, intent.MinRuntime);
    }

    [Theory]
    [InlineData("a sci-fi movie that's easy to follow")]
    [InlineData("something straightforward")]
    public void Parse_EasyToFollow_RulesOutMindBending(string query)
    {
        // "Easy to follow" searched the word "follow".
        var intent = Parse(query);

        Assert.Contains("mind-bending", intent.ExcludeKeywords);
        Assert.DoesNotContain("follow", intent.Keywords);
    }

    [Theory]
    [InlineData("a horror movie with no jump scares")]
    [InlineData("horror without cheap jump scares")]
    public void Parse_HorrorWithoutJumpScares_IsSlowBurnHorror(string query)
    {
        // "No jump scares" ruled the scary mood out, and horror that is not scary is its comic side: Freddy's Revenge and
        // From Dusk Till Dawn.
        var intent = Parse(query);

        Assert.Contains("Horror", intent.Genres);
        Assert.Contains("slow-burn", intent.Moods);
        Assert.DoesNotContain("scary", intent.ExcludeKeywords);
    }

    [Theory]
    [InlineData("a movie where everyone dies")]
    [InlineData("a horror movie where nobody survives")]
    public void Parse_EveryoneDies_IsTheDarkMood(string query)
    {
        // "Everyone" and "dies" were searched: The Omega Man, What Dreams May Come.
        var intent = Parse(query);

        Assert.Contains("dark", intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("a film about 9/11", "september 11")]
    [InlineData("a film set during the great depression", "great depression")]
    [InlineData("a film set in the future", "the future")]
    public void Parse_AnEventOrATime_IsItsSubject(string query, string keyword)
    {
        // "9/11" read nothing (the favourites); "the great depression" was acclaimed films about mental illness (Pulp
        // Fiction, Fight Club); "set in the future" was every sci-fi film, Star Wars and Eternal Sunshine first.
        var intent = Parse(query);

        Assert.Contains(keyword, intent.Keywords);
        Assert.Empty(intent.Moods);
        Assert.DoesNotContain("mental illness", intent.Keywords);
    }

    [Fact]
    public void Parse_ASubjectForTeenagers_IsTheSubjectWithinTheirAge()
    {
        // "for teenagers" after a subject was searched as words; then the teen mood's adventures outweighed the subject.
        var intent = Parse("a film about the holocaust for teenagers");

        Assert.Equal(15, intent.MaxAge);
        Assert.Contains("holocaust", intent.Keywords);
        Assert.DoesNotContain("for teenagers", intent.Keywords);
        Assert.DoesNotContain("teen-friendly", intent.Moods);
    }

    [Theory]
    [InlineData("a film from the vietnamese side", "vi")]
    [InlineData("a hungarian film", "hu")]
    [InlineData("a romanian drama", "ro")]
    public void Parse_MoreLanguages_AreLanguages(string query, string language)
    {
        Assert.Contains(language, Parse(query).Languages);
    }

    [Theory]
    [InlineData("a movie that will make me want to travel", "travel")]
    [InlineData("a movie where the bad guy is the hero", "antihero")]
    [InlineData("a movie about fitting in at a new school", "fitting in")]
    [InlineData("a movie about an old couple", "old age")]
    [InlineData("a movie with beautiful scenery", "stunning visuals")]
    public void Parse_ASubjectSaidInEverydayWords_IsItsTopic(string query, string topic)
    {
        // Each read a stray word or a year: "fitting" and "school", "bad guy" and "hero", "old" as films before 1980.
        var intent = Parse(query);

        Assert.Contains(topic, intent.Keywords);
        Assert.Null(intent.YearTo);
        Assert.DoesNotContain(intent.Keywords, k => k is "fitting" or "bad guy" or "appreciate");
    }

    [Fact]
    public void Parse_NotTooHeavy_IsTheLightSide_NotFilmsTitledHeavy()
    {
        // "Isn't too heavy" ruled out the films titled Heavy and Heavy Metal, and Antichrist was on the page.
        var intent = Parse("a movie about depression that isn't too heavy");

        Assert.Contains("chill", intent.Moods);
        Assert.Empty(intent.ExcludeMovieIds);
    }

    [Theory]
    [InlineData("a movie about a heavy metal band", "heavy metal")]
    [InlineData("a movie about a wheelchair user", "disability")]
    public void Parse_MusicAndDisability_AreSubjects(string query, string topic)
    {
        // "Heavy" alone is the dark mood; "user" was searched as a word.
        var intent = Parse(query);

        Assert.Contains(topic, intent.Keywords);
        Assert.Empty(intent.Moods);
        Assert.DoesNotContain("user", intent.Keywords);
    }

    [Theory]
    [InlineData("a movie that makes you appreciate life", "inspiring")]
    [InlineData("something heavy", "dark")]
    public void Parse_HowAFilmLeavesYou_IsAMood(string query, string mood)
    {
        var intent = Parse(query);

        Assert.Contains(mood, intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("a movie that flopped but is good", "hidden-gem")]
    [InlineData("a banger of a movie", "acclaimed")]
    [InlineData("something lit", "acclaimed")]
    [InlineData("netflix and chill", "date-night")]
    [InlineData("an absolute classic", "classic")]
    public void Parse_EverydaySlang_IsAMood_NotAWord(string query, string mood)
    {
        // Each searched its words: "flopped", "banger", "lit", "netflix", "absolute".
        var intent = Parse(query);

        Assert.Contains(mood, intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Fact]
    public void Parse_AFantasyWithoutMagic_KeepsFantasyAndRulesOutMagic()
    {
        // "Magic" was the fantasy genre itself: ruled out within a wished fantasy, it left only the acclaimed mood.
        var intent = Parse("a fantasy movie without magic");

        Assert.Contains("Fantasy", intent.Genres);
        Assert.Contains("magic", intent.ExcludeKeywords);
        Assert.Empty(intent.ExcludeGenres);
    }

    [Theory]
    [InlineData("a movie about magic", "magic")]
    [InlineData("magical realism", "magic realism")]
    [InlineData("a movie with talking animals", "talking animals")]
    public void Parse_MagicAndTalkingAnimals_AreTheirOwnSubjects(string query, string topic)
    {
        var intent = Parse(query);

        Assert.Contains(topic, intent.Keywords);
        Assert.Empty(intent.Genres);
    }

    [Fact]
    public void Parse_ALoveStoryWithoutASadEnding_IsFeelGood()
    {
        Assert.Contains("feel-good", Parse("a love story without a sad ending").Moods);
    }

    [Fact]
    public void Parse_AdultsWillLoveIt_IsNoRomance()
    {
        // "Love" in "adults will love too" was the romantic mood: Howl's Moving Castle and Corpse Bride for their romance.
        var intent = Parse("an animated movie that adults will love too");

        Assert.DoesNotContain("romantic", intent.Moods);
        Assert.Contains("Animation", intent.Genres);
    }

    [Theory]
    [InlineData("the matrix sequels")]
    [InlineData("the sequel to the matrix")]
    [InlineData("sequels to the matrix")]
    [InlineData("die Fortsetzung von the matrix")]
    public void Parse_TheSequelsToAFilm_AreItsSeriesAfterIt_WithoutIt(string wish)
    {
        var intent = Parse(wish);

        Assert.Equal([6365], intent.ReferenceMovieIds);
        Assert.Equal([2344], intent.Franchises);
        Assert.Contains(2571, intent.ExcludeMovieIds);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("the first alien movie")]
    [InlineData("the original alien")]
    [InlineData("el primer alien")]
    public void Parse_TheFirstOfASeries_IsTheFilmItBeganWith_AndItsSeries(string wish)
    {
        // "Original" read the quirky mood and "first" a word to search.
        var intent = Parse(wish);

        Assert.Equal([1214], intent.ReferenceMovieIds);
        Assert.Equal([8091], intent.Franchises);
        Assert.Empty(intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Fact]
    public void Parse_TheLastOfASeries_IsTheFilmItCameTo_AndATitleThatBeginsSoIsThatTitle()
    {
        var context = Context with { Titles = new FakeTitles((1, "Toy Story", 215), (3114, "Toy Story 2", 97), (7143, "The Last Samurai", 44)) };

        var latest = Parser.Parse("the latest toy story movie", context);
        Assert.Equal([3114], latest.ReferenceMovieIds);
        Assert.Equal([10194], latest.Franchises);

        Assert.Empty(Parser.Parse("the last samurai", context).Franchises);
    }

    [Fact]
    public void Parse_TheSequelToAFilmWithoutOne_IsNoSeries()
    {
        // Heat has no series: the wish keeps its other reading.
        Assert.Empty(Parse("the sequel to heat").Franchises);
    }

    [Theory]
    [InlineData("a movie for a sick day", "cozy")]
    [InlineData("something to watch when i'm sick", "cozy")]
    [InlineData("feeling under the weather", "cozy")]
    [InlineData("movies where the bad guy is the main character", "antihero")]
    [InlineData("a film told from the villain's perspective", "antihero")]
    [InlineData("a movie with almost no dialogue", "little dialogue")]
    [InlineData("a thriller that unfolds in real time", "one day or night")]
    [InlineData("a biopic of a physicist", "scientists")]
    [InlineData("una película sobre un científico", "scientists")]
    [InlineData("a movie about a mad scientist", "mad scientist")]
    [InlineData("a forgotten gem from the 70s", "hidden-gem")]
    [InlineData("a movie everyone hates but i'd love", "hidden-gem")]
    [InlineData("ein spannender Thriller mit Wendung", "twist ending")]
    [InlineData("un thriller avec un retournement final", "twist ending")]
    [InlineData("ein lustiger Film für einen Regenabend", "cozy")]
    [InlineData("una película para un día de lluvia", "cozy")]
    [InlineData("a movie set in a single house", "one location")]
    [InlineData("a movie set entirely on a plane", "plane")]
    [InlineData("tired", "chill")]
    [InlineData("something to watch after a long day at work", "chill")]
    [InlineData("estoy cansado", "chill")]
    [InlineData("anxious", "cozy")]
    [InlineData("ich bin gestresst", "cozy")]
    [InlineData("rainy", "cozy")]
    [InlineData("something light after a hard day at work", "cheer-me-up")]
    [InlineData("after a stressful day at work i need a laugh", "cheer-me-up")]
    [InlineData("a comedy to watch after a long shift", "chill")]
    [InlineData("una película con un final feliz", "feel-good")]
    [InlineData("une comédie avec une fin heureuse", "feel-good")]
    [InlineData("ein Liebesfilm mit gutem Ende", "feel-good")]
    [InlineData("una película con un final triste", "tearjerker")]
    [InlineData("ein Film mit traurigem Ende", "tearjerker")]
    [InlineData("movies about a con that goes wrong", "con artist")]
    [InlineData("a con movie", "con artist")]
    [InlineData("una película de misterio con un buen giro", "twist ending")]
    [InlineData("un film qui fait peur mais pas trop", "spooky")]
    [InlineData("una película que dé miedo pero no mucho", "spooky")]
    [InlineData("ein Spionagefilm", "spies")]
    [InlineData("ein Boxerfilm", "boxing")]
    [InlineData("ein Hundefilm für Kinder", "dogs")]
    [InlineData("un film de voitures", "cars")]
    [InlineData("una película de coches", "cars")]
    public void Parse_EverydayWaysOfSayingAConcept_AreThatConcept(string wish, string concept)
    {
        // Each was read word by word: "sick" and "day" searched, Almost Famous for "almost", "villain" a label, and "a
        // forgotten gem from the 70s" found no film that is "forgotten" and said so.
        var intent = Parse(wish);

        Assert.Contains(concept, intent.Moods.Concat(intent.Keywords));
        Assert.DoesNotContain(intent.Keywords, k => k is "sick" or "day" or "almost" or "happens" or "villain" or "perspective" or "main character" or "forgotten" or "everyone" or "final" or "wendung" or "regenabend" or "lluvia" or "single" or "entirely" or "tired" or "rainy" or "bin" or "estoy" or "work" or "shift" or "feliz" or "ende" or "fin" or "con" or "giro" or "misterio" or "peur" or "miedo" or "spionagefilm" or "boxerfilm" or "hundefilm" or "voitures" or "coches");
    }

    [Theory]
    [InlineData("películas de misterio")]
    [InlineData("una película de misterio con un buen giro")]
    [InlineData("un film à mystère")]
    public void Parse_MysteryInSpanishOrFrench_IsTheMysteryGenre(string wish)
    {
        // The mystery genre had only English names: "misterio" was left unread and the page was the favourites.
        var intent = Parse(wish);

        Assert.Equal(["Mystery"], intent.Genres);
    }

    [Theory]
    [InlineData("a historical drama", "history")]
    [InlineData("historical epics", "history")]
    [InlineData("un film historique", "history")]
    [InlineData("historische Filme", "history")]
    [InlineData("an inspiring true story", "true story")]
    [InlineData("based on real events", "true story")]
    public void Parse_HistoryAndTrueStories_AreTwoSubjects(string wish, string topic)
    {
        // "Historical" was a true story: Crouching Tiger, Hidden Dragon (labelled "historical") led "an inspiring true story".
        var intent = Parse(wish);

        Assert.Equal([topic], intent.Keywords);
    }

    [Fact]
    public void Parse_ASubjectThatIsAlsoATitle_IsTheSubject_NotTheSeries()
    {
        // "Road trip" is a topic the vocabulary knows only as two words: "road trip movies" read the comedy Road Trip
        // and its sequel, and the page was Old School and The Hangover Part III.
        var titles = new FakeTitles((3617, "Road Trip", 120), (2571, "The Matrix", 278));
        var intent = Parser.Parse("road trip movies", Context with { Titles = titles });

        Assert.Empty(intent.ReferenceMovieIds);
        Assert.Empty(intent.Franchises);
        Assert.Contains("road trip", intent.Keywords);
    }

    [Theory]
    [InlineData("something like breaking bad", "breaking bad")]
    [InlineData("something like game of thrones", "game of thrones")]
    [InlineData("something like peaky blinders but funny", "peaky blinders")]
    public void Parse_LikeATitleTheCatalogueLacks_IsSaidBackWhole_NotSplitIntoSubjects(string query, string title)
    {
        // Read word by word, "breaking bad" was the label "bad" (Pulp Fiction for "bad ass"), and "game of thrones"
        // The Game with a search for "thrones".
        var titles = new FakeTitles((1625, "The Game", 80), (2571, "The Matrix", 278));
        var intent = Parser.Parse(query, Context with { Titles = titles });

        Assert.Equal([title], intent.Unused);
        Assert.Empty(intent.ReferenceMovieIds);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("something like stranger things", "stranger things")]
    [InlineData("movies like stranger things", "stranger things")]
    public void Parse_LikeATitleWhoseFirstWordIsALittleKnownFilm_IsTheLongerTitle(string query, string title)
    {
        // "Stranger" alone is The Stranger (1946, one rating): the page was film noir for a wish about the series.
        var titles = new FakeTitles((25927, "The Stranger", 1), (1240, "The Terminator", 131), (2571, "The Matrix", 278));
        var intent = Parser.Parse(query, Context with { Titles = titles });

        Assert.True(intent.ReferenceMovieIds.Count == 0, System.Text.Json.JsonSerializer.Serialize(intent));
        Assert.Equal([title], intent.Unused);
    }

    [Theory]
    [InlineData("like top gun maverick", 1101, "maverick")]
    [InlineData("something like dune part two", 2021, "part two")]
    [InlineData("like alien romulus", 1214, "romulus")]
    public void Parse_LikeATitleThenWordsNothingReads_TheWordsAreTheRestOfItsName(string query, int reference, string rest)
    {
        // "Maverick" was searched, and the 1994 western opened a page of films like Top Gun.
        var titles = new FakeTitles((1101, "Top Gun", 83), (2021, "Dune", 39), (1214, "Alien", 146));
        var intent = Parser.Parse(query, Context with { Titles = titles, Lexicon = new FakeLexicon("maverick", "romulus", "part") });

        Assert.Equal([reference], intent.ReferenceMovieIds);
        Assert.Equal([rest], intent.Unused);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Companies);
    }

    [Theory]
    [InlineData("like terminator salvation", 1240)] // a film people know keeps its reading; the rest is its sequel
    [InlineData("like the stranger but darker", 25927)] // the title is whole: the next word is read
    public void Parse_LikeATitleThenMoreWords_KnownFilmOrWholeTitleKeepsItsReading(string query, int reference)
    {
        var titles = new FakeTitles((25927, "The Stranger", 1), (1240, "The Terminator", 131), (2571, "The Matrix", 278));
        var intent = Parser.Parse(query, Context with { Titles = titles });

        Assert.Equal([reference], intent.ReferenceMovieIds);
    }

    [Theory]
    [InlineData("like the matrix but funnier", 2571)]
    [InlineData("un film comme the matrix mais plus drôle", 2571)]
    [InlineData("una película como the matrix pero más divertida", 2571)]
    public void Parse_ButBetweenAReferenceAndAMood_IsAFunctionWord_NotAnUnusedWord(string query, int reference)
    {
        var intent = Parse(query);

        Assert.Equal([reference], intent.ReferenceMovieIds);
        Assert.True(intent.Moods.Contains("funny") || intent.Genres.Contains("Comedy"));
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a horror movie that's not too scary")]
    [InlineData("una película de terror que no dé mucho miedo")]
    [InlineData("un film d'horreur pas trop effrayant")]
    [InlineData("ein Horrorfilm, der nicht zu gruselig ist")]
    public void Parse_HorrorThatIsNotTooScary_ReadsTheSameInEveryLanguage(string query)
    {
        var intent = Parse(query);

        Assert.Equal(["Horror"], intent.Genres);
        Assert.Contains("spooky", intent.Keywords); // the scare in moderation
        Assert.Contains("gory", intent.ExcludeKeywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("un film comme the matrix mais plus sombre")]
    [InlineData("una película más oscura")]
    public void Parse_DarkInFrenchAndSpanish_IsTheDarkMood(string query)
    {
        var intent = Parse(query);

        Assert.Contains("dark", intent.Moods);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("films about a father and son", "father son relationship")]
    [InlineData("a mother-daughter story", "mother daughter relationship")]
    [InlineData("a father son movie", "father son relationship")]
    public void Parse_TwoPeopleOfAFamily_AreTheRelationshipFilmsAreFiledUnder(string query, string label)
    {
        // "films about a father and son" was the label "father": Daddy Day Care and Daddy's Home.
        var labels = new FakeLabels("father son relationship", "mother daughter relationship", "father", "mother");
        var intent = Parser.Parse(query, Context with { Labels = labels });

        Assert.Equal([label], intent.Labels);
        Assert.Empty(intent.Keywords);
    }

    [Fact]
    public void Parse_Slasher_IsTheSlasherSubject_NotEveryHorrorFilm()
    {
        // "a slasher from the 80s" was Horror of the 80s: The Shining, Aliens, The Thing.
        var intent = Parse("a slasher from the 80s");

        Assert.Equal(["slashers"], intent.Keywords);
        Assert.Empty(intent.Genres);
        Assert.Equal(1980, intent.YearFrom);
    }

    [Theory]
    [InlineData("something to watch with friends")]
    [InlineData("a horror movie to watch with my friends")]
    [InlineData("una película para ver con amigos")]
    public void Parse_WithFriends_IsWhoWatches_NotFilmsAboutFriends(string query)
    {
        // "with friends" searched the label "friends" ("About friends" on Cloverfield and Grown Ups).
        var intent = Parser.Parse(query, WithLabels with { Labels = new FakeLabels("friends", "friendship") });

        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a movie for a first date", "first date")]
    [InlineData("a romantic movie for valentine's day", "valentines day")]
    [InlineData("une comédie pour la saint valentin", "saint valentin")]
    public void Parse_AMoodAfterFor_IsTheOccasion_NotALabel(string query, string label)
    {
        // "first date" was a label: 50 First Dates, RED and Despicable Me 2, films with a first date in them, led the page.
        var intent = Parser.Parse(query, WithLabels with { Labels = new FakeLabels(label) });

        Assert.Contains("date-night", intent.Moods);
        Assert.Empty(intent.Labels);
    }

    [Fact]
    public void Parse_AMoodsWordsAsASubject_StayALabel()
    {
        var intent = Parser.Parse("a movie about a first date", WithLabels with { Labels = new FakeLabels("first date") });

        Assert.Equal(["first date"], intent.Labels);
    }

    [Fact]
    public void Parse_NoSexScenes_RulesOutTheSteamyMood_NotOnlyTheWordSex()
    {
        Assert.Equal(["steamy"], Parse("a film with no sex scenes").ExcludeKeywords);
        Assert.Equal(["steamy"], Parse("a romantic movie without sex scenes").ExcludeKeywords);
    }

    [Theory]
    [InlineData("a guys night movie", "action-packed")]
    [InlineData("a movie for a sleepover", "teen-friendly")]
    public void Parse_AnEveningNamedForWhoIsThere_IsItsKindOfFilm(string query, string mood)
    {
        // "a guys night movie" searched "guys" (Date and Switch, 2.0★ from 1 rating); "sleepover" was unused.
        var intent = Parse(query);

        Assert.Equal([mood], intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Fact]
    public void Parse_AKindOfAGenreRuledOut_RulesOutTheKindWhenTheGenreIsWished_TheGenreWhenAlone()
    {
        var within = Parse("sci-fi but not space");
        Assert.Equal(["Sci-Fi"], within.Genres);
        Assert.Empty(within.ExcludeGenres);
        Assert.Equal(["space"], within.ExcludeKeywords);

        Assert.Equal(["Sci-Fi"], Parse("no space movies").ExcludeGenres);
        Assert.Equal(["gangster"], Parse("a crime movie but not gangsters").ExcludeKeywords);
    }

    [Theory]
    [InlineData("films directed by women")]
    [InlineData("a thriller by a female director")]
    public void Parse_DirectedByWomen_IsTheFilmsTmdbFilesSo_NotFilmsAboutWomen(string query)
    {
        var intent = Parser.Parse(query, WithLabels with { Labels = new FakeLabels("women") });

        Assert.Equal(["women directors"], intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("a comedy without jim carrey")]
    [InlineData("a comedy, but not jim carrey")]
    [InlineData("una comedia sin jim carrey")]
    public void Parse_APersonRuledOut_IsExcluded_NotDropped(string query)
    {
        // The name was read and dropped when ruled out: the page was the comedy canon, with him or without.
        var intent = Parser.Parse(query, Context with { Names = new FakeNames("jim carrey", "Jim Carrey") });

        Assert.Equal(["Jim Carrey"], intent.ExcludePeople);
        Assert.Empty(intent.People);
        Assert.Equal(["Comedy"], intent.Genres);
    }

    [Fact]
    public void Parse_SoBadItsGood_IsTheFilmsPeopleRateWorst_NotTheLabelBad()
    {
        // It was read as the quirky mood's cult taste (Pulp Fiction, Amélie) before a mood for the famously bad existed.
        var intent = Parser.Parse("a so bad it's good movie", WithLabels with { Labels = new FakeLabels("bad", "good") });

        Assert.Equal(["so-bad-its-good"], intent.Moods);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("a story about a boy and his dog", new[] { "dogs" }, new string[0])]
    [InlineData("a movie about a girl who plays chess", new string[0], new[] { "chess" })]
    [InlineData("movies about a girl", new string[0], new[] { "girl" })]
    public void Parse_WhoTheStoryFollows_IsASubjectOnlyWhenTheWishNamesNoOther(string query, string[] keywords, string[] labels)
    {
        // "a story about a boy and his horse" searched the label "boy" and put Toy Story first.
        var intent = Parser.Parse(query, WithLabels with { Labels = new FakeLabels("boy", "girl", "chess") });

        Assert.Equal(keywords, intent.Keywords);
        Assert.Equal(labels, intent.Labels);
    }

    [Fact]
    public void Parse_AboutAnArticleAndATitleWord_IsTheSubject_NotTheFilm()
    {
        // "a film about an artist" was films like The Artist (2011).
        var titles = new FakeTitles((89904, "The Artist", 40));
        var intent = Parser.Parse("a film about an artist", WithLabels with { Titles = titles, Labels = new FakeLabels("artist") });

        Assert.Empty(intent.ReferenceMovieIds);
        Assert.Equal(["artist"], intent.Labels);
        Assert.Equal([89904], Parser.Parse("the artist", WithLabels with { Titles = titles, Labels = new FakeLabels("artist") }).ReferenceMovieIds);
    }

    [Theory]
    [InlineData("una película de amor triste", "Romance")]
    [InlineData("un film d'amour", "Romance")]
    [InlineData("un bon film policier", "Crime")]
    [InlineData("algo para ver en familia este fin de semana", null)]
    [InlineData("je veux un film qui fait rire", null)]
    [InlineData("etwas Lustiges für heute Abend", null)]
    [InlineData("quiero una película de acción con mucha adrenalina", "Action")]
    public void Parse_EverydaySpanishFrenchGerman_LeavesNoWordUnreadOrSearched(string query, string? genre)
    {
        // "de amor" was the keyword "amor", "un bon film" the keyword "bon", "heute Abend" two unused words.
        var intent = Parse(query);

        Assert.Empty(intent.Unused);
        Assert.Empty(intent.Keywords);
        if (genre is not null)
        {
            Assert.Contains(genre, intent.Genres);
        }
    }

    [Fact]
    public void Parse_EmptyQuery_IsEmptyIntent()
    {
        Assert.True(Parse("").IsEmpty);
        Assert.True(Parse(null!).IsEmpty);
    }

    private sealed class FakeTitles(params (int Id, string Title, int Ratings)[] movies) : ITitleResolver
    {
        public TitleMatch? ResolveExact(string normalizedSpan) => movies
            .Where(m => Keys(m.Title).Contains(normalizedSpan))
            .OrderByDescending(m => m.Ratings)
            .Select(m => new TitleMatch(m.Id, m.Title, 1, QueryText.Normalize(m.Title) == normalizedSpan, m.Ratings))
            .FirstOrDefault();

        public (TitleMatch Match, int Span)? ResolveFuzzy(IReadOnlyList<string> normalizedSpans) => normalizedSpans
            .SelectMany((span, s) => movies.Select(m => (Movie: m, Span: s, Distance: Keys(m.Title).Min(k => Distance(k, span)))))
            .Where(m => m.Distance <= 1)
            .OrderBy(m => m.Distance).ThenBy(m => m.Span).ThenByDescending(m => m.Movie.Ratings)
            .Select(m => ((TitleMatch Match, int Span)?)(new TitleMatch(m.Movie.Id, m.Movie.Title, 1 - (m.Distance / 10.0), true, m.Movie.Ratings), m.Span))
            .FirstOrDefault();

        // The Matrix, Toy Story, The Godfather, Alien, Star Wars and Road Trip begin collections; Heat and Jumanji belong to none.
        public int? CollectionOf(int movieId) => movieId switch { 2571 or 6365 => 2344, 1 or 3114 => 10194, 858 => 230, 1214 => 8091, 260 => 10, 3617 => 96679, _ => null };

        // Heat is Michael Mann's; the other fakes have no credits.
        public IReadOnlyList<string> DirectorsOf(int movieId) => movieId == 6 ? ["Michael Mann"] : [];

        public int? YearOf(int movieId) => movieId switch { 356 => 1994, 1 => 1995, 2571 => 1999, 6365 => 2003, 3114 => 1999, 162 => 1995, 2734 => 1988, _ => null };

        // The Godfather runs 175 minutes; the other fakes' runtimes are unknown.
        public int? RuntimeOf(int movieId) => movieId == 858 ? 175 : null;

        // A franchise here is the titles that begin with the film's own: The Matrix and The Matrix Reloaded.
        public IReadOnlyList<int> FranchiseOf(int movieId, int? franchise = null, string? name = null) =>
            movies.FirstOrDefault(m => m.Id == movieId) is { Title: { } title }
                ? movies.Where(m => m.Title.StartsWith(title, StringComparison.Ordinal)).Select(m => m.Id).ToList()
                : [movieId];

        private static string[] Keys(string title)
        {
            var full = QueryText.Normalize(title);
            return full.StartsWith("the ", StringComparison.Ordinal) ? [full, full[4..]] : [full];
        }

        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }
            for (var j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }
            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                    }
                }
            }
            return d[a.Length, b.Length];
        }
    }

    private static readonly IntentParseContext WithLabels = Context with
    {
        Labels = new FakeLabels("psychological thriller", "alien invasion", "heist gone wrong", "pet", "loneliness", "chess"),
    };

    [Theory]
    [InlineData("romcom")]
    [InlineData("a romantic comedy")]
    [InlineData("una comedia romántica")]
    [InlineData("une comédie romantique")]
    [InlineData("eine romantische Komödie")]
    public void Parse_AKindWithinGenres_IsAlsoTheFilmsFiledUnderItsName(string query)
    {
        // "romcom" read Comedy and Romance alone and opened on Forrest Gump; the films TMDB files as romantic comedies are the kind.
        var intent = Parser.Parse(query, Context with { Labels = new FakeLabels("romantic comedy") });

        Assert.Equal(["romantic comedy"], intent.Labels);
        Assert.Equal(["Comedy", "Romance"], intent.Genres.Order());
    }

    [Theory]
    [InlineData("guilty pleasure", "chill")]
    [InlineData("some mindless fun", "chill")]
    [InlineData("movies that mess with your head", "mind-bending")]
    [InlineData("something that messes with my mind", "mind-bending")]
    [InlineData("a sad movie that ends happily", "feel-good")]
    [InlineData("i'm bored, entertain me", "surprise-me")]
    [InlineData("a film that inspires", "inspiring")]
    [InlineData("a movie my mom would love", "cozy")] // the favourites, with nothing read
    [InlineData("movies to watch when you're high", "mind-bending")] // "high" was high school: Ferris Bueller first
    [InlineData("a movie to watch after a breakup", "cheer-me-up")] // "breakup" found The Perfect Guy
    [InlineData("a film no one has heard of", "hidden-gem")] // "heard" was ruled out: the favourites
    [InlineData("movies nobody talks about", "hidden-gem")] // "nobody talks": silent films
    [InlineData("show me something different", "hidden-gem")] // nothing read: the favourites, the opposite of different
    [InlineData("what's a good movie", "surprise-me")] // nothing read
    public void Parse_EverydayIdiomForAFeeling_IsTheMood_NotItsWords(string wish, string mood)
    {
        // "guilty" and "pleasure" as words found The Oh in Ohio and Nymphomaniac; "mess" and "head" found 8 Heads in a
        // Duffel Bag for a mind-bender, and "entertain" The King of Comedy.
        var intent = Parse(wish);

        Assert.Contains(mood, intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("something new")]
    [InlineData("any new movies?")]
    public void Parse_SomethingNew_IsRecentFilms(string wish)
    {
        var intent = Parse(wish);

        Assert.NotNull(intent.YearFrom);
        Assert.Empty(intent.Keywords);
    }

    [Fact]
    public void Parse_NamedEra_IsTheYears_NotALabel()
    {
        var context = Context with { Labels = new FakeLabels("golden age") };

        var intent = Parser.Parse("golden age musicals", context);

        Assert.Equal(["Musical"], intent.Genres);
        Assert.NotNull(intent.YearTo);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("black and white horror")]
    [InlineData("a black and white movie from after 1990")]
    [InlineData("una película en blanco y negro")]
    public void Parse_BlackAndWhite_IsTheFormOfItsTime_NotYearsBefore1965(string wish)
    {
        // Read as the years to 1965, "black and white movies" ranked Rear Window and North by Northwest, in colour, and
        // "a black and white movie from after 1990" asked for no film at all.
        var intent = Parse(wish);

        Assert.Contains("black and white", intent.Keywords);
        Assert.Null(intent.YearTo);
    }

    [Fact]
    public void Parse_NothingBlackAndWhite_RulesOutTheForm()
    {
        var intent = Parse("a classic, but nothing black and white");

        Assert.Contains("black and white", intent.ExcludeKeywords);
        Assert.DoesNotContain("black and white", intent.Keywords);
    }

    [Theory]
    [InlineData("un film de science-fiction")]
    [InlineData("science fiction movies")]
    [InlineData("film noir")]
    public void Parse_GenresOwnName_IsTheGenreNotALabel(string wish)
    {
        // As a label, "science fiction" put Timecop and The Butterfly Effect (TMDB keyword "science fiction") first.
        var context = Context with { Labels = new FakeLabels("science fiction", "film noir", "psychological thriller") };

        var intent = Parser.Parse(wish, context);

        Assert.Single(intent.Genres);
        Assert.Empty(intent.Labels);
        // A kind of a genre is still a label.
        Assert.Equal(["psychological thriller"], Parser.Parse("a psychological thriller", context).Labels);
    }

    [Fact]
    public void Parse_RuledOutWordThatIsBothATitleAndASubject_IsTheSubject()
    {
        // "without aliens" ruled out Alien and Aliens and kept Star Wars's aliens.
        var titles = new FakeTitles((1214, "Alien", 146), (1200, "Aliens", 126), (480, "Jurassic Park", 238));
        var context = Context with { Titles = titles };

        var intent = Parser.Parse("a sci-fi movie without aliens", context);

        Assert.Empty(intent.ExcludeMovieIds);
        Assert.Contains("aliens", intent.ExcludeKeywords);
        // A title of more words is the films.
        Assert.Equal([480], Parser.Parse("dinosaur movies but not jurassic park", context).ExcludeMovieIds);
    }

    [Theory]
    [InlineData("for a kid who loves dinosaurs")]
    [InlineData("my daughter likes dinosaurs")]
    [InlineData("my son is obsessed with dinosaurs")]
    public void Parse_WhatAChildLikes_IsTheSubjectForAChild(string wish)
    {
        // "loves" was searched as a label: Aladdin and Pocahontas, "About loves".
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels("loves", "likes", "daughter", "son") });

        Assert.Equal(["dinosaurs"], intent.Keywords);
        Assert.Contains("family", intent.Moods);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("películas mexicanas", "MX")]
    [InlineData("des comédies italiennes", "IT")]
    [InlineData("películas coreanas", "KR")]
    public void Parse_PluralNationalities_NameTheCountry(string wish, string country)
    {
        // "películas mexicanas" was the canon: only the singular forms were known.
        var intent = Parse(wish);

        Assert.Contains(country, intent.Countries);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("an anime")]
    [InlineData("cyberpunk anime")]
    [InlineData("animes tristes")]
    public void Parse_Anime_IsJapaneseAnimation(string wish)
    {
        // "an anime" was any animation: Toy Story and The Lion King.
        var intent = Parse(wish);

        Assert.Contains("Animation", intent.Genres);
        Assert.Contains("ja", intent.Languages);
    }

    [Theory]
    [InlineData("una película corta", "a short movie")]
    [InlineData("ein kurzer Film", "a short film")]
    [InlineData("Filme aus den 80ern", "movies from the 80s")]
    [InlineData("une comédie romantique des années 2000", "a romantic comedy from the 2000s")]
    [InlineData("películas clásicas", "classic movies")]
    [InlineData("un film culte", "a cult film")]
    [InlineData("una película de acción sin violencia", "an action movie without violence")]
    [InlineData("ein Actionfilm ohne Gewalt", "an action movie without violence")]
    public void Parse_WishInSpanishFrenchOrGerman_MeansWhatItsEnglishDoes(string wish, string english)
    {
        // Each once fell back to the canon or a searched word: "corta", "80ern", "culte" and "violencia" were unknown,
        // and "les années 2000" was the year 2000 alone.
        var read = Parse(wish);
        var expected = Parse(english);

        Assert.Equal(expected.Genres.Order(), read.Genres.Order());
        Assert.Equal(expected.Moods.Order(), read.Moods.Order());
        Assert.Equal(expected.ExcludeKeywords.Order(), read.ExcludeKeywords.Order());
        Assert.Equal((expected.YearFrom, expected.YearTo, expected.MaxRuntime), (read.YearFrom, read.YearTo, read.MaxRuntime));
        Assert.Empty(read.Unused);
        Assert.Empty(read.Keywords);
    }

    [Theory]
    [InlineData("a long movie for a rainy day", 140)]
    [InlineData("something long and epic", 140)]
    [InlineData("una película larga", 140)]
    [InlineData("ein langer Film", 140)]
    [InlineData("a long epic over three hours", 180)]
    public void Parse_ALongMovie_IsTheShortestRuntimeWanted_NotTheWordLong(string wish, int minutes)
    {
        // "a long movie for a rainy day" searched the word "long" (Along Came Polly, "long lost sister", "long take").
        var intent = Parse(wish);

        Assert.Equal(minutes, intent.MinRuntime);
        Assert.DoesNotContain("long", intent.Keywords);
    }

    [Theory]
    [InlineData("something light after a long day")]
    [InlineData("not a long movie")]
    public void Parse_LongThatIsNoRuntimeFloor_AsksForNone(string wish)
    {
        // "after a long day" is when the person watches: it searched films that mention "long day".
        var intent = Parser.Parse(wish, Context with { Lexicon = new FakeLexicon("long day", "long", "day") });

        Assert.Null(intent.MinRuntime);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("quiero ver algo divertido con mis hijos")]
    [InlineData("un film drôle avec mes enfants")]
    [InlineData("ein lustiger Film mit meinen Kindern")]
    [InlineData("something funny with my kids")]
    public void Parse_WithMyKids_InAnyLanguage_IsAChildsAudience(string wish)
    {
        // "con mis hijos" was an unused word and the page opened on Pulp Fiction.
        var intent = Parse(wish);

        Assert.Equal(10, intent.MaxAge);
        Assert.Contains("family", intent.Moods);
        Assert.True(intent.Genres.Contains("Comedy") || intent.Moods.Contains("funny"));
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("something to watch alone on a rainy night")]
    [InlineData("etwas Lustiges für einen Filmabend mit Freunden")]
    [InlineData("movie night with friends")]
    public void Parse_HowThePersonWillWatch_IsNoSubject(string wish)
    {
        // "watch alone" read the label "alone" (Home Alone, Home Alone 2); "Filmabend" was an unused word.
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels("alone") });

        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("des films sur l'espace", "des films sur espace")]
    [InlineData("un film d’horreur", "un film horreur")]
    [InlineData("qu'il pleuve", "il pleuve")]
    [InlineData("I don't want horror, it's late", "i dont want horror its late")]
    [InlineData("80's rock'n'roll", "80s rocknroll")]
    [InlineData("j'ai envie", "j ai envie")]
    public void Normalize_FrenchElision_DropsTheElidedWordOnly(string text, string normalized)
    {
        // "l'espace" was the one word "lespace", which named nothing.
        Assert.Equal(normalized, QueryText.Normalize(text));
    }

    [Theory]
    [InlineData("like e.t.", "like e.t")]
    [InlineData("E.T. the Extra-Terrestrial", "e.t the extra terrestrial")]
    [InlineData("movies from the U.S.A. and the u.k.", "movies from the u.s.a and the u.k")]
    [InlineData("St. Elmo's Fire", "st elmos fire")]
    [InlineData("a 2.5 hour movie. then bed", "a 2.5 hour movie then bed")]
    public void Normalize_AnInitialism_IsOneWord(string text, string normalized)
    {
        // "like e.t." was "like", "e", a full stop and "t": no film, and the favourites.
        Assert.Equal(normalized, QueryText.Normalize(text));
    }

    [Fact]
    public void Parse_LikeAnInitialismTitle_IsThatFilm_NotTheFrenchAnd()
    {
        var context = Context with { Titles = new FakeTitles((1097, "E.T.", 122)) };

        Assert.Equal([1097], Parser.Parse("something like e.t.", context).ReferenceMovieIds);
        Assert.Empty(Parser.Parse("comédie et drame", context).ReferenceMovieIds);
    }

    [Theory]
    [InlineData("a dying man's last wish", "man", true)]
    [InlineData("a child’s imagination", "child", true)]
    [InlineData("it's late", "its", false)]
    [InlineData("what's good", "whats", false)]
    [InlineData("80's rock", "80s", false)]
    [InlineData("schindlers list", "schindlers", false)]
    public void Tokenize_APossessive_KeepsItsTextAndKnowsItsNoun(string text, string noun, bool possessive)
    {
        // Phrases and titles compare the text as written ("schindler's list" = "schindlers list"); only the leftover
        // subject words read the noun a possessive is of.
        var token = QueryText.Tokenize(text).First(t => t.Noun == noun || t.Text == noun);

        Assert.Equal(possessive, token.Possessive);
        Assert.Equal(noun, token.Noun);
    }

    [Fact]
    public void Parse_APossessive_IsThePersonItNames_NotAWordWithAnS()
    {
        // "a dying man's last wish" searched "mans" and "last" (The Matrix Reloaded, Ice Age); "a woman's fight" searched
        // "womans fight".
        var dying = Parse("a dying man's last wish");
        var fight = Parse("a woman's fight for justice");

        Assert.Contains("bucket list", dying.Keywords);
        Assert.DoesNotContain(dying.Keywords.Concat(dying.Labels), word => word.Contains("mans", StringComparison.Ordinal));
        Assert.DoesNotContain(fight.Keywords.Concat(fight.Labels), word => word.Contains("womans", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("j'aime les comédies", "Comedy")]
    [InlineData("j'ai envie d'un film d'horreur", "Horror")]
    [InlineData("j'adore les films de science-fiction", "Sci-Fi")]
    [InlineData("me gustan las películas de miedo", "Horror")]
    [InlineData("tengo ganas de ver una comedia", "Comedy")]
    [InlineData("ich mag Actionfilme", "Action")]
    [InlineData("ich habe Lust auf einen Horrorfilm", "Horror")]
    public void Parse_WhatIFeelLikeInFrenchSpanishOrGerman_IsOnlyTheKind(string wish, string genre)
    {
        // "j'ai" was "ai", the robots' artificial intelligence; "aime", "adore", "envie" and "auf" were searched, "Lust" a label.
        var intent = Parse(wish);

        Assert.Equal([genre], intent.Genres);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("qué película me recomiendas para esta noche")]
    [InlineData("qu'est-ce que je regarde ce soir ?")]
    [InlineData("was soll ich heute abend schauen")]
    public void Parse_WhatShouldIWatchInSpanishFrenchOrGerman_IsAVagueWish(string wish)
    {
        // The English question was the surprise-me mood; these were the canon with "recomiendas", "regarde" or "soll" unread.
        var intent = Parse(wish);

        Assert.Equal(["surprise-me"], intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("quelque chose de drôle pour ce soir s'il vous plaît", null)]
    [InlineData("gimme a classic western", "Western")]
    [InlineData("something scary but my friend hates gore", null)]
    public void Parse_PolitenessAndCompany_AreNoSubject(string wish, string? genre)
    {
        // "s'il vous plaît" searched "il" (Ricomincio da tre led the page), "gimme" was searched, "my friend" the label "friend".
        var intent = Parse(wish);

        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Unused);
        if (genre is not null)
        {
            Assert.Equal([genre], intent.Genres);
        }
    }

    [Theory]
    [InlineData("des films sur l'espace", "space")]
    [InlineData("películas basadas en hechos reales", "true story")]
    [InlineData("un film tiré d'une histoire vraie", "true story")]
    [InlineData("ein Film nach einer wahren Geschichte", "true story")]
    public void Parse_SubjectInSpanishFrenchOrGerman_IsTheSubjectAndNoWordIsSearched(string wish, string subject)
    {
        // "basadas en hechos reales" searched the words "en" and "reales"; "l'espace" was the unknown word "lespace".
        var intent = Parse(wish);

        Assert.True(intent.Keywords.Contains(subject) || (subject == "space" && intent.Genres.Contains("Sci-Fi")), string.Join(",", intent.Keywords));
        Assert.DoesNotContain("en", intent.Keywords);
        Assert.Empty(intent.Unused);
        Assert.All(intent.Keywords, k => Assert.Equal(subject, k));
    }

    [Fact]
    public void Parse_WhereThePersonWillWatch_IsNotTheSubject()
    {
        // "something light and funny for a long flight" ranked Flight and Flightplan ("About flight").
        var intent = Parser.Parse("something light and funny for a long flight", WithLabels with { Labels = new FakeLabels("flight") });

        Assert.Contains("funny", intent.Moods);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Keywords);
        Assert.Null(intent.MinRuntime);
    }

    [Theory]
    [InlineData("a movie told backwards", "reverse chronology")]
    [InlineData("a film told in reverse chronological order", "reverse chronology")]
    [InlineData("films shot in one take", "one take")]
    [InlineData("a halloween party movie", "halloween")]
    [InlineData("a movie for a halloween party", "halloween")]
    public void Parse_HowAFilmIsToldOrWhereItIsWatched_IsOneSubject(string wish, string topic)
    {
        // "told backwards" was the mind-bending mood (The Usual Suspects, Fight Club before Memento), "shot in one take" the
        // label "shot", and "a halloween party" the label "party" (Project X, Sausage Party).
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels("shot", "party", "take") });

        Assert.Equal([topic], intent.Keywords);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Moods);
    }

    [Theory]
    [InlineData("a comedy without swearing")]
    [InlineData("a clean comedy")]
    [InlineData("a comedy with no bad language")]
    [InlineData("una comedia sin palabrotas")]
    public void Parse_NoSwearing_RulesOutTheLabelledFilmsAndAnythingRatedR_WithoutNamingAnAudience(string wish)
    {
        // Swearing is labelled on a score of films (Pulp Fiction's "foul language"); a certificate says it of the rest.
        // It is what the films hold, not who watches: no teenagers' or children's page.
        var intent = Parse(wish);

        Assert.Equal(["Comedy"], intent.Genres);
        Assert.Equal(["swearing"], intent.ExcludeKeywords);
        Assert.Equal(13, intent.MaxAge);
        Assert.Empty(intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Fact]
    public void Parse_AStudiosFilmsForAdults_RanksTheStudiosFilms_RatherThanRulingOutItsChildrensFilms()
    {
        var studio = Parser.Parse("pixar movies for adults", Context with { Names = new FakeNames("pixar", "pixar") { Kind = NamedEntityKind.Company } });
        var animation = Parse("animated movies for adults");

        Assert.Equal(["pixar"], studio.Companies);
        Assert.Equal(["grown-up"], studio.Moods);
        Assert.Empty(studio.ExcludeGenres);
        Assert.Contains("Children", animation.ExcludeGenres);
    }

    [Theory]
    [InlineData("a movie for my dad who loves war films", "War", false)]
    [InlineData("a western my dad would like", "Western", false)]
    [InlineData("a horror movie for my grandpa", "Horror", false)]
    [InlineData("a comedy to watch with my parents", "Comedy", true)]
    [InlineData("something to watch with my mom", null, true)]
    public void Parse_AGrownUpViewer_IsCozyOnlyWhenTheWishNamesNoGenreAgainstIt(string wish, string? genre, bool cozy)
    {
        // "for my dad" is the cozy mood, which works against War: "a movie for my dad who loves war films" opened on
        // Mediterraneo and Renaissance Man.
        var intent = Parse(wish);

        Assert.Equal(genre is null ? [] : [genre], intent.Genres);
        Assert.Equal(cozy, intent.Moods.Contains("cozy"));
        Assert.DoesNotContain(intent.ExcludeGenres, g => g == genre);
        if (!cozy)
        {
            Assert.Empty(intent.ExcludeGenres);
        }
    }

    [Theory]
    [InlineData("a movie about a killer robot", "killer robot", false)]
    [InlineData("a killer whale movie", "killer whale", false)]
    [InlineData("a movie about a killer", "killer", true)]
    public void Parse_KillerQualifyingALabel_IsNoSerialKiller(string wish, string label, bool serialKillers)
    {
        // "a movie about a killer robot" was also the serial-killers topic: Basic Instinct and The Silence of the Lambs.
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels("killer robot", "killer whale", "killer") });

        Assert.Contains(label, intent.Labels);
        Assert.Equal(serialKillers, intent.Keywords.Contains("serial killers"));
    }

    [Fact]
    public void Parse_NoSexScenes_RulesOutTheSteamyMoodAndAnythingRatedR()
    {
        var intent = Parse("a romantic movie without sex scenes");

        Assert.Equal(["romantic"], intent.Moods);
        Assert.Equal(["steamy"], intent.ExcludeKeywords);
        Assert.Equal(13, intent.MaxAge);
    }

    [Fact]
    public void Parse_NoSwearingForAChild_KeepsTheChildsAge()
    {
        var intent = Parse("a comedy without swearing for my 8 year old");

        Assert.Equal(8, intent.MaxAge);
        Assert.Contains("family", intent.Moods);
    }

    [Fact]
    public void Parse_ASlowFilm_IsTheQuietMoodNotASearchedWord()
    {
        Assert.Contains("quiet", Parse("a slow, beautiful film").Moods);
        Assert.Contains("slow-burn", Parse("a slow burn thriller").Moods);
    }

    [Theory]
    [InlineData("a spooky movie for kids")]
    [InlineData("something creepy for my 9 year old")]
    [InlineData("something scary but not too scary for a 12 year old")]
    public void Parse_ScaryForAChild_IsSpookyNotHorror(string wish)
    {
        // The scary mood's Horror is ruled out for a child, and the page was the family page with nothing spooky on it;
        // "not too scary" then ruled the word out as well, so nothing spooky could rise.
        var intent = Parse(wish);

        Assert.Contains("family", intent.Moods);
        Assert.DoesNotContain("scary", intent.Moods);
        Assert.Contains("spooky", intent.Keywords);
        Assert.Empty(intent.ExcludeKeywords);
        // A teenager's scary is still the mood.
        Assert.Contains("scary", Parse("something scary for my 14 year old").Moods);
    }

    [Theory]
    [InlineData("a movie my teenage son will like")]
    [InlineData("something for a teenager")]
    [InlineData("a horror movie for a teen")]
    public void Parse_ATeenViewer_IsATeenAudienceNotHighSchoolFilms(string wish)
    {
        // "something for a teenager" was films about teenagers: Donnie Darko, American Pie, Scream.
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels("teenager", "teen") });

        Assert.Equal(15, intent.MaxAge);
        Assert.Contains("teen-friendly", intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Fact]
    public void Parse_WithMyParents_IsAComfortablePickNotFilmsAboutParents()
    {
        // "parents" was a label: Honey, I Shrunk the Kids and Get Out ("parents-in-law").
        var intent = Parser.Parse("something to watch with my parents", WithLabels with { Labels = new FakeLabels("parents") });

        Assert.Contains("cozy", intent.Moods);
        Assert.Empty(intent.Labels);
    }

    [Fact]
    public void Parse_NotAKidsMovie_RulesOutChildrensFilms()
    {
        // Finding Nemo, Up and Toy Story 2 were on "a feel good movie that isn't a kids movie": Kids (1995) was ruled out.
        var intent = Parser.Parse("a feel good movie that isn't a kids movie", Context with { Titles = new FakeTitles((175, "Kids", 40)) });

        Assert.Contains("feel-good", intent.Moods);
        Assert.DoesNotContain("family", intent.Moods);
        Assert.Contains("Children", intent.ExcludeGenres);
        Assert.Empty(intent.ExcludeMovieIds);
        Assert.Null(intent.MaxAge);
    }

    [Theory]
    [InlineData("something for the whole family")]
    [InlineData("family movie night")]
    [InlineData("pour toute la famille")]
    public void Parse_TheWholeFamily_IsAFamilyPickEveryAgeCanWatch(string wish)
    {
        // Ghost in the Shell (animated, for adults) was on "something for the whole family".
        var intent = Parse(wish);

        Assert.Contains("family", intent.Moods);
        Assert.Equal(12, intent.MaxAge);
    }

    [Theory]
    [InlineData("a horror comedy", "Horror", "Comedy")]
    [InlineData("sci-fi thriller movies", "Sci-Fi", "Thriller")]
    [InlineData("an action comedy", "Action", "Comedy")]
    public void Parse_GenresSideBySide_AreTheGenresNotALabel(string wish, string first, string second)
    {
        // "horror comedy" ranked the few films keyworded so (Bad Milo, one 1★ rating) above Shaun of the Dead.
        var labels = new FakeLabels("horror comedy", "sci fi thriller", "action comedy", "romantic comedy");
        var intent = Parser.Parse(wish, WithLabels with { Labels = labels });

        Assert.Empty(intent.Labels);
        Assert.Contains(first, intent.Genres);
        Assert.Contains(second, intent.Genres);
    }

    [Theory]
    [InlineData("a cult classic from the 80s", "cult-classic")]
    [InlineData("cult classics", "cult-classic")]
    [InlineData("a masterpiece", "acclaimed")]
    public void Parse_AViewersVerdict_IsItsMoodNotALabel(string wish, string mood)
    {
        // As a label, "cult classic" ranked films whose overview says so: Gleaming the Cube (one rating of 2★) was second.
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels("cult classic", "masterpiece") });

        Assert.Empty(intent.Labels);
        Assert.Contains(mood, intent.Moods);
    }

    [Fact]
    public void Parse_AKindWithinGenres_StaysALabel()
    {
        var intent = Parser.Parse("a romantic comedy", WithLabels with { Labels = new FakeLabels("romantic comedy") });

        Assert.Equal(["romantic comedy"], intent.Labels);
    }

    [Fact]
    public void Parse_LabelThatIsAlsoAGenrePhrase_KeepsBothTheGenreAndTheLabel()
    {
        var intent = Parser.Parse("a slow-burn psychological thriller", WithLabels);
        Assert.Contains("Thriller", intent.Genres);
        Assert.Equal(["psychological thriller"], intent.Labels);
    }

    [Fact]
    public void Parse_LabelOverTopicAndLeftoverWords_TakesTheLabelAndNoStrayKeywords()
    {
        var intent = Parser.Parse("movies about a heist gone wrong", WithLabels with { Lexicon = new FakeLexicon("heist", "gone wrong", "gone", "wrong") });
        Assert.Equal(["heist gone wrong"], intent.Labels);
        Assert.Equal(["heist", "gone wrong"], intent.Keywords);
    }

    [Theory]
    [InlineData("movies about artificial intelligence going wrong", "robots")]
    [InlineData("a heist that goes horribly wrong", "heist")]
    [InlineData("a road trip gone wrong", "road trip")]
    [InlineData("a wedding that went awry", "wedding")]
    [InlineData("un atraco que sale mal", "heist")]
    public void Parse_AStoryThatGoesWrong_IsItsSubjectAndTheTurn(string wish, string subject)
    {
        // "Gone wrong" was a filler: "a road trip gone wrong" was any road trip.
        var intent = Parse(wish);

        Assert.Contains("gone wrong", intent.Keywords);
        Assert.Contains(subject, intent.Keywords);
        Assert.DoesNotContain(intent.Keywords, k => k is "wrong" or "horribly" or "awry");
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a movie with a twist ending", "twist ending")]
    [InlineData("twist ending movies", "twist ending")]
    [InlineData("a ghost story", "ghost story")]
    public void Parse_LabelEndingInAPartOfAFilm_IsTheLabel(string wish, string label)
    {
        // "Ending" and "story" are fillers alone; "twist ending" read only the mind-bending mood and opened on Pulp Fiction.
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels("twist ending", "ghost story") });

        Assert.Equal([label], intent.Labels);
    }

    [Fact]
    public void Parse_LabelEndingInAPartOfAFilm_FewFilmsCarry_IsNoLabel()
    {
        // Two films keyworded "happy ending" are chance, not a kind: the feel-good mood says it. Five filed under "love
        // story" outranked the genres of "a love story set in war".
        var intent = Parser.Parse("something with a happy ending", WithLabels with { Labels = new FakeLabels("happy ending") { FilmsEach = 2 } });
        var war = Parser.Parse("a love story set in war", WithLabels with { Labels = new FakeLabels("love story") { FilmsEach = 5 } });

        Assert.Empty(intent.Labels);
        Assert.Contains("feel-good", intent.Moods);
        Assert.Empty(war.Labels);
        Assert.Contains("War", war.Genres);
    }

    [Theory]
    [InlineData("a story about a chess prodigy")]
    [InlineData("the ending")]
    public void Parse_PartOfAFilmAfterAFunctionWord_IsNoLabel(string wish)
    {
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels("story about", "the ending", "a story") });

        Assert.Empty(intent.Labels);
    }

    [Fact]
    public void Parse_NarrowWordOfABroadTopic_KeptAsALabel()
    {
        var intent = Parser.Parse("a movie about my pet", WithLabels);
        Assert.Contains("animals", intent.Keywords);
        Assert.Equal(["pet"], intent.Labels);
    }

    [Theory]
    [InlineData("something visually stunning")]
    [InlineData("a gorgeous movie")]
    [InlineData("beautiful cinematography")]
    [InlineData("una película visualmente impresionante")]
    [InlineData("ein bildgewaltiger Film")]
    public void Parse_HowAFilmLooks_IsASubjectOfItsOwn(string wish)
    {
        // "Visually stunning" found only the five films tagged so word for word, then films whose overview says "stunning".
        var intent = Parse(wish);

        Assert.Contains("stunning visuals", intent.Keywords);
        Assert.Empty(intent.Moods);
    }

    [Theory]
    [InlineData("deserted island survival")]
    [InlineData("shipwrecked and marooned")]
    [InlineData("una película de náufragos en una isla desierta")]
    public void Parse_Castaways_AreASubjectOfTheirOwn(string wish)
    {
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Contains("castaways", intent.Keywords);
    }

    [Theory]
    [InlineData("war movie about the human cost, not just explosions")]
    [InlineData("anti-war films")]
    [InlineData("the horrors of war")]
    [InlineData("ein Antikriegsfilm")]
    [InlineData("una película antibélica")]
    [InlineData("un film anti-guerre")]
    public void Parse_TheCostOfWar_IsTheAntiWarSubjectNotTheWordsHumanAndCost(string wish)
    {
        var intent = Parse(wish);

        Assert.Contains("anti-war", intent.Keywords);
        Assert.DoesNotContain("human", intent.Keywords);
        Assert.DoesNotContain("cost", intent.Keywords);
    }

    [Theory]
    [InlineData("ein spannender Krimi", "thrilling")]
    [InlineData("ein düsterer Film", "dark")]
    [InlineData("etwas Nachdenkliches", "thought-provoking")]
    [InlineData("ein bewegender Film", "tearjerker")]
    public void Parse_GermanAdjective_InAnyOfItsEndings_IsTheMood(string wish, string mood)
    {
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Contains(mood, intent.Moods);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a movie to watch with my 14 year old", 14)]
    [InlineData("family movie night with teenagers", 15)]
    [InlineData("for teens", 15)]
    public void Parse_TeenageAudience_IsTheTeenMoodNotChildrensFilms(string wish, int age)
    {
        // Teenagers are not the family mood's audience (Toy Story, The Lion King); "for teens" alone is an audience too.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Contains("teen-friendly", intent.Moods);
        Assert.DoesNotContain("family", intent.Moods);
        Assert.Equal(age, intent.MaxAge);
    }

    [Fact]
    public void Parse_ChildAudience_IsStillTheFamilyMood()
    {
        var intent = Parser.Parse("something to watch with my 8-year-old", WithLabels);
        Assert.Contains("family", intent.Moods);
        Assert.DoesNotContain("teen-friendly", intent.Moods);
        Assert.Equal(8, intent.MaxAge);
    }

    [Theory]
    [InlineData("like the matrix but not the sequels")]
    [InlineData("something like the matrix but not the matrix")]
    [InlineData("like the matrix, no sequels")]
    public void Parse_LikeAFilmButNotItsFranchise_RulesOutTheFranchise(string query)
    {
        // "Like Star Wars but not Star Wars" read "star" as a word to avoid and "wars" as a label: Casablanca and The Hurt Locker.
        var intent = Parse(query);

        Assert.Equal([2571], intent.ReferenceMovieIds);
        Assert.Equal([6365], intent.ExcludeMovieIds);
        Assert.Empty(intent.ExcludeKeywords);
        Assert.Empty(intent.Labels);
    }

    [Fact]
    public void Parse_AGenreButNotAFilm_RulesOutTheFilm()
    {
        var intent = Parse("a comedy but not toy story");

        Assert.Equal(["Comedy"], intent.Genres);
        Assert.Equal([1, 3114], intent.ExcludeMovieIds);
        Assert.Empty(intent.ReferenceMovieIds);
    }

    [Theory]
    [InlineData("something for my 4 year old daughter", 4)]
    [InlineData("my 7 year old twins want a movie", 7)]
    [InlineData("a film for my 6-year-old son", 6)]
    public void Parse_ChildsAge_NamesTheViewerNotASubject(string wish, int age)
    {
        // "daughter" once fell through as a word to search for, and the page was films about daughters (Hook, Freaky Friday).
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Equal(age, intent.MaxAge);
        Assert.Contains("family", intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("nothing with subtitles")]
    [InlineData("i don't want to read subtitles")]
    [InlineData("not foreign")]
    public void Parse_NoSubtitles_WishesForEnglish(string wish)
    {
        // "Nothing with subtitles" once read "with subtitles" alone and ruled English out: a page of Amélie and Seven Samurai.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Equal(["en"], intent.Languages);
        Assert.Empty(intent.ExcludeLanguages);
    }

    [Theory]
    [InlineData("un thriller psychologique")]
    [InlineData("un thriller psicológico")]
    [InlineData("ein psychologischer Thriller")]
    [InlineData("ein Psychothriller")]
    public void Parse_PsychologicalThriller_InFrenchSpanishGerman_IsTheKindOfThriller(string wish)
    {
        // "psychologique" read the mental-illness subject: Pulp Fiction and Inception (tagged "psychology") on the page.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Equal(["Thriller"], intent.Genres);
        Assert.Equal(["psychological thriller"], intent.Labels);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("detective movies")]
    [InlineData("a mystery with a detective")]
    [InlineData("a private eye film")]
    public void Parse_Detective_IsTheWhodunit_NotAnyCrimeFilm(string wish)
    {
        // "detective" read the Crime genre alone: The Shawshank Redemption and Fight Club for "detective movies".
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Equal(["Mystery"], intent.Genres);
        Assert.Equal(["whodunit"], intent.Keywords);
    }

    [Theory]
    [InlineData("cop movies")]
    [InlineData("a police film")]
    [InlineData("ein Film mit Polizisten")]
    public void Parse_Cops_IsThePoliceSubject_NotAnyCrimeFilm(string wish)
    {
        // "cop movies" read the Crime genre alone and opened on The Shawshank Redemption.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Empty(intent.Genres);
        Assert.Equal(["police"], intent.Keywords);
    }

    [Theory]
    [InlineData("a movie about friendship")]
    [InlineData("una película sobre la amistad")]
    [InlineData("un film sur l'amitié")]
    [InlineData("ein Film über Freundschaft")]
    public void Parse_Friendship_InAnyLanguage_IsTheSubject(string wish)
    {
        // "la amistad" was the film Amistad ("like Amistad": Schindler's List, Django Unchained), "Freundschaft" an unused word.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Equal(["friendship"], intent.Keywords);
        Assert.Empty(intent.ReferenceMovieIds);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("medieval knights")]
    [InlineData("a film set in the middle ages")]
    [InlineData("una película de caballeros medievales")]
    [InlineData("un film médiéval")]
    [InlineData("ein Ritterfilm")]
    public void Parse_TheMiddleAges_InAnyLanguage_IsTheSubject(string wish)
    {
        // "medieval knights" was searched as one loose phrase; "medievales" and "Ritterfilm" were unused words.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Equal(["medieval"], intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("ein Thriller aus Skandinavien")]
    [InlineData("un thriller de Escandinavia")]
    [InlineData("a nordic thriller")]
    public void Parse_Scandinavia_ByItsNameInAnyLanguage_IsItsCountries(string wish)
    {
        // "aus Skandinavien" was an unused word and the page the thriller canon.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Equal(["Thriller"], intent.Genres);
        Assert.Contains("SE", intent.Countries);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("una película de menos de 90 minutos", 90)]
    [InlineData("una película de menos de dos horas", 120)]
    [InlineData("un film de moins de deux heures", 120)]
    [InlineData("un film d'une heure et demie", 90)]
    [InlineData("ein Film unter 90 Minuten", 90)]
    [InlineData("ein Film unter zwei Stunden", 120)]
    public void Parse_ALongestRuntimeInSpanishFrenchOrGerman_IsTheRuntime(string wish, int maxRuntime)
    {
        // "moins de deux heures" searched "deux" and left "moins" and "heures" unused; "unter", "menos" were unused.
        var intent = Parse(wish);

        Assert.Equal(maxRuntime, intent.MaxRuntime);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("ein alter Schwarzweißfilm", 1979, "black and white")]
    [InlineData("un film en noir et blanc", null, "black and white")]
    [InlineData("una película en blanco y negro", null, "black and white")]
    [InlineData("alte Filme", 1979, null)]
    [InlineData("una película vieja", 1979, null)]
    public void Parse_OldOrBlackAndWhiteInSpanishFrenchOrGerman_IsTheEraOrTheForm(string wish, int? yearTo, string? form)
    {
        // "ein alter Schwarzweißfilm" searched "alter" (Fight Club's "alter ego") and left "Schwarzweißfilm" unused.
        var intent = Parse(wish);

        Assert.Equal(yearTo, intent.YearTo);
        Assert.Equal(form is null ? [] : [form], intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Fact]
    public void Parse_AnAlterEgo_IsNoEra_AndAChildsAgeInGermanHasItsYears()
    {
        Assert.Null(Parse("a movie about an alter ego").YearTo);
        var child = Parse("ein Film für Kinder im Alter von 8 Jahren");
        Assert.Equal(8, child.MaxAge);
        Assert.Empty(child.Unused);
    }

    [Theory]
    [InlineData("a comedy but no slapstick", "slapstick")]
    [InlineData("eine Komödie ohne Klamauk", "slapstick")]
    [InlineData("a comedy that isn't a parody", "parody")]
    public void Parse_AComedyWithoutAKindOfComedy_KeepsTheComedy(string wish, string kind)
    {
        // "slapstick" and "parody" were words of Comedy itself: ruling them out ruled out the comedy asked for.
        var intent = Parse(wish);

        Assert.Equal(["Comedy"], intent.Genres);
        Assert.Empty(intent.ExcludeGenres);
        Assert.Equal([kind], intent.ExcludeKeywords);
        Assert.Empty(intent.Unused);
    }

    [Fact]
    public void Parse_AGenreButNotAPairWithIt_KeepsTheGenreAndRulesOutTheOther()
    {
        // "a comedy but not a romantic comedy" ruled out Comedy with Romance: the page was The Shawshank Redemption.
        var intent = Parse("a comedy but not a romantic comedy");

        Assert.Equal(["Comedy"], intent.Genres);
        Assert.Equal(["Romance"], intent.ExcludeGenres);
    }

    [Theory]
    [InlineData("a movie where the dog doesn't die")]
    [InlineData("a dog movie where the dog does not die")]
    [InlineData("dog movies where the dog lives")]
    [InlineData("una película de perros donde el perro no muere")]
    public void Parse_TheDogDoesNotDie_IsADogFilm_WithoutAnAnimalsDeath(string wish)
    {
        // Read as dogs alone ("doesn't die" said nothing): Marley & Me was on the page.
        var intent = Parse(wish);

        Assert.Contains("dogs", intent.Keywords);
        Assert.Contains("animal death", intent.ExcludeKeywords);
        Assert.DoesNotContain("animal death", intent.Keywords);
    }

    [Theory]
    [InlineData("a western that isn't too old", 1980, null)]
    [InlineData("a comedy, not too modern", null, 1999)]
    [InlineData("nothing golden age", null, null)] // an era of two ends leaves two spans: none is chosen
    public void Parse_ARuledOutEra_IsTheYearsOnItsOtherSide(string wish, int? from, int? to)
    {
        // "A western that isn't too old" was any western: The Good, the Bad and the Ugly (1966) first.
        var intent = Parse(wish);

        Assert.Equal((from, to), (intent.YearFrom, intent.YearTo));
    }

    [Theory]
    [InlineData("disney live action")]
    [InlineData("a fairy tale with real actors, not animated")]
    public void Parse_LiveAction_RulesOutAnimation_AndIsNoActionFilm(string wish)
    {
        // "live action" read the Action genre and searched "live".
        var intent = Parse(wish);

        Assert.Contains("Animation", intent.ExcludeGenres);
        Assert.DoesNotContain("Action", intent.Genres);
        Assert.DoesNotContain("live", intent.Keywords);
    }

    [Theory]
    [InlineData("horror movies in order", "order")]
    [InlineData("um filme de terror", "um")]
    public void Parse_OrderAndPortugueseArticles_AreNoSubject(string wish, string word)
    {
        // "marvel movies in order" searched "order"; "um" (Portuguese "a") was searched.
        var intent = Parse(wish);

        Assert.Equal(["Horror"], intent.Genres);
        Assert.DoesNotContain(word, intent.Keywords);
        Assert.DoesNotContain(word, intent.Unused);
    }

    [Fact]
    public void Parse_AGenreNamedByItsSubject_BesideAGenre_IsAlsoTheLabel()
    {
        // "space western" read Sci-Fi and Western side by side; the films filed under the kind were not asked for.
        var intent = Parser.Parse("a space western", Context with { Labels = new FakeLabels("space western") });

        Assert.Contains("space western", intent.Labels);
    }

    [Fact]
    public void Parse_AMoodButNotAPairMadeOfIt_KeepsTheMoodsGenre()
    {
        // "a romantic movie that's not a romcom" ruled out Romance too: True Romance and Cruel Intentions opened the page.
        var intent = Parse("a romantic movie that's not a romcom");

        Assert.Contains("romantic", intent.Moods);
        Assert.Equal(["Comedy"], intent.ExcludeGenres);
    }

    [Theory]
    [InlineData("monster movies", null)]
    [InlineData("a creature feature", null)]
    [InlineData("a conspiracy thriller", "Thriller")]
    public void Parse_AKindNamedByItsSubject_KeepsTheSubject(string wish, string? genre)
    {
        // "monster movies" and "creature feature" were Horror alone (The Silence of the Lambs, Psycho), "conspiracy
        // thriller" Thriller alone (Fight Club, Pulp Fiction): the subject that names the kind was never read.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Single(intent.Keywords);
        Assert.Equal(genre is null ? [] : [genre], intent.Genres);
    }

    [Theory]
    [InlineData("a nature documentary")]
    [InlineData("nature documentaries")]
    public void Parse_ANatureDocumentary_IsADocumentaryAboutNature(string wish)
    {
        // "nature documentary" was a phrase of the documentary genre alone: Hoop Dreams and Crumb led the page.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Equal(["Documentary"], intent.Genres);
        Assert.Equal(["nature"], intent.Keywords);
    }

    [Fact]
    public void Parse_WhatAFilmsHeroLearnsToDo_IsNotASubject()
    {
        // "a robot that learns to love" searched "learns" as a word of the films' text.
        var intent = Parser.Parse("a movie about a robot that learns to love", WithLabels);
        Assert.Equal(["robots"], intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a movie to watch with my best friend")]
    [InlineData("algo para ver con mi mejor amiga")]
    public void Parse_WatchingWithAFriend_IsWhoWatches_NotASubject(string wish)
    {
        // "with my best friend" read the label "best friend": Monsters, Inc. and Mean Girls, about best friends.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Moods);
    }

    [Theory]
    [InlineData("beauty and the beast")]
    [InlineData("Beauty and the Beast!")]
    [InlineData("how to train your dragon")]
    public void Parse_AWishThatIsATitleWithSmallWords_IsThatFilm(string wish)
    {
        // The small words are fillers, so no run of leftover words spelt the title: "beauty" and "beast" became labels.
        var titles = new FakeTitles((595, "Beauty and the Beast", 146), (76093, "How to Train Your Dragon", 53));
        var intent = Parser.Parse(wish, WithLabels with { Titles = titles, Labels = new FakeLabels("beauty", "beast", "train", "dragon") });
        Assert.Single(intent.ReferenceMovieIds);
        Assert.Empty(intent.Labels);
    }

    [Fact]
    public void Parse_ATitleInsideAWishOrRuledOut_IsNotTheFilm()
    {
        var titles = new FakeTitles((595, "Beauty and the Beast", 146));
        var context = WithLabels with { Titles = titles, Labels = new FakeLabels("beauty", "beast") };
        Assert.Empty(Parser.Parse("not beauty and the beast", context).ReferenceMovieIds);
        Assert.Empty(Parser.Parse("a scary beauty and the beast", context).ReferenceMovieIds);
    }

    [Theory]
    [InlineData("quelque chose de drôle et léger")]
    [InlineData("algo ligero")]
    [InlineData("etwas Leichtes")]
    public void Parse_Light_InFrenchSpanishGerman_IsAnEasyWatch(string wish)
    {
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Contains("chill", intent.Moods);
        Assert.Empty(intent.Unused);
    }

    [Fact]
    public void Parse_Dragons_AreDragons_NotAnyFantasy()
    {
        // "something with dragons" read the Fantasy genre alone: The Princess Bride, Toy Story and Groundhog Day.
        var intent = Parser.Parse("something with dragons", WithLabels with { Labels = new FakeLabels("dragons") });
        Assert.Empty(intent.Genres);
        Assert.Equal(["dragons"], intent.Labels);
    }

    [Theory]
    [InlineData("a romantic drama")]
    [InlineData("un drame romantique")]
    [InlineData("ein Liebesdrama")]
    public void Parse_RomanticDrama_IsBothGenres_NotTheLabelOfAFewFilms(string wish)
    {
        // As a label, "romantic drama" opened on The Longest Ride (one 1.8★ rating) and The Vow, before Casablanca.
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels("romantic drama", "romantic comedy") });
        Assert.Equal(["Romance", "Drama"], intent.Genres);
        Assert.Empty(intent.Labels);
        Assert.Equal(["romantic comedy"], Parser.Parse("a romantic comedy", WithLabels with { Labels = new FakeLabels("romantic drama", "romantic comedy") }).Labels);
    }

    [Theory]
    [InlineData("a movie for a plane ride")]
    [InlineData("movies that will make me laugh out loud")]
    public void Parse_WhenAndHowItIsWatched_NamesNoSubject(string wish)
    {
        // "plane ride" read the label "plane" (Snakes on a Plane) and the keyword "ride"; "out loud" was a keyword.
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels("plane") });
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("un documental sobre la naturaleza", "nature")]
    [InlineData("a documentary about wildlife", "nature")]
    [InlineData("eine Doku über Tiere", "animals")]
    public void Parse_NatureAndAnimalDocumentaries_InAnyLanguage_AreTheirSubject(string wish, string subject)
    {
        // "naturaleza" was an unused word and "Tiere" a keyword no film has: any documentary (Hoop Dreams) came first.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Equal(["Documentary"], intent.Genres);
        Assert.Equal([subject], intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("películas sobre viajes en el tiempo", "time travel")]
    [InlineData("un film de voyage dans le temps", "time travel")]
    [InlineData("Zeitreisefilme", "time travel")]
    [InlineData("Filme über Haie", "sharks")]
    [InlineData("películas de piratas", "pirates")]
    [InlineData("un film de casse", "heist")]
    [InlineData("películas de boxeo", "boxing")]
    [InlineData("una película de fantasmas", "ghosts")]
    [InlineData("un film de loups garous", "werewolves")]
    [InlineData("películas de espías", "spies")]
    [InlineData("un film avec des extraterrestres", "aliens")]
    [InlineData("Weihnachtsfilme", "christmas")]
    [InlineData("películas de dinosaurios", "dinosaurs")]
    [InlineData("películas de asesinos en serie", "serial killers")]
    [InlineData("una película de venganza", "revenge")]
    [InlineData("películas de alpinismo", "mountain climbing")]
    [InlineData("Filme über Bergsteiger", "mountain climbing")]
    public void Parse_ASubjectInSpanishFrenchOrGerman_IsThatSubject(string wish, string subject)
    {
        // Each of these was an unused word or a word searched as it is ("tiempo"): the page was the canon.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Equal([subject], intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("mountaineering films")]
    [InlineData("a rock climbing movie")]
    public void Parse_Mountaineering_IsMountainClimbing(string wish)
    {
        // Vertical Limit is keyworded "mountaineering" and 127 Hours "rock climbing": the label "mountain climbing" alone
        // found Frozen and Holes, and lent their neighbours (Aladdin, Tangled).
        Assert.Contains("mountain climbing", Parser.Parse(wish, WithLabels).Keywords);
    }

    [Fact]
    public void Parse_SpaceFilmsInGerman_AreSpaceFilms()
    {
        var intent = Parser.Parse("Weltraumfilme", WithLabels);
        Assert.Contains("Sci-Fi", intent.Genres);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a movie set in the 1920s", "1920s")]
    [InlineData("something set in the 60s", "1960s")]
    [InlineData("a film that takes place in the eighties", "1980s")]
    [InlineData("a war movie set during the 1940s", "1940s")]
    public void Parse_SetInADecade_IsTheYearsItShows_NotWhenItWasMade(string wish, string decade)
    {
        // "set in the 1920s" read release years: Metropolis and The General, not The Great Gatsby or Chicago.
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels("1920s", "1940s", "1960s", "1980s") });
        Assert.Equal([decade], intent.Labels);
        Assert.Null(intent.YearFrom);
        Assert.Null(intent.YearTo);
    }

    [Fact]
    public void Parse_FromADecade_OrSetInOneNoFilmIsFiledUnder_IsReleaseYears()
    {
        var labels = WithLabels with { Labels = new FakeLabels("1980s") };
        Assert.Equal((1920, 1929), (Parser.Parse("a movie from the 1920s", labels).YearFrom, Parser.Parse("a movie from the 1920s", labels).YearTo));
        Assert.Equal(1920, Parser.Parse("a movie set in the 1920s", labels).YearFrom);
        Assert.Empty(Parser.Parse("movies from the 80s", labels).Labels);
    }

    [Theory]
    [InlineData("ein Film für Kinder ab 6", 6)]
    [InlineData("un film pour enfants à partir de 8 ans", 8)]
    [InlineData("una película para niños a partir de 10 años", 10)]
    [InlineData("movies for ages 8 and up", 8)]
    public void Parse_AnAgeAfterItsOpener_IsTheYoungestViewer(string wish, int age)
    {
        // "Kinder ab 6" read the studio "AB" and an assumed age of 10; "ages 8 and up" searched "up".
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Equal(age, intent.MaxAge);
        Assert.Empty(intent.Companies);
        Assert.Empty(intent.Keywords);
    }

    [Fact]
    public void Parse_APersonsName_IsTheirCredits_NotAlsoATagOfTheirName()
    {
        // MovieLens tags "tom hanks" on some of his films: as a label it ranked those over films that credit both people.
        var intent = Parser.Parse("tom hanks movies", WithLabels with { Names = new FakeNames("tom hanks", "Tom Hanks"), Labels = new FakeLabels("tom hanks") });
        Assert.Equal(["Tom Hanks"], intent.People);
        Assert.Empty(intent.Labels);
    }

    [Fact]
    public void Parse_AStudiosName_IsItsCredits_NotAlsoATagOfItsName()
    {
        // Two of Ghibli's films carry the label "studio ghibli": as a second facet it made them its only true matches.
        var names = new FakeNames("studio ghibli", "Studio Ghibli") { Kind = NamedEntityKind.Company };
        var intent = Parser.Parse("studio ghibli", WithLabels with { Names = names, Labels = new FakeLabels("studio ghibli") });
        Assert.Equal(["Studio Ghibli"], intent.Companies);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("a movie with a killer soundtrack")]
    [InlineData("a thriller with a killer twist")]
    [InlineData("sick soundtrack")]
    public void Parse_PraiseBeforeAPartOfAFilm_IsAcclaim_NotItsOtherMeaning(string wish)
    {
        // Seven of the ten films for "a killer soundtrack" were about serial killers.
        var intent = Parser.Parse(wish, Context);

        Assert.Contains(IntentBuilder.AcclaimedMood, intent.Moods);
        Assert.DoesNotContain("serial killers", intent.Keywords);
        Assert.DoesNotContain("killer", intent.Keywords);
        Assert.DoesNotContain("sick", intent.Keywords);
    }

    [Theory]
    [InlineData("worst movies ever")]
    [InlineData("so bad it's good")]
    [InlineData("so bad that's good")]
    [InlineData("lowest rated horror movies")]
    [InlineData("las peores películas")]
    [InlineData("the worst action movie")] // "worst" apart from "movie" was searched (Avengers: Infinity War opened "the worst marvel movie")
    [InlineData("worst horror movies")]
    public void Parse_AWishForTheWorst_IsTheSoBadItsGoodMood_NotASearchForItsWords(string wish)
    {
        var intent = Parser.Parse(wish, Context);

        Assert.Contains("so-bad-its-good", intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Fact]
    public void Parse_TwoMoods_TheOneDoesNotRuleOutWhatTheOtherIsMadeOf()
    {
        // Date night rules out Horror: "a scary movie for date night" had no horror film, and opened on Amélie.
        var intent = Parse("a scary movie for date night");

        Assert.Equal(["date-night", "scary"], intent.Moods.Order());
        Assert.DoesNotContain("Horror", intent.ExcludeGenres);
        Assert.Contains("Horror", Parse("a movie for date night").ExcludeGenres);
    }

    [Theory]
    [InlineData("a movie everyone loves")]
    [InlineData("palme d'or winners")]
    [InlineData("cannes winners")]
    [InlineData("a sequel better than the original")] // "original" read the quirky mood, "better" was searched
    public void Parse_AFilmLovedOrAwarded_IsAcclaimed_NotASearchForItsWords(string wish)
    {
        // "everyone", "palme" and "winners" were searched: Carnal Knowledge opened "a movie everyone loves".
        var intent = Parser.Parse(wish, Context);

        Assert.Contains("acclaimed", intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Fact]
    public void Parse_AnEraWordInsideALabel_IsTheLabel_NotTheYears()
    {
        // "old" read as films before 1980: Monty Python and the Holy Grail and The Graduate for an old man's story.
        var intent = Parser.Parse("a heartwarming movie about an old man", WithLabels with { Labels = new FakeLabels("old man") });

        Assert.Equal(["old man"], intent.Labels);
        Assert.Null(intent.YearTo);
        Assert.Equal(1979, Parser.Parse("old horror movies", WithLabels with { Labels = new FakeLabels("old man") }).YearTo);
    }

    [Fact]
    public void Parse_WhoFindsSomething_SearchesNoFinds()
    {
        // "finds" was searched: Aliens before E.T. for "a kid who finds an alien".
        var intent = Parser.Parse("a movie about a kid who finds an alien", Context with { Lexicon = new FakeLexicon("finds", "alien") });
        Assert.DoesNotContain("finds", intent.Keywords);
    }

    [Fact]
    public void Parse_AKillerOnItsOwn_IsStillAKiller()
    {
        Assert.Contains("serial killers", Parser.Parse("a movie about a killer", Context).Keywords);
    }

    [Fact]
    public void Parse_Robbery_IsNoHeist()
    {
        // Heist evidence from any "robbery" put A Clockwork Orange and American Graffiti first for "heist movies from the 70s".
        Assert.DoesNotContain("heist", Parser.Parse("films about a robbery", WithLabels).Keywords);
        Assert.Equal(["heist"], Parser.Parse("películas de atracos", WithLabels).Keywords);
    }

    [Fact]
    public void Parse_FrenchNewWave_IsTheMovementsYearsInFrench_NotFilmsAboutWaves()
    {
        // "wave" as a label found Riding Giants and San Andreas.
        var intent = Parser.Parse("french new wave", WithLabels);
        Assert.Equal((1958, 1972), (intent.YearFrom, intent.YearTo));
        Assert.Contains("fr", intent.Languages);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("a movie with a mexican standoff", "mexican standoff")]
    [InlineData("russian roulette", "russian roulette")]
    public void Parse_ANationalityInsideASubjectsName_IsTheSubject_NotFilmsOfThatPlace(string query, string label)
    {
        // "a film about the french revolution" read French films: Wild Reeds and The 400 Blows after Marie Antoinette.
        var intent = Parser.Parse(query, WithLabels with { Labels = new FakeLabels(label, "british comedy") });
        Assert.Equal([label], intent.Labels);
        Assert.Empty(intent.Languages);
        Assert.Empty(intent.Countries);
    }

    [Fact]
    public void Parse_ANationalityInsideALabelThatNamesAKind_KeepsThePlace()
    {
        var intent = Parser.Parse("a british comedy", WithLabels with { Labels = new FakeLabels("british comedy") });
        Assert.Contains("GB", intent.Countries);
        Assert.Contains("Comedy", intent.Genres);
    }

    [Fact]
    public void Parse_GermanExpressionism_IsTheMovementsYearsInGerman()
    {
        var intent = Parser.Parse("german expressionism", WithLabels with { Labels = new FakeLabels("german expressionism") });
        Assert.Equal((1919, 1933), (intent.YearFrom, intent.YearTo));
        Assert.Contains("de", intent.Languages);
    }

    [Fact]
    public void Parse_AFilmToFallAsleepTo_IsCozy_NotFilmsAboutSleep()
    {
        // "fall asleep" as words found A Nightmare on Elm Street and The Slumber Party Massacre.
        var intent = Parser.Parse("a good movie to fall asleep to", WithLabels);
        Assert.Contains("cozy", intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("a movie with a strong female lead")]
    [InlineData("female led action")]
    [InlineData("una película con una mujer fuerte")]
    public void Parse_StrongFemaleLead_IsOneSubject_NotThreeWords(string wish)
    {
        // "strong", "female" and "lead" as words found Bullets Over Broadway and Barbarella.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Contains("strong female lead", intent.Keywords);
        Assert.DoesNotContain("strong", intent.Keywords);
        Assert.DoesNotContain("lead", intent.Keywords);
    }

    [Fact]
    public void Parse_DogMovie_IsAboutDogsNotAnyAnimal()
    {
        var intent = Parser.Parse("heartwarming dog movie", WithLabels);
        Assert.Contains("dogs", intent.Keywords);
        Assert.DoesNotContain("animals", intent.Keywords);
        Assert.Contains("heartwarming", intent.Moods);
    }

    [Fact]
    public void Parse_Heartwarming_IsAMoodOfItsOwn_ThatWelcomesDramas()
    {
        // Read as feel-good, a comedy mood, "heartwarming" fitted Hachiko (a drama) at half of Best in Show, and "a
        // heartwarming sports drama" went on with Sideways and Inside Out before Remember the Titans.
        var intent = Parser.Parse("a heartwarming sports drama", WithLabels);
        var mood = IntentVocabulary.Default.FindMood("heartwarming");

        Assert.Equal(["heartwarming"], intent.Moods);
        Assert.NotNull(mood);
        Assert.True(mood.GenreWeights.GetValueOrDefault("Drama") >= 0.7);
        Assert.DoesNotContain("heartwarming", IntentVocabulary.Default.FindMood("feel-good")!.Phrases);
    }

    [Theory]
    [InlineData("silent films")]
    [InlineData("películas mudas")]
    [InlineData("a stummfilm")]
    public void Parse_SilentFilms_IsAFormNotAYearLimit(string wish)
    {
        // Modern Times (1936) is a silent film: a year limit would leave it out; the topic ranks the era and the labelled.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Contains("silent film", intent.Keywords);
        Assert.Null(intent.YearTo);
    }

    [Fact]
    public void Parse_WitchesAndMagicSchool_TwoSubjectsNotJustTheFantasyGenre()
    {
        // "Witches" once read as the Fantasy genre, so every fantasy film fitted half the wish.
        var intent = Parser.Parse("witches and magic school", WithLabels);
        Assert.Equal(["witches", "magic school"], intent.Keywords);
        Assert.Empty(intent.Genres);
    }

    [Theory]
    [InlineData("prison break movies")]
    [InlineData("a jailbreak film")]
    [InlineData("escape from prison")]
    public void Parse_PrisonBreak_IsTheEscapeNotAnyPrisonFilm(string wish)
    {
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Equal(["prison escape"], intent.Keywords);
    }

    [Theory]
    [InlineData("kung fu movies", "martial arts")]
    [InlineData("a karate film", "martial arts")]
    [InlineData("mockumentary", "mockumentary")]
    public void Parse_FormsAndFightingStyles_AreTopicsNotTheirBroadGenre(string wish, string topic)
    {
        // "Kung fu" once read as the Action genre, and "mockumentary" as Comedy: any action film or comedy fitted.
        var intent = Parser.Parse(wish, WithLabels);
        Assert.Equal([topic], intent.Keywords);
        Assert.Empty(intent.Genres);
    }

    [Fact]
    public void Parse_SetIn_IsNoKeyword()
    {
        var intent = Parser.Parse("a war movie set in vietnam", WithLabels);
        Assert.DoesNotContain("set", intent.Keywords);
        Assert.Contains("War", intent.Genres);
    }

    [Theory]
    [InlineData("películas de ciencia ficción de los 80")]
    [InlineData("ciencia ficción de los años 80")]
    [InlineData("science-fiction des années 80")]
    [InlineData("Science-Fiction der 80er Jahre")]
    [InlineData("Science-Fiction der Achtziger")]
    public void Parse_DecadeInSpanishFrenchGerman_IsTheEighties(string wish)
    {
        var intent = Parser.Parse(wish, Context);
        Assert.Equal((1980, 1989), (intent.YearFrom, intent.YearTo));
        Assert.Contains("Sci-Fi", intent.Genres);
        Assert.Empty(intent.Unused);
    }

    [Fact]
    public void Parse_LosTenBest_KeepsTheNumberNotADecade()
    {
        Assert.Null(Parser.Parse("los 10 mejores dramas", Context).YearFrom);
    }

    [Theory]
    [InlineData("un film d'horreur pas trop gore")]
    [InlineData("ein Horrorfilm, nicht zu gory")]
    [InlineData("una película de terror no muy gore")]
    public void Parse_NotTooGoryInFrenchGermanSpanish_RulesGoreOut(string wish)
    {
        var intent = Parser.Parse(wish, Context);
        Assert.DoesNotContain("gory", intent.Moods);
        Assert.Contains("gory", intent.ExcludeKeywords);
        Assert.Contains("Horror", intent.Genres);
    }

    [Theory]
    [InlineData("quelque chose comme Heat")]
    [InlineData("algo como Heat")]
    [InlineData("etwas wie Heat")]
    public void Parse_LikeInFrenchSpanishGerman_IsAReference(string wish)
    {
        Assert.Equal([6], Parser.Parse(wish, Context).ReferenceMovieIds);
    }

    [Theory]
    [InlineData("Filme über den Zweiten Weltkrieg", "world war ii")]
    [InlineData("películas de la segunda guerra mundial", "world war ii")]
    [InlineData("ww1 movies", "world war i")]
    public void Parse_WorldWars_AreTopicsInEveryLanguage(string wish, string topic)
    {
        var intent = Parser.Parse(wish, Context);
        Assert.Equal([topic], intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("quelque chose de drôle")]
    [InlineData("algo divertido")]
    [InlineData("etwas Lustiges")]
    public void Parse_FunnyInSpanishFrenchOrGerman_IsTheFunnyMood_AsInEnglish(string wish)
    {
        // "drôle" read the Comedy genre alone, and the page opened on Pulp Fiction and Forrest Gump, where "something
        // funny" gives Airplane! and Office Space.
        var intent = Parse(wish);
        Assert.Equal(Parse("something funny").Moods, intent.Moods);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("ein Film zum Nachdenken")]
    [InlineData("una película que te haga pensar")]
    [InlineData("un film qui fait réfléchir")]
    public void Parse_AFilmThatMakesYouThink_InSpanishFrenchOrGerman_IsThoughtProvoking(string wish)
    {
        // "zum Nachdenken" was two unused words and the page was the canon.
        var intent = Parse(wish);
        Assert.Contains("thought-provoking", intent.Moods);
        Assert.Empty(intent.Unused);
        Assert.Empty(intent.Keywords);
    }

    private static readonly IntentParseContext WithTitles = Context with
    {
        Titles = new FakeTitles((1214, "Alien", 146), (1387, "Jaws", 91), (4973, "Amélie", 120), (109374, "The Grand Budapest Hotel", 52),
            (2571, "The Matrix", 278), (79132, "Inception", 143), (858, "The Godfather", 192)),
    };

    [Theory]
    [InlineData("alien meets jaws", new[] { 1214, 1387 })]
    [InlineData("something between amelie and the grand budapest hotel", new[] { 4973, 109374 })]
    [InlineData("a cross between the matrix and inception", new[] { 2571, 79132 })]
    public void Parse_TwoTitlesMet_AreBothReferences(string wish, int[] references)
    {
        // "alien meets jaws" searched "aliens", "meets" and "jaws"; "something between" searched "amelie".
        var intent = Parser.Parse(wish, WithTitles);
        Assert.Equal(references, intent.ReferenceMovieIds);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Fact]
    public void Parse_ATitleAndThenBut_IsLikeThatTitle()
    {
        // "the godfather but funny" searched "godfather": the page was any comedy, Life As We Know It second.
        var intent = Parser.Parse("the godfather but funny", WithTitles);
        Assert.Equal([858], intent.ReferenceMovieIds);
        Assert.Contains("funny", intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("top 10 horror movies of all time")]
    [InlineData("the funniest movie ever made")]
    public void Parse_TopTenOfAllTime_IsAcclaimed_NotTheWordTop(string wish)
    {
        // "top" was searched: Evil Dead II for its "over the top".
        var intent = Parse(wish);
        Assert.Contains("acclaimed", intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("I loved Inception, what should I watch next?")]
    [InlineData("something short I can finish before bed")]
    public void Parse_WhatToWatchNext_AndFinishing_AreNoSubject(string wish)
    {
        // "next" and "finish" were searched in the films' text.
        var intent = Parser.Parse(wish, WithTitles);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a movie with a plot twist I won't see coming")]
    [InlineData("a twist ending you never see coming")]
    public void Parse_ATwistNobodySeesComing_RulesNothingOut(string wish)
    {
        // "won't see coming" ruled out the word "coming".
        var intent = Parse(wish);
        Assert.Empty(intent.ExcludeKeywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a movie about a kid who wants to be a dancer")]
    [InlineData("a film about kids on a treasure hunt")]
    public void Parse_AKidTheStoryIsAbout_IsNoAudience(string wish)
    {
        // "about a kid" read a child's audience and the family mood: The Lion King and Aladdin for a dancer's story.
        var intent = Parse(wish);
        Assert.Null(intent.MaxAge);
        Assert.DoesNotContain("family", intent.Moods);
    }

    [Theory]
    [InlineData("a movie about making a movie", "filmmaking")]
    [InlineData("a movie about hollywood", "filmmaking")]
    [InlineData("a movie about starting over", "fresh start")]
    [InlineData("enemies to lovers", "enemies to lovers")]
    [InlineData("a romcom where they hate each other at first", "enemies to lovers")]
    [InlineData("friends to lovers", "friends to lovers")]
    [InlineData("a movie that will make me angry about injustice", "injustice")]
    [InlineData("a movie about an innocent man in prison", "injustice")]
    public void Parse_AStoryPeopleNameByItsShape_IsATopic(string wish, string topic)
    {
        // Each read nothing ("making a movie", "starting over": the favourites), a word of it ("enemies", "lovers": The
        // Bourne Identity; "angry": The Angry Birds Movie) or a country ("hollywood": American films).
        var intent = Parse(wish);
        Assert.Contains(topic, intent.Keywords);
        Assert.Empty(intent.Countries);
    }

    [Theory]
    [InlineData("a movie about people being kind", "heartwarming")]
    [InlineData("an action movie with a brain", "thought-provoking")]
    public void Parse_AToneNamedInEverydayWords_IsItsMood(string wish, string mood)
    {
        // "being kind" read nothing, and "with a brain" the label "brain" (Lucy first).
        var intent = Parse(wish);
        Assert.Contains(mood, intent.Moods);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("something my 70 year old mom would enjoy", "cozy")]
    [InlineData("a movie for my 80 year old grandpa", "cozy")]
    [InlineData("a film for a 30-year-old", null)]
    public void Parse_AGrownUpsAge_IsWhoWatchesNotAYear(string wish, string? mood)
    {
        // "old" after the age read films before 1980, and "mom" was searched as a subject.
        var intent = Parse(wish);
        Assert.Null(intent.YearTo);
        Assert.Null(intent.MaxAge);
        Assert.Empty(intent.Keywords);
        Assert.Equal(mood is null ? [] : [mood], intent.Moods);
    }

    [Theory]
    [InlineData("a creepy kids movie")]
    [InlineData("a creepy movie for children")]
    public void Parse_AScaryChildrensFilm_IsAChildsScare(string wish)
    {
        // The scary mood's genres are none a children's film has: the page was Toy Story, The Lion King and WALL·E.
        var intent = Parse(wish);
        Assert.Equal(["Children"], intent.Genres);
        Assert.DoesNotContain("scary", intent.Moods);
        Assert.Contains("spooky", intent.Keywords);
    }

    [Theory]
    [InlineData("🇰🇷 thriller", "KR")]
    [InlineData("❤️ + 🇫🇷", "FR")]
    [InlineData("something 🇯🇵", "JP")]
    public void Parse_AFlag_IsItsCountrysFilms(string wish, string country)
    {
        // A flag was read as nothing: "🇰🇷 thriller" was every thriller (Fight Club first).
        Assert.Contains(country, Parse(wish).Countries);
    }

    [Fact]
    public void Parse_APumpkin_IsHalloweenNotHorror()
    {
        // 🎃 was the horror genre: "🎃 for kids" put Perfect Blue on a children's page.
        var intent = Parse("🎃 for kids");
        Assert.Contains("halloween", intent.Keywords);
        Assert.DoesNotContain("Horror", intent.Genres);
    }

    [Fact]
    public void Parse_MindBenders_IsTheMindBendingMood()
    {
        // "benders" read a studio's name and "mind" a keyword.
        var intent = Parse("nolan mind benders");
        Assert.Contains("mind-bending", intent.Moods);
        Assert.Empty(intent.Companies);
        Assert.Empty(intent.Keywords);
    }

    [Fact]
    public void Parse_EverydayWordsForAMoodAndAnEra_AreThem()
    {
        // "won't depress me" ruled out the word "depress"; "with a hangover" was the film The Hangover; "pre-code" was a
        // label three unrelated films carry (The Matrix Reloaded second).
        Assert.Contains("dark", Parse("a drama that won't depress me").ExcludeKeywords);
        Assert.Equal(["chill"], Parse("a movie to watch with a hangover").Moods);
        var preCode = Parse("pre-code comedies");
        Assert.Equal((1929, 1934), (preCode.YearFrom, preCode.YearTo));
        Assert.Empty(preCode.Labels);
    }

    [Theory]
    [InlineData("a movie about a lost child")]
    [InlineData("a movie about a missing child")]
    [InlineData("a story about a lonely kid")]
    [InlineData("a movie about a child")]
    public void Parse_AChildTheStoryIsAbout_WithAWordBefore_IsNoAudience(string wish)
    {
        // "about a lost child" read a child's audience: The Goonies and The Brave Little Toaster; "a missing child" was
        // Finding Nemo, Toy Story and The Lion King.
        var intent = Parse(wish);
        Assert.Null(intent.MaxAge);
        Assert.DoesNotContain("family", intent.Moods);
    }

    [Fact]
    public void Parse_APlaneCrash_IsThatSubject()
    {
        // "plane" was the plane topic and "crash" a label of its own (Inception and Bad Boys on the page).
        var intent = Parse("a movie about a plane crash");
        Assert.Equal(["plane crash"], intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Fact]
    public void Parse_AScrewballComedy_IsThatKindOfComedy()
    {
        // "screwball" was only a name for comedy, so the page was every comedy: Pulp Fiction, Forrest Gump.
        var intent = Parse("a screwball comedy");
        Assert.Equal(["Comedy"], intent.Genres);
        Assert.Contains("screwball", intent.Keywords.Concat(intent.Labels));
    }

    [Theory]
    [InlineData("a comedy that isn't crude")]
    [InlineData("a comedy without toilet humor")]
    [InlineData("a funny movie but not raunchy")]
    public void Parse_NoCrudeHumor_RulesItOutAndKeepsToTeenCertificates(string wish)
    {
        // "crude" was a word to rule out that almost no film carries, so Pulp Fiction opened the page.
        var intent = Parse(wish);
        Assert.Contains("crude humor", intent.ExcludeKeywords);
        Assert.Equal(13, intent.MaxAge);
    }

    [Fact]
    public void Parse_APhraseAfterAnArticle_OutweighsOneThatBeginsWithIt()
    {
        // "a laugh" and "the south" are phrases of their own: "a laugh out loud comedy" searched "out loud", "the south
        // korean thriller" searched the American South, and "a classic hollywood musical" read "a classic" and then
        // "hollywood" as American films of any year.
        var laugh = Parse("a laugh out loud comedy");
        Assert.Contains("funny", laugh.Moods);
        Assert.Empty(laugh.Keywords);

        var korean = Parse("the south korean thriller");
        Assert.Contains("ko", korean.Languages);
        Assert.Empty(korean.Keywords);

        var hollywood = Parse("a classic hollywood musical");
        Assert.Equal(1963, hollywood.YearTo);
        Assert.DoesNotContain("classic", hollywood.Moods);
    }

    [Theory]
    [InlineData("the south korean thriller everyone talks about")]
    [InlineData("a horror movie everyone is talking about")]
    public void Parse_AFilmEveryoneTalksAbout_IsAcclaimed(string wish)
    {
        var intent = Parse(wish);
        Assert.Contains("acclaimed", intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("a film about a grandmother", "cozy")]
    [InlineData("a movie about my grandpa", "cozy")]
    [InlineData("a film about a couple stranded at sea", "date-night")]
    [InlineData("movies about couples", "date-night")]
    public void Parse_AGrownUpTheStoryIsAbout_IsNoViewersMood(string wish, string viewersMood)
    {
        // "grandmother" and "couple" also say who watches (the cozy and date-night moods): "a film about a grandmother"
        // was Amélie and Toy Story, and the couple stranded at sea opened on The Little Mermaid.
        var intent = Parse(wish);

        Assert.DoesNotContain(viewersMood, intent.Moods);
        Assert.Empty(intent.ExcludeGenres);
    }

    [Theory]
    [InlineData("a movie for my grandma", "cozy")]
    [InlineData("a movie to watch with my grandparents", "cozy")]
    [InlineData("a movie for a couple", "date-night")]
    public void Parse_AGrownUpWhoWatches_KeepsTheViewersMood(string wish, string viewersMood) =>
        Assert.Contains(viewersMood, Parse(wish).Moods);

    [Fact]
    public void Parse_AFamilyTheStoryIsAbout_IsNoAudience()
    {
        // "a dysfunctional family at christmas" read the family mood: It's a Wonderful Life and Home Alone.
        var intent = Parser.Parse("a movie about a dysfunctional family at christmas", WithLabels with { Labels = new FakeLabels("dysfunctional family") });
        Assert.Equal(["dysfunctional family"], intent.Labels);
        Assert.DoesNotContain("family", intent.Moods);
        Assert.Null(intent.MaxAge);
    }

    [Theory]
    [InlineData("a story about an immigrant family")]
    [InlineData("a movie about a farming family")]
    public void Parse_AFamilyNamedAfterWordsOfItsOwn_IsTheStorys_NoAudience(string wish)
    {
        // The family after "about an immigrant" read as the children's mood and its age limit: Spanglish and Coming to America
        // under "for the kids".
        var intent = Parse(wish);

        Assert.Empty(intent.Moods);
        Assert.Null(intent.MaxAge);
        Assert.Empty(intent.ExcludeGenres);
    }

    [Fact]
    public void Parse_AMovieForAKid_IsStillTheAudience()
    {
        var intent = Parse("a movie for a kid");
        Assert.Contains("family", intent.Moods);
    }

    [Theory]
    [InlineData("movies about artificial intelligence taking over")]
    [InlineData("a serial killer movie from the killer's point of view")]
    public void Parse_TakingOverAndPointOfView_AreNoWordsToSearch(string wish)
    {
        var intent = Parse(wish);
        Assert.DoesNotContain(intent.Keywords, k => k is "taking" or "point");
    }

    [Theory]
    [InlineData("a love story between two men")]
    [InlineData("lgbt movies")]
    [InlineData("una película de lesbianas")]
    [InlineData("ein schwuler Liebesfilm")]
    public void Parse_GayAndLesbianStories_AreOneSubject_InAnyLanguage(string wish)
    {
        // "between two men" searched "two men" (Talk to Her, Brooklyn); "lesbianas" was an unused word.
        var intent = Parse(wish);
        Assert.Contains("lgbt", intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("an adventure in the jungle", "jungle")]
    [InlineData("a war movie in the jungle", "jungle")]
    public void Parse_TheJungle_IsASubject_NotOnlyAdventure(string wish, string subject)
    {
        // "jungle" was a word of the Adventure genre: "an adventure in the jungle" was any adventure (Star Wars first).
        var intent = Parse(wish);
        Assert.Contains(subject, intent.Keywords);
    }

    [Theory]
    [InlineData("a movie to watch high", "mind-bending")]
    [InlineData("a rewatchable classic", "classic")]
    public void Parse_HowTheFilmIsWatched_IsAMood_NotAWord(string wish, string mood)
    {
        // "high" was searched (High Noon, films about high school); "rewatchable" was an unused word.
        var intent = Parse(wish);
        Assert.Contains(mood, intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("like the matrix but less confusing")]
    [InlineData("un film comme the matrix mais moins compliqué")]
    [InlineData("una película como the matrix pero menos complicada")]
    [InlineData("so etwas wie the matrix, aber weniger kompliziert")]
    public void Parse_LessComplicated_InAnyLanguage_RulesOutTheMindBending(string wish)
    {
        // "moins compliqué" was two unused words.
        var intent = Parse(wish);
        Assert.Equal([2571], intent.ReferenceMovieIds);
        Assert.Contains("mind-bending", intent.ExcludeKeywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a movie my dad would like", "cozy")]
    [InlineData("something for my mom", "cozy")]
    [InlineData("something to watch while cooking", "chill")]
    public void Parse_WhoWatchesAndHow_IsAMood_NotASubject(string wish, string mood)
    {
        // "dad" was searched (Dad's Army, one rating of 2★), "cooking" a subject (Ravenous, a film about cannibals).
        var intent = Parse(wish);
        Assert.Contains(mood, intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("a cult classic")]
    [InlineData("cult movies from the 80s")]
    [InlineData("un film culte")]
    [InlineData("ein Kultfilm")]
    public void Parse_ACultFilm_IsTheCultClassicMood_NotQuirky(string wish)
    {
        // "cult classic" read quirky, whose genres made the page Comedy's canon (Life Is Beautiful, Toy Story 2).
        var intent = Parse(wish);
        Assert.Contains("cult-classic", intent.Moods);
        Assert.DoesNotContain("quirky", intent.Moods);
    }

    [Fact]
    public void Parse_AMovieAboutACult_IsNoCultClassic()
    {
        var intent = Parse("a movie about a cult");
        Assert.DoesNotContain("cult-classic", intent.Moods);
        Assert.DoesNotContain("quirky", intent.Moods);
    }

    [Theory]
    [InlineData("early scorsese", 1973, 1980)]
    [InlineData("young scorsese", 1973, 1980)]
    [InlineData("late scorsese", 1990, 2013)]
    [InlineData("later scorsese movies", 1990, 2013)]
    [InlineData("late career scorsese", 1990, 2013)]
    [InlineData("scorsese early in his career", 1973, 1980)]
    [InlineData("early 90s scorsese", 1990, 1993)]
    public void Parse_EarlyOrLateBeforeAPerson_IsThatPartOfTheirFilms(string wish, int from, int to)
    {
        // "early scorsese" gave GoodFellas and The Departed first: "early" was dropped.
        var names = new FakeNames("scorsese", "Martin Scorsese", 1973, 1976, 1980, 1990, 2006, 2013);
        var intent = Parser.Parse(wish, Context with { Names = names });

        Assert.Equal(["Martin Scorsese"], intent.People);
        Assert.Equal((from, to), (intent.YearFrom, intent.YearTo));
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("early pixar", 1995, 2003)]
    [InlineData("late pixar films", 2008, 2018)]
    public void Parse_EarlyOrLateBeforeAStudio_IsThatPartOfItsFilms(string wish, int from, int to)
    {
        // "early pixar" opened on WALL·E and Up: "early" was left unread.
        var names = new FakeNames("pixar", "pixar", 1995, 1998, 1999, 2001, 2003, 2004, 2008, 2009, 2015, 2017, 2018) { Kind = NamedEntityKind.Company };
        var intent = Parser.Parse(wish, Context with { Names = names });

        Assert.Equal(["pixar"], intent.Companies);
        Assert.Equal((from, to), (intent.YearFrom, intent.YearTo));
        Assert.Empty(intent.Unused);
    }

    [Fact]
    public void Parse_EarlyBeforeAPersonWithFewFilms_SaysNothingOfYears()
    {
        var intent = Parser.Parse("early scorsese", Context with { Names = new FakeNames("scorsese", "Martin Scorsese", 1973, 1976, 1980) });

        Assert.Equal(["Martin Scorsese"], intent.People);
        Assert.Null(intent.YearFrom);
        Assert.Null(intent.YearTo);
    }

    [Theory]
    [InlineData("a movie for a sleepless night")]
    [InlineData("something to watch when i can't sleep")]
    public void Parse_ASleeplessNight_IsAnEasyWatch_NotASearchForSleepless(string wish)
    {
        // "sleepless" was searched: Dark City opened the page with no reason, then The Slumber Party Massacre.
        var intent = Parse(wish);
        Assert.Contains("chill", intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("una comedia que no sea romántica")]
    [InlineData("une comédie qui ne soit pas romantique")]
    public void Parse_QueNoSea_RulesOutWhatFollows(string wish)
    {
        // "no" ruled out "sea" (is), and what followed was wished: Star Wars opened "ciencia ficción que no sea de Star Wars".
        var intent = Parse(wish);
        Assert.Contains("Comedy", intent.Genres);
        Assert.Contains("Romance", intent.ExcludeGenres);
        Assert.Empty(intent.ExcludeKeywords);
    }

    [Theory]
    [InlineData("algo como Interstellar pero más corto")]
    [InlineData("quelque chose de plus court")]
    public void Parse_Shorter_IsAShortRuntime_NotShortFilms(string wish)
    {
        // "corto" alone is a short film ("un corto"): "más corto" let shorts in and set no runtime.
        var intent = Parse(wish);
        Assert.NotNull(intent.MaxRuntime);
        Assert.False(intent.IncludeShorts);
    }

    [Theory]
    [InlineData("ein Thriller mit überraschendem Ende")]
    [InlineData("un thriller avec une fin inattendue")]
    [InlineData("un thriller con un final inesperado")]
    [InlineData("a thriller with a surprise ending")]
    [InlineData("a thriller with a great plot twist")]
    public void Parse_ASurpriseEnding_IsTheTwistEnding_WhateverItIsCalled(string wish)
    {
        // "Ende" was searched and "überraschendem" said back as unused. Read as the mind-bending mood, "a twist" ranked
        // Back to the Future and Eternal Sunshine; "surprise ending" was the label "surprise" (Rocky, Alvin and the
        // Chipmunks). The films are those labelled "twist ending", "plot twist" or "surprise ending" alike.
        var intent = Parse(wish);
        Assert.Contains("twist ending", intent.Keywords);
        Assert.DoesNotContain("mind-bending", intent.Moods);
        Assert.Equal(["Thriller"], intent.Genres);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("something not too scary for a 7 year old", 7)]
    [InlineData("nothing too scary for my 6 year old", 6)]
    public void Parse_AnAgeAfterSomethingRuledOut_StillSaysWhoWatches(string wish, int age)
    {
        // The age was read only with no negation about: after "not too scary" it was dropped, and the page for a
        // seven-year-old opened on The Godfather and Schindler's List.
        var intent = Parse(wish);
        Assert.Equal(age, intent.MaxAge);
        Assert.Contains("family", intent.Moods);
    }

    [Fact]
    public void Parse_MyTeenageDaughter_IsTheViewer_NotALabel()
    {
        var intent = Parser.Parse("something my teenage daughter and I can both enjoy", WithLabels with { Labels = new FakeLabels("teenage daughter") });

        Assert.Equal(15, intent.MaxAge);
        Assert.Empty(intent.Labels);
    }

    [Fact]
    public void Parse_Newer_IsRecent()
    {
        var intent = Parse("a newer horror movie");
        Assert.NotNull(intent.YearFrom);
        Assert.Contains("Horror", intent.Genres);
    }

    [Fact]
    public void Parse_NotAFranchiseByName_AlsoRulesOutTheFilmsFiledUnderItsName()
    {
        // "a spy movie that isn't james bond" kept Die Another Day: the dumps left it out of the collection, but TMDB
        // files it under "james bond". A reference's franchise ruled out by a word for it ("not the sequels") names none.
        var context = Context with
        {
            Titles = new FakeTitles((2991, "James Bond", 30), (2571, "The Matrix", 278), (6365, "The Matrix Reloaded", 96)),
            Labels = new FakeLabels("james bond") { Carried = [(5872, "james bond"), (6365, "matrix")] },
        };

        Assert.Equal([2991, 5872], Parser.Parse("a spy movie that isn't james bond", context).ExcludeMovieIds.Order());
        Assert.Equal([6365], Parser.Parse("something like the matrix but not the sequels", context).ExcludeMovieIds);
    }

    [Theory]
    [InlineData("a movie between 90 and 120 minutes", 90, 120)]
    [InlineData("something 90-120 min", 90, 120)]
    [InlineData("a film 1 to 2 hours long", 60, 120)]
    [InlineData("a movie between 1h30 and 2h", 90, 120)] // read as exactly 90 minutes: Shrek, Aladdin, Best in Show
    [InlineData("between 90min and 2 hours", 90, 120)]
    public void Parse_ARuntimeBetweenTwoBounds_KeepsBoth(string wish, int min, int max)
    {
        // Read as a duration alone, "between 90 and 120 minutes" kept only "at most 120".
        var intent = Parse(wish);
        Assert.Equal((min, max), (intent.MinRuntime, intent.MaxRuntime));
        Assert.Null(intent.YearFrom);
    }

    [Theory]
    [InlineData("a sports movie that isn't about football")]
    [InlineData("sports movies but not football")]
    [InlineData("no football, just a good sports movie")]
    public void Parse_ATopicWithOneOfItsOwnKindsRuledOut_RulesOutThoseWords(string query)
    {
        // "football" is a word of the sports topic: ruling out the topic the wish asks for was dropped as a
        // contradiction, and the page was Rudy, Any Given Sunday and Varsity Blues.
        var intent = Parse(query);

        Assert.Contains("sports", intent.Keywords);
        Assert.Equal(["football"], intent.ExcludeKeywords);
    }

    [Fact]
    public void Parse_ARuledOutTopicTheWishDoesNotAskFor_IsTheTopic()
    {
        Assert.Equal(["sports"], Parse("a comedy, but no football").ExcludeKeywords);
    }

    [Theory]
    [InlineData("something light for a hangover", "chill")]
    [InlineData("im hungover, something easy", "chill")]
    [InlineData("a film that will make me think for days", "thought-provoking")]
    public void Parse_HowLongOrInWhatStateOneWatches_IsNoSubject(string query, string mood)
    {
        // "for a hangover" searched films about hangovers (The Hangover, Dude, Where's My Car?); "for days" the word "days".
        var intent = Parse(query);

        Assert.Equal([mood], intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("an existential crisis movie")]
    [InlineData("something existential")]
    [InlineData("films about the meaning of life")]
    [InlineData("una película sobre una crisis existencial")]
    public void Parse_AnExistentialWish_IsThatSubject_NotAnyDrama(string query)
    {
        // "existential" read the thought-provoking mood, whose genres made the page Drama's canon (Fight Club, Schindler's
        // List); "crisis" searched "marriage crisis" and "midlife crisis".
        var intent = Parse(query);

        Assert.Equal(["existentialism"], intent.Keywords);
        Assert.Empty(intent.Moods);
    }

    [Theory]
    [InlineData("a movie that feels like a warm hug")]
    [InlineData("something comforting like a warm blanket")]
    public void Parse_AWarmHug_IsTheCozyMood(string query)
    {
        // Nothing read "a warm hug": the page was the favourites.
        var intent = Parse(query);

        Assert.Equal(["cozy"], intent.Moods);
        Assert.Empty(intent.Unused);
    }

    [Fact]
    public void Parse_TheYearIWasBorn_IsTheYear_NotASubject()
    {
        // "born" was searched: Back to the Future, "in the story", and a notice that only one film matched.
        var intent = Parse("a movie from the year i was born 1985");

        Assert.Equal((1985, 1985), (intent.YearFrom, intent.YearTo));
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("films en version originale")]
    [InlineData("a korean movie in the original language")]
    public void Parse_TheOriginalVersion_IsHowOneWatches_NotAWord(string query)
    {
        // "version" was a label: Barney's Version and The Browning Version opened the page.
        var intent = Parse(query);

        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("una película subtitulada")]
    [InlineData("un film sous titré")]
    [InlineData("ein Film mit Untertiteln")]
    public void Parse_SubtitledInEveryLanguage_IsAForeignFilm(string query)
    {
        Assert.Equal(["en"], Parse(query).ExcludeLanguages);
    }

    [Theory]
    [InlineData("something to lift my spirits", "cheer-me-up")] // "spirits" read the ghosts topic: Evil Dead II, The Exorcist
    [InlineData("i want to be scared tonight", "scary")] // "scared" was a word: Monsters, Inc.
    [InlineData("a mellow movie", "chill")]
    [InlineData("un film pour un dimanche pluvieux", "cozy")] // read nothing: the favourites
    public void Parse_EverydayMoodPhrases_AreTheirMood(string query, string mood)
    {
        var intent = Parse(query);

        Assert.Contains(mood, intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a movie about the mafia from a woman's perspective")]
    [InlineData("a war film from a female perspective")]
    public void Parse_AWomansPerspective_IsAFemaleLead(string query)
    {
        // "woman's" searched the labels with "woman" in them: "man punches woman", "woman director".
        var intent = Parse(query);

        Assert.Contains("strong female lead", intent.Keywords);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("music by hans zimmer", "hans zimmer")]
    [InlineData("a film scored by ennio morricone", "ennio morricone")]
    [InlineData("a movie shot by roger deakins", "roger deakins")]
    [InlineData("une comédie, musique de vladimir cosma", "vladimir cosma")]
    public void Parse_AComposerOrCinematographer_IsSaidBackUnused_NotSearched(string query, string name)
    {
        // The catalogue credits directors, writers and cast: "music by hans zimmer" read the music topic and searched
        // "hans" and "zimmer" (The Empire Strikes Back, for a viewer's tag).
        var intent = new RuleIntentParser(IntentVocabulary.Default).Parse(query, Context with { Lexicon = new SpellingLexicon("comedy") });

        Assert.Equal([name], intent.Unused);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("something my wife and i can watch", "date-night")] // "wife" was a label: Gone Girl first
    [InlineData("a movie for a lazy saturday", "cozy")]
    [InlineData("a movie to watch while eating dinner", "chill")] // "dinner" was a subject: Rope first
    [InlineData("background noise movie", "chill")]
    [InlineData("something to put on at a party", "chill")] // "party" was a subject: Project X
    [InlineData("a summer blockbuster", "epic")] // "summer" was a subject: The Sisterhood of the Traveling Pants
    [InlineData("a film for a cinephile", "acclaimed")] // read nothing
    [InlineData("movies a film student should see", "acclaimed")] // "student" was a label: The Blair Witch Project
    public void Parse_WhoWatchesAndWhen_IsAMood_NotASubject(string query, string mood)
    {
        var intent = Parse(query);

        Assert.Contains(mood, intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("something christmassy but not for kids", "christmas")] // read nothing
    [InlineData("a new year's eve movie", "new years eve")] // "new" was lost and "years eve" searched
    [InlineData("movies for dog lovers", "dogs")] // "lovers" was a label: 'star crossed lovers'
    public void Parse_EverydayWordsForASubject_AreThatSubject(string query, string topic)
    {
        var intent = Parse(query);

        Assert.Equal([topic], intent.Keywords);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Unused);
    }

    [Fact]
    public void Parse_LearningEnglish_IsFilmsInEnglish()
    {
        var intent = Parse("a film that's good for learning english");

        Assert.Equal(["en"], intent.Languages);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("ein deutscher Film über die DDR", "east germany")] // read nothing: Das Boot, Metropolis
    [InlineData("una película sobre la guerra civil española", "spanish civil war")] // "civil": Lord of War
    [InlineData("un film sur la révolution française", "french revolution")] // French films about any revolution: Persepolis
    [InlineData("des westerns spaghetti", "spaghetti western")] // "spaghetti": The Apartment
    public void Parse_AHistoricalSubjectInItsOwnLanguage_IsThatSubject(string query, string topic)
    {
        var intent = Parse(query);

        Assert.Contains(topic, intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("a film about the french revolution")]
    [InlineData("un film sur la révolution française")]
    public void Parse_TheFrenchRevolution_IsTheSubject_NotFrenchFilms(string query)
    {
        // "a film about the french revolution" read French films (Wild Reeds, The 400 Blows); in French, films about
        // any revolution in French (Persepolis first).
        var intent = Parser.Parse(query, WithLabels with { Labels = new FakeLabels("french revolution", "revolution") });

        Assert.Equal(["french revolution"], intent.Keywords);
        Assert.Empty(intent.Languages);
        Assert.Empty(intent.Countries);
    }

    [Theory]
    [InlineData("something about the space race", "space race", new string[0])]
    [InlineData("a space western", "space western", new[] { "Sci-Fi", "Western" })]
    public void Parse_AGenresSubjectOpeningALabel_IsTheGenreOnlyWhenTheLabelNamesAKind(string query, string label, string[] genres)
    {
        // "the space race" read science fiction and outer space: Alien and Independence Day above The Right Stuff.
        var intent = Parser.Parse(query, WithLabels with { Labels = new FakeLabels(label) });

        Assert.Equal([label], intent.Labels);
        Assert.Equal(genres, intent.Genres.Order());
    }

    [Theory]
    [InlineData("a standup comedy special")]
    [InlineData("stand up comedy")]
    public void Parse_StandUp_IsTheKindOfComedy_NotTheWordSpecial(string query)
    {
        // "a standup comedy special" was any comedy and the keyword "special": True Lies first.
        var intent = Parse(query);

        Assert.Equal(["Comedy"], intent.Genres);
        Assert.Equal(["stand-up comedy"], intent.Keywords);
    }

    [Theory]
    [InlineData("a film for a history buff", "history")]
    [InlineData("a movie for a car lover", "car")]
    public void Parse_AFanOfASubject_IsTheSubject_NotTheWordForAFan(string query, string subject)
    {
        // "a movie for a car lover" was filed under "lover" too: Rocky and Mission: Impossible II.
        var intent = Parser.Parse(query, WithLabels with { Labels = new FakeLabels(subject, "lover", "buff") });

        Assert.DoesNotContain("lover", intent.Labels.Concat(intent.Keywords));
        Assert.DoesNotContain("buff", intent.Labels.Concat(intent.Keywords));
    }

    [Theory]
    [InlineData("an indie drama")]
    [InlineData("indie movies")]
    public void Parse_Indie_IsIndependentFilms_NotTheQuirkyMood(string query)
    {
        // "an indie drama" read quirky: Pulp Fiction, Life Is Beautiful and Forrest Gump.
        var intent = Parse(query);

        Assert.Equal(["independent film"], intent.Keywords);
        Assert.Empty(intent.Moods);
    }

    [Theory]
    [InlineData("something about a mother's love", "motherhood")]
    [InlineData("a film about a father's love for his son", "fatherhood")]
    public void Parse_AParentsLove_IsParenthood_NotTheRomanticMood(string query, string topic)
    {
        // "a mother's love" read romantic: The Piano and My Big Fat Greek Wedding.
        var intent = Parse(query);

        Assert.Contains(topic, intent.Keywords);
        Assert.Empty(intent.Moods);
    }

    [Theory]
    [InlineData("a movie set in ancient greece", "ancient greece")]
    [InlineData("a film set in nazi germany", "nazi germany")]
    public void Parse_APlaceInsideASetting_IsTheSetting_NotFilmsMadeThere(string query, string label)
    {
        // "a movie set in ancient greece" read Greek films: Mediterraneo and Captain Corelli's Mandolin after 300.
        var intent = Parser.Parse(query, WithLabels with { Labels = new FakeLabels(label) });

        Assert.Contains(label, intent.Labels);
        Assert.Empty(intent.Languages);
        Assert.Empty(intent.Countries);
    }

    [Theory]
    [InlineData("whatever's popular", "acclaimed")] // "popular" searched: Clueless for its "popular girl"
    [InlineData("what's trending", "acclaimed")]
    [InlineData("a crowd favorite", "acclaimed")] // A Face in the Crowd
    [InlineData("a movie everyone should see once", "acclaimed")] // "everyone", "once": The War of the Roses
    [InlineData("something random", "surprise-me")]
    public void Parse_VagueWishesForWhatPeopleLike_AreQualityMoods(string query, string mood)
    {
        var intent = Parse(query);

        Assert.Equal([mood], intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("un film de sous-marin")] // "marin" was Cheech Marin: Up in Smoke first
    [InlineData("una película de submarinos")]
    [InlineData("ein U-Boot-Film")]
    public void Parse_SubmarinesInFrenchSpanishAndGerman_AreTheSubject(string query)
    {
        var intent = Parse(query);

        Assert.Equal(["submarine"], intent.Keywords);
        Assert.Empty(intent.People);
    }

    [Theory]
    [InlineData("algo para ver con mi novia", "date-night")] // read nothing: the favourites
    [InlineData("un film romantique pour la saint valentin", "date-night")] // "saint": The Saint first
    [InlineData("ein Film für einen gemütlichen Abend", "cozy")]
    public void Parse_WhoAndWhenInSpanishFrenchAndGerman_AreMoods(string query, string mood)
    {
        var intent = Parse(query);

        Assert.Contains(mood, intent.Moods);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("films from new zealand", "NZ")] // "zealand" was a word, "new" a filler
    [InlineData("south african films", "ZA")]
    [InlineData("films from the united kingdom", "GB")] // the label "united kingdom": Kingsman, From Hell
    [InlineData("a dutch thriller", "NL")]
    public void Parse_CountriesOfSeveralWordsAndMoreNations_ArePlaces(string query, string country)
    {
        var intent = Parse(query);

        Assert.Contains(country, intent.Countries);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Fact]
    public void Parse_AGuyMovie_IsActionPacked_AndAMovieForGirlsARomanticComedy()
    {
        // "guy" was searched in the stories (The Next Karate Kid first); "girls" was a label (Some Like It Hot's "all girl
        // band", The Exorcist), where "a guys night" and "a girls night" already read these.
        Assert.Equal(["action-packed"], Parse("a guy movie").Moods);
        var girls = Parse("a movie for girls");
        Assert.Equal(["Comedy", "Romance"], girls.Genres.Order());
        Assert.Empty(girls.Labels);
    }

    [Fact]
    public void Parse_LikeAKindOfThing_IsNoUnknownTitle()
    {
        // "feels like a video game" kept "a video game", article and all, as a title the catalogue lacks.
        var intent = Parser.Parse("a movie that feels like a video game", WithLabels with { Labels = new FakeLabels("video game") });

        Assert.Equal(["video game"], intent.Labels);
        Assert.DoesNotContain(intent.Keywords, k => k.StartsWith("a ", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ASurnameThatEndsALabel_IsTheLabelsName_NotTheSurnamesOwner()
    {
        // "christie" is Julie Christie's surname; "agatha christie" is a label films carry, and Doctor Zhivago came fourth.
        var context = WithLabels with { Names = new FakeNames("christie", "Julie Christie"), Labels = new FakeLabels("agatha christie") };

        var intent = Parser.Parse("an agatha christie style mystery", context);

        Assert.Empty(intent.People);
        Assert.Contains("agatha christie", intent.Labels);
        Assert.Equal(["Julie Christie"], Parser.Parse("a julie christie movie", context).People);
    }

    [Fact]
    public void Parse_AWordThatOpensALabel_IsNoStudio()
    {
        // "spelling bee movie" read the label and the studio Spelling (The Player, Bound) beside it.
        var context = WithLabels with { Names = new FakeNames("spelling", "Spelling Entertainment") { Kind = NamedEntityKind.Company }, Labels = new FakeLabels("spelling bee") };

        var intent = Parser.Parse("spelling bee movie", context);

        Assert.Empty(intent.Companies);
        Assert.Equal(["spelling bee"], intent.Labels);
        Assert.Equal(["Spelling Entertainment"], Parser.Parse("spelling movies", context).Companies);
    }

    [Theory]
    [InlineData("a possession horror movie")]
    [InlineData("exorcism movies")]
    [InlineData("películas de exorcismos")]
    public void Parse_PossessionAndExorcism_AreASubject_NotOnlyHorror(string wish)
    {
        // Both words were only the Horror genre: "a possession horror movie" opened on The Silence of the Lambs and Alien.
        Assert.Contains("possession", Parse(wish).Keywords);
    }

    [Theory]
    [InlineData("a low budget horror movie that's good")]
    [InlineData("a really good thriller")]
    [InlineData("an indie movie that is actually good")]
    public void Parse_GoodSaidOfTheFilm_AsksForAGoodOne(string wish)
    {
        // "good" alone is a filler ("a good comedy" asks for a comedy), but "that's good" is the point of the wish: the
        // page opened on A Serbian Film (2.3★ from 2 ratings).
        Assert.Contains("acclaimed", Parse(wish).Moods);
        Assert.DoesNotContain("acclaimed", Parse("a good thriller").Moods);
    }

    [Theory]
    [InlineData("a movie about growing old", "old age")]
    [InlineData("films about getting older", "old age")]
    public void Parse_GrowingOld_IsItsSubject_NotOldFilms(string wish, string topic)
    {
        // "growing old" read "old" as films before 1980 and searched "growing".
        var intent = Parse(wish);
        Assert.Equal([topic], intent.Keywords);
        Assert.Null(intent.YearTo);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("i just broke up and need something to make me laugh")]
    [InlineData("i just got dumped")]
    public void Parse_ABreakupJustLived_IsWhenTheyWatch_ACheerMeUp(string wish)
    {
        // "broke up" searched "broke" and "up". Like "after a funeral", it says how the viewer feels, not what the film is about.
        var intent = Parse(wish);
        Assert.Contains("cheer-me-up", intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a movie to watch while it snows outside", "cozy")]
    [InlineData("something my teenage son and i can watch together", "teen-friendly")]
    [InlineData("my parents are visiting and we need something everyone can watch", "cozy")]
    public void Parse_WhenAndWithWhom_AreMoods_NotWordsToSearch(string wish, string mood)
    {
        // "snows outside", "together", "visiting" and "everyone" were searched in the films' stories.
        var intent = Parse(wish);
        Assert.Contains(mood, intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("a love story that ends badly")]
    [InlineData("a romance with no happy ending")]
    public void Parse_AnEndingThatHurts_IsATearjerker(string wish)
    {
        // "ends badly" searched "badly"; "no happy ending" ruled out feel-good and asked for nothing.
        var intent = Parse(wish);
        Assert.Equal(["tearjerker"], intent.Moods);
        Assert.Equal(["Romance"], intent.Genres);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("european films", "FR")]
    [InlineData("an asian horror film", "KR")]
    [InlineData("una película asiática de terror", "JP")]
    public void Parse_AContinent_IsItsCountries(string wish, string country)
    {
        // "european" and "asian" were labels: Corpse Bride and The Grand Budapest Hotel for European films.
        var intent = Parse(wish);
        Assert.Contains(country, intent.Countries);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("a spy thriller from the cold war")]
    [InlineData("ein Film über den Kalten Krieg")]
    public void Parse_TheColdWar_IsItsSubject_NotTheWarGenre(string wish)
    {
        // "the cold war" asked for War films as well: Lord of War opened the spy page.
        var intent = Parse(wish);
        Assert.Contains("cold war", intent.Keywords);
        Assert.DoesNotContain("War", intent.Genres);
    }

    [Fact]
    public void Parse_BlowMyMind_IsMindBending_NotWordsToSearch()
    {
        var intent = Parse("a documentary that will blow my mind");
        Assert.Contains("mind-bending", intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Fact]
    public void Parse_OlderKids_AreAnAudience_NotOldFilms()
    {
        // "something like toy story for older kids" read "older" as films before 1980: Pinocchio, The Jungle Book.
        var intent = Parse("something like toy story for older kids");
        Assert.Null(intent.YearTo);
        Assert.Contains("teen-friendly", intent.Moods);
    }

    [Theory]
    [InlineData("películas románticas en inglés")]
    [InlineData("des films romantiques en anglais")]
    public void Parse_InEnglish_IsTheLanguage_NotBritain(string wish)
    {
        // "inglés" and "anglais" alone are British, as "english" is; "en inglés" is the language the film speaks.
        var intent = Parse(wish);
        Assert.Equal(["en"], intent.Languages);
        Assert.Contains("US", intent.Countries);
    }

    [Fact]
    public void Parse_ItalianNeorealism_IsItsYears_NotAWordToSearch()
    {
        var intent = Parse("italian neorealism");
        Assert.Equal((1943, 1955), (intent.YearFrom, intent.YearTo));
        Assert.Equal(["it"], intent.Languages);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("a film about a con artist")]
    [InlineData("movies about scammers")]
    [InlineData("a grifter movie")]
    [InlineData("películas de estafadores")]
    public void Parse_AConArtist_IsTheirOwnSubjectNotAHeist(string wish)
    {
        // A con is not a robbery: "a film about a con artist" read the heist topic (Inception, The Usual Suspects).
        var intent = Parse(wish);

        Assert.Contains("con artist", intent.Keywords);
        Assert.DoesNotContain("heist", intent.Keywords);
    }

    [Theory]
    [InlineData("a mystery where you guess the killer")]
    [InlineData("a movie where you figure out who did it")]
    public void Parse_GuessingTheKiller_IsAWhodunitNotTheWordGuess(string wish)
    {
        // "guess" was searched as a word and "killer" read as serial killers (Se7en, Basic Instinct).
        var intent = Parse(wish);

        Assert.Contains("whodunit", intent.Keywords);
        Assert.DoesNotContain(intent.Keywords, k => k.Contains("guess", StringComparison.Ordinal) || k == "serial killers");
        Assert.DoesNotContain("guess", intent.Unused);
    }

    [Theory]
    [InlineData("movies set in los angeles", "los angeles")]
    [InlineData("a las vegas comedy", "las vegas")]
    [InlineData("a thriller about a man on the run", "on the run")]
    public void Parse_ALabelOpeningOnAFunctionWord_IsTheLabelWhenManyFilmsCarryIt(string wish, string label)
    {
        // "los angeles" was searched as "angeles" (Mulholland Falls first, for the word in its story).
        var labels = new FakeLabels("los angeles", "las vegas", "on the run", "in the closet");

        var intent = Parser.Parse(wish, WithLabels with { Labels = labels });

        Assert.Contains(label, intent.Labels);
        Assert.DoesNotContain(intent.Keywords, k => label.EndsWith(k, StringComparison.Ordinal));
        // A rare one is a chance tag's words.
        Assert.Empty(Parser.Parse("something in the closet", WithLabels with { Labels = new FakeLabels("in the closet") { FilmsEach = 6 } }).Labels);
    }

    [Theory]
    [InlineData("un film de la nouvelle vague", "fr", 1958)]
    [InlineData("neorealist films", "it", 1943)]
    [InlineData("french new wave", "fr", 1958)]
    public void Parse_AMovement_IsItsCountrysFilmsOfItsYears(string wish, string language, int from)
    {
        // "un film de la nouvelle vague" gave the years alone: The Godfather, Dr. Strangelove.
        var intent = Parse(wish);

        Assert.Contains(language, intent.Languages);
        Assert.Equal(from, intent.YearFrom);
        Assert.Empty(Parse("new wave films").Languages);
    }

    [Theory]
    [InlineData("le meilleur film de science-fiction", "acclaimed", null)]
    [InlineData("las mejores películas de terror", "acclaimed", null)]
    [InlineData("die besten Kriegsfilme", "acclaimed", null)]
    [InlineData("una película de amor en la playa", null, "beach")]
    [InlineData("a film with no dialogue", null, "little dialogue")]
    [InlineData("a war film told from the german side", null, null)]
    [InlineData("something to watch while folding laundry", "chill", null)]
    [InlineData("something i can half watch", "chill", null)]
    [InlineData("a good first anime", "acclaimed", null)]
    [InlineData("i want to cry but in a good way", "tearjerker", null)]
    [InlineData("a movie that restores your faith in humanity", "inspiring", null)]
    [InlineData("my wife likes romance and i like action", null, null)]
    [InlineData("a film released after 2015 with good reviews", "acclaimed", null)]
    [InlineData("a movie from when my parents were young", "classic", null)]
    [InlineData("movies that came out when i was in high school", "nostalgic", null)]
    [InlineData("a movie everyone has seen but me", "classic", null)]
    [InlineData("movies to watch before you die", "classic", null)]
    [InlineData("something the whole family will enjoy", "family", null)]
    [InlineData("a comfort movie i've seen a hundred times", "cozy", null)]
    [InlineData("westerns for beginners", "acclaimed", null)]
    [InlineData("a story that changes lives against all odds", "inspiring", null)]
    [InlineData("a movie where the bad guy wins", "dark", null)]
    [InlineData("movies where the villain wins", "dark", null)]
    [InlineData("a movie about friendship between women", null, "female friendship")]
    [InlineData("una película sobre la amistad femenina", null, "female friendship")]
    [InlineData("a movie that takes place in a single room", null, "one location")]
    [InlineData("a movie that takes place over one night", null, "one day or night")]
    [InlineData("a film with beautiful costumes", null, "costume drama")]
    [InlineData("a family drama", null, "family drama")]
    [InlineData("a movie about a family falling apart", null, "family drama")]
    [InlineData("the best horror films ranked", "acclaimed", null)]
    [InlineData("a movie with amazing fight scenes", "action-packed", null)]
    [InlineData("something to watch after the kids go to bed", "grown-up", null)]
    [InlineData("algo divertido para un sábado por la noche", "funny", null)]
    [InlineData("something fun for a saturday night", "chill", null)]
    [InlineData("un dessin animé pour les petits", "family", null)]
    [InlineData("filmes de ação dos anos 80", null, null)]
    [InlineData("i'm sad and need a hug in movie form", "cozy", null)]
    [InlineData("i want to feel something", "tearjerker", null)]
    [InlineData("something to make me feel less alone", "cozy", null)]
    [InlineData("a movie to watch when drunk", "chill", null)]
    [InlineData("movies that are better the second time", "mind-bending", null)]
    [InlineData("a film told backwards", null, "reverse chronology")]
    [InlineData("a movie that will make grown men cry", "tearjerker", null)]
    [InlineData("a thriller set on a plane", null, "plane")]
    [InlineData("films set in the deep south", null, "american south")]
    [InlineData("a movie that won best actor", "acclaimed", null)]
    [InlineData("a short movie for a weeknight", null, null)]
    [InlineData("an old movie in color", null, null)]
    [InlineData("an r-rated comedy", "grown-up", null)]
    [InlineData("a pg-13 comedy", "teen-friendly", null)]
    [InlineData("a movie that teaches kids about friendship", "family", "friendship")]
    [InlineData("a movie written by someone funny", "funny", null)]
    [InlineData("my dad only watches westerns", null, null)] // "dad" and "watches" were searched
    [InlineData("i want to be scared out of my mind", "scary", null)] // "out" and "mind" were searched
    [InlineData("a foreign film that's worth it", "acclaimed", null)] // "worth" was searched
    public void Parse_EverydayWordsInAnyLanguage_AreWhatTheySay_NotSearchedWords(string wish, string? mood, string? topic)
    {
        // "meilleur" and "playa" were left unread, "no dialogue" ruled dialogue out, "told" and "side", "folding" and
        // "laundry", "changes lives" were searched.
        var intent = Parse(wish);

        if (mood is not null)
        {
            Assert.Contains(mood, intent.Moods);
        }
        Assert.Equal(topic is null ? [] : [topic], intent.Keywords);
        Assert.Empty(intent.Unused);
        Assert.Empty(intent.ExcludeKeywords);
    }

    [Fact]
    public void Parse_LikeSomeoneButNotThem_KeepsTheNameWishedAndRuledOut_ForTheRankingToReadAsAStyle()
    {
        // The exclusion was dropped as a contradiction, and the page was Wes Anderson's own films.
        var intent = Parser.Parse("like wes anderson but not wes anderson", Context with { Names = new FakeNames("wes anderson", "Wes Anderson") });

        Assert.Equal(["Wes Anderson"], intent.People);
        Assert.Equal(["Wes Anderson"], intent.ExcludePeople);
    }

    [Theory]
    [InlineData("a musical for people who hate musicals", "Musical")]
    [InlineData("a horror movie for someone who doesn't like horror", "Horror")]
    public void Parse_AGenreForSomeoneWhoDislikesIt_IsItsBestLovedFilms_NotTheGenreRuledOut(string wish, string genre)
    {
        // Ruling the genre out left the favourites of everyone, The Shawshank Redemption first.
        var intent = Parse(wish);

        Assert.Equal([genre], intent.Genres);
        Assert.DoesNotContain(genre, intent.ExcludeGenres);
        Assert.Contains("acclaimed", intent.Moods);
        // Ruled out alone, it stays ruled out.
        Assert.Contains(genre, Parse($"no {genre.ToLowerInvariant()}").ExcludeGenres);
    }

    [Fact]
    public void Parse_SomethingShortInSpanish_IsAShortFeature_AShortFilmIsAShort()
    {
        // "algo corto y divertido" (something short and funny) asked for short films, as "un corto" does.
        var feature = Parse("algo corto y divertido");
        var shorts = Parse("un corto de pixar");

        Assert.Equal(90, feature.MaxRuntime);
        Assert.False(feature.IncludeShorts);
        Assert.True(shorts.IncludeShorts);
    }

    [Fact]
    public void Parse_AFamilyMovieAdultsWillEnjoyToo_IsTheFamilysBest_NotGrownUpFilms()
    {
        // "adults" read the grown-up mood, which ruled Children out: anime dramas for a family evening.
        var intent = Parse("a family movie that adults will enjoy too");

        Assert.Contains("family", intent.Moods);
        Assert.Contains("acclaimed", intent.Moods);
        Assert.DoesNotContain("grown-up", intent.Moods);
        Assert.DoesNotContain("Children", intent.ExcludeGenres);
    }

    [Theory]
    [InlineData("tom hanks movies before forrest gump", null, 1993)]
    [InlineData("animated films after toy story", 1996, null)]
    [InlineData("sci-fi since the matrix", 1999, null)]
    public void Parse_BeforeOrAfterAFilm_IsTheYearItCameOut(string wish, int? from, int? to)
    {
        // "Before forrest gump" read the film as a subject: Forrest Gump came first on Tom Hanks's page.
        var titles = new FakeTitles((356, "Forrest Gump", 329), (1, "Toy Story", 215), (2571, "The Matrix", 278));
        var intent = Parser.Parse(wish, Context with { Titles = titles, Names = new FakeNames("tom hanks", "Tom Hanks") });

        Assert.Equal(from, intent.YearFrom);
        Assert.Equal(to, intent.YearTo);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.ReferenceMovieIds);
    }

    [Theory]
    [InlineData("a movie after the kids go to bed")]
    [InlineData("a movie about twins")]
    public void Parse_AComparatorBeforeATitleThatIsNoComparison_IsNoYear(string wish)
    {
        // "After the kids go to bed" is the grown-up mood, not the years after Kids (1995); "about" is no comparison to Twins.
        var titles = new FakeTitles((162, "Kids", 20), (2734, "Twins", 60));
        var intent = Parser.Parse(wish, Context with { Titles = titles });

        Assert.Null(intent.YearFrom);
        Assert.Null(intent.YearTo);
        Assert.Null(intent.MaxAge);
    }

    [Theory]
    [InlineData("something with the same energy as heat")]
    [InlineData("a darker version of heat")]
    [InlineData("like heat but on a plane")]
    public void Parse_AFilmNamedAsAMeasure_IsTheReference(string wish)
    {
        // "The same energy as" read a person ("Michael Ferris" for Ferris Bueller) and a label "energy"; "a darker version
        // of" searched "version"; "but on a plane" was a filler for where one watches.
        var intent = Parse(wish);

        Assert.Equal([6], intent.ReferenceMovieIds);
        Assert.DoesNotContain("version", intent.Keywords);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.People);
    }

    [Theory]
    [InlineData("movies set in the 1800s", "19th century")]
    [InlineData("a western set in the 19th century", "19th century")]
    [InlineData("a movie set in mexico", "mexico")]
    [InlineData("a story that takes place in japan", "japan")]
    public void Parse_WhereAndWhenAStoryIsSet_IsTheLabelOfItsSetting(string wish, string label)
    {
        // "The 1800s" said nothing (no film was made then) and "19th" was dropped; "set in mexico" read Mexican films,
        // Pan's Labyrinth (set in Spain) first.
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels("19th century", "mexico", "japan") });

        Assert.Equal([label], intent.Labels);
        Assert.Empty(intent.Languages);
        Assert.Empty(intent.Countries);
        Assert.Null(intent.YearFrom);
    }

    [Theory]
    [InlineData("nothing with animals dying")]
    [InlineData("no movies where the dog dies")]
    [InlineData("nothing with violence against animals")] // "against" and "animals" were wished: Toy Story, Animal House
    [InlineData("sin maltrato animal")]
    public void Parse_NoAnimalsDying_RulesOutTheirDeaths_NotAnimals(string wish)
    {
        // "Nothing with animals dying" ruled out animals and wished the label "dying" (Children of Men first).
        var intent = Parse(wish);

        Assert.Contains("animal death", intent.ExcludeKeywords);
        Assert.DoesNotContain("animals", intent.ExcludeKeywords);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("a long epic I can get lost in", "lost")] // "lost" is a label: one film matched, The Hobbit first
    [InlineData("based on a book i might have read", "read")] // "read" was searched: The Number 23 opened the page
    [InlineData("spike lee joints", "joints")] // the label "joint" put Lock, Stock and Two Smoking Barrels among his films
    [InlineData("make me believe in love again", "believe")] // "believe" was searched: A Beautiful Mind, Pan's Labyrinth
    [InlineData("a movie for a group of friends on a friday night", "group of friends")] // films about friends: American Pie 2
    [InlineData("something short i can watch at lunch", "lunch")] // "lunch" was searched: Waydowntown, Slumber Party Massacre
    [InlineData("a drama that doesn't drag", "drag")] // "drag" was ruled out, as in drag queens
    [InlineData("i just watched interstellar and loved it, what next?", "loved")] // "loved" was searched: Meet Dave
    [InlineData("my girlfriend loves rom coms but i like action", "girlfriend")] // the label "girlfriend"
    [InlineData("a movie in french with english subtitles", "english")] // English as a wished language: The Dark Knight
    [InlineData("blade runner directors cut", "cut")] // the label "directors" and the word "cut": Persepolis, Scream 3
    [InlineData("remastered classics", "remastered")]
    [InlineData("a movie for my husband who loves documentaries", "husband")] // the label "husband": The Eyes of Tammy Faye
    public void Parse_WordsAroundTheWish_WhoWatchesWhenAndHow_AreNoSubjectNorLanguage(string wish, string word)
    {
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels(word, "joint", "based on a book") });

        Assert.DoesNotContain(intent.Keywords.Concat(intent.Labels).Concat(intent.ExcludeKeywords), k => k.Contains(word, StringComparison.Ordinal));
        Assert.DoesNotContain("en", intent.Languages);
    }

    [Theory]
    [InlineData("the film with the guy who can't form new memories", "amnesia")] // "form" and the label "memories"
    [InlineData("películas sobre amnesia", "amnesia")]
    [InlineData("movie where the boat sinks", "sinking ship")] // "sinks" was searched: Roman Holiday, no Titanic
    [InlineData("that movie where a guy relives the same day", "time loop")] // "relives" and "day": The Wedding Planner
    public void Parse_ASubjectInEverydayWords_IsThatSubject(string wish, string subject)
    {
        var intent = Parser.Parse(wish, WithLabels with { Labels = new FakeLabels("memories", "boat") });

        Assert.Equal([subject], intent.Keywords);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("un film pour se détendre ce soir", "chill")] // "se" was searched and "détendre" unused: Italian comedies
    [InlineData("una película para relajarse", "chill")] // unused: the favourites
    [InlineData("ein Film zum Entspannen", "chill")]
    [InlineData("etwas Romantisches für einen Filmabend zu zweit", "date-night")] // "zweit" unused
    [InlineData("un film à voir en amoureux", "date-night")] // "voir" was read as noir: Sunset Boulevard, Gilda
    public void Parse_HowAndWithWhomInFrenchSpanishOrGerman_IsTheMood(string wish, string mood)
    {
        var intent = Parse(wish);

        Assert.Contains(mood, intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
        Assert.DoesNotContain("Film-Noir", intent.Genres);
    }

    [Fact]
    public void Parse_OldWesternsInGerman_AreWesternsOfOldYears()
    {
        // "alte Westernfilme": both words unused, and the page was the favourites.
        var intent = Parse("alte Westernfilme");

        Assert.Equal(["Western"], intent.Genres);
        Assert.NotNull(intent.YearTo);
        Assert.Empty(intent.Unused);
    }

    [Fact]
    public void Parse_ADramaThatDoesNotDrag_RulesOutTheQuietMood()
    {
        var intent = Parse("a drama that doesn't drag");

        Assert.Equal(["Drama"], intent.Genres);
        Assert.Contains("quiet", intent.ExcludeKeywords);
    }

    [Theory]
    [InlineData("a movie for seniors")] // films about old age: Up, Watchmen, Children of Men
    [InlineData("something for the elderly")]
    public void Parse_ForSeniors_IsWhoWatches_AsForGrandparents(string wish)
    {
        var intent = Parse(wish);

        Assert.Contains("cozy", intent.Moods);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("a 90s movie i probably haven't seen")] // the 90s favourites: The Shawshank Redemption, Pulp Fiction
    [InlineData("a comedy I might not have seen")]
    public void Parse_AGuessAtWhatThePersonHasNotSeen_IsTheLessKnown(string wish)
    {
        Assert.Contains("hidden-gem", Parse(wish).Moods);
    }

    [Fact]
    public void Parse_BelieveInLoveAgain_IsTheRomanticMood()
    {
        Assert.Contains("romantic", Parse("make me believe in love again").Moods);
    }

    [Fact]
    public void Parse_ParentsAndKidsWatchingTogether_AreTheAudience_NotARelationship()
    {
        // "My parents and kids" read the label "parents kids relationship": Donnie Darko and The Celebration.
        var intent = Parser.Parse("a movie my parents and kids can watch together", WithLabels with { Labels = new FakeLabels("parents kids relationship") });

        Assert.Empty(intent.Labels);
        Assert.Contains("family", intent.Moods);
        Assert.Equal(12, intent.MaxAge);
    }

    [Theory]
    [InlineData("somthing funy", "funny")]
    [InlineData("a scarry movie", "scary")]
    [InlineData("romantc comedies", "romantic")]
    public void Parse_AMistypedWord_IsThePhraseItIsATypoOf(string wish, string mood)
    {
        // The words were left unread ("couldn't use: funy") and the page was everyone's favourites.
        var intent = Parser.Parse(wish, Context with { Lexicon = new CatalogueWords() });

        Assert.Contains(mood, intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("serial kilers", "serial killers")]
    [InlineData("sci fi with time travle", "time travel")]
    [InlineData("a movie about time travle", "time travel")]
    public void Parse_ATypoInATwoWordPhrase_IsThePhrase(string wish, string topic)
    {
        // One-word corrections find nothing when the phrase has two words: "time travle" left "travle" unread and the
        // page was Sci-Fi alone.
        var intent = Parser.Parse(wish, Context with { Lexicon = new CatalogueWords("serial", "time", "travel", "movie", "about", "with", "sci", "fi") });

        Assert.Contains(topic, intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Fact]
    public void Parse_AWordTheCatalogueHolds_IsSpeltAsMeant()
    {
        // "funy" is nobody's typo in a catalogue whose text holds it; without a catalogue no word is read as a typo.
        Assert.Empty(Parser.Parse("somthing funy", Context with { Lexicon = new CatalogueWords("funy") }).Moods);
        Assert.Empty(Parser.Parse("somthing funy", Context with { Lexicon = null }).Moods);
    }

    [Fact]
    public void Parse_ACountryNotAfterSetIn_IsStillWhereFilmsWereMade()
    {
        var intent = Parser.Parse("a mexican drama", WithLabels with { Labels = new FakeLabels("mexico") });

        Assert.Contains("MX", intent.Countries);
        Assert.Empty(intent.Labels);
    }

    [Theory]
    [InlineData("a nordic noir", "Crime")]
    [InlineData("une série noire", "Film-Noir")]
    public void Parse_NoirOfAPlaceOrAFrenchName_IsItsKindOfCrime(string wish, string genre)
    {
        // "Nordic noir" read the genre Film-Noir, which no Scandinavian film has; "série noire" searched "serie" and "noire".
        var intent = Parse(wish);

        Assert.Equal([genre], intent.Genres);
        Assert.Empty(intent.Keywords);
    }

    [Fact]
    public void Parse_BestFriends_IsFriendship_NotTheBestFilms_AndACountIsNoSubject()
    {
        // "Best" read the acclaimed mood and "two" was searched: Harry Potter and the Prisoner of Azkaban "among the best rated".
        var intent = Parse("a movie about two best friends");

        Assert.Empty(intent.Moods);
        Assert.Equal(["friendship"], intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("ein Horrorfilm ohne Blut")]
    [InlineData("una película de terror sin sangre")]
    public void Parse_AHorrorFilmWithoutBlood_RulesOutGore(string wish)
    {
        var intent = Parse(wish);
        Assert.Contains("Horror", intent.Genres);
        Assert.Contains("gory", intent.ExcludeKeywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("a feel-bad movie")]
    [InlineData("feel bad films")]
    public void Parse_AFeelBadMovie_IsDark_NotTheLabelBad(string wish)
    {
        var intent = Parse(wish);
        Assert.Contains("dark", intent.Moods);
        Assert.Empty(intent.Labels);
        Assert.Empty(intent.Keywords);
    }

    [Fact]
    public void Parse_GermanAdjectiveEndings_AreTheSameWord()
    {
        // "lustig" inflects: ein lustiger Film, ein lustiges Märchen.
        var intent = Parser.Parse("ein lustiger Film für Kinder", Context);
        Assert.Contains("funny", intent.Moods);
        Assert.Empty(intent.Unused);
    }

    [Fact]
    public void Parse_ThrillerThatIsntTooLong_IsARuntimeLimitNotARuledOutWord()
    {
        var intent = Parser.Parse("a thriller that isn't too long", Context);
        Assert.Equal(110, intent.MaxRuntime);
        Assert.Empty(intent.ExcludeKeywords);
    }

    [Fact]
    public void Parse_RomanceThatDoesntEndSadly_IsAHappyEnding()
    {
        // A romance that does not end sadly ends happily: ruling tearjerkers out alone kept Casablanca and Sunset Boulevard on top.
        var intent = Parser.Parse("a romance that doesn't end sadly", Context);
        Assert.Contains("Romance", intent.Genres);
        Assert.Contains("feel-good", intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("something my grandma would enjoy", "cozy")]
    [InlineData("a crowd pleaser", "feel-good")]
    [InlineData("an underrated gem from the 70s", "hidden-gem")]
    public void Parse_EverydayPhrasings_AreMoodsNotSearchedWords(string wish, string mood)
    {
        var intent = Parser.Parse(wish, Context);
        Assert.Equal([mood], intent.Moods);
        Assert.Empty(intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Theory]
    [InlineData("an animated film for adults")]
    [InlineData("animation for grown ups")]
    public void Parse_AnimatedForAdults_IsAnimationThatIsNotForChildren(string wish)
    {
        // "Adults" was a searched word: Snow White came third.
        var intent = Parser.Parse(wish, Context);
        Assert.Contains("Animation", intent.Genres);
        Assert.Equal(["grown-up"], intent.Moods);
        Assert.Contains("Children", intent.ExcludeGenres);
        Assert.Empty(intent.Keywords);
    }

    [Theory]
    [InlineData("something by the director of Heat")]
    [InlineData("a thriller from the same director as heat")]
    [InlineData("un film du réalisateur de Heat")]
    [InlineData("films by the guy who made heat")]
    [InlineData("something from the makers of heat")]
    public void Parse_ByTheDirectorOfATitle_NamesTheDirectorNotTheFilm(string wish)
    {
        var intent = Parser.Parse(wish, Context);
        Assert.Equal(["Michael Mann"], intent.People);
        Assert.Empty(intent.ReferenceMovieIds);
        Assert.Empty(intent.Keywords);
        // The person knows Heat: it is not one of the films to suggest.
        Assert.Equal([6], intent.ExcludeMovieIds);
    }

    [Fact]
    public void Parse_DirectorOfAFilmWithoutCredits_IsNotAnInventedPerson()
    {
        var intent = Parser.Parse("by the director of The Godfather", Context);
        Assert.Empty(intent.People);
    }

    [Fact]
    public void Parse_QuietFilmAboutLoneliness_IsAMoodAndASubjectNotAFreeWord()
    {
        // Loneliness is also a topic (loner, isolation, alienation: Taxi Driver and Moon are not labelled "loneliness").
        var intent = Parser.Parse("a quiet film about loneliness", WithLabels);
        Assert.Equal(["quiet"], intent.Moods);
        Assert.Equal(["loneliness"], intent.Keywords);
        Assert.Empty(intent.Unused);
    }

    [Fact]
    public void Parse_LeftoverWordFilmsAreFiledUnder_BecomesALabelNotAKeyword()
    {
        var intent = Parser.Parse("a film about chess", WithLabels with { Lexicon = new FakeLexicon("chess") });
        Assert.Equal(["chess"], intent.Labels);
        Assert.DoesNotContain("chess", intent.Keywords);
    }

    [Fact]
    public void Parse_NegatedLabel_IsNotWished()
    {
        var intent = Parser.Parse("anything but a psychological thriller", WithLabels);
        Assert.Empty(intent.Labels);
    }

    [Fact]
    public void Parse_WordsNothingKnows_AreSaidBackAsUnused()
    {
        var intent = Parse("80s horror but not gory, zxqvbn please");
        Assert.Equal(["Horror"], intent.Genres);
        Assert.Equal(["gory"], intent.ExcludeKeywords);
        Assert.Equal(["zxqvbn"], intent.Unused);
    }

    [Fact]
    public void Parse_WithoutACatalogue_ClaimsNoWordUnused()
    {
        var intent = Parser.Parse("horror with zxqvbn", new IntentParseContext(2018));
        Assert.Empty(intent.Unused);
    }

    private sealed class FakeLabels(params string[] labels) : ILabelLexicon
    {
        /// <summary>Which film carries which of the labels (by default none).</summary>
        public (int MovieId, string Label)[] Carried { get; init; } = [];

        public bool IsLabel(string phrase) => labels.Contains(phrase) || labels.Contains(phrase[..^1]);

        public bool Carries(int movieId, string phrase) => Carried.Contains((movieId, phrase));

        /// <summary>How many films carry each label (by default ten).</summary>
        public int FilmsEach { get; init; } = 10;

        public int FilmCount(string phrase) => IsLabel(phrase) ? FilmsEach : 0;

        public IReadOnlyList<int> FilmsCarrying(string phrase) => [.. Carried.Where(c => c.Label == phrase).Select(c => c.MovieId)];
    }

    /// <summary>One person (or studio), found where the query spells them (normalised, space-separated).</summary>
    private sealed class FakeNames(string spelled, string name, params int[] years) : INameResolver
    {
        public NamedEntityKind Kind { get; init; } = NamedEntityKind.Person;

        public IReadOnlyList<int> YearsOf(NamedEntity entity) => years;

        public bool TryMatch(TokenizedQuery query, int start, out NamedEntity entity, out int length)
        {
            entity = new NamedEntity(Kind, [name]);
            length = spelled.Split(' ').Length;
            return start + length <= query.Count && query.Text(start, length) == spelled;
        }
    }

    private sealed class FakeLexicon(params string[] known) : IKeywordLexicon
    {
        public bool IsUseful(string phrase) => known.Contains(phrase);
    }

    /// <summary>A lexicon that knows every word the catalogue's text holds: these and no others.</summary>
    private sealed class CatalogueWords(params string[] known) : IKeywordLexicon
    {
        public bool IsUseful(string phrase) => known.Contains(phrase);

        public bool Knows(string word) => known.Contains(word);
    }

    /// <summary>A lexicon that knows which words the catalogue's prose uses often (and "the", which analysis drops).</summary>
    private sealed class SpellingLexicon(params string[] common) : IKeywordLexicon
    {
        public bool IsUseful(string phrase) => common.Contains(phrase);

        public bool IsCommonWord(string word) => word == "the" || common.Contains(word);
    }
}
