using Marquee.Core.Catalog;
using Marquee.Core.Content;
using Marquee.Core.Intent;
using Marquee.Core.Ranking;
using Marquee.Core.Recommenders;

namespace Marquee.Core.Tests.Ranking;

public class RecommendationEngineTests
{
    private static readonly RecommenderSnapshot Plain = TestCatalog.Snapshot();

    private static RecommendationResult Recommend(RecommenderSnapshot snapshot, MovieIntent? intent = null,
        RecommenderKind kind = RecommenderKind.Auto, int k = 10, IReadOnlyList<(int, float)>? history = null,
        RecommendationFilters? filters = null) =>
        RecommendationEngine.Recommend(snapshot, new RecommendationRequest
        {
            Intent = intent ?? MovieIntent.Empty,
            Recommender = kind,
            K = k,
            History = history ?? [],
            RatedHistory = (history ?? []).Where(h => h.Item2 > 0).ToList(),
            Filters = filters ?? new RecommendationFilters(),
        });

    private static List<int> Ids(RecommendationResult result) => result.Items.Select(i => i.Movie.MovieId).ToList();

    [Fact]
    public void Recommend_Baseline_RanksWellRatedPopularMoviesFirst_AndNeverTheOneRatingWonder()
    {
        var result = Recommend(Plain, kind: RecommenderKind.Baseline, k: 5);

        Assert.Equal("baseline", result.Recommender);
        Assert.Null(result.FallbackReason);
        Assert.Contains(7, Ids(result));
        Assert.DoesNotContain(19, Ids(result));
    }

    [Fact]
    public void Recommend_CfWithoutModel_FallsBackToBaselineAndSaysWhy()
    {
        var result = Recommend(Plain, kind: RecommenderKind.Cf, history: [(4, 5f)]);

        Assert.Equal("baseline", result.Recommender);
        Assert.Contains("no collaborative-filtering model", result.FallbackReason);
    }

    [Fact]
    public void Recommend_CfWhenTheModelCannotUseTheHistory_FallsBackAndSaysWhy()
    {
        var snapshot = TestCatalog.Snapshot(new FakePersonalizer(new() { [13] = 1f }, usable: false));

        var result = Recommend(snapshot, kind: RecommenderKind.Cf, history: [(4, 5f)]);

        Assert.Equal("baseline", result.Recommender);
        Assert.Contains("no liked movie the model knows", result.FallbackReason);
    }

    [Fact]
    public void Recommend_CfWithoutHistory_FallsBackAndSaysWhy()
    {
        var snapshot = TestCatalog.Snapshot(new FakePersonalizer(new() { [13] = 1f }));

        var result = Recommend(snapshot, kind: RecommenderKind.Cf);

        Assert.Equal("baseline", result.Recommender);
        Assert.NotNull(result.FallbackReason);
    }

    [Fact]
    public void Recommend_Cf_RanksTheModelsFavouriteFirst_AndExplainsByTheLikedMovie()
    {
        var snapshot = TestCatalog.Snapshot(new FakePersonalizer(new() { [13] = 9f, [11] = 5f, [7] = 0.1f }, explainedBy: 10));

        var result = Recommend(snapshot, kind: RecommenderKind.Cf, history: [(10, 5f)]);

        Assert.Equal("cf", result.Recommender);
        Assert.Null(result.FallbackReason);
        Assert.Equal(1.0, result.CfShare);
        Assert.Equal(13, result.Items[0].Movie.MovieId);
        Assert.Contains("Because you liked Notting Hill", result.Items[0].Reasons);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(2, 0.5)]
    [InlineData(8, 0.8)]
    public void Recommend_Auto_GivesCfTheShareNOverNPlusTwo(int liked, double share)
    {
        var snapshot = TestCatalog.Snapshot(new FakePersonalizer(new() { [13] = 1f }));
        var history = Enumerable.Range(1, 10).Take(liked).Select(id => (id, 4.5f)).ToList<(int, float)>();
        history.Add((14, -1f));

        var result = Recommend(snapshot, history: history);

        Assert.Equal(share, result.CfShare, 6);
        Assert.Equal(liked == 0 ? "baseline" : "cf", result.Recommender);
        Assert.Null(result.FallbackReason);
    }

    [Fact]
    public void Recommend_History_IsNeverRecommendedAgain_LikedOrDisliked()
    {
        var snapshot = TestCatalog.Snapshot(new FakePersonalizer(new() { [13] = 1f, [7] = 2f, [4] = 3f }));

        var result = Recommend(snapshot, history: [(7, 5f), (4, -1f), (1, 4.5f)], k: 20);

        Assert.DoesNotContain(7, Ids(result));
        Assert.DoesNotContain(4, Ids(result));
        Assert.DoesNotContain(1, Ids(result));
    }

    [Fact]
    public void Recommend_CfScoresOnAHugeScale_AreNormalisedAndDoNotDrownTheWish()
    {
        // The model adores a comedy by a million; the person asks for horror.
        var snapshot = TestCatalog.Snapshot(new FakePersonalizer(new() { [13] = 1_000_000f, [9] = 1f, [8] = 2f }));

        var result = Recommend(snapshot, new MovieIntent { Genres = ["Horror"] }, RecommenderKind.Cf, k: 3, history: [(10, 5f)]);

        Assert.All(result.Items.Take(2), i => Assert.Contains("Horror", i.Movie.Genres));
    }

    [Fact]
    public void Recommend_WishedGenres_RankFirst_ButDoNotEmptyThePage()
    {
        var result = Recommend(Plain, new MovieIntent { Genres = ["Western"] }, k: 5);

        Assert.Equal(18, result.Items[0].Movie.MovieId);
        Assert.Equal(5, result.Items.Count);
        Assert.Contains("Matches Western", result.Items[0].Reasons);
    }

    [Fact]
    public void Recommend_AWishForShorts_PutsShortsFirstAndSaysSo()
    {
        // "short films" had let shorts in and still opened on the favourites (The Shawshank Redemption, Fight Club).
        TestCatalog.Entry[] shorts =
        [
            new(101, "Wrong Trousers, The", 1993, "Animation|Children|Comedy", 4.0, 56, "A penguin takes a room at Wallace's house.", null, 30),
            new(102, "Paperman", 2012, "Animation|Comedy|Romance", 4.4, 8, "A paper airplane brings two strangers together.", null, 7),
        ];

        var result = Recommend(TestCatalog.Snapshot(extra: shorts), new MovieIntent { IncludeShorts = true }, k: 4);

        Assert.Equal([101, 102], result.Items.Take(2).Select(i => i.Movie.MovieId).Order());
        Assert.Contains("A short, 30 min", result.Items.Single(i => i.Movie.MovieId == 101).Reasons);
        Assert.DoesNotContain(result.Items.Skip(2), i => i.Reasons.Any(r => r.StartsWith("A short", StringComparison.Ordinal)));
    }

    [Fact]
    public void Recommend_TheWishedGenre_IsTheKindOfFilm_NotOneFacetAmongOthers()
    {
        // "a creepy atmospheric horror" opened on Fight Club and Vertigo (tagged "atmospheric"), "a thought-provoking
        // documentary" on Pulp Fiction: famous films meeting the other words outranked the kind asked for.
        TestCatalog.Entry[] famous = [new(103, "Famous Moody Drama", 1999, "Drama|Thriller", 4.4, 320, "A quiet town keeps a secret.", "atmospheric|creepy", 120)];
        var snapshot = TestCatalog.Snapshot(extra: famous);

        var result = Recommend(snapshot, new MovieIntent { Genres = ["Horror"], Labels = ["atmospheric"] }, k: 3);

        Assert.All(result.Items, i => Assert.Contains("Horror", i.Movie.Genres));
    }

    [Fact]
    public void Recommend_AGenreTheSubjectNames_IsAHint_NotTheKind()
    {
        // "films about the american civil war" reads War from the subject's own words: The Good, the Bad and the Ugly
        // (a western set in that war) is of the subject, and lost its place to Duck Soup when War was taken for the kind.
        TestCatalog.Entry[] homeFront = [new(104, "Home Front", 1990, "Drama|Romance", 3.9, 40, "A family waits out the war.", "world war ii", 110)];

        var result = Recommend(TestCatalog.Snapshot(extra: homeFront), new MovieIntent { Genres = ["War"], Labels = ["world war ii"] }, k: 2);

        Assert.Equal(104, result.Items[0].Movie.MovieId);
    }

