using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Marquee.Server.Auth;

/// <summary>Who may call what: the two authentication schemes and the policies endpoints ask for.</summary>
public static class MarqueePolicies
{
    /// <summary>The admin key (<see cref="AdminKeyAuthenticationHandler"/>).</summary>
    public const string Admin = "admin";

    /// <summary>Any valid session token.</summary>
    public const string Session = "session";

    /// <summary>The session of the user the request names (<see cref="SameUserRequirement"/>).</summary>
    public const string SameUser = "same-user";

    public static IServiceCollection AddMarqueeAuth(this IServiceCollection services)
    {
        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, AdminKeyAuthenticationHandler>(AdminKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, SameUserHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Admin, policy => policy.AddAuthenticationSchemes(AdminKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(Session, policy => policy.AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(SameUser, policy => policy.AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName)
                .AddRequirements(new SameUserRequirement()));
        return services;
    }
}
