using Marquee.Core.Recommenders.RatingPrediction;

namespace Marquee.Core.Tests.Recommenders.RatingPrediction;

public class RatingMatrixTests
{
    [Fact]
    public void From_Rows_BuildsBothLayoutsInAscendingIdOrder()
    {
        var data = RatingMatrix.From(RatingTestData.Table((7, 30, 4), (3, 10, 2), (7, 10, 5), (3, 20, 1)));

        Assert.Equal([3, 7], data.UserIds);
        Assert.Equal([10, 20, 30], data.Items.MovieIds.ToArray());
        Assert.Equal([0, 2, 4], data.UserStart);
        Assert.Equal([0, 1, 0, 2], data.UserItem);
        Assert.Equal([2f, 1f, 5f, 4f], data.UserRating);
        Assert.Equal([0, 2, 3, 4], data.ItemStart);
        Assert.Equal([0, 1, 0, 1], data.ItemUser);
        Assert.Equal([2f, 5f, 1f, 4f], data.ItemRating);
        for (var slot = 0; slot < data.Count; slot++)
        {
            Assert.Equal(data.ItemRating[slot], data.UserRating[data.ItemSlotToUserSlot[slot]]);
        }
        Assert.Equal(3.0, data.Mean);
        Assert.Equal(1f, data.MinRating);
        Assert.Equal(5f, data.MaxRating);
    }

    [Fact]
    public void From_RepeatedPair_KeepsTheLatestRating()
    {
        var builder = new Core.Interactions.InteractionTableBuilder();
        builder.Add(1, 10, 2, timestamp: 200);
        builder.Add(1, 10, 5, timestamp: 100);
        builder.Add(1, 20, 3, timestamp: 150);

        var data = RatingMatrix.From(builder.Build());

        Assert.Equal(2, data.Count);
        Assert.Equal([2f, 3f], data.UserRating);
    }
}
