using Marquee.Core.Catalog;

namespace Marquee.Core.Ranking;

/// <summary>
/// A person's taste in genres read off their history: each rated or swiped movie pulls its genres up
/// (stars above 3) or down (below 3, or a dislike), shared among the movie's genres, and rarer genres
/// count more. Works without a CF model, so a fresh session's likes shape the next page even before any
/// model has seen them.
/// </summary>
internal sealed class GenreAffinity
{
    /// <summary>Stars at which a rating says nothing about taste.</summary>
    private const float NeutralStars = 3f;

    private readonly float[] _profile = new float[Genres.All.Count];

    private GenreAffinity()
    {
    }

    /// <summary>How many history movies carried a taste signal.</summary>
    public int Signals { get; private set; }

    /// <summary>The profile of a history, or null when nothing in it says anything about genres.</summary>
    public static GenreAffinity? Of(MovieCatalog catalog, IReadOnlyList<(int MovieId, float Weight)> history)
    {
        var affinity = new GenreAffinity();
        foreach (var (movieId, weight) in history)
        {
            if (weight == 0 || catalog.Find(movieId) is not { GenreMask.IsEmpty: false } movie)
            {
                continue;
            }
            // Implied stars: like 4.5 → +0.75, superlike 5 → +1, a 1-star rating → −1, a dislike (−1) → −1.
            var taste = weight < 0 ? -1f : Math.Clamp((weight - NeutralStars) / 2f, -1f, 1f);
            if (taste == 0)
            {
                continue;
            }
            affinity.Signals++;
            var share = taste / movie.GenreMask.Count;
            var bits = movie.GenreMask.Bits;
            while (bits != 0)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
                affinity._profile[bit] += share;
                bits &= bits - 1;
            }
        }
        // Liking five Animation films says more than liking five Comedies: weigh genres by rarity (IDF).
        var total = Math.Max(1, catalog.Count);
        foreach (var (genre, count) in catalog.GenreCounts)
        {
            var bit = BitOf(genre);
            if (bit >= 0 && count > 0)
            {
                affinity._profile[bit] *= (float)Math.Log(1 + ((double)total / count));
            }
        }
        var max = 0f;
        foreach (var value in affinity._profile)
        {
            max = Math.Max(max, Math.Abs(value));
        }
        if (max <= 0)
        {
            return null;
        }
        for (var g = 0; g < affinity._profile.Length; g++)
        {
            affinity._profile[g] /= max;
        }
        return affinity;
    }

    private static int BitOf(string genre)
    {
        for (var i = 0; i < Genres.All.Count; i++)
        {
            if (Genres.All[i] == genre)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>0–1: the mean profile value over the movie's genres, 0.5 being neutral.</summary>
    public float Score(GenreSet genres)
    {
        if (genres.IsEmpty)
        {
            return 0.5f;
        }
        var sum = 0f;
        var bits = genres.Bits;
        while (bits != 0)
        {
            var bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
            sum += _profile[bit];
            bits &= bits - 1;
        }
        return (1 + (sum / genres.Count)) / 2;
    }

    /// <summary>The movie's genres the person likes most, strongest first (for "fits your taste for …").</summary>
    public IReadOnlyList<string> FavouritesIn(CatalogMovie movie, int max) => movie.Genres
        .Select(g => (Genre: g, Bit: BitOf(g)))
        .Where(g => g.Bit >= 0)
        .Select(g => (g.Genre, Value: _profile[g.Bit]))
        .Where(g => g.Value >= 0.5f)
        .OrderByDescending(g => g.Value)
        .Take(max)
        .Select(g => g.Genre)
        .ToList();
}
