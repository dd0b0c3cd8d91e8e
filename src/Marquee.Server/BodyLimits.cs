using Microsoft.AspNetCore.Http.Metadata;

namespace Marquee.Server;

/// <summary>
/// The largest request body each endpoint reads (ASP.NET Core applies <see cref="IRequestSizeLimitMetadata"/> at
/// routing; a larger body is a 413 problem). The server-wide default of 30 MB let a few large requests hold
/// hundreds of megabytes; every Marquee body is a small JSON object.
/// </summary>
public sealed class BodyLimit(long bytes) : IRequestSizeLimitMetadata
{
    /// <summary>Bodies of endpoints that set no limit of their own (Kestrel's server-wide limit).</summary>
    public const long Default = 64 * 1024;

    /// <summary>A recommend request: a wish of 500 characters and up to 1,000 excluded ids fit with room to spare.</summary>
    public const long Recommend = 32 * 1024;

    /// <summary>One feedback event with its context.</summary>
    public const long Feedback = 8 * 1024;

    /// <summary>Endpoints whose body is empty or a few fields.</summary>
    public const long Small = 1024;

    public long? MaxRequestBodySize => bytes;
}

public static class BodyLimitExtensions
{
    public static TBuilder LimitBody<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes));
}
