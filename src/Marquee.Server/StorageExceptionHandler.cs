using System.Globalization;
using Marquee.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Marquee.Server;

/// <summary>
/// A database that cannot take writes (deleted, read-only, full, unreachable) is a 503 with <c>Retry-After</c>
/// that says nothing was stored, never a 500 and never a 201 for a write that is not durable.
/// </summary>
internal sealed class StorageExceptionHandler(IProblemDetailsService problems, ILogger<StorageExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!Database.IsUnavailable(exception))
        {
            return false;
        }
        logger.LogError("The database cannot take writes: {Reason}", exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = "The database cannot store this right now, so nothing was stored; retry shortly. GET /health says why.",
            },
        });
    }
}
