namespace Marquee.Core.Groups;

/// <summary>How the members' predicted tastes are combined into one score for the group (Masthoff's aggregation strategies).</summary>
public enum GroupStrategy
{
    /// <summary>The mean of the members' scores: the group's total happiness, blind to one unhappy member.</summary>
    Average,

    /// <summary>The lowest member score: nobody is unhappy, but one narrow taste decides for everyone.</summary>
    LeastMisery,

    /// <summary>The highest member score: the group's list holds each member's surest favourites.</summary>
    MostPleasure,

    /// <summary>
    /// The mean, among films every member ranks above their own misery line (their bottom share of the
    /// catalogue by predicted taste); films below anyone's line come only after all the others.
    /// </summary>
    AverageWithoutMisery,

    /// <summary>Borda count: the mean of each member's rank percentile, so a member with spiky scores does not outvote the others.</summary>
    Borda,

    /// <summary>Members take turns: each turn adds the best film, by the group mean, among the turn-taker's own top picks left.</summary>
    Fairness,
}

public static class GroupStrategies
{
    public static readonly IReadOnlyList<GroupStrategy> All =
        [GroupStrategy.Average, GroupStrategy.LeastMisery, GroupStrategy.MostPleasure, GroupStrategy.AverageWithoutMisery, GroupStrategy.Borda, GroupStrategy.Fairness];

    /// <summary>
    /// The strategy rooms use, blended half and half with the engine's page for the pooled taste (the merged
    /// profile). Chosen by the offline comparison in docs/rooms.md: that blend has the best group mean NDCG@10 at
    /// every group size and the best worst member among the blends. Serving adds the rating model's veto on
    /// films someone is predicted to hate.
    /// </summary>
    public const GroupStrategy Serving = GroupStrategy.MostPleasure;

    public static string Name(GroupStrategy strategy) => strategy switch
    {
        GroupStrategy.Average => "average",
        GroupStrategy.LeastMisery => "least-misery",
        GroupStrategy.MostPleasure => "most-pleasure",
        GroupStrategy.AverageWithoutMisery => "average-without-misery",
        GroupStrategy.Borda => "borda",
        GroupStrategy.Fairness => "fairness",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
    };

    public static GroupStrategy? Parse(string name) => All.Cast<GroupStrategy?>()
        .FirstOrDefault(s => string.Equals(Name(s!.Value), name.Trim(), StringComparison.OrdinalIgnoreCase));
}
