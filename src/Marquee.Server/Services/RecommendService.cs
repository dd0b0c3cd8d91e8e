using System.Globalization;
using Marquee.Core.Catalog;
using Marquee.Core.Intent;
using Marquee.Core.Ranking;
using Marquee.Server.Contracts;
using Marquee.Server.Storage;

namespace Marquee.Server.Services;

/// <summary>Outcome of resolving the <c>user_id</c> of a request.</summary>
public enum UserAccess
{
    Allowed,
    Unauthenticated,
    Forbidden,
    NotFound,
}

/// <summary>Validates a recommend request, resolves the user's history, reads the wish and runs the engine.</summary>
public sealed class RecommendService(RecommenderHost host, FeedbackStore feedback, IntentService intents, QueryEmbedder queryEmbedder)
{
    public const int MaxQueryLength = RuleIntentParser.MaxQueryLength;
    public const int MaxK = 100;
    private const float DislikeStars = 1.5f;

    public static ValidationErrors Validate(RecommendRequest request, MovieCatalog catalog)
    {
        var errors = new ValidationErrors();
        if (request.Query is { Length: > MaxQueryLength })
        {
            errors.Add("query", $"must be at most {MaxQueryLength} characters (got {request.Query.Length})");
        }
        if (request.K is { } k && k is < 1 or > MaxK)
        {
            errors.Add("k", $"must be between 1 and {MaxK}");
        }
        if (request.MinRating is { } rating && (double.IsNaN(rating) || rating is < 0.5 or > 5))
        {
            errors.Add("min_rating", "must be between 0.5 and 5 (community stars)");
        }
        if (request.YearFrom is { } from && from is < 1870 or > 2100)
        {
            errors.Add("year_from", "must be a year between 1870 and 2100");
        }
        if (request.YearTo is { } to && to is < 1870 or > 2100)
        {
            errors.Add("year_to", "must be a year between 1870 and 2100");
        }
        if (request is { YearFrom: { } yearFrom, YearTo: { } yearTo } && yearFrom > yearTo)
        {
            errors.Add("year_from", $"must not be after year_to ({yearFrom} > {yearTo})");
        }
        if (request.MaxRuntime is { } runtime && runtime is < 1 or > 1000)
        {
            errors.Add("max_runtime", "must be between 1 and 1000 minutes");
        }
        CheckGenres(request.Genres, "genres", catalog, errors);
        CheckGenres(request.ExcludeGenres, "exclude_genres", catalog, errors);
        if (request.Recommender is { } kind && ParseKind(kind) is null)
        {
            errors.Add("recommender", "must be one of baseline, cf, auto");
        }
        if (request.ExcludeMovieIds is { Count: > 1000 })
        {
            errors.Add("exclude_movie_ids", "must list at most 1000 movies");
        }
        if (request.Moods is { Count: > 20 })
        {
            errors.Add("moods", "must list at most 20 moods");
        }
        foreach (var mood in request.Moods ?? [])
        {
            if (string.IsNullOrWhiteSpace(mood) || IntentVocabulary.Default.FindMood(mood) is null)
            {
                var known = string.Join(", ", IntentVocabulary.Default.Moods.Select(m => m.Name));
                errors.Add("moods", $"unknown mood '{mood}'; known moods (GET /moods): {known}");
            }
        }
        return errors;
    }

    private static void CheckGenres(IReadOnlyList<string>? genres, string field, MovieCatalog catalog, ValidationErrors errors)
    {
        foreach (var genre in genres ?? [])
        {
            if (Genres.Normalize(genre ?? "") is null)
            {
                var known = string.Join(", ", catalog.GenreCounts.Select(g => g.Genre));
                errors.Add(field, $"unknown genre '{genre}'; known genres: {known}");
            }
        }
    }

    public static RecommenderKind? ParseKind(string value) => value.Trim().ToLowerInvariant() switch
    {
        "auto" => RecommenderKind.Auto,
        "baseline" => RecommenderKind.Baseline,
        "cf" => RecommenderKind.Cf,
        _ => null,
    };

