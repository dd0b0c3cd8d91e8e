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
            return NoSession();
        }
        return string.Equals(callerId, userId, StringComparison.Ordinal)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"The token belongs to another user than '{userId}'.");
    }

    /// <summary>No token, or one that is unknown, expired or revoked: the same answer, whoever the id belongs to.</summary>
    public static ProblemHttpResult NoSession() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "This needs a valid session token of the user: send Authorization: Bearer <token> from POST /sessions "
                + "(tokens expire, and end with DELETE /sessions/current).");

    public static ProblemHttpResult MovieNotFound(int movieId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Movie not found",
            detail: $"No movie with id {movieId} is in the catalogue.");
}
