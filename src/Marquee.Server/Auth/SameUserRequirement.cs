using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Server.Auth;

/// <summary>
/// A per-user resource needs that user's session: the caller's token must belong to the user id the request
/// names. The resource is that user id; on a <c>/users/{userId}/…</c> route the policy reads it from the route.
/// </summary>
public sealed class SameUserRequirement : IAuthorizationRequirement
{
    public const string RouteValue = "userId";
}

public sealed class SameUserHandler : AuthorizationHandler<SameUserRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SameUserRequirement requirement)
    {
        var userId = context.Resource switch
        {
            string id => id,
            HttpContext http => http.GetRouteValue(SameUserRequirement.RouteValue) as string,
            _ => null,
        };
        if (userId is not null && string.Equals(context.User.UserId(), userId, StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

public static class SameUserAuthorization
{
    /// <summary>
    /// For a user id sent in a body: null when the caller may act as <paramref name="userId"/>, otherwise the
    /// 401 (no session) or 403 (another user's session) the policy's route form answers too.
    /// </summary>
    public static async Task<ProblemHttpResult?> DenyUnlessSameUserAsync(this IAuthorizationService authorization, ClaimsPrincipal caller, string userId)
    {
        var result = await authorization.AuthorizeAsync(caller, userId, MarqueePolicies.SameUser);
        return result.Succeeded ? null
            : caller.UserId() is null ? SessionProblems.NoSession()
            : SessionProblems.OtherUser();
    }
}
