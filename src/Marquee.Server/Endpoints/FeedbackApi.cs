using System.Security.Claims;
using Marquee.Server.Auth;
using Marquee.Server.Contracts;
using Marquee.Server.Services;
using Marquee.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marquee.Server.Endpoints;

public static class FeedbackApi
{
    public const int MaxIdempotencyKeyLength = 200;
    public const int MaxUserIdLength = 64;
    public const int MaxRecommenderLength = 32;
    public const int MaxContextIdLength = 100;

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/feedback", PostFeedback).WithTags("Feedback").WithName("PostFeedback")
            .WithSession().LimitWrites().LimitBody(BodyLimit.Feedback);
        var users = app.MapGroup("/users/{userId}/feedback").WithTags("Feedback").WithSession().RequireAuthorization(MarqueePolicies.SameUser).LimitBody(BodyLimit.Small);
        users.MapGet("/", ListFeedback).WithName("ListFeedback").ProducesValidationProblem();
        users.MapDelete("/{feedbackId:long}", UndoFeedback).WithName("UndoFeedback").LimitWrites();
        return app;
    }

    public static async Task<Results<Created<FeedbackCreatedResponse>, Ok<FeedbackCreatedResponse>, ValidationProblem, ProblemHttpResult>> PostFeedback(
        FeedbackRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal caller, IAuthorizationService authorization, FeedbackStore store, RecommenderHost host, MarqueeMetrics metrics, CancellationToken cancellationToken)
    {
        // The body was validated before the endpoint ran (the attributes of FeedbackRequest); the header is not part of it.
        if (idempotencyKey is { Length: > MaxIdempotencyKeyLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["Idempotency-Key"] = [$"must be at most {MaxIdempotencyKeyLength} characters"],
            }, title: "The feedback is not valid");
        }
        if (await authorization.DenyUnlessSameUserAsync(caller, request.UserId!) is { } denied)
        {
            return denied;
        }
        if (!host.State.Catalog.Contains(request.MovieId!.Value))
        {
            return CatalogProblems.MovieNotFound(request.MovieId.Value);
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

    public static async Task<Ok<FeedbackListResponse>> ListFeedback(
        string userId, [AsParameters] FeedbackPageQuery page, FeedbackStore store, RecommenderHost host, CancellationToken cancellationToken)
    {
        var take = page.Limit ?? 100;
        var events = await store.ListAsync(userId, take, page.Before, cancellationToken);
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
        string userId, long feedbackId, FeedbackStore store, CancellationToken cancellationToken)
    {
        return await store.UndoAsync(userId, feedbackId, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Feedback not found",
                detail: $"User '{userId}' has no feedback event {feedbackId}.");
    }
}
