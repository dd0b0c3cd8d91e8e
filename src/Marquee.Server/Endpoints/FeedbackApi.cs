using System.Security.Claims;
using Marquee.Server.Auth;
using Marquee.Server.Contracts;
using Marquee.Server.Services;
using Marquee.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marquee.Server.Endpoints;

public static class FeedbackApi
{
    public const int MaxIdempotencyKeyLength = 200;
    public const int MaxUserIdLength = 64;
    public const int MaxRecommenderLength = 32;
    public const int MaxModelVersionLength = 128;
    public const int MaxContextIdLength = 100;

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/feedback", PostFeedback).WithTags("Feedback").WithName("PostFeedback")
            .WithSession().LimitWrites().LimitBody(BodyLimit.Feedback);
        var users = app.MapGroup("/users/{userId}/feedback").WithTags("Feedback").WithSession().LimitBody(BodyLimit.Small);
        users.MapGet("/", ListFeedback).WithName("ListFeedback");
        users.MapDelete("/{feedbackId:long}", UndoFeedback).WithName("UndoFeedback").LimitWrites();
        return app;
    }

    public static async Task<Results<Created<FeedbackCreatedResponse>, Ok<FeedbackCreatedResponse>, ValidationProblem, ProblemHttpResult>> PostFeedback(
        FeedbackRequest? request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal caller, FeedbackStore store, RecommenderHost host, MarqueeMetrics metrics, CancellationToken cancellationToken)
    {
        request ??= new FeedbackRequest();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.UserId))
        {
            errors.Add("user_id", "is required");
        }
        else if (request.UserId.Length > MaxUserIdLength)
        {
            errors.Add("user_id", $"must be at most {MaxUserIdLength} characters");
        }
        if (request.Context?.Recommender is { Length: > MaxRecommenderLength })
        {
            errors.Add("context.recommender", $"must be at most {MaxRecommenderLength} characters");
        }
        if (request.Context?.ModelVersion is { Length: > MaxModelVersionLength })
        {
            errors.Add("context.model_version", $"must be at most {MaxModelVersionLength} characters");
        }
        if (request.MovieId is null)
        {
            errors.Add("movie_id", "is required");
        }
        if (request.Action is not { } action || !FeedbackActions.All.Contains(action))
        {
            errors.Add("action", $"must be one of {string.Join(", ", FeedbackActions.All)}");
        }
        if (request.Context?.Query is { Length: > RecommendService.MaxQueryLength })
        {
            errors.Add("context.query", $"must be at most {RecommendService.MaxQueryLength} characters");
        }
        if (request.Context?.ModelVersion is { Length: > MaxContextIdLength })
        {
            errors.Add("context.model_version", $"must be at most {MaxContextIdLength} characters");
        }
        if (request.Context?.PageId is { Length: > MaxContextIdLength })
        {
            errors.Add("context.page_id", $"must be at most {MaxContextIdLength} characters");
        }
        if (request.Context?.Position is < 0)
        {
            errors.Add("context.position", "must not be negative");
        }
        if (idempotencyKey is { Length: > MaxIdempotencyKeyLength })
        {
            errors.Add("Idempotency-Key", $"must be at most {MaxIdempotencyKeyLength} characters");
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The feedback is not valid");
        }
        if (UserGuard.Check(caller, request.UserId!) is { } denied)
        {
            return denied;
        }
        if (!host.State.Catalog.Contains(request.MovieId!.Value))
        {
            return UserGuard.MovieNotFound(request.MovieId.Value);
        }
        var context = request.Context;
        // Which model served the card: the card's own answer says so; an API client that leaves it out gets the
        // model its session is served by now. The arm is the session's, for comparing experiment arms.
        var served = host.For(request.UserId);
        var feedback = new FeedbackEvent(request.UserId!, request.MovieId.Value, request.Action!, context?.Query, context?.Recommender,
            string.IsNullOrWhiteSpace(context?.ModelVersion) ? served.ModelVersion : context.ModelVersion, context?.Position,
            served.Experiment, served.Arm, string.IsNullOrWhiteSpace(context?.PageId) ? null : context.PageId);
        var (stored, created) = await store.AddAsync(feedback, string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey, cancellationToken);
        if (!created && !SameEvent(stored, feedback))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Idempotency key reused",
                detail: $"The Idempotency-Key was first used for another event ({stored.Action} of movie {stored.MovieId}, id {stored.Id}); "
                    + "send a new key for a new event.");
        }
        if (created)
        {
            metrics.FeedbackStored(stored.Action);
        }
        var body = new FeedbackCreatedResponse(stored.Id, stored.StoredAt);
        return created ? TypedResults.Created($"/users/{stored.UserId}/feedback/{stored.Id}", body) : TypedResults.Ok(body);
    }

    private static bool SameEvent(StoredFeedback stored, FeedbackEvent sent) =>
        stored.MovieId == sent.MovieId && stored.Action == sent.Action && stored.Query == sent.Query
        && stored.Recommender == sent.Recommender && stored.ModelVersion == sent.ModelVersion && stored.Position == sent.Position;

    public static async Task<Results<Ok<FeedbackListResponse>, ValidationProblem, ProblemHttpResult>> ListFeedback(
        string userId, ClaimsPrincipal caller, FeedbackStore store, RecommenderHost host,
        int? limit, long? before, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 500"] });
        }
        if (UserGuard.Check(caller, userId) is { } denied)
        {
            return denied;
        }
        var take = limit ?? 100;
        var events = await store.ListAsync(userId, take, before, cancellationToken);
        var catalog = host.State.Catalog;
        var items = events.Select(e => new FeedbackItemResponse
        {
            Id = e.Id,
            MovieId = e.MovieId,
            Action = e.Action,
            StoredAt = e.StoredAt,
            Undone = e.Undone,
            Context = new FeedbackContext { Query = e.Query, Recommender = e.Recommender, ModelVersion = e.ModelVersion, Position = e.Position },
            Movie = catalog.Find(e.MovieId) is { } movie ? MovieMapper.ToResponse(movie) : null,
        }).ToList();
        return TypedResults.Ok(new FeedbackListResponse(userId, items, events.Count == take ? events[^1].Id : null));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UndoFeedback(
        string userId, long feedbackId, ClaimsPrincipal caller, FeedbackStore store, CancellationToken cancellationToken)
    {
        if (UserGuard.Check(caller, userId) is { } denied)
        {
            return denied;
        }
        return await store.UndoAsync(userId, feedbackId, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Feedback not found",
                detail: $"User '{userId}' has no feedback event {feedbackId}.");
    }
}
