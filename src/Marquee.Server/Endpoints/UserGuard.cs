using System.Security.Claims;
using Marquee.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Server.Endpoints;

/// <summary>Per-user resources need that user's token: 401 without one, 403 with another user's.</summary>
internal static class UserGuard
{
    public static ProblemHttpResult? Check(ClaimsPrincipal caller, string userId)
    {
        var callerId = caller.UserId();
        if (callerId is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "This needs the session token of the user: send Authorization: Bearer <token> from POST /sessions.");
        }
        return string.Equals(callerId, userId, StringComparison.Ordinal)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"The token belongs to another user than '{userId}'.");
    }

    public static ProblemHttpResult MovieNotFound(int movieId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Movie not found",
            detail: $"No movie with id {movieId} is in the catalogue.");
}
