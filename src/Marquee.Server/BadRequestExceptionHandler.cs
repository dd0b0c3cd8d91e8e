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
            // An [AsParameters] query is named by its C# property ("Limit"); the client sent "limit".
            : parameter is { Success: true } ? ValidationProblems.JsonPath(parameter.Groups["name"].Value, httpContext)
            : "body";
        var unbound = json is null ? UnboundValue().Match(badRequest.Message) : null;
        var name = unbound is { Success: true } ? ValidationProblems.JsonPath(unbound.Groups["name"].Value, httpContext) : null;
        var message = json is not null ? Describe(json)
            : MissingBody().IsMatch(badRequest.Message) ? "is required: send a JSON object"
            : unbound is { Success: true } ? $"'{unbound.Groups["value"].Value}' is not a valid {name}"
            : WithoutTypeNames(badRequest.Message);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var details = new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = badRequest.StatusCode,
            Title = parameter is { Success: true } ? "The request could not be read" : "The request body could not be read",
            Detail = json is null ? message : field == "body" ? $"The body is not valid JSON: {message}" : $"Invalid JSON at '{field}': {message}",
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

    /// <summary>The reader's message in the request's own terms: "must be a whole number", not a .NET type name.</summary>
    private static string Describe(JsonException json)
    {
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        var conversion = ConversionTarget().Match(message);
        return conversion.Success ? $"must be {Kind(conversion.Groups["type"].Value)}" : WithoutTypeNames(message);
    }

    private static string Kind(string type) =>
        type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) || type.Contains("Int16", StringComparison.Ordinal)
            ? type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) ? "a list of whole numbers" : "a whole number"
        : type.Contains("Double", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) ? "a number"
        : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
        : type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal)
            ? type.Contains("String", StringComparison.Ordinal) ? "a list of strings" : "a list"
        : type.Contains("String", StringComparison.Ordinal) ? "a string"
        : "a JSON object";

    /// <summary>Last line of defence: no message names an internal type.</summary>
    internal static string WithoutTypeNames(string message) => TypeName().Replace(message, "the expected value");

    [System.Text.RegularExpressions.GeneratedRegex(@"could not be converted to (?<type>\S+?)\.?$")]
    private static partial System.Text.RegularExpressions.Regex ConversionTarget();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:System|Marquee|Microsoft)\.[\w.`\[\],+]+")]
    private static partial System.Text.RegularExpressions.Regex TypeName();

    /// <summary>An empty body where the endpoint takes a JSON object (the message would name the contract's type).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:Required parameter ""[^""]*"" was not provided from body|Implicit body inferred for parameter ""[^""]*"" but no body was provided)")]
    private static partial System.Text.RegularExpressions.Regex MissingBody();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Failed to bind parameter ""(?:\S+ )?(?<name>[^""\s]+)"" from ""(?<value>[^""]*)""")]
    private static partial System.Text.RegularExpressions.Regex UnboundValue();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Failed to bind parameter ""(?:\S+ )?(?<name>[^""\s]+)"" from")]
    private static partial System.Text.RegularExpressions.Regex UnboundParameter();
}
