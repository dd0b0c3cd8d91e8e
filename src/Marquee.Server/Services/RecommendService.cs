using System.Globalization;
using Marquee.Core.Intent;
using Marquee.Core.Ranking;
using Marquee.Server.Contracts;
using Marquee.Storage;

namespace Marquee.Server.Services;

/// <summary>Resolves the user's history of a (validated) recommend request, reads the wish and runs the engine.</summary>
public sealed class RecommendService(RecommenderHost host, FeedbackStore feedback, PageRecommender pages)
{
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
            Intent = intent,
            Items = result.Items.Select(MovieMapper.ToResponse).ToList(),
        };
    }
}
