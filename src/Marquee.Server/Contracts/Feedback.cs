namespace Marquee.Server.Contracts;

public sealed record FeedbackContext
{
    public string? Query { get; init; }
    public string? Recommender { get; init; }
    /// <summary>The model that ranked the card (the <c>model_version</c> of its /recommend answer); the server fills in the session's model when absent.</summary>
    public string? ModelVersion { get; init; }
    public int? Position { get; init; }
    /// <summary>The <c>page_id</c> of the /recommend answer the card came from.</summary>
    public string? PageId { get; init; }
}

/// <summary>Body of <c>POST /feedback</c>.</summary>
public sealed record FeedbackRequest
{
    public string? UserId { get; init; }
    public int? MovieId { get; init; }
    /// <summary><c>like</c>, <c>dislike</c>, <c>skip</c>, <c>superlike</c>, <c>seen</c> or <c>watchlist</c>.</summary>
    public string? Action { get; init; }
    public FeedbackContext? Context { get; init; }
}

public sealed record FeedbackCreatedResponse(long Id, DateTimeOffset StoredAt);

public sealed record FeedbackItemResponse
{
    public required long Id { get; init; }
    public required int MovieId { get; init; }
    public required string Action { get; init; }
    public required DateTimeOffset StoredAt { get; init; }
    public required bool Undone { get; init; }
    public FeedbackContext? Context { get; init; }
    public MovieResponse? Movie { get; init; }
}

public sealed record FeedbackListResponse(string UserId, IReadOnlyList<FeedbackItemResponse> Items, long? NextBefore);

public sealed record SessionResponse(string UserId, string Token);

public sealed record WatchlistItemResponse(int MovieId, DateTimeOffset AddedAt, MovieResponse? Movie);

public sealed record WatchlistResponse(string UserId, IReadOnlyList<WatchlistItemResponse> Items);
