using System.Globalization;
using Marquee.Core.Catalog;
using Marquee.Core.Intent;
using Marquee.Core.Ranking;
using Marquee.Server.Contracts;
using Marquee.Server.Storage;

namespace Marquee.Server.Services;

/// <summary>Validates a recommend request, resolves the user's history, reads the wish and runs the engine.</summary>
public sealed class RecommendService(RecommenderHost host, FeedbackStore feedback, PageRecommender pages)
{
    public const int MaxQueryLength = RuleIntentParser.MaxQueryLength;
    public const int MaxK = 100;

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

    /// <summary>Imported MovieLens users (numeric ids) are public demo profiles: readable without a token.</summary>
    public static bool IsMovieLensUser(string userId) => int.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// The history of <paramref name="userId"/>, whose session the caller proved unless it is a MovieLens user;
    /// null for a MovieLens id the data does not have.
    /// </summary>
    public async Task<IReadOnlyList<(int MovieId, float Weight)>?> HistoryAsync(string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            return [];
        }
        var state = host.State;
        if (int.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var movieLensUser))
        {
            if (!state.MovieLensUsers.Contains(movieLensUser))
            {
                return null;
            }
            var (movies, ratings) = state.MovieLensUsers.Of(movieLensUser);
            var history = new List<(int, float)>(movies.Length);
            for (var i = 0; i < movies.Length; i++)
            {
                history.Add((movies.Span[i], ratings.Span[i]));
            }
            return history;
        }
        var actions = await feedback.LatestActionsAsync(userId, cancellationToken);
        return actions.Select(a => (a.MovieId, FeedbackActions.TasteWeight(a.Action))).ToList();
    }

    public async Task<RecommendResponse> RecommendAsync(RecommendRequest request, IReadOnlyList<(int MovieId, float Weight)> history,
        CancellationToken cancellationToken)
    {
        // The session's experiment arm (or the promoted model) decides which model ranks; see RecommenderHost.For.
        var snapshot = host.For(request.UserId).State.Snapshot;
        var page = await pages.RecommendAsync(snapshot, new PageRequest
        {
            Wish = new Wish
            {
                Text = request.Query,
                Moods = request.Moods ?? [],
                Genres = request.Genres ?? [],
                ExcludeGenres = request.ExcludeGenres ?? [],
                YearFrom = request.YearFrom,
                YearTo = request.YearTo,
                MaxRuntime = request.MaxRuntime,
                MinRating = request.MinRating,
            },
            Recommender = request.Recommender is { } kind ? ParseKind(kind) ?? RecommenderKind.Auto : RecommenderKind.Auto,
            K = request.K ?? 20,
            History = history,
            ExcludeMovieIds = (request.ExcludeMovieIds ?? []).ToHashSet(),
        }, cancellationToken);
        var (result, intent) = (page.Result, page.Intent);
        return new RecommendResponse
        {
            Recommender = result.Recommender,
            ModelVersion = snapshot.ModelVersion,
            FallbackReason = result.FallbackReason,
            Notice = page.Notice,
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
            Items = result.Items.Select(MovieMapper.ToResponse).ToList(),
        };
    }
}
