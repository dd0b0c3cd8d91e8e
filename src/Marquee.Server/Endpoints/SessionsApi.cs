using Marquee.Server.Auth;
using Marquee.Server.Contracts;
using Marquee.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Server.Endpoints;

public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/sessions").WithTags("Sessions").LimitBody(BodyLimit.Small);
        sessions.MapPost("/", CreateSession).WithName("CreateSession").RequireRateLimiting(RateLimits.Sessions);
        sessions.MapPost("/rotate", RotateToken).WithName("RotateSessionToken").WithSession().RequireAuthorization(MarqueePolicies.Session).LimitWrites();
        sessions.MapDelete("/current", EndSession).WithName("EndSession").WithSession().RequireAuthorization(MarqueePolicies.Session).LimitWrites();
        return app;
    }

    /// <summary>A new token for the caller's user, with a fresh lifetime; the one sent stops working.</summary>
    public static async Task<Ok<SessionResponse>> RotateToken(
        HttpContext context, UserStore users, SessionTokens tokens, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId()!;
        var token = await users.RotateAsync(userId, cancellationToken);
        tokens.Forget(BearerToken(context));
        return TypedResults.Ok(new SessionResponse(userId, token));
    }

    /// <summary>Logs out: the caller's token stops working (the user's feedback and watchlist stay stored).</summary>
    public static async Task<NoContent> EndSession(
        HttpContext context, UserStore users, SessionTokens tokens, CancellationToken cancellationToken)
    {
        await users.RevokeAsync(context.User.UserId()!, cancellationToken);
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
