using System.Text.Json;

namespace Marquee.Core.Evaluation.Relevance;

/// <summary>Reads judged wishes (the layout of <c>shared/eval/relevance_public.json</c>) and tastes.</summary>
public static class RelevanceSets
{
    public static IReadOnlyList<WishCase> LoadWishes(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var wishes = new List<WishCase>();
        foreach (var row in document.RootElement.EnumerateArray())
        {
            var predicates = row.TryGetProperty("predicates", out var p) ? p : default;
            wishes.Add(new WishCase(
                row.GetProperty("category").GetString() ?? "",
                row.GetProperty("query").GetString() ?? "",
                row.TryGetProperty("expected_movie_ids", out var ids) ? [.. ids.EnumerateArray().Select(i => i.GetInt32())] : [],
                Predicates(predicates)));
        }
        return wishes;
    }

    public static IReadOnlyList<TasteCase> LoadTastes(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .Select(row => new TasteCase(
                row.GetProperty("name").GetString() ?? "",
                [.. row.GetProperty("likes").EnumerateArray().Select(i => i.GetInt32())],
                row.GetProperty("genre").GetString() ?? "",
                row.GetProperty("need").GetDouble()))
            .ToList();
    }

    private static WishPredicates Predicates(JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Object)
        {
            return new WishPredicates();
        }
        JsonElement[]? Array(string name) => p.TryGetProperty(name, out var value) ? [.. value.EnumerateArray()] : null;
        var genreShare = Array("genre_share");
        var acclaimed = Array("acclaimed");
        var runtime = Array("runtime");
        return new WishPredicates
        {
            GenreShare = genreShare is null ? null : (Strings(genreShare[0]), genreShare[1].GetDouble()),
            ForbidGenres = Array("forbid_genres")?.Select(g => g.GetString() ?? "").ToList(),
            ForbidIds = Array("forbid_ids")?.Select(i => i.GetInt32()).ToList(),
            Acclaimed = acclaimed is null ? null : (acclaimed[0].GetDouble(), acclaimed[1].GetInt32(), acclaimed[2].GetDouble()),
            Runtime = runtime is null ? null : (runtime[0].GetInt32(), runtime[1].GetInt32(), runtime[2].GetDouble()),
        };
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(g => g.GetString() ?? "")];
}
