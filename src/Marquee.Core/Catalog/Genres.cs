using System.Collections.Frozen;

namespace Marquee.Core.Catalog;

/// <summary>The MovieLens genre vocabulary, normalised across dataset generations.</summary>
public static class Genres
{
    /// <summary>Every genre a MovieLens dataset can name, in the spelling of the current datasets.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "IMAX", "Musical", "Mystery", "Romance", "Sci-Fi",
        "Thriller", "War", "Western",
    ];

    /// <summary>"IMAX" is how a film was shown, not what it is: kept for filters, never shown as a genre.</summary>
    public const string ScreenFormat = "IMAX";

    /// <summary>The genres a person reads on a card: <paramref name="genres"/> without <see cref="ScreenFormat"/>.</summary>
    public static IReadOnlyList<string> Shown(IReadOnlyList<string> genres) =>
        genres.Contains(ScreenFormat) ? genres.Where(g => g != ScreenFormat).ToList() : genres;

    private static readonly FrozenDictionary<string, string> Canonical = BuildCanonical();

    private static FrozenDictionary<string, string> BuildCanonical()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var genre in All)
        {
            map[genre] = genre;
        }
        // ml-100k and ml-1m spell it the 1990s way.
        map["Children's"] = "Children";
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Maps a raw genre name to its canonical spelling, case-insensitively.</summary>
    /// <returns>The canonical name, or null when the name is not a genre (e.g. <c>(no genres listed)</c>).</returns>
    public static string? Normalize(string raw) =>
        Canonical.TryGetValue(raw.Trim(), out var canonical) ? canonical : null;

    /// <summary>
    /// The MovieLens genre a TMDB genre names, or null where MovieLens has none (History, Music, TV Movie: a film about
    /// music is not a musical).
    /// </summary>
    public static string? FromTmdb(string tmdbGenre) => tmdbGenre.Trim() switch
    {
        "Science Fiction" => "Sci-Fi",
        "Family" => "Children",
        var name => Normalize(name) is { } genre && genre != ScreenFormat ? genre : null,
    };

    /// <summary>Splits a pipe-separated MovieLens genre list into canonical, distinct names.</summary>
    public static IReadOnlyList<string> ParseList(ReadOnlySpan<char> pipeSeparated)
    {
        var result = new List<string>(4);
        foreach (var range in pipeSeparated.Split('|'))
        {
            var genre = Normalize(pipeSeparated[range].ToString());
            if (genre is not null && !result.Contains(genre))
            {
                result.Add(genre);
            }
        }
        return result;
    }
}
