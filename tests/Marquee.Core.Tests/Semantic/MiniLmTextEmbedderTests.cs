using System.Numerics.Tensors;
using Marquee.Core.Semantic;

namespace Marquee.Core.Tests.Semantic;

/// <summary>The real model on a few texts: loads in seconds, embeds in milliseconds.</summary>
public sealed class MiniLmTextEmbedderTests
{
    [Fact]
    public void Embed_WishAndThreeOverviews_UnitVectorsAndTheMatchingOverviewClosest()
    {
        using var embedder = new MiniLmTextEmbedder(threads: 2);
        string[] overviews =
        [
            "A weatherman finds himself living the same day over and over again.",
            "A detective hunts a crew of professional bank robbers in Los Angeles.",
            "Toys come to life when their owner leaves the room.",
        ];

        var vectors = embedder.Embed([.. overviews, "the same day over and over"]);

        Assert.Equal(4, vectors.Length);
        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.InRange(TensorPrimitives.Norm(v), 0.999f, 1.001f));
        var query = vectors[3];
        var closest = Enumerable.Range(0, 3).MaxBy(i => TensorPrimitives.Dot(vectors[i], query));
        Assert.Equal(0, closest);
    }

    [Fact]
    public void Embed_SameTextAloneOrInABatch_SameVector()
    {
        using var embedder = new MiniLmTextEmbedder(threads: 1);

        var alone = embedder.Embed(["a robot who falls in love"])[0];
        var batched = embedder.Embed(["a robot who falls in love", "a much longer text that makes the batch pad the first one to its length"])[0];

        Assert.InRange(TensorPrimitives.Dot(alone, batched), 0.9999f, 1.0001f);
    }
}
