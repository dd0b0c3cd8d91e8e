namespace Marquee.Core.Intent;

/// <summary>The time left for the LLM calls of one request: the intent and the explanations share it.</summary>
public readonly record struct LlmBudget(long DeadlineTimestamp)
{
    public static LlmBudget StartingNow(TimeProvider clock, TimeSpan length) =>
        new(clock.GetTimestamp() + (long)(length.TotalSeconds * clock.TimestampFrequency));

    public TimeSpan Remaining(TimeProvider clock)
    {
        var now = clock.GetTimestamp();
        return now >= DeadlineTimestamp ? TimeSpan.Zero : TimeSpan.FromSeconds((double)(DeadlineTimestamp - now) / clock.TimestampFrequency);
    }
}
