using System.Net;
using System.Net.Http.Headers;
using Polly;

namespace Marquee.Core.Enrichment;

/// <summary>
/// A pause shared by every request of one client. When TMDB answers 429 it asks the client, not just
/// the one request, to slow down: the pause holds back all attempts until the time TMDB named in
/// <c>Retry-After</c> has passed.
/// </summary>
public sealed class TmdbCooldown(TimeProvider timeProvider)
{
    private long _untilTimestamp;
    private int _throttledResponses;

    /// <summary>429 answers seen so far.</summary>
    public int ThrottledResponses => Volatile.Read(ref _throttledResponses);

    /// <summary>Time left before requests may go out again.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var remaining = timeProvider.GetElapsedTime(timeProvider.GetTimestamp(), Volatile.Read(ref _untilTimestamp));
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    /// <summary>Records a 429 and holds requests back for <paramref name="delay"/> (never shortening a longer pause).</summary>
    public void Throttled(TimeSpan delay)
    {
        Interlocked.Increment(ref _throttledResponses);
        var until = timeProvider.GetTimestamp() + (long)(delay.TotalSeconds * timeProvider.TimestampFrequency);
        long current;
        do
        {
            current = Volatile.Read(ref _untilTimestamp);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _untilTimestamp, until, current) != current);
    }

    /// <summary>Completes once no pause is in force.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        // A loop, because another 429 may extend the pause while this caller sleeps.
        while (Remaining is var remaining && remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The wait a response's <c>Retry-After</c> asks for (seconds or an HTTP date); null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider) =>
        RetryAfter(response.Headers.RetryAfter, timeProvider);

    internal static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider timeProvider) => header switch
    {
        { Delta: { } delta } => delta > TimeSpan.Zero ? delta : TimeSpan.Zero,
        { Date: { } date } => date - timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}

/// <summary>
/// The pipeline step that makes each attempt wait out a <see cref="TmdbCooldown"/> before it takes a
/// rate-limiter permit, and that starts a cooldown when an attempt comes back 429.
/// </summary>
internal sealed class TmdbCooldownStrategy(TmdbCooldown cooldown, TimeProvider timeProvider, TimeSpan defaultDelay, TimeSpan maxDelay)
    : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        try
        {
            await cooldown.WaitAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (OperationCanceledException e)
        {
            return Outcome.FromException<HttpResponseMessage>(e);
        }
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response)
        {
            var delay = TmdbCooldown.RetryAfter(response, timeProvider) ?? defaultDelay;
            cooldown.Throttled(delay < maxDelay ? delay : maxDelay);
        }
        return outcome;
    }
}
