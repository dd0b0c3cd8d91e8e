using Marquee.Core.Semantic;

namespace Marquee.Core.Tests.Semantic;

public sealed class RecentVectorsTests
{
    [Fact]
    public void Add_BeyondCapacity_LeastRecentlyUsedGoes()
    {
        var cache = new RecentVectors(2);
        cache.Add("a", [1]);
        cache.Add("b", [2]);
        Assert.True(cache.TryGet("a", out _));

        cache.Add("c", [3]);

        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal([1f], a);
        Assert.True(cache.TryGet("c", out _));
    }
}
