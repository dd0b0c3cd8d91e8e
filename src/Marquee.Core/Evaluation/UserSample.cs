using Marquee.Core.Interactions;
using Marquee.Core.Numerics;

namespace Marquee.Core.Evaluation;

/// <summary>
/// A seeded sample of users for evaluating large datasets in bounded time: the <c>count</c> users with the
/// smallest <c>key(seed, user, 0)</c> (SplitMix64) keep all their ratings; every other
/// user's ratings are dropped before the protocol's split. The sample depends on nothing but the user ids
/// and the seed, so two runs, or two machines, evaluate the same users.
/// </summary>
public static class UserSample
{
    public const ulong Seed = 12;

    /// <summary>The rows of the sampled users, in their original order (all rows when there are no more users than <paramref name="count"/>).</summary>
    public static InteractionTable Keep(InteractionTable all, int count, ulong seed = Seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var users = all.UserIds.Distinct().ToArray();
        if (users.Length <= count)
        {
            return all;
        }
        var keys = users.Select(u => SplitMix64.Key(seed, u, 0)).ToArray();
        Array.Sort(keys, users);
        var kept = users.AsSpan(0, count).ToArray().ToHashSet();
        return all.Where(r => kept.Contains(all.UserIds[r]));
    }
}
