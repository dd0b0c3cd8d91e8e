using System.Net.Http.Headers;
using Marquee.Core.Enrichment;
using Microsoft.Extensions.Time.Testing;

namespace Marquee.Core.Tests.Enrichment;

public class TmdbCooldownTests
{
    [Fact]
    public async Task WaitAsync_AfterA429_CompletesOnlyOnceRetryAfterHasPassed()
    {
        var time = new FakeTimeProvider();
        var cooldown = new TmdbCooldown(time);
        cooldown.Throttled(TimeSpan.FromSeconds(30));

        var waiting = cooldown.WaitAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await waiting;

        Assert.Equal(TimeSpan.Zero, cooldown.Remaining);
        Assert.Equal(1, cooldown.ThrottledResponses);
    }

    [Fact]
    public void Throttled_AShorterDelay_DoesNotShortenALongerPause()
    {
        var time = new FakeTimeProvider();
        var cooldown = new TmdbCooldown(time);

        cooldown.Throttled(TimeSpan.FromSeconds(10));
        cooldown.Throttled(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(10), cooldown.Remaining);
        Assert.Equal(2, cooldown.ThrottledResponses);
    }

    [Fact]
    public void WaitAsync_NoPause_CompletesAtOnce()
    {
        var cooldown = new TmdbCooldown(new FakeTimeProvider());

#pragma warning disable CA2012 // the test is about the ValueTask itself: already completed when nothing holds the gate
        Assert.True(cooldown.WaitAsync(CancellationToken.None).IsCompleted);
#pragma warning restore CA2012
    }

    [Fact]
    public void RetryAfter_SecondsOrHttpDate_BecomeTheWait()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromSeconds(3), TmdbCooldown.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)), time));
        Assert.Equal(TimeSpan.FromSeconds(5), TmdbCooldown.RetryAfter(new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(5)), time));
        Assert.Equal(TimeSpan.Zero, TmdbCooldown.RetryAfter(new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(-5)), time));
        Assert.Null(TmdbCooldown.RetryAfter((RetryConditionHeaderValue?)null, time));
    }
}
