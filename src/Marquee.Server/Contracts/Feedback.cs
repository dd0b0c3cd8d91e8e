using System.ComponentModel.DataAnnotations;
using Marquee.Server.Endpoints;
using Marquee.Server.Services;
using Marquee.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Marquee.Server.Contracts;

// Validated by ASP.NET Core (AddValidation) before the endpoint runs; messages read after the field name
// the problem lists them under ("user_id": ["is required"]), see ValidationProblems.

public sealed record FeedbackContext
{
    [MaxLength(WishRequest.MaxQueryLength, ErrorMessage = "must be at most {1} characters")]
    public string? Query { get; init; }
    [MaxLength(FeedbackApi.MaxRecommenderLength, ErrorMessage = "must be at most {1} characters")]
    public string? Recommender { get; init; }
    /// <summary>The model that ranked the card (the <c>model_version</c> of its /recommend answer); the server fills in the session's model when absent.</summary>
    [MaxLength(FeedbackApi.MaxContextIdLength, ErrorMessage = "must be at most {1} characters")]
    public string? ModelVersion { get; init; }
    [Range(0, int.MaxValue, ErrorMessage = "must not be negative")]
    public int? Position { get; init; }
    /// <summary>The <c>page_id</c> of the /recommend answer the card came from.</summary>
    [MaxLength(FeedbackApi.MaxContextIdLength, ErrorMessage = "must be at most {1} characters")]
    public string? PageId { get; init; }
}

/// <summary>Body of <c>POST /feedback</c>.</summary>
public sealed record FeedbackRequest
{
    [Required(ErrorMessage = "is required"), MaxLength(FeedbackApi.MaxUserIdLength, ErrorMessage = "must be at most {1} characters")]
    public string? UserId { get; init; }
    [Required(ErrorMessage = "is required")]
    public int? MovieId { get; init; }
    /// <summary><c>like</c>, <c>dislike</c>, <c>skip</c>, <c>superlike</c>, <c>seen</c> or <c>watchlist</c>.</summary>
    [Required(ErrorMessage = "is required")]
    [OneOf(FeedbackActions.Like, FeedbackActions.Dislike, FeedbackActions.Skip, FeedbackActions.Superlike, FeedbackActions.Seen, FeedbackActions.Watchlist)]
    public string? Action { get; init; }
    public FeedbackContext? Context { get; init; }
}

/// <summary>Query of <c>GET /users/{userId}/feedback</c>: one page, newest first.</summary>
public sealed class FeedbackPageQuery
{
    /// <summary>Events per page, 1–500 (default 100).</summary>
    [FromQuery(Name = "limit"), Range(1, 500, ErrorMessage = "must be between {1} and {2}")]
    public int? Limit { get; init; }
    /// <summary>Only events older than this id: the <c>next_before</c> of the previous page.</summary>
    [FromQuery(Name = "before")]
    public long? Before { get; init; }
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
