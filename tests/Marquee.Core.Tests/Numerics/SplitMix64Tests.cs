using Marquee.Core.Numerics;

namespace Marquee.Core.Tests.Numerics;

public class SplitMix64Tests
{
    [Fact]
    public void Mix_ProtocolTestVectors_Match()
    {
        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix64.Mix(0));
        Assert.Equal(13679457532755275413UL, SplitMix64.Mix(42));
    }

    [Fact]
    public void Key_ProtocolTestVectors_Match()
    {
        Assert.Equal(6266766552776962338UL, SplitMix64.Key(42, 1, 1));
        Assert.Equal(477650112191115730UL, SplitMix64.Key(42, 1, 31));
    }
}
