namespace Marquee.Core.Interactions;

/// <summary>
/// What a swipe says about taste, on the star scale the models are trained on, so a session's swipes
/// and a MovieLens user's ratings mean the same thing to a model.
/// </summary>
public static class FeedbackRatings
{
    /// <summary>
    /// Implied stars for an action: superlike 5, like 4.5, watchlist 4 (wants to see it), seen 3.5
    /// (watched, no verdict); dislike is negative (never a positive signal, kept out of the candidates);
    /// skip is 0 (no taste signal, just not now).
    /// </summary>
    public static float ImpliedStars(string action) => action switch
    {
        "superlike" => 5f,
        "like" => 4.5f,
        "watchlist" => 4f,
        "seen" => 3.5f,
        "dislike" => -1f,
        _ => 0f,
    };

    /// <summary>Whether an action is a positive training interaction.</summary>
    public static bool IsPositive(string action) => ImpliedStars(action) > 0;

    /// <summary>
    /// Turns stored feedback into training interactions: the latest standing action per (user, movie),
    /// positives only, users numbered after <paramref name="firstUserId"/> in id order.
    /// </summary>
    public static InteractionTable ToInteractions(IEnumerable<(string UserId, int MovieId, string Action, long CreatedAtMs)> events, int firstUserId)
    {
        var latest = new Dictionary<(string, int), (string Action, long At)>();
        foreach (var e in events)
        {
            latest[(e.UserId, e.MovieId)] = (e.Action, e.CreatedAtMs);
        }
        var userIds = latest.Keys.Select(k => k.Item1).Distinct().Order(StringComparer.Ordinal)
            .Select((id, n) => (id, n)).ToDictionary(x => x.id, x => firstUserId + x.n);
        var builder = new InteractionTableBuilder(latest.Count);
        foreach (var ((user, movie), (action, at)) in latest.OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2))
        {
            var stars = ImpliedStars(action);
            if (stars > 0)
            {
                builder.Add(userIds[user], movie, stars, at / 1000);
            }
        }
        return builder.Build();
    }
}
