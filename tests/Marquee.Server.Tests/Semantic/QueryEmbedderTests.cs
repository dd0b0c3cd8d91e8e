using Marquee.Core.Semantic;
using Marquee.Server.Services;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marquee.Server.Tests.Semantic;

public sealed class QueryEmbedderTests
{
    [Fact]
    public async Task TryEmbed_BeforeAndAfterTheModelLoads_NullAtOnceThenAVectorThenTheCachedOne()
    {
        using var queries = new QueryEmbedder(NullLogger<QueryEmbedder>.Instance);

        var beforeLoad = queries.TryEmbed("the same day over and over", MiniLmTextEmbedder.Name);
        await queries.PrepareAsync(MiniLmTextEmbedder.Name);
        var first = queries.TryEmbed("The same day over and over ", MiniLmTextEmbedder.Name);
        var repeated = queries.TryEmbed("the same day over and over", MiniLmTextEmbedder.Name);

        Assert.Null(beforeLoad);
        Assert.Equal(MiniLmTextEmbedder.Name, queries.ReadyModel);
        Assert.NotNull(first);
        Assert.Equal(384, first.Length);
        Assert.Same(first, repeated);
    }

    [Fact]
    public async Task TryEmbed_NoTextOrAModelThisServerCannotLoad_Null()
    {
        using var queries = new QueryEmbedder(NullLogger<QueryEmbedder>.Instance);

        await queries.PrepareAsync("someone/unknown-model");

        Assert.Null(queries.TryEmbed("robots", "someone/unknown-model"));
        Assert.Null(queries.TryEmbed("  ", MiniLmTextEmbedder.Name));
        Assert.Null(queries.ReadyModel);
    }
}
