using System.Globalization;
using System.Threading.RateLimiting;
using Marquee.Server.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace Marquee.Server;

/// <summary>Settings of <see cref="RateLimits"/>, section <c>Marquee:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>New sessions per client address and minute.</summary>
    public int SessionsPerMinute { get; set; } = 120;

    /// <summary>Writes (feedback, undo, watchlist, session changes) per session and minute.</summary>
    public int WritesPerSessionPerMinute { get; set; } = 120;

    /// <summary>Writes per client address and minute, all sessions behind it together.</summary>
    public int WritesPerAddressPerMinute { get; set; } = 600;

    /// <summary>Requests for the OpenAPI document and the API reference page per client address and minute.</summary>
    public int DocumentsPerMinute { get; set; } = 60;

    /// <summary>Rooms created and joined per client address and minute (codes cannot be tried in bulk).</summary>
    public int RoomJoinsPerMinute { get; set; } = 30;
}

/// <summary>
/// Rate limits (ASP.NET Core's limiter). Every write is limited twice: per session, so one client cannot
/// flood its own history, and per client address, so minting sessions does not get around it. A rejection
/// is a 429 problem with <c>Retry-After</c>. The client address is the connection's, or the one a trusted
/// proxy forwarded (see <see cref="ForwardedHeadersSetup"/>).
/// </summary>
public static class RateLimits
{
    public const string Sessions = "sessions";
    public const string Documents = "documents";
    public const string RoomJoins = "room-joins";

    /// <summary>Endpoint metadata: this endpoint stores something, so the write limits apply.</summary>
    public sealed class WriteEndpoint
    {
        public static readonly WriteEndpoint Instance = new();
    }

    /// <summary>Marks endpoints as writes, limited per session and per client address.</summary>
    public static TBuilder LimitWrites<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(WriteEndpoint.Instance);

    public static IServiceCollection AddMarqueeRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("Marquee:RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Sessions, context => PerMinute("sessions:" + Address(context), limits.SessionsPerMinute));
            options.AddPolicy(Documents, context => PerMinute("documents:" + Address(context), limits.DocumentsPerMinute));
            // Room codes are the only key to a room: joining (and creating) is limited per client address,
            // so codes cannot be tried in bulk (docs/rooms.md works out what enumeration would cost).
            options.AddPolicy(RoomJoins, context => PerMinute("room-joins:" + Address(context), limits.RoomJoinsPerMinute));
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsWrite(context) && context.User.UserId() is { } user
                        ? PerMinute("session:" + user, limits.WritesPerSessionPerMinute)
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsWrite(context)
                        ? PerMinute("address:" + Address(context), limits.WritesPerAddressPerMinute)
                        : RateLimitPartition.GetNoLimiter("")));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = 429, Title = "Too many requests",
                        Detail = $"Too many requests from this session or address; retry in {seconds} s.",
                    },
                });
            };
        });
        return services;
    }

    private static bool IsWrite(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<WriteEndpoint>() is not null;

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>A sliding minute in six steps: a client cannot double its rate at the edge of a window.</summary>
    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        });
}
