using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Marquee.Server;

/// <summary>Named rate-limit policies (ASP.NET Core's built-in limiter).</summary>
public static class RateLimits
{
    public const string Sessions = "sessions";
    public const string RoomJoins = "room-joins";

    public static IServiceCollection AddMarqueeRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var sessionsPerMinute = configuration.GetValue("Marquee:RateLimits:SessionsPerMinute", 120);
        var roomJoinsPerMinute = configuration.GetValue("Marquee:RateLimits:RoomJoinsPerMinute", 30);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sessions are cheap to ask for and each one is a database row: limit them per client address.
            options.AddPolicy(Sessions, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = sessionsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            // Room codes are the only key to a room: joining (and creating) is limited per client address,
            // so codes cannot be tried in bulk (docs/rooms.md works out what enumeration would cost).
            options.AddPolicy(RoomJoins, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = roomJoinsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many requests", Detail = "Slow down and retry in a minute." },
                });
            };
        });
        return services;
    }
}
