using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Server.Auth;

/// <summary>The answers to a caller without the session a request needs: the same whoever the id belongs to, so ids cannot be probed.</summary>
public static class SessionProblems
{
    /// <summary>No token, or one that is unknown, expired or revoked.</summary>
    public static ProblemHttpResult NoSession() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "This needs a valid session token of the user: send Authorization: Bearer <token> from POST /sessions "
                + "(tokens expire, and end with DELETE /sessions/current).");

    /// <summary>A valid token of another user than the one the request names.</summary>
    public static ProblemHttpResult OtherUser() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: "The session token belongs to another user than the one this request names.");
}
