using Marquee.Core.Catalog;

namespace Marquee.Core.Ranking;

/// <summary>
/// The reason on a card recommended for being like another film, saying what the two share that a person
/// recognises: "Like The Matrix: simulated reality, cyberpunk", "Like Amélie: also by Jean-Pierre Jeunet". The
/// genres both are filed under come last, when nothing more specific is shared: every sci-fi action film shares
/// "Action, Sci-Fi" with The Matrix, which says why it is on the page no better than its poster does.
/// </summary>
public static class LikeReasons
{
    /// <summary>The reason, or null when the films share nothing to name (their closeness is co-ratings alone).</summary>
    public static string? For(RecommenderSnapshot snapshot, CatalogMovie reference, CatalogMovie movie)
    {
        var shared = snapshot.Traits.Shared(reference.Index, movie.Index);
        var parts = new List<string>(3);
        if (shared.SameSeries)
        {
            parts.Add("same series");
        }
        if (shared.Director is { } director)
        {
            parts.Add($"also by {director}");
        }
        else if (shared.Lead is { } lead)
        {
            parts.Add($"also with {lead}");
        }
        parts.AddRange(shared.Labels);
        if (parts.Count == 0)
        {
            parts.AddRange(movie.Genres.Where(reference.Genres.Contains).Take(3));
        }
        return parts.Count == 0 ? null : $"Like {reference.Title}: {string.Join(", ", parts)}";
    }
}