    /// <summary>Checks that the caller may use <paramref name="userId"/> and loads that user's history.</summary>
    public async Task<(UserAccess Access, IReadOnlyList<(int MovieId, float Weight)> History)> ResolveHistoryAsync(
        string? userId, string? callerUserId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            return (UserAccess.Allowed, []);
        }
        var state = host.State;
        if (int.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var movieLensUser))
        {
            // Imported MovieLens users are public demo profiles: readable without a token.
            if (!state.MovieLensUsers.Contains(movieLensUser))
            {
                return (UserAccess.NotFound, []);
            }
            var (movies, ratings) = state.MovieLensUsers.Of(movieLensUser);
            var history = new List<(int, float)>(movies.Length);
            for (var i = 0; i < movies.Length; i++)
            {
                history.Add((movies.Span[i], ratings.Span[i]));
            }
            return (UserAccess.Allowed, history);
        }
        if (callerUserId is null)
        {
            // Unknown and existing session ids are answered alike, so ids cannot be probed.
            return (UserAccess.Unauthenticated, []);
        }
        if (!string.Equals(callerUserId, userId, StringComparison.Ordinal))
        {
            return (UserAccess.Forbidden, []);
        }
        var actions = await feedback.LatestActionsAsync(userId, cancellationToken);
        return (UserAccess.Allowed, actions.Select(a => (a.MovieId, FeedbackActions.TasteWeight(a.Action))).ToList());
    }

    public async Task<RecommendResponse> RecommendAsync(RecommendRequest request, IReadOnlyList<(int MovieId, float Weight)> history,
        CancellationToken cancellationToken)
    {
        // The session's experiment arm (or the promoted model) decides which model ranks; see RecommenderHost.For.
        var snapshot = host.For(request.UserId).State.Snapshot;
        var budget = intents.StartBudget();
        var chips = new IntentBuilder(snapshot.Vocabulary);
        foreach (var mood in request.Moods ?? [])
        {
            if (snapshot.Vocabulary.FindMood(mood) is { } concept)
            {
                chips.Apply(concept);
            }
        }
        var parsed = await intents.ParseAsync(request.Query, chips, snapshot, budget, cancellationToken);
        var intent = WithRequestFilters(parsed, request);
        var domainRequest = new RecommendationRequest
        {
            Intent = intent,
            Filters = new RecommendationFilters
            {
                // Genres picked as filters are a must; genres read from the wish only rank.
                AnyGenres = GenreSet.From(Canonical(request.Genres)),
                ExcludeGenres = GenreSet.From(intent.ExcludeGenres),
                MinRating = request.MinRating,
                YearFrom = intent.YearFrom,
                YearTo = intent.YearTo,
                MaxRuntime = intent.MaxRuntime,
                ExcludeMovieIds = (request.ExcludeMovieIds ?? []).ToHashSet(),
            },
            Recommender = request.Recommender is { } kind ? ParseKind(kind) ?? RecommenderKind.Auto : RecommenderKind.Auto,
            K = request.K ?? 20,
            History = history,
            RatedHistory = RatedHistory(history),
            QueryEmbedding = snapshot.Semantic is { } semantic && RecommendationEngine.UsesQueryEmbedding(intent)
                ? queryEmbedder.TryEmbed(request.Query, semantic.ModelName, cancellationToken)
                : null,
        };
        var result = RecommendationEngine.Recommend(snapshot, domainRequest);
        var lines = await intents.ExplainAsync(request.Query, result.Items, budget, cancellationToken);
        return new RecommendResponse
        {
            Recommender = result.Recommender,
            ModelVersion = snapshot.ModelVersion,
            FallbackReason = result.FallbackReason,
            Notice = result.TrueMatches is { } matches && !string.IsNullOrWhiteSpace(request.Query)
                ? $"Only {matches} {(matches == 1 ? "film matches" : "films match")} '{request.Query.Trim()}'; the rest are close to {(matches == 1 ? "it" : "them")}."
                : null,
            Intent = new IntentResponse
            {
                Source = intent.Source,
                Genres = intent.Genres,
                ExcludeGenres = intent.ExcludeGenres,
                Moods = intent.Moods,
                YearFrom = intent.YearFrom,
                YearTo = intent.YearTo,
                MaxRuntime = intent.MaxRuntime,
                ReferenceMovieIds = intent.ReferenceMovieIds,
                Keywords = intent.Keywords,
                Labels = intent.Labels,
                Unused = intent.Unused,
                ExcludeKeywords = intent.ExcludeKeywords,
                MinRuntime = intent.MinRuntime,
                Languages = intent.Languages,
                Countries = intent.Countries,
                ExcludeLanguages = intent.ExcludeLanguages,
                People = intent.People,
                Companies = intent.Companies,
                ExcludeCompanies = intent.ExcludeCompanies,
                MaxAge = intent.MaxAge,
                IncludeShorts = intent.IncludeShorts,
            },
            Items = result.Items
                .Select(item => lines?.GetValueOrDefault(item.Movie.MovieId) is { } line ? item with { Reasons = [line, .. item.Reasons] } : item)
                .Select(MovieMapper.ToResponse).ToList(),
        };
    }

    /// <summary>Filters set explicitly in the request win over what the wish says about the same thing.</summary>
    private static MovieIntent WithRequestFilters(MovieIntent parsed, RecommendRequest request)
    {
        var excluded = parsed.ExcludeGenres.Union(Canonical(request.ExcludeGenres)).ToList();
        var from = request.YearFrom ?? parsed.YearFrom;
        var to = request.YearTo ?? parsed.YearTo;
        if (from > to)
        {
            // The wish and the explicit filter disagree: the explicit side stands, the wish's side goes.
            if (request.YearFrom is null)
            {
                from = null;
            }
            else
            {
                to = null;
            }
        }
        return parsed with
        {
            Genres = parsed.Genres.Union(Canonical(request.Genres)).Where(g => !excluded.Contains(g)).ToList(),
            ExcludeGenres = excluded,
            YearFrom = from,
            YearTo = to,
            MaxRuntime = request.MaxRuntime ?? parsed.MaxRuntime,
        };
    }

    /// <summary>
    /// Star ratings for the rating model. History weights are stars already (a MovieLens user's own, a
    /// session's implied ones); a dislike (negative weight) counts as a low rating, a skip as nothing.
    /// </summary>
    private static List<(int MovieId, float Rating)> RatedHistory(IReadOnlyList<(int MovieId, float Weight)> history)
    {
        var rated = new List<(int, float)>(history.Count);
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

    private static List<string> Canonical(IReadOnlyList<string>? genres) =>
        (genres ?? []).Select(g => Genres.Normalize(g)).OfType<string>().Distinct().ToList();
}
