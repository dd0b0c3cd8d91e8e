using System.ComponentModel.DataAnnotations;
using Marquee.Core.Intent;
using Marquee.Server.Endpoints;

namespace Marquee.Server.Contracts;

/// <summary>Body of <c>POST /recommend</c>; every field is optional.</summary>
public sealed record RecommendRequest : WishRequest
{
    public const int MaxK = 100;

    [MaxLength(FeedbackApi.MaxUserIdLength, ErrorMessage = "must be at most {1} characters")]
    public string? UserId { get; init; }
    /// <summary><c>baseline</c>, <c>cf</c> or <c>auto</c> (default).</summary>
    [OneOf("baseline", "cf", "auto", IgnoreCase = true)]
    public string? Recommender { get; init; }
    /// <summary>Number of movies, 1–100 (default 20).</summary>
    [Range(1, MaxK, ErrorMessage = "must be between {1} and {2}")]
    public int? K { get; init; }
    [MaxLength(1000, ErrorMessage = "must list at most {1} movies")]
    public IReadOnlyList<int>? ExcludeMovieIds { get; init; }
}

public sealed record RecommendResponse
{
    public required string Recommender { get; init; }
    public required string ModelVersion { get; init; }
    public string? FallbackReason { get; init; }
    /// <summary>
    /// Said when fewer films than asked truly match the wish ("Only 6 films match 'samurai'…"), or when it matches
    /// nothing the catalogue knows ("Nothing in the catalogue matches 'godard'…").
    /// </summary>
    public string? Notice { get; init; }
    /// <summary>How the wish was read (the rule parser's or the LLM's), with every field the engine ranks by.</summary>
    public required MovieIntent Intent { get; init; }
    public required IReadOnlyList<MovieResponse> Items { get; init; }
    /// <summary>Identifies this answer; sent back as <c>context.page_id</c> with feedback so monitoring can count pages that got a like.</summary>
    public string? PageId { get; init; }
}