    [Fact]
    public void Recommend_HardFilters_HoldOnEveryItem()
    {
        var filters = new RecommendationFilters { ExcludeGenres = GenreSet.From(["Comedy"]), YearFrom = 1990, YearTo = 1999, MaxRuntime = 140 };

        var result = Recommend(Plain, filters: filters, k: 20);

        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, i =>
        {
            Assert.DoesNotContain("Comedy", i.Movie.Genres);
            Assert.InRange(i.Movie.ReleaseYear!.Value, 1990, 1999);
            Assert.True(i.Movie.RuntimeMinutes <= 140);
        });
    }

    [Fact]
    public void Recommend_Mood_RanksByItsGenresAndExplainsTheMatch()
    {
        var result = Recommend(Plain, new MovieIntent { Moods = ["romantic"] }, k: 2);

        Assert.All(result.Items, i => Assert.Contains("Romance", i.Movie.Genres));
        Assert.Contains(result.Items[0].Reasons, r => r.StartsWith("Matches 'romantic': Romance", StringComparison.Ordinal));
    }

    [Fact]
    public void Recommend_Topic_FindsMoviesByOverviewAndTags()
    {
        var result = Recommend(Plain, new MovieIntent { Keywords = ["heist"] }, k: 2);

        Assert.Equal([6, 20], Ids(result).Order().ToList());
        Assert.Contains(result.Items[0].Reasons, r => r.Contains("'heist'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a caper with a twist", "caper")]
    [InlineData("Bank-Robbery films", "bank robbery")]
    [InlineData("heist movies", "heist")]
    [InlineData(null, "heist")]
    public void Recommend_Topic_IsNamedInTheWordsOfTheWish(string? wish, string said)
    {
        // "a movie about a con artist" (then a heist) read "Matches 'heist'" on every card: a word the person never said.
        var result = RecommendationEngine.Recommend(Plain, new RecommendationRequest
        {
            Intent = new MovieIntent { Keywords = ["heist"] }, K = 2, WishText = wish,
        });

        Assert.All(result.Items, item => Assert.Contains(item.Reasons, r => r.StartsWith($"Matches '{said}'", StringComparison.Ordinal) || r == $"About {said}"));
    }

    [Fact]
    public void Recommend_FilmTheCommunityDisliked_ComesOnlyWhenNothingBetterIsLeft_UnlessThePersonsOwnPredictionSaysOtherwise()
    {
        TestCatalog.Entry[] flop = [new(21, "Heist Flop", 1997, "Crime|Thriller", 1.6, 60, "A bank heist goes nowhere.", "heist", 120)];
        var heist = new MovieIntent { Keywords = ["heist"] };

        var anonymous = Recommend(TestCatalog.Snapshot(extra: flop), heist, k: 3);
        var everything = Recommend(TestCatalog.Snapshot(extra: flop), heist, k: 21);
        var known = Recommend(TestCatalog.Snapshot(predictor: new FakeRatingPredictor(4.26f), extra: flop), heist, k: 3, history: [(7, 5f)]);

        // Heat and Ocean's Eleven, then a film that is no heist at all before the one 60 people rated 1.6★.
        Assert.Equal([6, 20], Ids(anonymous).Take(2).Order());
        Assert.DoesNotContain(21, Ids(anonymous));
        // Every other film comes first, but for the sequels the page's diversity step sets back further still.
        Assert.All(Ids(everything).SkipWhile(id => id != 21).Skip(1), id => Assert.Contains(id, new[] { 2, 3, 5 }));
        // A person whose own predicted rating is good gets it with the other heists.
        Assert.Contains(21, Ids(known));
    }

    [Fact]
    public void Recommend_AWishForTheWorst_PutsTheFilmsPeopleRateLowestFirst_EvenForAPersonWhoWouldDislikeThem()
    {
        // "Worst movies ever" searched the word "worst" (Ed Wood, Memories of Murder); the community's and the person's own
        // "you will not like this" kept the flops back even once the wish was read.
        TestCatalog.Entry[] flop = [new(21, "Heist Flop", 1997, "Crime|Thriller", 1.6, 60, "A bank heist goes nowhere.", "heist", 120)];
        var worst = new MovieIntent { Moods = ["so-bad-its-good"] };

        var anonymous = Recommend(TestCatalog.Snapshot(extra: flop), worst, k: 3);
        var known = Recommend(TestCatalog.Snapshot(predictor: new FakeRatingPredictor(1.5f), extra: flop), worst, k: 3, history: [(7, 5f)]);

        Assert.Equal(21, anonymous.Items[0].Movie.MovieId);
        Assert.Equal(21, known.Items[0].Movie.MovieId);
    }

    [Fact]
    public void Recommend_FreeKeyword_FindsTheMovieThatMentionsIt()
    {
        var result = Recommend(Plain, new MovieIntent { Keywords = ["balloons"] }, k: 1);

        Assert.Equal(17, result.Items[0].Movie.MovieId);
        // Not tagged with it, so the card says where the word is: "Matches 'balloons'" alone said nothing.
        Assert.Contains("Matches 'balloons': in the story", result.Items[0].Reasons);
    }

    [Fact]
    public void Recommend_AWishedLabelAFilmsStoryTells_IsItsReason()
    {
        // "a movie about chess": Pawn Sacrifice, Bobby Fischer's story, is filed under no "chess" label, and its card said
        // only "2.5★ from 1 rating".
        TestCatalog.Entry[] chess = [new(21, "Pawn Sacrifice", 2015, "Drama", 3.9, 40, "The American chess champion Bobby Fischer takes on the Soviets.", "biography", 115)];

        var result = Recommend(TestCatalog.Snapshot(extra: chess), new MovieIntent { Labels = ["chess"] }, k: 3);

        var card = Assert.Single(result.Items, item => item.Movie.MovieId == 21);
        Assert.Contains("Matches 'chess': in the story", card.Reasons);
        Assert.All(result.Items.Where(item => item.Movie.MovieId != 21), item => Assert.DoesNotContain("Matches 'chess': in the story", item.Reasons));
    }

    [Fact]
    public void Recommend_ExcludedKeyword_PushesMatchingMoviesDown()
    {
        var without = Recommend(Plain, new MovieIntent { Genres = ["Horror"] }, k: 3);
        var notGory = Recommend(Plain, new MovieIntent { Genres = ["Horror"], ExcludeKeywords = ["gory"] }, k: 3);

        Assert.Contains(16, Ids(without));
        Assert.Equal([8, 9], Ids(notGory).Take(2).Order());
    }

    [Fact]
    public void Recommend_ReferenceWithoutCf_RanksByContentAndSkipsTheReferenceItself()
    {
        var result = Recommend(Plain, new MovieIntent { ReferenceMovieIds = [4] }, k: 3);

        Assert.DoesNotContain(4, Ids(result));
        Assert.Equal(5, result.Items[0].Movie.MovieId);
        Assert.StartsWith("Like The Matrix: Action, Sci-Fi", result.Items[0].Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_Diversity_KeepsOneFranchiseFromFillingThePage()
    {
        var result = Recommend(Plain, new MovieIntent { Genres = ["Animation", "Children", "Fantasy"] }, k: 3);

        var toyStories = result.Items.Count(i => i.Movie.Title.StartsWith("Toy Story", StringComparison.Ordinal));
        Assert.True(toyStories <= 2, string.Join(", ", result.Items.Select(i => i.Movie.Title)));
        Assert.Contains(17, Ids(result));
    }

    [Fact]
    public void Recommend_EveryItem_CarriesTheRatingEvidence()
    {
        var result = Recommend(Plain, k: 3);

        Assert.All(result.Items, i => Assert.Matches(@"^\d\.\d★ from [\d,]+ ratings$", i.Reasons[^1]));
        Assert.Contains("4.3★ from 192 ratings", result.Items.Single(i => i.Movie.MovieId == 7).Reasons);
    }

    [Fact]
    public void Recommend_PredictedRating_ComesFromTheRatingModel_OnlyWhenThereIsHistory()
    {
        var snapshot = TestCatalog.Snapshot(predictor: new FakeRatingPredictor(4.26f));

        var withHistory = Recommend(snapshot, history: [(1, 4.5f)], k: 2);
        var anonymous = Recommend(snapshot, k: 2);
        var noModel = Recommend(Plain, history: [(1, 4.5f)], k: 2);

        Assert.All(withHistory.Items, i => Assert.Equal(4.26, i.PredictedRating));
        Assert.All(anonymous.Items, i => Assert.Null(i.PredictedRating));
        Assert.All(noModel.Items, i => Assert.Null(i.PredictedRating));
    }

    [Fact]
    public void Recommend_HistoryWithoutModel_LeansTowardsTheGenresLiked()
    {
        var without = Recommend(Plain, k: 5);
        var likesAnimation = Recommend(Plain, history: [(1, 5f), (2, 4.5f), (17, 4.5f)], k: 5);

        var before = without.Items.Count(i => i.Movie.Genres.Contains("Animation"));
        var after = likesAnimation.Items.Count(i => i.Movie.Genres.Contains("Animation"));
        Assert.True(after > before, $"{before} → {after}");
        Assert.Equal("baseline", likesAnimation.Recommender);
        Assert.Contains(likesAnimation.Items, i => i.Reasons.Any(r => r.StartsWith("Fits your taste for Animation", StringComparison.Ordinal)));
    }

    [Fact]
    public void Recommend_DislikedGenre_SinksInTheRanking()
    {
        static int Rank(RecommendationResult result, int movieId) => result.Items.Select(i => i.Movie.MovieId).ToList().IndexOf(movieId);

        var neutral = Recommend(Plain, k: 20);
        var dislikesHorror = Recommend(Plain, history: [(16, -1f), (9, 1f)], k: 20);

        Assert.True(Rank(dislikesHorror, 8) > Rank(neutral, 8), $"Alien moved from {Rank(neutral, 8)} to {Rank(dislikesHorror, 8)}");
    }

    [Fact]
    public void Recommend_Baseline_IgnoresTheHistoryForRanking()
    {
        var plain = Recommend(Plain, kind: RecommenderKind.Baseline, k: 5);
        var withHistory = Recommend(Plain, kind: RecommenderKind.Baseline, history: [(17, 5f)], k: 5);

        Assert.Equal(Ids(plain).Where(id => id != 17), Ids(withHistory).Take(Ids(plain).Count(id => id != 17)));
    }

    [Fact]
    public void Recommend_SameRequest_GivesTheSameOrder()
    {
        var intent = new MovieIntent { Moods = ["funny"], Keywords = ["heist"] };

        Assert.Equal(Ids(Recommend(Plain, intent)), Ids(Recommend(Plain, intent)));
    }

    [Theory]
    [InlineData("Toy Story 2", "toy", "story")]
    [InlineData("Shrek the Third", "shrek", "")]
    [InlineData("The Matrix Reloaded", "matrix", "reloaded")]
    [InlineData("Star Wars: Episode V - The Empire Strikes Back", "star", "war")]
    [InlineData("The Lord of the Rings: The Two Towers", "lord", "ring")]
    [InlineData("Aliens", "alien", "")]
    public void FranchiseKey_StripsArticlesSequelMarkersAndPlurals(string title, string first, string second)
    {
        Assert.Equal((first, second), RankingFeatures.FranchiseKey(title));
    }

    [Fact]
    public void SameFranchise_ToyStoriesYes_StarWarsAndStarTrekNo()
    {
        var features = Plain.Features;

        Assert.True(features.SameFranchise(0, 1));
        Assert.True(features.SameFranchise(3, 4));
        Assert.False(features.SameFranchise(0, 3));
        Assert.Equal(("star", "trek"), RankingFeatures.FranchiseKey("Star Trek"));
    }

    [Fact]
    public void Recommend_SilentFilms_TheEraAndTheLabelledNotFilmsThatMentionTheWord()
    {
        var movies = new (int Id, string Title, int Year, string Overview, string? Tag)[]
        {
            (1, "General, The", 1926, "A train engineer chases stolen locomotives.", null),
            (2, "Modern Times", 1936, "The Tramp struggles in the industrial world.", "silent film"),
            (3, "Singin' in the Rain", 1952, "A silent film star struggles with the coming of sound.", "silent film star"),
            (4, "Jay and Silent Bob Strike Back", 2001, "Two slackers travel to Hollywood.", "jay and silent bob"),
            (5, "Heat", 1995, "A detective hunts bank robbers.", null),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, m.Year, ["Comedy"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, 50, 4.0)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = m.Overview }),
            movies.Where(m => m.Tag is not null).Select(m => new MovieTag(1, m.Id, m.Tag!, 0)));
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var result = Recommend(snapshot, new MovieIntent { Keywords = ["silent film"] }, kind: RecommenderKind.Baseline, k: 2);

        Assert.Equal([1, 2], Ids(result).Order().ToList());
    }

    [Fact]
    public void Recommend_WishedForm_FilmsNotOfThatFormMeetNoneOfTheGenres()
    {
        // "An animated drama": Up is both; then animated films, not The Godfather, however well rated a drama it is.
        var result = Recommend(Plain, new MovieIntent { Genres = ["Animation", "Drama"] }, kind: RecommenderKind.Baseline, k: 2);

        Assert.Equal(17, result.Items[0].Movie.MovieId);
        Assert.Contains("Animation", result.Items[1].Movie.Genres);
    }

    [Fact]
    public void Recommend_WishedGenre_TmdbsGenresCountAsASecondOpinion()
    {
        // MovieLens files The Grey under Action and Drama only; TMDB also calls it a thriller. For "a thriller" it
        // ranks above a drama that is no thriller to anyone, and below the film MovieLens itself files as one.
        var movies = new (int Id, string Title, string Genres, string[] Tmdb, double Mean)[]
        {
            (1, "Notting Hill", "Comedy|Drama|Romance", ["Romance", "Comedy", "Drama"], 4.2),
            (2, "Heat", "Action|Crime|Thriller", ["Action", "Crime", "Thriller"], 3.8),
            (3, "Grey, The", "Action|Drama", ["Action", "Drama", "Thriller"], 3.6),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2000, Genres.ParseList(m.Genres))).ToList(),
            movies.Select(m => new MovieStats(m.Id, 50, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, TmdbGenres = m.Tmdb }), []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var result = Recommend(snapshot, new MovieIntent { Genres = ["Thriller"] }, kind: RecommenderKind.Baseline, k: 3);

        Assert.Equal([2, 3, 1], Ids(result));
        Assert.Contains("Matches Thriller", result.Items[1].Reasons);
    }

    [Fact]
    public void Genres_FromTmdb_MapsTheNamesMovieLensHasAndNoOthers()
    {
        Assert.Equal("Sci-Fi", Genres.FromTmdb("Science Fiction"));
        Assert.Equal("Children", Genres.FromTmdb("Family"));
        Assert.Equal("Thriller", Genres.FromTmdb("Thriller"));
        Assert.Null(Genres.FromTmdb("Music"));
        Assert.Null(Genres.FromTmdb("History"));
        Assert.Null(Genres.FromTmdb("TV Movie"));
    }

    [Fact]
    public void Recommend_Subject_ReportedScoresStayBelowOneAndKeepThePageOrder()
    {
        // Fame within a subject lifts raw scores above 1; reported, ten films were all "1.000" with no order to read.
        var result = Recommend(Plain, new MovieIntent { Keywords = ["heist"] }, kind: RecommenderKind.Baseline, k: 5);

        Assert.All(result.Items, item => Assert.InRange(item.Score, 0, 1));
        Assert.True(result.Items[0].Score < 1, $"top score {result.Items[0].Score}");
        Assert.Equal(result.Items.Select(i => i.Score).OrderDescending(), result.Items.Select(i => i.Score));
    }

    [Fact]
    public void Recommend_SurvivalAndCastaways_AnIslandAloneIsNeither()
    {
        // "island" was a survival term: Mission: Impossible II and Shutter Island (keyworded "island") were survival
        // thrillers. Castaways are a subject of their own, and a story of survival is not any film set on an island.
        var movies = new (int Id, string Title, string Overview, string Tag)[]
        {
            (1, "Cast Away", "A courier washes up alone on a tiny island.", "deserted island"),
            (2, "Grey, The", "Oil workers struggle to survive after a plane crash in Alaska.", "survival"),
            (3, "Shutter Island", "A marshal investigates a hospital for the criminally insane.", "island"),
            (4, "Lord of the Flies", "Schoolboys crash land on a deserted island.", "boys"),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2000, ["Drama", "Thriller"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, 50, 3.8)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = m.Overview }),
            movies.Select(m => new MovieTag(1, m.Id, m.Tag, 0)));
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var survival = Recommend(snapshot, new MovieIntent { Keywords = ["survival"] }, kind: RecommenderKind.Baseline, k: 4);
        var castaways = Recommend(snapshot, new MovieIntent { Keywords = ["castaways"] }, kind: RecommenderKind.Baseline, k: 4);

        Assert.Equal(2, survival.Items[0].Movie.MovieId);
        Assert.DoesNotContain(survival.Items.Single(i => i.Movie.MovieId == 3).Reasons, r => r.Contains("survival"));
        Assert.Equal([1, 4], Ids(castaways).Take(2).Order().ToList());
        Assert.DoesNotContain(castaways.Items.Single(i => i.Movie.MovieId == 3).Reasons, r => r.Contains("castaways"));
    }

    [Fact]
    public void Recommend_AWishByKindAndYearsAlone_PutsTheOneRatingWonderLast_ButNotAFilmTmdbVotersKnow()
    {
        // "a recent horror movie" had Buzzard and The Editor (5★ from one rating each) on its page: recent films have few
        // ratings in MovieLens, so one enthusiast outweighed films with a verdict.
        var movies = new (int Id, string Title, int Ratings, double Mean, int? Votes)[]
        {
            (1, "Known Fright", 40, 3.6, null),
            (2, "Fair Fright", 25, 3.5, null),
            (3, "Modest Fright", 12, 3.4, null),
            (4, "One Rating Wonder", 1, 5.0, null),
            (5, "World Famous Fright", 1, 4.0, 8000),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2016, ["Horror"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, m.Ratings, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = "Something stalks the living.", TmdbVoteCount = m.Votes, TmdbRating = m.Votes is null ? null : 7.5 }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");
        var recentHorror = new MovieIntent { Genres = ["Horror"], YearFrom = 2014 };

        var page = Recommend(snapshot, recentHorror, kind: RecommenderKind.Baseline, k: 5);
        var subject = Recommend(snapshot, recentHorror with { Keywords = ["stalks"] }, kind: RecommenderKind.Baseline, k: 5);

        // World Famous Fright has one MovieLens rating too, but 8,000 TMDB votes: a verdict.
        Assert.Equal(4, Ids(page)[^1]);
        // A subject is a matter of what fits it, which the rating count does not change.
        Assert.NotEqual(4, Ids(subject)[^1]);
    }

    [Fact]
    public void Recommend_NotGory_BodyHorrorAndChainsawsAreGore()
    {
        // "A horror movie that isn't gory" listed The Thing ("body horror") and Army of Darkness ("chain saw").
        var movies = new (int Id, string Title, string Keyword, double Mean)[]
        {
            (1, "Thing, The", "body horror", 4.4),
            (2, "Army of Darkness", "chain saw", 4.3),
            (3, "Others, The", "haunted house", 3.7),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 1990, ["Horror"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, 50, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = "Something stalks the living.", Keywords = [m.Keyword] }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var result = Recommend(snapshot, new MovieIntent { Genres = ["Horror"], ExcludeKeywords = ["gory"] }, kind: RecommenderKind.Baseline, k: 3);

        Assert.Equal(3, result.Items[0].Movie.MovieId);
    }

    [Fact]
    public void Recommend_ScaryButNotGory_KeepsHorrorAndRulesOutOnlyTheGore()
    {
        // "A scary movie that isn't too gory": the gory mood's genre is the scary mood's own, so only the films tagged
        // gory leave; ruling out its genre put The Usual Suspects and Inception on top.
        var movies = new (int Id, string Title, string[] Genres, string Keyword, double Mean)[]
        {
            (1, "Thing, The", ["Horror", "Sci-Fi"], "body horror", 4.4),
            (2, "Usual Suspects, The", ["Crime", "Mystery"], "heist", 4.3),
            (3, "Others, The", ["Horror", "Mystery"], "haunted house", 3.9),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 1995, m.Genres)).ToList(),
            movies.Select(m => new MovieStats(m.Id, 50, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = "Nothing is what it seems.", Keywords = [m.Keyword] }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var result = Recommend(snapshot, new MovieIntent { Moods = ["scary"], ExcludeKeywords = ["gory"] }, kind: RecommenderKind.Baseline, k: 3);

        Assert.Equal(3, result.Items[0].Movie.MovieId);
    }

    [Fact]
    public void Recommend_ACountryRuledOut_LeavesOutItsFilms_ButNotAFilmOfAnotherLanguageItPaidFor()
    {
        var movies = new (int Id, string Title, string Language, string[] Countries)[]
        {
            (1, "The Shining", "en", ["US"]),
            (2, "Notting Hill", "en", ["GB", "US"]),
            (3, "Crouching Tiger, Hidden Dragon", "zh", ["TW", "US"]),
            (4, "Let the Right One In", "sv", ["SE"]),
            (5, "Unknown Origins", "en", []),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2000, ["Drama"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, 50, 4.0)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, OriginalLanguage = m.Language, ProductionCountries = m.Countries }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var result = Recommend(snapshot, new MovieIntent { ExcludeCountries = ["US"] }, kind: RecommenderKind.Baseline, k: 5);

        Assert.Equal([3, 4, 5], Ids(result).Order().ToList());
    }

    [Fact]
    public void Recommend_HiddenGem_IsLittleKnownInTheWorld_NotOnlyInMovieLens()
    {
        // A 2018 blockbuster has a dozen MovieLens ratings and twenty thousand TMDB votes: it opened "an underrated
        // sci-fi gem". Counted in MovieLens ratings (here twenty votes a rating), its votes say it is famous.
        var movies = new (int Id, string Title, int Ratings, int Votes, double Mean)[]
        {
            (1, "Classic A", 100, 2000, 3.8),
            (2, "Classic B", 100, 2000, 3.8),
            (3, "Classic C", 100, 2000, 3.8),
            (4, "Avengers: Infinity War", 12, 20000, 4.1),
            (5, "Predestination", 12, 100, 4.0),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2015, ["Sci-Fi"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, m.Ratings, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, TmdbVoteCount = m.Votes, TmdbRating = 7.5 }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var gems = Ids(Recommend(snapshot, new MovieIntent { Moods = ["hidden-gem"], Genres = ["Sci-Fi"] }, kind: RecommenderKind.Baseline, k: 5));

        Assert.True(gems.IndexOf(5) < gems.IndexOf(4), string.Join(", ", gems));
        Assert.True(snapshot.Features.Fame[3] > snapshot.Features.Popularity[3]);
    }

    [Fact]
    public void Recommend_AClassicWithAPerson_CountsTmdbVotesAsRatings_AndBoostsOnlyWhatFits()
    {
        // "A classic western with john wayne" put The Shawshank Redemption second and The Searchers nowhere: seven
        // MovieLens ratings fell short of the mood's ten (its 332 TMDB votes are 15 ratings' worth here), and the
        // mood's quality boost lifted the best-rated film of all whatever it was.
        var movies = new (int Id, string Title, string Genre, int Ratings, int Votes, double Mean, string Lead)[]
        {
            (1, "The Searchers", "Western", 7, 330, 4.1, "John Wayne"),
            (2, "High Noon", "Western", 19, 340, 4.2, "Gary Cooper"),
            (3, "The Shawshank Redemption", "Drama", 300, 6600, 4.4, "Tim Robbins"),
            (4, "Casablanca", "Drama", 100, 2200, 4.2, "Humphrey Bogart"),
            (5, "Rio Lobo", "Western", 40, 880, 3.2, "Jack Elam"),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 1956, [m.Genre])).ToList(),
            movies.Select(m => new MovieStats(m.Id, m.Ratings, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, TmdbVoteCount = m.Votes, TmdbRating = 7.5, Cast = [new(m.Lead)] }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var page = Ids(Recommend(snapshot, new MovieIntent { Moods = ["classic"], Genres = ["Western"], People = ["John Wayne"] },
            kind: RecommenderKind.Baseline, k: 5));

        Assert.Equal(1, page[0]);
        Assert.True(page.IndexOf(2) < page.IndexOf(3), string.Join(", ", page));
        Assert.Equal(15, snapshot.Features.KnownRatings[0]);
    }

    [Fact]
    public void Recommend_LikeAFilmWithNothingToGoOn_NamesItAsUnknown()
    {
        // No genres, no story, no labels and one rating: nothing says what is like it. The Matrix is known.
        var snapshot = TestCatalog.Snapshot(extra: [new TestCatalog.Entry(500, "Black Mirror", 2011, "(no genres listed)", 4.0, 1)]);

        var unknown = Recommend(snapshot, new MovieIntent { ReferenceMovieIds = [500, 4] }, kind: RecommenderKind.Baseline, k: 3);
        var known = Recommend(snapshot, new MovieIntent { ReferenceMovieIds = [4] }, kind: RecommenderKind.Baseline, k: 3);

        Assert.Equal(["Black Mirror"], unknown.UnknownReferences);
        Assert.Null(known.UnknownReferences);
    }

    [Fact]
    public void Recommend_AShortPage_SaysCloseToOnlyOfAFilmThatIs()
    {
        // After three Hindi films, Arrival (similarity 0.1) was "close to Monsoon Wedding": a film that only fills the
        // page is not said to be like the match.
        var details = new[]
        {
            new MovieDetails { MovieId = 1, Overview = "A wedding in Delhi brings a family together.", Keywords = ["wedding", "india", "family"], Directors = [new("Mira Nair")] },
            new MovieDetails { MovieId = 2, Overview = "A family wedding in Mumbai.", Keywords = ["wedding", "india", "family", "music"] },
            new MovieDetails { MovieId = 3, Overview = "Aliens land and a linguist is called in.", Keywords = ["alien", "spaceship", "language"] },
        };
        var catalog = new MovieCatalog(
            [new(1, "Monsoon Wedding", 2001, ["Comedy", "Drama", "Romance"]), new(2, "Mumbai Wedding", 2003, ["Comedy", "Drama", "Romance"]),
             new(3, "Arrival", 2016, ["Sci-Fi"])],
            [new MovieStats(1, 12, 3.8), new MovieStats(2, 10, 3.6), new MovieStats(3, 80, 4.0)], [], details, []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var result = Recommend(snapshot, new MovieIntent { People = ["mira nair"] }, kind: RecommenderKind.Baseline, k: 3);

        Assert.Equal(1, result.TrueMatches);
        var reasons = result.Items.ToDictionary(i => i.Movie.MovieId, i => i.Reasons);
        Assert.Contains("Close to Monsoon Wedding", reasons[2]);
        Assert.DoesNotContain(reasons[3], r => r.StartsWith("Close to", StringComparison.Ordinal));
    }

    [Fact]
    public void Recommend_APlaceWished_IsNotMetByALineSpokenInItsLanguage()
    {
        // "swedish crime movies" went on with Minority Report and The Mask, American crime films with a line of Swedish,
        // counted as true matches: the page never said how few Swedish crime films were known. Fincher's remake, made in
        // Sweden and the United States and speaking Swedish in places, is one.
        var details = new[]
        {
            new MovieDetails { MovieId = 1, OriginalLanguage = "sv", ProductionCountries = ["SE"], Keywords = ["murder", "journalist"] },
            new MovieDetails { MovieId = 2, OriginalLanguage = "sv", ProductionCountries = ["SE"], Keywords = ["trafficking"] },
            new MovieDetails { MovieId = 3, OriginalLanguage = "en", SpokenLanguages = ["en", "sv"], ProductionCountries = ["US"], Keywords = ["precrime"] },
            new MovieDetails { MovieId = 4, OriginalLanguage = "en", SpokenLanguages = ["en"], ProductionCountries = ["DK", "FR", "DE", "NL", "NO", "SE", "GB", "US"] },
            new MovieDetails { MovieId = 5, OriginalLanguage = "sv", ProductionCountries = ["SE"], Keywords = ["vampire"] },
            new MovieDetails { MovieId = 6, OriginalLanguage = "en", SpokenLanguages = ["en", "sv"], ProductionCountries = ["US", "SE"], Keywords = ["journalist"] },
        };
        var catalog = new MovieCatalog(
            [new(1, "The Girl with the Dragon Tattoo", 2009, ["Crime", "Mystery"]), new(2, "Lilya 4-ever", 2002, ["Crime", "Drama"]),
             new(3, "Minority Report", 2002, ["Action", "Crime", "Sci-Fi"]), new(4, "Dogville", 2003, ["Crime", "Drama"]),
             new(5, "Let the Right One In", 2008, ["Drama", "Horror"]), new(6, "The Girl with the Dragon Tattoo", 2011, ["Crime", "Thriller"])],
            [new MovieStats(1, 25, 3.9), new MovieStats(2, 3, 3.5), new MovieStats(3, 120, 3.6), new MovieStats(4, 20, 4.0), new MovieStats(5, 17, 3.9),
             new MovieStats(6, 40, 3.8)],
            [], details, []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var result = Recommend(snapshot, new MovieIntent { Genres = ["Crime"], Languages = ["sv"], Countries = ["SE"] },
            kind: RecommenderKind.Baseline, k: 4);

        Assert.Equal(3, result.TrueMatches);
        Assert.Equal([1, 2, 6], Ids(result).Take(3).Order());
    }

    [Fact]
    public void Recommend_LightMood_PutsAFilmWhoseKeywordsWorkAgainstItBelowAGentleOne()
    {
        // "A cozy movie" opened on American Beauty: a comedy and a romance by its genres, and a dark comedy of adultery
        // and a failing marriage by its keywords. One such keyword alone is a subplot, and costs little.
        var movies = new (int Id, string Title, string[] Keywords, double Mean)[]
        {
            (1, "American Beauty", ["dark comedy", "adultery", "dysfunctional marriage", "suburbia"], 4.3),
            (2, "Silver Linings Playbook", ["infidelity", "dancing", "friendship"], 4.0),
            (3, "Notting Hill", ["bookshop", "falling in love"], 3.6),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 1999, ["Comedy", "Romance"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, 80, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = "Life in a small town.", Keywords = m.Keywords }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var cozy = Ids(Recommend(snapshot, new MovieIntent { Moods = ["cozy"] }, kind: RecommenderKind.Baseline, k: 3));
        var romantic = Ids(Recommend(snapshot, new MovieIntent { Moods = ["romantic"] }, kind: RecommenderKind.Baseline, k: 3));

        Assert.Equal([2, 3, 1], cozy);
        Assert.Equal(1, romantic[0]); // a mood that names nothing against it ranks the films as before
    }

    [Fact]
    public void Recommend_APlaceNoFilmIsOf_ComesClosestWithFilmsMadeThere_NotTheFavourites()
    {
        // "a turkish film": no film of the catalogue is in Turkish, and the page said "these come closest" over The
        // Shawshank Redemption and Fight Club rather than a film made with Turkish money and one with Turkish spoken.
        var details = new[]
        {
            new MovieDetails { MovieId = 1, OriginalLanguage = "en", ProductionCountries = ["US"] },
            new MovieDetails { MovieId = 2, OriginalLanguage = "en", ProductionCountries = ["US"] },
            new MovieDetails { MovieId = 3, OriginalLanguage = "el", ProductionCountries = ["GR", "TR"] },
            new MovieDetails { MovieId = 4, OriginalLanguage = "en", SpokenLanguages = ["en", "tr"], ProductionCountries = ["GB"] },
        };
        var catalog = new MovieCatalog(
            [new(1, "The Shawshank Redemption", 1994, ["Drama"]), new(2, "Fight Club", 1999, ["Drama"]),
             new(3, "Steam: The Turkish Bath", 1997, ["Drama"]), new(4, "Lawrence of Arabia", 1962, ["Drama"])],
            [new MovieStats(1, 300, 4.4), new MovieStats(2, 220, 4.3), new MovieStats(3, 1, 4.0), new MovieStats(4, 45, 4.3)], [], details, []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var result = Recommend(snapshot, new MovieIntent { Languages = ["tr"], Countries = ["TR"] }, kind: RecommenderKind.Baseline, k: 4);

        Assert.Equal(0, result.TrueMatches);
        Assert.Equal([3, 4], Ids(result).Take(2).Order());
    }

    [Fact]
    public void Recommend_AForeignFilmWithNoPlaceOnRecord_IsOfTheWishedPlaceWhenItsStoryIsSetThere()
    {
        // "japanese samurai films": no dump records Harakiri's language or country, so it met nothing of "japanese" and
        // came 61st, under Akira and Battle Royale. MovieLens lists it with its Japanese title and its story is set in
        // Japan. An American film set in Mexico, listed under its English title alone, is not Mexican.
        var details = new[]
        {
            new MovieDetails { MovieId = 1, OriginalLanguage = "ja", ProductionCountries = ["JP"], Keywords = ["samurai"] },
            new MovieDetails { MovieId = 2, OriginalLanguage = "ja", ProductionCountries = ["JP"], Keywords = ["biker gang"] },
            new MovieDetails { MovieId = 3, Overview = "Peace in 17th-century Japan throws thousands of samurai out of work." },
            new MovieDetails { MovieId = 4, Overview = "A samurai's son sails from Japan to California." },
            new MovieDetails { MovieId = 5, Overview = "A giant worm terrorises an oil field in Mexico." },
        };
        var catalog = new MovieCatalog(
            [new(1, "Seven Samurai (Shichinin no samurai)", 1954, ["Action", "Drama"]), new(2, "Akira", 1988, ["Action", "Animation"]),
             new(3, "Harakiri (Seppuku)", 1962, ["Drama"]), new(4, "The Samurai's Son", 1990, ["Drama"]),
             new(5, "Tremors 2: Aftershocks", 1996, ["Comedy", "Horror"])],
            [new MovieStats(1, 48, 4.2), new MovieStats(2, 39, 3.7), new MovieStats(3, 3, 4.3), new MovieStats(4, 3, 4.3), new MovieStats(5, 5, 2.7)],
            [], details, []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var samurai = Ids(Recommend(snapshot, new MovieIntent { Keywords = ["samurai"], Languages = ["ja"], Countries = ["JP"] },
            kind: RecommenderKind.Baseline, k: 5));
        var mexican = Recommend(snapshot, new MovieIntent { Genres = ["Horror"], Languages = ["es"], Countries = ["MX"] }, kind: RecommenderKind.Baseline, k: 5);

        Assert.Equal([1, 3], samurai.Take(2));
        Assert.True(samurai.IndexOf(3) < samurai.IndexOf(4), "a film with no foreign title is not taken for a Japanese one");
        Assert.DoesNotContain(mexican.Items, item => item.Reasons.Any(r => r.Contains("Spanish", StringComparison.Ordinal)));
        Assert.Equal(0, mexican.TrueMatches);
    }

    [Fact]
    public void Recommend_AFilmToBeLikeButDarker_IsADarkerFilmOfItsKind_NotTheMoodsFavourites()
    {
        // "toy story but darker" was Toy Story 2, then Fight Club and Reservoir Dogs: the dark mood counted in full for
        // films nothing like Toy Story, and against every children's film.
        var movies = new (int Id, string Title, string[] Genres, string[] Keywords, int Ratings)[]
        {
            (5, "Toy Story 2", ["Animation", "Children", "Comedy"], ["toys", "friendship", "computer animation", "sequel"], 100),
            (1, "Toy Story", ["Animation", "Children", "Comedy"], ["toys", "friendship", "computer animation"], 200),
            (2, "Up", ["Adventure", "Animation", "Children", "Drama"], ["grief", "balloon", "computer animation", "old age"], 100),
            (3, "Fight Club", ["Crime", "Drama", "Thriller"], ["insomnia", "violence", "split personality"], 220),
            (4, "Reservoir Dogs", ["Crime", "Thriller"], ["heist", "violence", "betrayal"], 130),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2000, m.Genres)).ToList(),
            movies.Select(m => new MovieStats(m.Id, m.Ratings, m.Ratings > 150 ? 4.3 : 3.9)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = $"{m.Title}.", Keywords = m.Keywords }), []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var page = Ids(Recommend(snapshot, new MovieIntent { Moods = ["dark"], ReferenceMovieIds = [1] }, kind: RecommenderKind.Baseline, k: 4));

        Assert.True(page.IndexOf(2) < page.IndexOf(3), string.Join(", ", page));
    }

    [Fact]
    public void Recommend_Funny_PutsAComedyThrillerBelowAComedyOfEqualStanding()
    {
        // "I need a good laugh" opened on Pulp Fiction and had Fargo fifth: comedies to MovieLens, thrillers first.
        var movies = new (int Id, string Title, string[] Genres)[]
        {
            (1, "Pulp Fiction", ["Comedy", "Crime", "Drama", "Thriller"]),
            (2, "Office Space", ["Comedy", "Crime"]),
            (3, "Life of Brian", ["Comedy"]),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 1995, m.Genres)).ToList(),
            movies.Select(m => new MovieStats(m.Id, 90, 4.1)), [], [], []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var page = Ids(Recommend(snapshot, new MovieIntent { Moods = ["funny"] }, kind: RecommenderKind.Baseline, k: 3));

        Assert.Equal(1, page[^1]);
    }

    [Fact]
    public void Recommend_AKindNamedByItsGenres_CountsFilmsOfExactlyThoseGenres_NotOnlyTheFewLabelledSo()
    {
        // "romantic comedy" ranked films of six ratings keyworded so above When Harry Met Sally and Pretty Woman, which
        // MovieLens files as Comedy|Romance and no one labelled. A film with more genres of its own is less of the kind.
        var movies = new (int Id, string Title, string[] Genres, string[] Keywords, int Ratings, double Mean)[]
        {
            (1, "When Harry Met Sally...", ["Comedy", "Romance"], ["new york", "friendship"], 85, 3.9),
            (2, "Pretty Woman", ["Comedy", "Romance"], ["hotel", "los angeles"], 135, 3.6),
            (3, "Just Go with It", ["Comedy", "Romance"], ["romantic comedy", "hawaii"], 7, 3.2),
            (4, "Life As We Know It", ["Comedy", "Romance"], ["romantic comedy", "baby"], 6, 3.0),
            (5, "Love Actually", ["Comedy", "Drama", "Romance"], ["christmas", "london"], 60, 3.9),
            (6, "Forrest Gump", ["Comedy", "Drama", "Romance", "War"], ["vietnam", "running"], 60, 3.9),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2000, m.Genres)).ToList(),
            movies.Select(m => new MovieStats(m.Id, m.Ratings, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = "Two people fall in love.", Keywords = m.Keywords }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");
        var intent = new MovieIntent { Genres = ["Romance", "Comedy"], Labels = ["romantic comedy"] };

        var page = Ids(Recommend(snapshot, intent, kind: RecommenderKind.Baseline, k: 6));

        Assert.Equal([1, 2], page.Take(2).Order());
        Assert.True(page.IndexOf(5) < page.IndexOf(6), string.Join(", ", page)); // two thirds a romantic comedy, before half of one
        Assert.False(RecommendationEngine.UsesQueryEmbedding(intent, snapshot.Vocabulary)); // its two words are no story to look for
        Assert.True(RecommendationEngine.UsesQueryEmbedding(intent with { Labels = ["time loop"] }, snapshot.Vocabulary));
        // A mood that names the kind among its tags (a date night's "romantic comedy") finds the same films.
        var dateNight = snapshot.Features.MoodTags("date-night")!;
        Assert.True(dateNight[catalog.Find(1)!.Index]);
        Assert.False(dateNight[catalog.Find(5)!.Index]);
    }

    [Fact]
    public void Recommend_PlacesAlone_WeighHowMuchOfWhereTheFilmWasMadeTheyAre()
    {
        // "european films" opened on Fight Club, made in the United States with German money, as fully as on Amélie.
        var movies = new (int Id, string Title, string Language, string[] Countries, double Mean)[]
        {
            (1, "Fight Club", "en", ["US", "DE"], 4.3),
            (2, "Amélie", "fr", ["FR"], 4.0),
            (3, "Titanic", "en", ["US"], 4.4),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2000, ["Drama"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, 100, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = "A story.", OriginalLanguage = m.Language, ProductionCountries = m.Countries }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var result = Recommend(snapshot, new MovieIntent { Countries = ["FR", "DE", "IT"] }, kind: RecommenderKind.Baseline, k: 3);

        Assert.Equal([2, 1, 3], Ids(result));
        Assert.Contains("Made in Germany, 2000", result.Items[1].Reasons); // still made there, in part
    }

    [Fact]
    public void MoodTags_ATagOnlyInsideOneLongerLabel_IsAProp_NotTheFilmsMood()
    {
        // "something dark and twisted" opened on The Shawshank Redemption, tagged dark by its "police brutality".
        var movies = new (int Id, string Title, string[] Keywords)[]
        {
            (1, "The Shawshank Redemption", ["police brutality", "hope", "prison"]),
            (2, "Oldboy", ["brutality", "revenge"]),
            (3, "Irréversible", ["police brutality", "rape and revenge"]),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2000, ["Crime", "Drama"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, 80, 3.8)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = "A story.", Keywords = m.Keywords }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var dark = snapshot.Features.MoodTags("dark")!;

        Assert.False(dark[catalog.Find(1)!.Index]);
        Assert.True(dark[catalog.Find(2)!.Index]); // filed under the tag itself
        Assert.True(dark[catalog.Find(3)!.Index]); // two labels holding the mood's tags ("brutality", "revenge")
    }

    /// <summary>A topic's evidence (by topic name and movie id) over a catalogue of dramas with these keywords.</summary>
    private static Func<string, int, float> TopicEvidence((int Id, string Title, string[] Keywords)[] movies)
    {
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2000, ["Drama"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, 80, 3.8)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = "A story.", Keywords = m.Keywords }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");
        return (topic, movieId) =>
        {
            var scores = new float[catalog.Count];
            snapshot.Features.Topic(topic)!.CopyTo(scores);
            return scores[catalog.Find(movieId)!.Index];
        };
    }

    [Fact]
    public void TopicHits_AWordOnlyInsideOneLongerLabel_IsAProp_SeveralSuchLabelsAreTheSubject()
    {
        // Taxi Driver's "junk food" made it a film about food as much as Ratatouille; Jaws's "dead dog" a dog film.
        var movies = new (int Id, string Title, string[] Keywords)[]
        {
            (1, "Ratatouille", ["food", "chef", "paris"]),
            (2, "Taxi Driver", ["junk food", "new york"]),
            (3, "Bolt", ["talking dog", "girl dog relationship"]),
            (4, "Jaws", ["dead dog", "shark"]),
            (5, "Marley & Me", ["dog", "journalist"]),
        };
        var evidence = TopicEvidence(movies);

        Assert.Equal(1f, evidence("food", 1));
        Assert.Equal(CatalogLabels.ContainingLabelEvidence, evidence("food", 2));
        Assert.Equal(1f, evidence("dogs", 3));
        Assert.Equal(CatalogLabels.ContainingLabelEvidence, evidence("dogs", 4));
        Assert.Equal(1f, evidence("dogs", 5));
    }

    [Fact]
    public void TopicHits_ALabelMatchedOnlyByItsStem_IsAMentionNotTheSubject()
    {
        // The labels are searched stemmed, and a stem joins words of other meanings: "lonely" and "lone wolf" (As Good as
        // It Gets was a film about loneliness), "animal" and "animation", "madness" and "mad scientist".
        var movies = new (int Id, string Title, string[] Keywords)[]
        {
            (1, "Lost in Translation", ["loneliness", "tokyo"]),
            (2, "As Good as It Gets", ["lone wolf", "dog"]),
            (3, "Babe", ["animal", "farm"]),
            (4, "Shrek", ["animation", "ogre"]),
        };
        var evidence = TopicEvidence(movies);

        Assert.Equal(1f, evidence("loneliness", 1));
        Assert.True(evidence("loneliness", 2) < CatalogLabels.ContainingLabelEvidence);
        Assert.Equal(1f, evidence("animals", 3));
        Assert.True(evidence("animals", 4) < CatalogLabels.ContainingLabelEvidence);
    }

    [Fact]
    public void SimilarMovies_AFilmWhoseToneClashesWithTheReference_ComesAfterOneThatSharesIt()
    {
        // "Something like Amélie" offered Life Is Beautiful (a Holocaust film) and Irreversible; "like Jaws" Finding
        // Nemo. Sharing labels and genres does not make a film of another tone alike.
        var movies = new (int Id, string Title, string[] Genres, string[] Keywords)[]
        {
            (1, "Amélie", ["Comedy", "Romance"], ["whimsical", "paris", "cafe", "love"]),
            (2, "Life Is Beautiful", ["Comedy", "Romance"], ["whimsical", "paris", "cafe", "holocaust", "dark comedy"]),
            (3, "Chocolat", ["Comedy", "Romance"], ["whimsical", "village"]),
            (4, "Jaws", ["Action", "Horror"], ["shark", "beach", "island"]),
            (5, "Finding Nemo", ["Animation", "Children", "Comedy"], ["shark", "beach", "island", "ocean"]),
            (6, "Deep Blue Sea", ["Action", "Sci-Fi"], ["shark", "laboratory"]),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2000, m.Genres)).ToList(),
            movies.Select(m => new MovieStats(m.Id, 80, 3.8)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = "A story.", Keywords = m.Keywords }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var likeAmelie = ReferenceSimilarity.SimilarMovies(snapshot, 1, 5).Select(s => s.Movie.MovieId).ToList();
        var likeJaws = ReferenceSimilarity.SimilarMovies(snapshot, 4, 5).Select(s => s.Movie.MovieId).ToList();

        Assert.True(likeAmelie.IndexOf(3) < likeAmelie.IndexOf(2), string.Join(",", likeAmelie));
        Assert.True(likeJaws.IndexOf(6) < likeJaws.IndexOf(5), string.Join(",", likeJaws));
        // A dark film is still like a dark film; a children's film is no more like a horror film than the reverse.
        Assert.False(ReferenceSimilarity.ToneClash(snapshot.Features, catalog.Find(2)!.Index, catalog.Find(1)!.Index));
        Assert.True(ReferenceSimilarity.ToneClash(snapshot.Features, catalog.Find(5)!.Index, catalog.Find(4)!.Index));
        Assert.False(ReferenceSimilarity.ToneClash(snapshot.Features, catalog.Find(6)!.Index, catalog.Find(4)!.Index));
    }

    [Fact]
    public void SimilarMovies_LikeAComedy_IsAComedyFirst_UnlessTheComedyIsAlsoAnotherKind()
    {
        // "Like Airplane!" offered Flight and Turbulence, which share its plane; "like the hangover" Casino, for Las Vegas.
        var movies = new (int Id, string Title, string[] Genres, string[] Keywords)[]
        {
            (1, "Airplane!", ["Comedy"], ["airplane", "pilot", "parody"]),
            (2, "Flight", ["Drama"], ["airplane", "pilot", "alcoholism"]),
            (3, "Top Secret!", ["Comedy"], ["parody", "spy"]),
            (4, "An American Werewolf in London", ["Comedy", "Horror"], ["werewolf", "london"]),
            (5, "The Howling", ["Horror"], ["werewolf"]),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 1980, m.Genres)).ToList(),
            movies.Select(m => new MovieStats(m.Id, 80, 3.8)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Overview = "A story.", Keywords = m.Keywords }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");
        int At(int id) => catalog.Find(id)!.Index;

        Assert.True(ReferenceSimilarity.ToneClash(snapshot.Features, At(1), At(2)));
        Assert.False(ReferenceSimilarity.ToneClash(snapshot.Features, At(1), At(3)));
        Assert.False(ReferenceSimilarity.ToneClash(snapshot.Features, At(4), At(5))); // a horror comedy is a horror film too
        var likeAirplane = ReferenceSimilarity.SimilarMovies(snapshot, 1, 4).Select(s => s.Movie.MovieId).ToList();
        Assert.True(likeAirplane.IndexOf(3) < likeAirplane.IndexOf(2), string.Join(",", likeAirplane));
    }

    [Theory]
    [InlineData("ja", "JP", 1)] // "japanese horror": Ringu before The Ring, an American remake with Japanese money
    [InlineData("en", "GB", 1)] // "british horror": The Descent before an American film in English
    public void Recommend_AWishedPlace_IsWhereTheFilmIsFromNotAnyCoProducerOrSharedLanguage(string language, string country, int expected)
    {
        var movies = new (int Id, string Title, string Language, string[] Countries, double Mean)[]
        {
            (1, "Home-grown", language, [country], 3.6),
            (2, "Made abroad in English", "en", language == "en" ? ["US"] : ["US", country], 4.4),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2002, ["Horror"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, 50, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, OriginalLanguage = m.Language, ProductionCountries = m.Countries }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var result = Recommend(snapshot, new MovieIntent { Genres = ["Horror"], Languages = [language], Countries = [country] }, kind: RecommenderKind.Baseline, k: 2);

        Assert.Equal(expected, result.Items[0].Movie.MovieId);
    }

    [Fact]
    public void Recommend_ChineseFilms_IncludeTheCantoneseOnesTmdbFilesUnderItsOwnCode()
    {
        // TMDB files Hong Kong's Cantonese films under "cn", not an ISO 639-1 code: "hong kong action" counted The Killer
        // as a Hong Kong co-production in another language, below Enter the Dragon, an American film set there.
        var movies = new (int Id, string Title, string Language, string Country, double Mean)[]
        {
            (1, "Killer, The", "cn", "HK", 3.6),
            (2, "Enter the Dragon", "en", "HK", 4.4),
            (3, "Raise the Red Lantern", "zh", "CN", 3.5),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 1990, ["Action"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, 50, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, OriginalLanguage = m.Language, ProductionCountries = [m.Country] }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var wished = Recommend(snapshot, new MovieIntent { Languages = ["zh"], Countries = ["CN", "HK", "TW"] }, kind: RecommenderKind.Baseline, k: 3);
        var ruledOut = Recommend(snapshot, new MovieIntent { Genres = ["Action"], ExcludeLanguages = ["zh"] }, kind: RecommenderKind.Baseline, k: 3);

        Assert.Equal([1, 3], wished.Items.Take(2).Select(i => i.Movie.MovieId).Order());
        Assert.Equal([2], ruledOut.Items.Select(i => i.Movie.MovieId));
    }

    [Fact]
    public void Recommend_NorwegianFilms_IncludeThoseTmdbFilesUnderBokmalOrNynorsk()
    {
        // TMDB files Troll Hunter under "nb" (Bokmål): "a norwegian film" counted only the films filed under "no".
        var movies = new (int Id, string Title, string Language, string Country, double Mean)[]
        {
            (1, "Troll Hunter, The", "nb", "NO", 3.6),
            (2, "Insomnia", "no", "NO", 3.8),
            (3, "Kon-Tiki", "nn", "NO", 3.5),
            (4, "Fargo", "en", "US", 4.2),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2010, ["Drama"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, 50, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, OriginalLanguage = m.Language, ProductionCountries = [m.Country] }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var wished = Recommend(snapshot, new MovieIntent { Languages = ["no"], Countries = ["NO"] }, kind: RecommenderKind.Baseline, k: 4);
        var ruledOut = Recommend(snapshot, new MovieIntent { Genres = ["Drama"], ExcludeLanguages = ["no"] }, kind: RecommenderKind.Baseline, k: 4);

        Assert.Equal([1, 2, 3], wished.Items.Take(3).Select(i => i.Movie.MovieId).Order());
        Assert.Equal([4], ruledOut.Items.Select(i => i.Movie.MovieId));
    }

    [Fact]
    public void Recommend_RuledOutStudio_ItsCreditsItsLabelAndTheirFranchisesLeaveThePage()
    {
        // "A superhero movie that isn't Marvel": The Avengers is Marvel's by credit; X-Men only by its "marvel comic"
        // keyword (Fox produced it); X2 by neither, but it is X-Men's sequel. The Dark Knight is what is left.
        var movies = new (int Id, string Title, string Company, string Keyword, int? Collection, double Mean)[]
        {
            (1, "Avengers, The", "Marvel Studios", "superhero", null, 4.4),
            (2, "X-Men", "20th Century Fox", "marvel comic", 748, 4.3),
            (3, "X2: X-Men United", "20th Century Fox", "superhero", 748, 4.2),
            (4, "Dark Knight, The", "DC Comics", "superhero", null, 3.6),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 2005, ["Action"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, 50, m.Mean)), [],
            movies.Select(m => new MovieDetails
            {
                MovieId = m.Id, Overview = "Heroes with powers fight a villain.", ProductionCompanies = [m.Company], Keywords = [m.Keyword],
                CollectionId = m.Collection,
            }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var result = Recommend(snapshot, new MovieIntent { Keywords = ["superheroes"], ExcludeCompanies = ["marvel"] }, kind: RecommenderKind.Baseline, k: 4);

        Assert.Equal(4, result.Items[0].Movie.MovieId);
    }

    [Fact]
    public void Recommend_APersonRuledOut_LeavesTheirFilmsForLast_NotTheirSeriesWithoutThem()
    {
        // "A comedy without Jim Carrey": his films come only when nothing else is left; a sequel he is not in stays.
        var movies = new (int Id, string Title, string Lead, int? Collection, double Mean)[]
        {
            (1, "Mask, The", "Jim Carrey", null, 4.4),
            (2, "Ace Ventura: Pet Detective", "Jim Carrey", 3167, 4.3),
            (3, "Ace Ventura Jr.", "Josh Flitter", 3167, 3.8),
            (4, "Groundhog Day", "Bill Murray", null, 3.6),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 1994, ["Comedy"])).ToList(),
            movies.Select(m => new MovieStats(m.Id, 50, m.Mean)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Cast = [new CreditedPerson(m.Lead)], CollectionId = m.Collection }),
            []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var result = Recommend(snapshot, new MovieIntent { Genres = ["Comedy"], ExcludePeople = ["Jim Carrey"] }, kind: RecommenderKind.Baseline, k: 4);

        Assert.Equal([3, 4], result.Items.Take(2).Select(i => i.Movie.MovieId).Order());
        Assert.Equal([1, 2], result.Items.Skip(2).Select(i => i.Movie.MovieId).Order());
    }

    private static RecommenderSnapshot ChildrensShelf()
    {
        // Equally rated family films: three animated children's comedies, an animated fantasy, and a live-action
        // family drama rated PG (It's a Wonderful Life is Children|Drama|Fantasy|Romance in MovieLens).
        var movies = new (int Id, string Title, string[] Genres, string Certification)[]
        {
            (1, "Toy Story", ["Adventure", "Animation", "Children", "Comedy"], "G"),
            (2, "Aladdin", ["Adventure", "Animation", "Children", "Comedy"], "G"),
            (3, "Finding Nemo", ["Adventure", "Animation", "Children", "Comedy"], "G"),
            (4, "My Neighbor Totoro", ["Animation", "Children", "Fantasy"], "G"),
            (5, "It's a Wonderful Life", ["Children", "Drama", "Fantasy", "Romance"], "PG"),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 1990, m.Genres)).ToList(),
            movies.Select(m => new MovieStats(m.Id, 100, 4.0)), [],
            movies.Select(m => new MovieDetails { MovieId = m.Id, Certification = m.Certification, CertificationCountry = "US" }),
            []);
        return new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");
    }

    [Fact]
    public void Recommend_ForAYoungChild_AnimatedFilmsMadeForAllAgesComeBeforeALiveActionDrama()
    {
        var snapshot = ChildrensShelf();

        var young = Ids(Recommend(snapshot, new MovieIntent { Moods = ["family"], MaxAge = 5 }, kind: RecommenderKind.Baseline, k: 5));

        Assert.Equal(5, young[^1]);
    }

    [Fact]
    public void Recommend_ForAChild_ChildrensFilmsDoNotCountAsSameness()
    {
        // All three animated comedies share Adventure|Animation|Children|Comedy; for a child that is the page asked
        // for, so the genre-mix penalty must not let the live-action drama in before the third of them.
        var snapshot = ChildrensShelf();

        var page = Ids(Recommend(snapshot, new MovieIntent { Moods = ["family"], MaxAge = 5 }, kind: RecommenderKind.Baseline, k: 4));

        Assert.Equal([1, 2, 3, 4], page.Order());
    }

    [Fact]
    public void Recommend_FilmTheWishNamesAsKnown_IsLeftOffThePage()
    {
        // "By the director of Heat": Michael Mann's films, not Heat itself.
        var result = Recommend(Plain, new MovieIntent { Keywords = ["heist"], ExcludeMovieIds = [6] }, kind: RecommenderKind.Baseline, k: 19);

        Assert.DoesNotContain(6, Ids(result));
        Assert.Contains(20, Ids(result));
    }

    [Fact]
    public void Recommend_DateNight_IsRomanceFirst_NotAnyGoodComedy()
    {
        // A date film is a love story; a comedy with no romance (Airplane!, Clerks) comes after the romantic comedies.
        var result = Recommend(Plain, new MovieIntent { Moods = ["date-night"] }, kind: RecommenderKind.Baseline, k: 10);
        var ids = Ids(result);

        Assert.True(ids.IndexOf(13) > ids.IndexOf(10), string.Join(", ", ids));
        Assert.True(ids.IndexOf(13) > ids.IndexOf(11), string.Join(", ", ids));
    }

    [Fact]
    public void Recommend_MoodOfAWishedGenre_FitsByWhatTheFilmIsBeyondThatGenre()
    {
        // "Mind-bending sci-fi": every candidate is science fiction, so being sci-fi says little about the mind-bending;
        // the mystery-thriller is the better fit than the better-rated sci-fi comedy.
        var movies = new (int Id, string Title, string Genres, double Mean)[]
        {
            (1, "Back to the Future", "Adventure|Comedy|Sci-Fi", 4.0),
            (2, "Twelve Monkeys", "Mystery|Sci-Fi|Thriller", 3.9),
            (3, "Battlefield Earth", "Action|Sci-Fi", 1.5),
        };
        var catalog = new MovieCatalog(
            movies.Select(m => new Movie(m.Id, m.Title, 1990, Genres.ParseList(m.Genres))).ToList(),
            movies.Select(m => new MovieStats(m.Id, 150, m.Mean)), [], [], []);
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), "test");

        var result = Recommend(snapshot, new MovieIntent { Genres = ["Sci-Fi"], Moods = ["mind-bending"] }, kind: RecommenderKind.Baseline, k: 2);

        Assert.Equal([2, 1], Ids(result));
    }

    [Fact]
    public void Recommend_Tearjerker_IsNotAnyAcclaimedCrimeDrama()
    {
        // "A movie to make me cry" put The Godfather: Part II second: a drama, but a crime saga, not a weepie.
        var ids = Ids(Recommend(Plain, new MovieIntent { Moods = ["tearjerker"] }, kind: RecommenderKind.Baseline, k: 10));

        Assert.True(ids.IndexOf(18) < ids.IndexOf(7), string.Join(", ", ids));
    }
}
