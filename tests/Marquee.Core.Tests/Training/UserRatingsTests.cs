using Marquee.Core.Interactions;

namespace Marquee.Core.Tests.Training;

public class UserRatingsTests
{
    [Fact]
    public void Of_RowsAlreadyUserByUser_AreTheUsersSlicesInFileOrder()
    {
        var ratings = new UserRatings([7, 7, 3, 3, 3, 9], [10, 5, 1, 30, 2, 4], [4f, 3f, 5f, 1f, 2f, 0.5f]);

        Assert.Equal(3, ratings.UserCount);
        Assert.Equal([10, 5], ratings.Of(7).MovieIds.ToArray());
        Assert.Equal([1, 30, 2], ratings.Of(3).MovieIds.ToArray());
        Assert.Equal([5f, 1f, 2f], ratings.Of(3).Ratings.ToArray());
        Assert.Equal([4], ratings.Of(9).MovieIds.ToArray());
        Assert.True(ratings.Of(8).MovieIds.IsEmpty);
    }

    [Fact]
    public void Of_UsersInterleaved_GroupsThemKeepingFileOrderInsideAUser()
    {
        var ratings = new UserRatings([2, 1, 2, 1, 3, 2], [10, 20, 11, 21, 30, 12], [1f, 2f, 3f, 4f, 5f, 0.5f]);

        Assert.Equal(3, ratings.UserCount);
        Assert.Equal([10, 11, 12], ratings.Of(2).MovieIds.ToArray());
        Assert.Equal([1f, 3f, 0.5f], ratings.Of(2).Ratings.ToArray());
        Assert.Equal([20, 21], ratings.Of(1).MovieIds.ToArray());
        Assert.Equal([4f], ratings.Of(1).Ratings.ToArray()[1..]);
        Assert.Equal([30], ratings.Of(3).MovieIds.ToArray());
    }
}
