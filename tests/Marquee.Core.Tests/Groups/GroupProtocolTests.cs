using Marquee.Core.Evaluation;
using Marquee.Core.Interactions;
using Marquee.Core.Recommenders;

namespace Marquee.Core.Tests.Groups;

public class GroupProtocolTests
{
    private static InteractionTable Ratings()
    {
        // 40 users, 60 films, each user rates 20 films with a taste that favours films near their own number.
        var builder = new InteractionTableBuilder();
        var random = new Random(3);
        for (var user = 1; user <= 40; user++)
        {
            foreach (var movie in Enumerable.Range(1, 60).OrderBy(_ => random.Next()).Take(20))
            {
                var stars = Math.Abs((movie % 20) - (user % 20)) < 6 ? 5f : 1.5f;
                builder.Add(user, movie, stars, 0);
            }
        }
        return builder.Build();
    }

    [Fact]
    public void Run_MeasuresEveryStrategyPerGroupSizeAndPooled_WithTheWorstMemberNeverAboveTheMean()
    {
        var data = new ProtocolData(Ratings());
        var model = new Ease(new EaseOptions { Lambda = 10 }).Fit(data.TrainMatrix);

        var results = GroupProtocol.Run(data, model, new GroupProtocolOptions { GroupsPerSize = 20, MiseryShares = [0.5] });

        var strategies = results.Select(r => r.Strategy).Distinct().ToList();
        Assert.Contains("average", strategies);
        Assert.Contains("least-misery", strategies);
        Assert.Contains(GroupProtocol.MergedProfile, strategies);
        Assert.Contains("average-without-misery (line 0.5)", strategies);
        Assert.Equal(strategies.Count * 5, results.Count); // sizes 2-5 plus "all"
        Assert.All(results, r =>
        {
            Assert.InRange(r.MeanNdcg, 0, 1);
            Assert.True(r.WorstNdcg <= r.MeanNdcg + 1e-12);
            Assert.InRange(r.MiseryRate, 0, 1);
        });
        Assert.All(results.Where(r => r.GroupSize == 0), r => Assert.Equal(80, r.Groups));
        // Same seed, same groups: the comparison is repeatable.
        Assert.Equal(results, GroupProtocol.Run(data, model, new GroupProtocolOptions { GroupsPerSize = 20, MiseryShares = [0.5] }));
    }
}
