using Marquee.Server.Contracts;
using Marquee.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Server.Endpoints;

public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sessions", CreateSession).WithTags("Sessions").WithName("CreateSession")
            .RequireRateLimiting(RateLimits.Sessions);
        return app;
    }

    public static async Task<Created<SessionResponse>> CreateSession(UserStore users, CancellationToken cancellationToken)
    {
        var (userId, token) = await users.CreateAsync(cancellationToken);
        return TypedResults.Created($"/users/{userId}/feedback", new SessionResponse(userId, token));
    }
}
