using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Marquee.Server;

/// <summary>
/// ASP.NET Core's request validation (<c>AddValidation</c>: the DataAnnotations of the request contracts and
/// <c>[AsParameters]</c> queries) names a field by its C# path ("Context.ModelVersion"); the client sent
/// "context.model_version". This puts the 400 problem in the request's own terms, with the JSON naming policy.
/// </summary>
internal static class ValidationProblems
{
    /// <summary>The title the framework gives its validation problems (and ours that set none).</summary>
    private static readonly string FrameworkTitle = new HttpValidationProblemDetails().Title!;

    public static void InRequestTerms(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails { Errors.Count: > 0 } problem || problem.Title != FrameworkTitle)
        {
            return;
        }
        var renamed = problem.Errors
            .GroupBy(error => JsonPath(error.Key, context.HttpContext), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.SelectMany(error => error.Value).ToArray(), StringComparer.Ordinal);
        problem.Errors.Clear();
        foreach (var (field, messages) in renamed)
        {
            problem.Errors[field] = messages;
        }
    }

    /// <summary>"Context.ModelVersion" → "context.model_version"; names already in JSON terms ("limit") stay.</summary>
    public static string JsonPath(string path, HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.PropertyNamingPolicy is { } naming
            ? string.Join('.', path.Split('.').Select(segment => segment.Length > 0 && char.IsUpper(segment[0]) ? naming.ConvertName(segment) : segment))
            : path;
}
