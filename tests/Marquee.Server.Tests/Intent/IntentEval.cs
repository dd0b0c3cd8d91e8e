using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Tests.Support;

namespace Marquee.Server.Tests.Intent;

/// <summary>One query of an intent evaluation file and what its top-10 must satisfy.</summary>
public sealed record EvalQuery(string Query, EvalExpectation Expect);

public sealed record EvalExpectation
{
    public IReadOnlyList<string>? AnyGenres { get; init; }
    public IReadOnlyList<string>? AllGenres { get; init; }
    public IReadOnlyList<string>? ExcludeGenres { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public int? MaxRuntime { get; init; }
    public int? SimilarTo { get; init; }
}

public sealed record EvalResult(string Query, double Score, IReadOnlyList<string> Misses);

/// <summary>
/// Scores intent queries against a running server exactly as <c>shared/eval/intent_queries.json</c> describes:
/// POST /recommend {query, k: 10, recommender: auto}; score = satisfying items / 10.
/// </summary>
public static class IntentEval
{
    public const int K = 10;

    public static IReadOnlyList<EvalQuery> Load(string path)
    {
        using var stream = File.OpenRead(path);
        var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("queries").Deserialize<List<EvalQuery>>(MarqueeFactory.Json)
               ?? throw new InvalidDataException($"{path} has no queries");
    }

    public static async Task<EvalResult> ScoreAsync(HttpClient client, EvalQuery query)
    {
        var response = await client.PostAsJsonAsync("/recommend", new { query = query.Query, k = K, recommender = "auto" }, MarqueeFactory.Json);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        IReadOnlyList<string>? referenceGenres = null;
        if (query.Expect.SimilarTo is { } reference)
        {
            var movie = await client.GetFromJsonAsync<JsonElement>($"/movies/{reference}");
            referenceGenres = Genres(movie);
        }
        var misses = new List<string>();
        var satisfied = 0;
        foreach (var item in body.GetProperty("items").EnumerateArray())
        {
            var problem = Check(query.Expect, item, referenceGenres);
            if (problem is null)
            {
                satisfied++;
            }
            else
            {
                misses.Add($"{item.GetProperty("title").GetString()} ({Year(item)?.ToString() ?? "?"}): {problem}");
            }
        }
        return new EvalResult(query.Query, (double)satisfied / K, misses);
    }

    private static string? Check(EvalExpectation expect, JsonElement item, IReadOnlyList<string>? referenceGenres)
    {
        var genres = Genres(item);
        if (expect.AnyGenres is { Count: > 0 } any && !any.Any(genres.Contains))
        {
            return $"none of {string.Join("/", any)} in {string.Join("|", genres)}";
        }
        if (expect.AllGenres is { Count: > 0 } all && !all.All(genres.Contains))
        {
            return $"not all of {string.Join("+", all)} in {string.Join("|", genres)}";
        }
        if (expect.ExcludeGenres is { Count: > 0 } excluded && excluded.Any(genres.Contains))
        {
            return $"has an excluded genre in {string.Join("|", genres)}";
        }
        var year = Year(item);
        if ((expect.YearFrom is { } from && (year is null || year < from)) || (expect.YearTo is { } to && (year is null || year > to)))
        {
            return "outside the years";
        }
        if (expect.MaxRuntime is { } max
            && (!item.TryGetProperty("runtime_minutes", out var runtime) || runtime.ValueKind != JsonValueKind.Number || runtime.GetInt32() > max))
        {
            return "runtime unknown or too long";
        }
        if (expect.SimilarTo is { } reference
            && (item.GetProperty("movie_id").GetInt32() == reference || !genres.Any(g => referenceGenres!.Contains(g))))
        {
            return "the reference itself or no shared genre";
        }
        return null;
    }

    private static List<string> Genres(JsonElement movie) =>
        movie.GetProperty("genres").EnumerateArray().Select(g => g.GetString()!).ToList();

    private static int? Year(JsonElement item) =>
        item.TryGetProperty("year", out var year) && year.ValueKind == JsonValueKind.Number ? year.GetInt32() : null;
}
