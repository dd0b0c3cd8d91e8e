using Marquee.Core.Intent;
using Marquee.Core.Ranking;

namespace Marquee.Core.Groups;

/// <summary>One member of a group: what they liked and disliked (their own history and their votes in the room).</summary>
/// <param name="History">Movie ids with taste weights, as <see cref="RecommendationRequest.History"/> (negative = disliked).</param>
/// <param name="RatedHistory">The same as star ratings, for the rating model's "you would hate this".</param>
public sealed record GroupMember(
    IReadOnlyList<(int MovieId, float Weight)> History,
    IReadOnlyList<(int MovieId, float Rating)> RatedHistory);

/// <summary>A group's request: the room's wish and filters, and every present member's taste.</summary>
public sealed record GroupRecommendationRequest
{
    public MovieIntent Intent { get; init; } = MovieIntent.Empty;
    /// <summary>The room's filters; <see cref="RecommendationFilters.ExcludeMovieIds"/> holds what the deck dealt already and what any member has seen or disliked.</summary>
    public RecommendationFilters Filters { get; init; } = new();
    public int K { get; init; } = 10;
    public IReadOnlyList<GroupMember> Members { get; init; } = [];
    public GroupStrategy Strategy { get; init; } = GroupStrategies.Serving;
    public GroupAggregationOptions Aggregation { get; init; } = GroupAggregationOptions.Default;
    /// <summary>The wish embedded for semantic matching, as <see cref="RecommendationRequest.QueryEmbedding"/>.</summary>
    public float[]? QueryEmbedding { get; init; }
}

/// <param name="MembersWithTaste">Members whose history the model could score (the others follow the group).</param>
public sealed record GroupRecommendation(IReadOnlyList<RecommendedMovie> Items, string Strategy, int MembersWithTaste);

/// <summary>
/// A room's next cards. The engine draws a pool that fits the wish for the pooled taste of the room; each
/// member's own taste then scores that pool, the group strategy combines them, and a film the rating model
/// is sure someone will hate goes to the back. The served strategy is the one the offline comparison picked.
/// </summary>
public static class GroupRecommender
{
    /// <summary>Films drawn from the engine per request; the group re-ranks these.</summary>
    public const int PoolSize = 100;
    /// <summary>Predicted stars below which a member is taken to hate a film.</summary>
    public const double HatedPrediction = 2.5;
    /// <summary>Share of the group's taste in the final order (the rest is the engine's wish-and-quality score).</summary>
    public const double GroupWeight = 0.5;

    public static GroupRecommendation Recommend(RecommenderSnapshot snapshot, GroupRecommendationRequest request, RankingOptions? options = null)
    {
        var pooledHistory = request.Members.SelectMany(m => m.History).ToList();
        var pool = RecommendationEngine.Recommend(snapshot, new RecommendationRequest
        {
            Intent = request.Intent,
            Filters = request.Filters,
            Recommender = RecommenderKind.Auto,
            K = Math.Max(request.K, PoolSize),
            History = pooledHistory,
            QueryEmbedding = request.QueryEmbedding,
        }, options).Items;
        if (pool.Count == 0)
        {
            return new GroupRecommendation([], GroupStrategies.Name(request.Strategy), 0);
        }

        var ids = pool.Select(p => p.Movie.MovieId).ToArray();
        var members = new List<float[]>();
        var hated = new bool[pool.Count];
        var full = new float[snapshot.Catalog.Count];
        foreach (var member in request.Members)
        {
            if (snapshot.Personalizer is { } personalizer && member.History.Count > 0)
            {
                full.AsSpan().Fill(float.NaN);
                if (personalizer.TryScore(member.History, snapshot.SlotOf, full))
                {
                    members.Add(ids.Select(id => full[snapshot.SlotOf(id)]).ToArray());
                }
            }
            if (snapshot.RatingPredictor is { } predictor && member.RatedHistory.Count > 0)
            {
                var stars = new float[ids.Length];
                predictor.Predict(member.RatedHistory, ids, stars);
                for (var i = 0; i < stars.Length; i++)
                {
                    hated[i] |= float.IsFinite(stars[i]) && stars[i] < HatedPrediction;
                }
            }
        }

        var group = new double[pool.Count];
        if (members.Count > 0)
        {
            GroupAggregator.Aggregate(request.Strategy, members, group, request.Aggregation);
        }
        var weight = members.Count > 0 ? GroupWeight : 0;
        var engine = GroupAggregator.Normalise(pool.Select(p => (float)p.Score).ToArray(), pool.Count);
        var order = Enumerable.Range(0, pool.Count)
            .OrderBy(i => hated[i])
            .ThenByDescending(i => ((1 - weight) * engine[i]) + (weight * group[i]))
            .ThenBy(i => i)
            .Take(request.K);
        // "Suits 3 of you": members for whom the film is in the upper half of the pool by their own taste.
        var suited = new int[pool.Count];
        foreach (var member in members)
        {
            var normalised = GroupAggregator.Normalise(member, pool.Count);
            for (var i = 0; i < pool.Count; i++)
            {
                suited[i] += normalised[i] >= 0.5f ? 1 : 0;
            }
        }
        var items = order.Select(i => pool[i] with
        {
            Score = Math.Round(Math.Clamp(((1 - weight) * engine[i]) + (weight * Math.Max(0, group[i])), 0, 1), 4),
            PredictedRating = null,
            Reasons = suited[i] >= 2 && !hated[i]
                ? [suited[i] == request.Members.Count ? $"Suits all {suited[i]} of you" : $"Suits {suited[i]} of you", .. pool[i].Reasons]
                : pool[i].Reasons,
        }).ToList();
        return new GroupRecommendation(items, GroupStrategies.Name(request.Strategy), members.Count);
    }
}
