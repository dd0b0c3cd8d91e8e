using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Core.Evaluation.Relevance;

/// <summary>
/// Asks a running Marquee server (over its public HTTP API, as a person's client would) for the pages
/// RELEVANCE.md judges: one <c>POST /recommend</c> per wish, and for each taste a new session that likes
/// six films and then asks for its page.
/// </summary>
public sealed class RelevanceRun(HttpClient client)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<WishScore> ScoreWishAsync(WishCase wish, CancellationToken cancellationToken = default)
    {
        var page = await RecommendAsync(new { query = wish.Query, k = RelevanceJudge.PageSize }, null, cancellationToken);
        return RelevanceJudge.ScoreWish(wish, page);
    }

    public async Task<TasteScore> ScoreTasteAsync(TasteCase taste, IReadOnlySet<int> canon, CancellationToken cancellationToken = default)
    {
        using var session = await client.PostAsync("/sessions", null, cancellationToken);
        await EnsureAsync(session, "POST /sessions", cancellationToken);
        var created = await session.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        var userId = created.GetProperty("user_id").GetString()!;
        var token = created.GetProperty("token").GetString()!;
        foreach (var movieId in taste.Likes)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/feedback")
            {
                Content = JsonContent.Create(new { user_id = userId, movie_id = movieId, action = "like" }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var liked = await client.SendAsync(request, cancellationToken);
            await EnsureAsync(liked, $"POST /feedback (movie {movieId})", cancellationToken);
        }
        var page = await RecommendAsync(new { user_id = userId, recommender = "auto", k = RelevanceJudge.PageSize }, token, cancellationToken);
        return RelevanceJudge.ScoreTaste(taste, page, canon);
    }

    private async Task<IReadOnlyList<JudgedFilm>> RecommendAsync(object body, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/recommend") { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await client.SendAsync(request, cancellationToken);
        await EnsureAsync(response, "POST /recommend", cancellationToken);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        return page.GetProperty("items").EnumerateArray().Select(Film).ToList();
    }

    private static JudgedFilm Film(JsonElement item) => new(
        item.GetProperty("movie_id").GetInt32(),
        item.GetProperty("title").GetString() ?? "",
        [.. item.GetProperty("genres").EnumerateArray().Select(g => g.GetString() ?? "")],
        item.TryGetProperty("rating_count", out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : 0,
        item.TryGetProperty("rating", out var mean) && mean.ValueKind == JsonValueKind.Number ? mean.GetDouble() : null,
        item.TryGetProperty("runtime_minutes", out var runtime) && runtime.ValueKind == JsonValueKind.Number ? runtime.GetInt32() : null);

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{what} answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
        }
    }
}
