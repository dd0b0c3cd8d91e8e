using Marquee.Core.Catalog;

namespace Marquee.Core.Tests.Catalog;

public class GenresTests
{
    [Fact]
    public void ParseList_NoGenresListed_IsEmpty() => Assert.Empty(Genres.ParseList("(no genres listed)"));

    [Fact]
    public void ParseList_OldSpellingAndDuplicates_Normalised() =>
        Assert.Equal(["Children", "Comedy"], Genres.ParseList("Children's|comedy|Comedy"));

    [Fact]
    public void GenreSet_OverlapAndContainment_Work()
    {
        var movie = GenreSet.From(["Comedy", "Romance", "Drama"]);

        Assert.True(movie.Overlaps(GenreSet.From(["Romance", "Horror"])));
        Assert.False(movie.Overlaps(GenreSet.From(["Horror"])));
        Assert.True(movie.ContainsAll(GenreSet.From(["Comedy", "Romance"])));
        Assert.Equal(2, movie.CountShared(GenreSet.From(["Comedy", "Drama", "War"])));
    }
}
