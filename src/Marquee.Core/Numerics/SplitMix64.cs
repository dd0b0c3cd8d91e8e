namespace Marquee.Core.Numerics;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014) as used by the evaluation protocol: every split decision is
/// a hash of (seed, user, movie), so splits do not depend on any RNG or on row order.
/// </summary>
public static class SplitMix64
{
    /// <summary>One SplitMix64 step applied to <paramref name="x"/> (all arithmetic mod 2^64).</summary>
    public static ulong Mix(ulong x)
    {
        unchecked
        {
            var z = x + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary><c>key(seed, u, i) = SM(SM(SM(seed) ^ u) ^ i)</c>.</summary>
    public static ulong Key(ulong seed, long userId, long movieId) =>
        Mix(Mix(Mix(seed) ^ unchecked((ulong)userId)) ^ unchecked((ulong)movieId));
}
