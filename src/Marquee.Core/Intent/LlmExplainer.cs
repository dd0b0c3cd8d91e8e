using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Marquee.Core.Intent;

/// <summary>A picked movie as the explainer describes it to the model.</summary>
public sealed record ExplainedMovie(int MovieId, string Title, int? Year, IReadOnlyList<string> Genres, string? Overview, IReadOnlyList<string> Reasons);

/// <summary>
/// Asks a chat model for one short line per top pick ("A warm, funny road trip — just right for a rainy
/// night"). The answer must name exactly the movies asked about, one plain line each; otherwise it is
/// dropped and the rule-written reasons stand alone.
/// </summary>
public sealed class LlmExplainer(IChatClient client)
{
    /// <summary>Longest line kept; cards have room for one sentence.</summary>
    public const int MaxLineLength = 200;

    public async Task<IReadOnlyDictionary<int, string>?> ExplainAsync(string wish, IReadOnlyList<ExplainedMovie> movies, CancellationToken cancellationToken)
    {
        if (movies.Count == 0)
        {
            return null;
        }
        var listing = new StringBuilder();
        foreach (var movie in movies)
        {
            listing.Append("- movie_id ").Append(movie.MovieId).Append(": ").Append(movie.Title);
            if (movie.Year is { } year)
            {
                listing.Append(" (").Append(year).Append(')');
            }
            listing.Append("; genres: ").AppendJoin(", ", movie.Genres);
            if (movie.Reasons.Count > 0)
            {
                listing.Append("; picked because: ").AppendJoin("; ", movie.Reasons);
            }
            if (!string.IsNullOrWhiteSpace(movie.Overview))
            {
                var overview = movie.Overview.Length > 300 ? movie.Overview[..300] + "…" : movie.Overview;
                listing.Append("; plot: ").Append(overview);
            }
            listing.AppendLine();
        }
        List<ChatMessage> messages =
        [
            new(ChatRole.System,
                "You write one friendly sentence (at most 140 characters) per movie saying why it suits the person's wish. " +
                "Reply with exactly one JSON object: {\"explanations\": [{\"movie_id\": <id>, \"text\": \"<sentence>\"}]} " +
                "with one entry for every movie listed and nothing else."),
            new(ChatRole.User, $"Wish: {wish}\nMovies:\n{listing}"),
        ];
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.Json, Temperature = 0.3f, MaxOutputTokens = 600 };
        var response = await client.GetResponseAsync(messages, options, cancellationToken);
        return Read(response.Text, movies.Select(m => m.MovieId).ToHashSet());
    }

    /// <summary>Validates an answer: every asked movie once, a non-empty single line each. Null when off-schema.</summary>
    public static IReadOnlyDictionary<int, string>? Read(string? text, IReadOnlySet<int> movieIds)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(text.Trim().Trim('`'), new JsonDocumentOptions { MaxDepth = 6 });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("explanations", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }
            var lines = new Dictionary<int, string>();
            foreach (var entry in list.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object
                    || !entry.TryGetProperty("movie_id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt32(out var movieId)
                    || !entry.TryGetProperty("text", out var line) || line.ValueKind != JsonValueKind.String
                    || !movieIds.Contains(movieId) || lines.ContainsKey(movieId))
                {
                    return null;
                }
                var sentence = string.Join(' ', (line.GetString() ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (sentence.Length is 0 or > MaxLineLength)
                {
                    return null;
                }
                lines[movieId] = sentence;
            }
            return lines.Count == movieIds.Count ? lines : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
