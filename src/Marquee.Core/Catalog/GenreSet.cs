namespace Marquee.Core.Catalog;

/// <summary>A set of canonical genres as a bit mask, so genre filters cost one AND per movie.</summary>
public readonly record struct GenreSet(uint Bits)
{
    public static GenreSet Empty => default;

    public static GenreSet From(IEnumerable<string> genres)
    {
        uint bits = 0;
        foreach (var genre in genres)
        {
            var index = IndexOf(genre);
            if (index >= 0)
            {
                bits |= 1u << index;
            }
        }
        return new GenreSet(bits);
    }

    public bool IsEmpty => Bits == 0;

    public bool Overlaps(GenreSet other) => (Bits & other.Bits) != 0;

    public bool ContainsAll(GenreSet other) => (Bits & other.Bits) == other.Bits;

    public int CountShared(GenreSet other) => System.Numerics.BitOperations.PopCount(Bits & other.Bits);

    public int Count => System.Numerics.BitOperations.PopCount(Bits);

    private static int IndexOf(string genre)
    {
        var all = Genres.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (string.Equals(all[i], genre, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
