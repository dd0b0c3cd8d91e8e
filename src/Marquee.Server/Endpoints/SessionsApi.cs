using Marquee.Server.Auth;
using Marquee.Server.Contracts;
using Marquee.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Server.Endpoints;

public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/sessions").WithTags("Sessions").LimitBody(BodyLimit.Small);
        sessions.MapPost("/", CreateSession).WithName("CreateSession").RequireRateLimiting(RateLimits.Sessions);
        sessions.MapPost("/rotate", RotateToken).WithName("RotateSessionToken").WithSession().LimitWrites();
        sessions.MapDelete("/current", EndSession).WithName("EndSession").WithSession().LimitWrites();
        return app;
    }

    /// <summary>A new token for the caller's user, with a fresh lifetime; the one sent stops working.</summary>
    public static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> RotateToken(
        HttpContext context, UserStore users, SessionTokens tokens, CancellationToken cancellationToken)
    {
        if (context.User.UserId() is not { } userId)
        {
            return UserGuard.NoSession();
        }
        var token = await users.RotateAsync(userId, cancellationToken);
        tokens.Forget(BearerToken(context));
        return TypedResults.Ok(new SessionResponse(userId, token));
    }

    /// <summary>Logs out: the caller's token stops working (the user's feedback and watchlist stay stored).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> EndSession(
        HttpContext context, UserStore users, SessionTokens tokens, CancellationToken cancellationToken)
    {
        if (context.User.UserId() is not { } userId)
        {
            return UserGuard.NoSession();
        }
        await users.RevokeAsync(userId, cancellationToken);
        tokens.Forget(BearerToken(context));
        return TypedResults.NoContent();
    }

    private static string BearerToken(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is var header && header.Length > "Bearer ".Length ? header["Bearer ".Length..].Trim() : "";

    public static async Task<Created<SessionResponse>> CreateSession(UserStore users, CancellationToken cancellationToken)
    {
        var (userId, token) = await users.CreateAsync(cancellationToken);
        return TypedResults.Created($"/users/{userId}/feedback", new SessionResponse(userId, token));
    }
}
