using Marquee.Core.Catalog;
using Marquee.Core.Intent;
using Marquee.Core.Semantic;

namespace Marquee.Core.Ranking;

/// <summary>
/// The one way into Core for a page of picks: reads the wish (<see cref="WishReader"/>), embeds its text when the
/// snapshot has film vectors, ranks (<see cref="RecommendationEngine"/>) and lets the LLM, when there is one, add a
/// line to the top picks. Rooms use <c>ReadAsync</c> for the same reading of their wish.
/// </summary>
public sealed class PageRecommender(WishReader reader, IQueryEmbedder? embedder = null)
{
    /// <summary>A swipe left counts as this many stars for the rating model.</summary>
    public const float DislikeStars = 1.5f;

    public async Task<RecommendationPage> RecommendAsync(RecommenderSnapshot snapshot, PageRequest request, CancellationToken cancellationToken)
    {
        var budget = reader.StartBudget();
        var wish = await ReadAsync(snapshot, request.Wish, request.ExcludeMovieIds, budget, cancellationToken);
        var result = RecommendationEngine.Recommend(snapshot, new RecommendationRequest
        {
            Intent = wish.Intent,
            Filters = wish.Filters,
            Recommender = request.Recommender,
            K = request.K,
            History = request.History,
            RatedHistory = AsStars(request.History),
            QueryEmbedding = wish.QueryEmbedding,
            WishText = request.Wish.Text,
        });
        if (reader.LlmEnabled && request.Wish.HasText
            && await reader.ExplainAsync(request.Wish.Text, Explained(result.Items), budget, cancellationToken) is { } lines)
        {
            result = result with
            {
                Items = result.Items
                    .Select(item => lines.GetValueOrDefault(item.Movie.MovieId) is { } line ? item with { Reasons = [line, .. item.Reasons] } : item)
                    .ToList(),
            };
        }
        return new RecommendationPage(result, wish.Intent, Notice(result, wish.Intent, request.Wish));
    }

    private static List<ExplainedMovie> Explained(IReadOnlyList<RecommendedMovie> items) => items
        .Select(i => new ExplainedMovie(i.Movie.MovieId, i.Movie.Title, i.Movie.ReleaseYear, i.Movie.Genres, i.Movie.Details?.Overview, i.Reasons))
        .ToList();

    /// <summary>The wish read into an intent, the filters it sets and its text's vector.</summary>
    public Task<ReadWish> ReadAsync(RecommenderSnapshot snapshot, Wish wish, IReadOnlySet<int> excludeMovieIds, CancellationToken cancellationToken) =>
        ReadAsync(snapshot, wish, excludeMovieIds, reader.StartBudget(), cancellationToken);

    private async Task<ReadWish> ReadAsync(RecommenderSnapshot snapshot, Wish wish, IReadOnlySet<int> excludeMovieIds, LlmBudget budget,
        CancellationToken cancellationToken)
    {
        var intent = WithReferencesAudience(snapshot, await reader.ReadAsync(wish, snapshot.Vocabulary, snapshot.ParseContext, budget, cancellationToken));
        var filters = new RecommendationFilters
        {
            // Genres picked as filters are a must; genres read from the text only rank.
            AnyGenres = GenreSet.From(WishReader.CanonicalGenres(wish.Genres)),
            ExcludeGenres = GenreSet.From(intent.ExcludeGenres),
            MinRating = wish.MinRating,
            YearFrom = intent.YearFrom,
            YearTo = intent.YearTo,
            MaxRuntime = intent.MaxRuntime,
            ExcludeMovieIds = excludeMovieIds,
        };
        var embedding = embedder is not null && snapshot.Semantic is { } semantic && RecommendationEngine.UsesQueryEmbedding(intent, snapshot.Vocabulary)
            && EmbeddedWish.TextFor(wish.Text, intent, snapshot.Vocabulary) is { } text
            ? embedder.TryEmbed(text, semantic.ModelName, cancellationToken)
            : null;
        return new ReadWish(intent, filters, embedding);
    }

    /// <summary>
    /// "Like" a children's film keeps its audience: when every reference is one, the genres the family mood rules out
    /// (Horror, War, Film-Noir) are ruled out too, unless the wish asks for them. "More movies like Finding Nemo" had
    /// Jaws eighth, for the shark they share.
    /// </summary>
    private static MovieIntent WithReferencesAudience(RecommenderSnapshot snapshot, MovieIntent intent)
    {
        if (intent.ReferenceMovieIds.Count == 0 || snapshot.Vocabulary.Find(IntentBuilder.FamilyMood) is not { } family
            || !intent.ReferenceMovieIds.All(id => snapshot.Catalog.Find(id)?.Genres.Contains(ChildrensGenre) == true))
        {
            return intent;
        }
        var ruledOut = family.ExcludeGenres
            .Where(g => !intent.Genres.Contains(g) && !intent.Moods.Any(m => snapshot.Vocabulary.Find(m)?.GenreWeights.ContainsKey(g) == true))
            .Except(intent.ExcludeGenres).ToList();
        return ruledOut.Count == 0 ? intent : intent with { ExcludeGenres = [.. intent.ExcludeGenres, .. ruledOut] };
    }

    private const string ChildrensGenre = "Children";

    /// <summary>
    /// Star ratings for the rating model. History weights are stars already (a MovieLens user's own, a session's
    /// implied ones); a dislike (negative weight) counts as a low rating, a skip as nothing.
    /// </summary>
    public static List<(int MovieId, float Rating)> AsStars(IEnumerable<(int MovieId, float Weight)> history)
    {
        var rated = new List<(int, float)>();
        foreach (var (movieId, weight) in history)
        {
            if (weight > 0)
            {
                rated.Add((movieId, Math.Clamp(weight, 0.5f, 5f)));
            }
            else if (weight < 0)
            {
                rated.Add((movieId, DislikeStars));
            }
        }
        return rated;
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string AndList(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static string? Notice(RecommendationResult result, MovieIntent intent, Wish wish)
    {
        if (!intent.HasSoftSignals && intent.Unused.Count > 0 && wish.Genres.Count == 0)
        {
            // "films de Godard" when no film is credited to him: the page is the best rated, and should say why.
            return $"Nothing in the catalogue matches {AndList(intent.Unused.Select(w => $"'{w}'").ToList())}; these are films people rate highly.";
        }
        if (result.UnknownReferences is { Count: > 0 } unknown)
        {
            return $"Marquee knows too little about {AndList(unknown)} to tell which films are like {(unknown.Count == 1 ? "it" : "them")}: no genres, story or ratings to go on.";
        }
        return result.TrueMatches is { } matches && wish.HasText
            ? matches == 0
                ? $"Nothing in the catalogue matches '{wish.Text!.Trim()}' as a whole; these come closest."
                : $"Only {matches} {(matches == 1 ? "film matches" : "films match")} '{wish.Text!.Trim()}'; the rest are close to {(matches == 1 ? "it" : "them")}."
            : null;
    }
}

/// <summary>A wish as read: the intent that ranks, the filters that must hold and the text's vector (null without one).</summary>
public sealed record ReadWish(MovieIntent Intent, RecommendationFilters Filters, float[]? QueryEmbedding);
