using Marquee.Core.Groups;

namespace Marquee.Core.Tests.Groups;

public class GroupAggregatorTests
{
    // Two members who rank three films in opposite orders, and agree on the middle one.
    private static readonly float[][] Opposed = [[3f, 2f, 1f], [1f, 2f, 3f]];

    private static double[] Aggregate(GroupStrategy strategy, float[][] members, GroupAggregationOptions? options = null)
    {
        var group = new double[members[0].Length];
        GroupAggregator.Aggregate(strategy, members, group, options);
        return group;
    }

    [Fact]
    public void Average_OfMinMaxNormalisedScores_IsTheMean()
    {
        Assert.Equal([0.5, 0.5, 0.5], Aggregate(GroupStrategy.Average, Opposed));
        // Scales do not outvote: member 2's scores are 100 times larger but count the same.
        Assert.Equal([0, 0.666667, 0.833333], Aggregate(GroupStrategy.Average, [[1f, 2f, 4f], [100f, 400f, 300f]]).Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void LeastMisery_TakesTheLowestMember_MostPleasureTheHighest()
    {
        Assert.Equal([0, 0.5, 0], Aggregate(GroupStrategy.LeastMisery, Opposed));
        Assert.Equal([1, 0.5, 1], Aggregate(GroupStrategy.MostPleasure, Opposed));
    }

    [Fact]
    public void AverageWithoutMisery_SendsFilmsBelowAnyonesLineToTheBack()
    {
        // Film 0 is loved by member 1 (1.0) and the worst for member 2 (0.0): with a line at the median it is misery.
        var group = Aggregate(GroupStrategy.AverageWithoutMisery, [[4f, 3f, 2f, 1f], [1f, 4f, 3f, 2f]], new GroupAggregationOptions { MiseryShare = 0.5 });

        Assert.True(group[1] > group[0]);
        Assert.True(group[0] < 0, "a film below someone's misery line scores below every film above all lines");
        Assert.Equal(Math.Round((2 / 3.0 + 1) / 2, 6), Math.Round(group[1], 6));
    }

    [Fact]
    public void Borda_AveragesRankPercentiles()
    {
        Assert.Equal([0.5, 0.5, 0.5], Aggregate(GroupStrategy.Borda, Opposed));
        Assert.Equal([1f, 0.5f, 0f], GroupAggregator.Percentiles([9f, 5f, float.NaN], 3));
    }

    [Fact]
    public void Fairness_GivesEachMemberATurn()
    {
        // Member 1 loves film 0, member 2 loves film 3; the group mean prefers film 1 and 2.
        var members = new float[][] { [10f, 6f, 5f, 0f, 0f], [0f, 5f, 6f, 10f, 0f] };
        var group = Aggregate(GroupStrategy.Fairness, members, new GroupAggregationOptions { FairnessTopShare = 0.2 });

        var order = Enumerable.Range(0, 5).OrderByDescending(i => group[i]).ToArray();
        Assert.Equal([0, 3], order[..2]);
    }

    [Fact]
    public void Normalise_NaNAndFlatRows_AreSafe()
    {
        Assert.Equal([1f, 0f, 0f], GroupAggregator.Normalise([2f, float.NaN, 1f], 3));
        Assert.Equal([0.5f, 0.5f], GroupAggregator.Normalise([7f, 7f], 2));
    }

    [Fact]
    public void Strategies_RoundTripByName()
    {
        foreach (var strategy in GroupStrategies.All)
        {
            Assert.Equal(strategy, GroupStrategies.Parse(GroupStrategies.Name(strategy).ToUpperInvariant()));
        }
        Assert.Null(GroupStrategies.Parse("loudest"));
    }
}
