using Marquee.Core.Evaluation;
using Marquee.Core.Numerics;
using Marquee.Core.Tests.Recommenders.RatingPrediction;

namespace Marquee.Core.Tests.Evaluation;

public class UserSampleTests
{
    [Fact]
    public void Keep_TakesTheUsersWithTheSmallestSeededKey_WithAllTheirRows()
    {
        var rows = new List<(int, int, float)>();
        for (var user = 1; user <= 50; user++)
        {
            for (var movie = 1; movie <= user % 7 + 1; movie++)
            {
                rows.Add((user, movie, 4f));
            }
        }
        var table = RatingTestData.Table([.. rows]);
        var expected = Enumerable.Range(1, 50).OrderBy(u => SplitMix64.Key(UserSample.Seed, u, 0)).Take(10).ToHashSet();

        var sample = UserSample.Keep(table, 10);

        Assert.Equal(expected, sample.UserIds.ToHashSet());
        Assert.Equal(rows.Count(r => expected.Contains(r.Item1)), sample.Count);
        Assert.Equal(sample.UserIds, UserSample.Keep(table, 10).UserIds);
    }

    [Fact]
    public void Keep_NoMoreUsersThanAsked_KeepsEverything()
    {
        var table = RatingTestData.Table((1, 1, 3f), (2, 1, 4f));

        Assert.Same(table, UserSample.Keep(table, 5));
    }
}
