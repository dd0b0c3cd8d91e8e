using Marquee.Core.Evaluation;
using Marquee.Core.Import;
using Marquee.Core.Interactions;
using Marquee.Core.Recommenders;
using Marquee.Core.Tests.Support;

namespace Marquee.Core.Tests.Evaluation;

/// <summary>
/// The harness reproduces the split anchors and reference numbers of shared/eval/PROTOCOL.md: the
/// deterministic models agree with the numpy reference to 1e-4 (its figures are rounded to 4 places).
/// </summary>
public sealed class ProtocolAnchorTests
{
    private static readonly Lazy<ProtocolData> Small = new(() => Load(SharedData.MlLatestSmall));
    private static readonly Lazy<ProtocolData> Hundred = new(() => Load(SharedData.Ml100K));

    private static ProtocolData Load(string path)
    {
        using var files = DatasetFiles.FromPath(path);
        return new ProtocolData(MovieLensReader.Read(files).Ratings);
    }

    [Fact]
    public void Split_MlLatestSmall_MatchesAnchors()
    {
        var data = Small.Value;

        Assert.Equal(80_896, data.Train.Count);
        Assert.Equal(19_940, data.Test.Count);
        Assert.Equal(9_011, data.TrainMatrix.ItemCount);
        Assert.Equal(387_681_951L, data.Test.MovieIds.Sum(m => (long)m));
        Assert.Equal(125_817_004_411L, Enumerable.Range(0, data.Test.Count).Sum(i => (long)data.Test.UserIds[i] * data.Test.MovieIds[i]));
        Assert.Equal(64_960, data.TrainInner.Count);
        Assert.Equal(15_936, data.Validation.Count);
        Assert.Equal(8_318, data.TrainInnerMatrix.ItemCount);
        int[] user1Test = [70, 157, 216, 235, 500, 553, 592, 736, 1030, 1032];
        var actual = Enumerable.Range(0, data.Test.Count).Where(i => data.Test.UserIds[i] == 1).Select(i => data.Test.MovieIds[i]).Order().ToList();
        Assert.Equal(46, actual.Count);
        Assert.Equal(user1Test, actual.Take(10));
    }

    [Fact]
    public void Split_Ml100K_MatchesAnchors()
    {
        var data = Hundred.Value;

        Assert.Equal(80_367, data.Train.Count);
        Assert.Equal(19_633, data.Test.Count);
        Assert.Equal(1_647, data.TrainMatrix.ItemCount);
        Assert.Equal(8_401_569L, data.Test.MovieIds.Sum(m => (long)m));
        Assert.Equal(3_896_106_467L, Enumerable.Range(0, data.Test.Count).Sum(i => (long)data.Test.UserIds[i] * data.Test.MovieIds[i]));
        Assert.Equal(1_619, data.TrainInnerMatrix.ItemCount);
    }

    [Fact]
    public void MostPopular_MlLatestSmall_MatchesReference()
    {
        var result = TopNProtocol.Run(Small.Value, new TopNCandidate("most-popular", [new MostPopular()]));

        Assert.Equal(600, result.Test.EvaluatedUsers);
        Assert.Equal(0.1549, result.Test.Ndcg, 1e-4);
        Assert.Equal(0.1493, result.Test.Recall, 1e-4);
        Assert.Equal(0.5417, result.Test.HitRate, 1e-4);
        Assert.Equal(0.0062, result.Test.Coverage, 1e-4);
    }

    [Fact]
    public void ItemKnn_MlLatestSmall_MatchesReference()
    {
        var result = TopNProtocol.Run(Small.Value, new TopNCandidate("itemknn", [new ItemKnn(new ItemKnnOptions { Neighbors = 50 })]));

        Assert.Equal(0.1983, result.Test.Ndcg, 1e-4);
        Assert.Equal(0.2133, result.Test.Recall, 1e-4);
        Assert.Equal(0.6733, result.Test.HitRate, 1e-4);
        Assert.Equal(0.0489, result.Test.Coverage, 1e-4);
    }
}
