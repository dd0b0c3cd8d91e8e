using Marquee.Core.Intent;
using Marquee.Server.Contracts;

namespace Marquee.Server.Endpoints;

public static class MoodsApi
{
    public static IEndpointRouteBuilder MapMoodsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/moods", GetMoods).WithTags("Recommendations").WithName("GetMoods");
        return app;
    }

    public static IReadOnlyList<MoodResponse> GetMoods() => IntentVocabulary.Default.Moods
        .Select(m => new MoodResponse(m.Name, m.Label!, m.Emoji, m.Description!,
            m.GenreWeights.OrderByDescending(g => g.Value).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList(),
            m.ExcludeGenres))
        .ToList();
}
