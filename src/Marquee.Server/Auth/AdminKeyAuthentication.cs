using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Marquee.Server.Auth;

/// <summary>
/// The admin key (MARQUEE_ADMIN_KEY) as an authentication scheme: <c>X-Api-Key: &lt;key&gt;</c>, or
/// <c>Authorization: Bearer &lt;key&gt;</c> for Prometheus scrapers. Endpoints ask for it with
/// <see cref="MarqueePolicies.Admin"/>; without the key they answer 401, and 403 while no key is configured.
/// </summary>
public sealed class AdminKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<MarqueeOptions> marquee)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminKey";
    public const string HeaderName = "X-Api-Key";

    private string? ConfiguredKey => marquee.Value.AdminApiKey;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var given = Request.Headers[HeaderName].ToString();
        var authorization = Request.Headers.Authorization.ToString();
        if (given.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            given = authorization["Bearer ".Length..].Trim();
        }
        // A missing or wrong key is an anonymous caller (the challenge says what to send); a failure would only log a line.
        if (string.IsNullOrEmpty(ConfiguredKey) || given.Length == 0
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(ConfiguredKey)))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, "admin")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        (string.IsNullOrEmpty(ConfiguredKey)
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Admin API disabled",
                detail: "Set MARQUEE_ADMIN_KEY on the server to enable the admin endpoints.")
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: $"Send the admin key in the {HeaderName} header.")).ExecuteAsync(Context);
}
