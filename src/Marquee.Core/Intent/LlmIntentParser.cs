using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Marquee.Core.Intent;

/// <summary>
/// Asks a chat model (any <see cref="IChatClient"/>: OpenAI-compatible, Ollama, ...) to read a wish into the
/// same intent schema the rules produce, then validates the answer strictly. Anything off-schema is
/// rejected as a whole, so the caller falls back to the rules; it never half-trusts a model.
/// </summary>
public sealed class LlmIntentParser(IChatClient client, IntentVocabulary vocabulary)
{
    private static IReadOnlySet<string> Keys => LlmIntentAnswer.Keys;

    /// <summary>Structured output: models that support a JSON schema are held to the answer's keys and types.</summary>
    private static readonly ChatResponseFormat AnswerFormat = ChatResponseFormat.ForJsonSchema<LlmIntentAnswer>(
        schemaName: "movie_intent", schemaDescription: "Search filters read from a person's movie wish");

    /// <summary>Reads the query with the model; the result says why when the answer is off-schema.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<LlmIntentResult> ParseAsync(string query, IntentParseContext context, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, SystemPrompt(context.ReferenceYear)),
            new(ChatRole.User, query),
        ];
        var options = new ChatOptions { ResponseFormat = AnswerFormat, Temperature = 0, MaxOutputTokens = 400 };
        var response = await client.GetResponseAsync(messages, options, cancellationToken);
        return Read(response.Text, vocabulary, context);
    }

    /// <summary>The instructions: the schema, the allowed genre and mood names, what "recent" means here.</summary>
    public string SystemPrompt(int referenceYear)
    {
        var prompt = new StringBuilder();
        prompt.AppendLine("You turn a person's movie wish into search filters for a movie recommender.");
        prompt.AppendLine("Reply with exactly one JSON object and nothing else. Keys (use [] or null when the wish says nothing about one):");
        prompt.Append("- genres: genres the person wants, only from: ").AppendJoin(", ", Catalog.Genres.All).AppendLine();
        prompt.AppendLine("- exclude_genres: genres the person rules out, same names");
        prompt.Append("- moods: only from: ").AppendJoin(", ", vocabulary.Moods.Select(m => $"{m.Name} ({m.Description})")).AppendLine();
        prompt.Append(CultureInfo.InvariantCulture, $"- year_from, year_to: release years as integers or null; the newest films known are from {referenceYear}, so \"recent\" means {referenceYear - 4} or later").AppendLine();
        prompt.AppendLine("- max_runtime: longest acceptable runtime in minutes, or null (\"short\" means 90)");
        prompt.AppendLine("- reference_titles: titles of films the person gives as examples (\"like Heat\"), as they wrote them");
        prompt.AppendLine("- keywords: at most 5 subjects to look for in plots and tags (\"heist\", \"time travel\"); not genres or moods");
        prompt.AppendLine("- exclude_keywords: subjects or moods the person does not want (\"gore\")");
        prompt.AppendLine("Never invent constraints the person did not express.");
        return prompt.ToString();
    }

    /// <summary>Validates a model's answer and turns it into an intent with source <c>llm</c>.</summary>
    public static LlmIntentResult Read(string? text, IntentVocabulary vocabulary, IntentParseContext context)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return LlmIntentResult.Invalid("empty answer");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(StripCodeFence(text), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            return LlmIntentResult.Invalid($"not JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return LlmIntentResult.Invalid("the answer is not a JSON object");
            }
            var unknown = root.EnumerateObject().Select(p => p.Name).Where(k => !Keys.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                return LlmIntentResult.Invalid($"unknown keys: {string.Join(", ", unknown)}");
            }
            if (!root.EnumerateObject().Any())
            {
                return LlmIntentResult.Invalid("no key of the schema");
            }
            var builder = new IntentBuilder(vocabulary);
            try
            {
                foreach (var genre in Strings(root, "genres"))
                {
                    foreach (var canonical in vocabulary.GenresFor(genre))
                    {
                        builder.WishGenre(canonical);
                    }
                }
                foreach (var genre in Strings(root, "exclude_genres"))
                {
                    foreach (var canonical in vocabulary.GenresFor(genre))
                    {
                        builder.ExcludeGenre(canonical);
                    }
                }
                foreach (var mood in Strings(root, "moods"))
                {
                    if (vocabulary.FindMood(mood) is { } concept)
                    {
                        builder.Apply(concept);
                    }
                }
                var from = Year(root, "year_from");
                var to = Year(root, "year_to");
                if (from is { } f && to is { } t && f > t)
                {
                    return LlmIntentResult.Invalid($"year_from {f} is after year_to {t}");
                }
                if (from is not null || to is not null)
                {
                    builder.AddYearBound(from, to);
                }
                if (Integer(root, "max_runtime", 1, 1000) is { } runtime)
                {
                    builder.LimitRuntime(runtime);
                }
                foreach (var title in Strings(root, "reference_titles"))
                {
                    var normalized = QueryText.Normalize(title);
                    if (normalized.Length > 0 && context.Titles is { } titles
                        && (titles.ResolveExact(normalized) ?? titles.ResolveFuzzy([normalized])?.Match) is { } match)
                    {
                        builder.AddReference(match.MovieId);
                    }
                }
                foreach (var keyword in Strings(root, "keywords"))
                {
                    AddKeyword(builder, vocabulary, context, keyword, negated: false);
                }
                foreach (var keyword in Strings(root, "exclude_keywords"))
                {
                    AddKeyword(builder, vocabulary, context, keyword, negated: true);
                }
            }
            catch (FormatException e)
            {
                return LlmIntentResult.Invalid(e.Message);
            }
            return LlmIntentResult.Valid(builder.Build(context.ReferenceYear, IntentSource.Llm));
        }
    }

    private static void AddKeyword(IntentBuilder builder, IntentVocabulary vocabulary, IntentParseContext context, string keyword, bool negated)
    {
        var normalized = QueryText.Normalize(keyword);
        if (normalized.Length == 0)
        {
            return;
        }
        if (vocabulary.Phrases.TryGet(normalized, out var meaning) && meaning.Concept is { } concept)
        {
            if (negated)
            {
                builder.ApplyNegated(concept);
            }
            else
            {
                builder.Apply(concept);
            }
            return;
        }
        if (context.Lexicon is { } lexicon && !lexicon.IsUseful(normalized))
        {
            return;
        }
        if (negated)
        {
            builder.ExcludeKeyword(normalized);
        }
        else
        {
            builder.AddKeyword(normalized);
        }
    }

    private static List<string> Strings(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{key} must be an array of strings");
        }
        var result = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 and <= 120 } text)
            {
                throw new FormatException($"{key} must hold strings of 1–120 characters");
            }
            result.Add(text);
        }
        if (result.Count > 20)
        {
            throw new FormatException($"{key} has more than 20 entries");
        }
        return result;
    }

    private static int? Year(JsonElement root, string key) => Integer(root, key, 1870, 2100);

    private static int? Integer(JsonElement root, string key, int min, int max)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            throw new FormatException($"{key} must be an integer from {min} to {max} or null");
        }
        return number;
    }

    /// <summary>Some models wrap JSON in a Markdown fence even when asked not to.</summary>
    private static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }
        var firstLine = trimmed.IndexOf('\n');
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && end > firstLine ? trimmed[(firstLine + 1)..end].Trim() : trimmed;
    }
}

/// <summary>A model's reading of a wish: the intent when valid, otherwise why it was rejected.</summary>
public sealed record LlmIntentResult(MovieIntent? Intent, string? Problem)
{
    public static LlmIntentResult Valid(MovieIntent intent) => new(intent, null);

    public static LlmIntentResult Invalid(string problem) => new(null, problem);
}
