using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Marquee.Server;

/// <summary>
/// Turns unreadable request bodies (malformed JSON, a string where a number belongs) into a 400
/// validation problem that names the field, instead of an empty 400 or a 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        var json = FindJsonException(badRequest);
        // A query or route value that does not parse ("?limit=abc") names its parameter in the message.
        var parameter = json is null ? UnboundParameter().Match(badRequest.Message) : null;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.')
            : parameter is { Success: true } ? parameter.Groups["name"].Value
            : "body";
        var message = json is null ? badRequest.Message : Describe(json);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var details = new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = badRequest.StatusCode,
            Title = parameter is { Success: true } ? "The request could not be read" : "The request body could not be read",
            Detail = json is null ? badRequest.Message : $"Invalid JSON at '{field}': {message}",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is JsonException json)
            {
                return json;
            }
        }
        return null;
    }

    private static string Describe(JsonException json)
    {
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Failed to bind parameter ""(?:\S+ )?(?<name>[^""\s]+)"" from")]
    private static partial System.Text.RegularExpressions.Regex UnboundParameter();
}
