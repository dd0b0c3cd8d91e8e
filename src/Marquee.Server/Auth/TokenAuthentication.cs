using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Marquee.Server.Auth;

/// <summary>Resolves <c>Authorization: Bearer &lt;token&gt;</c> to the anonymous user that holds it.</summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (Context.GetEndpoint()?.Metadata.GetMetadata<UsesSession>() is null)
        {
            return AuthenticateResult.NoResult();
        }
        string token;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }
        else if (Request.Path.StartsWithSegments(Hubs.RoomHub.Path) && Request.Query["access_token"].ToString() is { Length: > 0 } queryToken)
        {
            // Browsers cannot set headers on WebSockets or server-sent events: SignalR clients send the token in the query.
            token = queryToken;
        }
        else
        {
            return AuthenticateResult.NoResult();
        }
        var userId = token.Length is > 0 and <= 200 ? await tokens.ResolveAsync(token, Context.RequestAborted) : null;
        if (userId is null)
        {
            // An unknown, expired or revoked token is an anonymous caller, who gets a 401 where a session is
            // needed; a failure here would only log a line per request.
            return AuthenticateResult.NoResult();
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>A policy needs a session the caller has not proved (<see cref="MarqueePolicies"/>).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => SessionProblems.NoSession().ExecuteAsync(Context);

    /// <summary>The caller's session is valid but not the one the resource needs.</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => SessionProblems.OtherUser().ExecuteAsync(Context);
}

public static class UserClaims
{
    /// <summary>The user id the caller proved with a token, or null for anonymous callers.</summary>
    public static string? UserId(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.NameIdentifier);
}
