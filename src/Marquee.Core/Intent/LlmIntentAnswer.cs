using System.Text.Json.Serialization;

namespace Marquee.Core.Intent;

/// <summary>
/// The JSON a chat model answers with: sent to the model as the structured-output schema, and the set of
/// keys <see cref="LlmIntentParser"/> accepts. Every key is optional; the parser validates values itself.
/// </summary>
public sealed record LlmIntentAnswer(
    [property: JsonPropertyName("genres")] IReadOnlyList<string>? Genres,
    [property: JsonPropertyName("exclude_genres")] IReadOnlyList<string>? ExcludeGenres,
    [property: JsonPropertyName("moods")] IReadOnlyList<string>? Moods,
    [property: JsonPropertyName("year_from")] int? YearFrom,
    [property: JsonPropertyName("year_to")] int? YearTo,
    [property: JsonPropertyName("max_runtime")] int? MaxRuntime,
    [property: JsonPropertyName("reference_titles")] IReadOnlyList<string>? ReferenceTitles,
    [property: JsonPropertyName("keywords")] IReadOnlyList<string>? Keywords,
    [property: JsonPropertyName("exclude_keywords")] IReadOnlyList<string>? ExcludeKeywords)
{
    /// <summary>The JSON names of the answer's keys.</summary>
    public static IReadOnlySet<string> Keys { get; } = typeof(LlmIntentAnswer).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
        .Select(p => p.GetCustomAttributes(typeof(JsonPropertyNameAttribute), false).OfType<JsonPropertyNameAttribute>().Single().Name)
        .ToHashSet(StringComparer.Ordinal);
}
