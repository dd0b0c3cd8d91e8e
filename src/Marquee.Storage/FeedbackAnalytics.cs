using Dapper;

namespace Marquee.Storage;

/// <summary>Swipe counts of one group of feedback (a model version or an experiment arm, over all time or one time bucket).</summary>
public sealed record SwipeCounts
{
    public string Key { get; init; } = "";
    /// <summary>Start of the time bucket (Unix ms), or 0 for all time.</summary>
    public long BucketStartMs { get; init; }
    public long Swipes { get; init; }
    public long Likes { get; init; }
    public long Dislikes { get; init; }
    public long Sessions { get; init; }
    public long Movies { get; init; }
    /// <summary>Pages (one /recommend answer each) that got at least one swipe; events without a page id are not counted.</summary>
    public long Pages { get; init; }
    public long LikedPages { get; init; }
}

/// <summary>One session's swipes and likes in an experiment arm: the unit the arms are compared over.</summary>
public sealed record SessionSwipes(string Arm, string UserId, long Swipes, long Likes);

/// <summary>
/// Aggregates over the stored feedback for monitoring. Every standing event (not undone) is a swipe on a card;
/// likes are <c>like</c> and <c>superlike</c>, dislikes <c>dislike</c>. Grouped in the database, so the cost is one
/// scan of the feedback table, not a row per event in memory.
/// </summary>
public sealed class FeedbackAnalytics(Database database)
{
    public const string UnknownModel = "unknown";

    private const string Counts =
        """
        COUNT(*) AS Swipes,
        SUM(CASE WHEN action IN ('like', 'superlike') THEN 1 ELSE 0 END) AS Likes,
        SUM(CASE WHEN action = 'dislike' THEN 1 ELSE 0 END) AS Dislikes,
        COUNT(DISTINCT user_id) AS Sessions,
        COUNT(DISTINCT movie_id) AS Movies,
        COUNT(DISTINCT page_id) AS Pages,
        COUNT(DISTINCT CASE WHEN action IN ('like', 'superlike') THEN page_id END) AS LikedPages
        """;

    /// <summary>Counts per model version, over all time (<paramref name="bucketMs"/> null) or per time bucket.</summary>
    public async Task<IReadOnlyList<SwipeCounts>> ByModelAsync(long? bucketMs, long sinceMs = 0, CancellationToken cancellationToken = default)
    {
        var bucket = bucketMs is null ? "0" : "(created_at_ms / @bucketMs) * @bucketMs";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SwipeCounts>(new CommandDefinition(
            $"""
            SELECT COALESCE(model_version, '{UnknownModel}') AS Key, {bucket} AS BucketStartMs, {Counts}
            FROM feedback WHERE undone = 0 AND created_at_ms >= @sinceMs
            GROUP BY 1, 2 ORDER BY 2, 1
            """,
            new { bucketMs, sinceMs }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>Counts per arm of one experiment, over all time.</summary>
    public async Task<IReadOnlyList<SwipeCounts>> ByArmAsync(string experiment, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SwipeCounts>(new CommandDefinition(
            $"""
            SELECT arm AS Key, 0 AS BucketStartMs, {Counts}
            FROM feedback WHERE undone = 0 AND experiment = @experiment AND arm IS NOT NULL
            GROUP BY 1, 2 ORDER BY 1
            """,
            new { experiment }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>Swipes and likes per session of one experiment, for the confidence interval of the arms' difference.</summary>
    public async Task<IReadOnlyList<SessionSwipes>> SessionsAsync(string experiment, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SessionSwipes>(new CommandDefinition(
            """
            SELECT arm AS Arm, user_id AS UserId, COUNT(*) AS Swipes,
                   SUM(CASE WHEN action IN ('like', 'superlike') THEN 1 ELSE 0 END) AS Likes
            FROM feedback WHERE undone = 0 AND experiment = @experiment AND arm IS NOT NULL
            GROUP BY arm, user_id
            """,
            new { experiment }, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
