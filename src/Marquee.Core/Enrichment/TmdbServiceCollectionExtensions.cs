using System.Net.Http.Headers;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Marquee.Core.Enrichment;

/// <summary>Registers <see cref="TmdbClient"/> with its resilience pipeline.</summary>
public static class TmdbServiceCollectionExtensions
{
    /// <summary>
    /// Adds the typed <see cref="TmdbClient"/>. Every attempt — first tries and retries alike — passes,
    /// from the outside in:
    /// <list type="number">
    /// <item>retry: transient answers (5xx, 408, 429) and timeouts, exponential backoff with jitter,
    /// <c>Retry-After</c> honoured, at most <see cref="TmdbClientOptions.MaxAttempts"/> attempts;</item>
    /// <item>cooldown: after a 429 every request of the client waits until TMDB's <c>Retry-After</c>;</item>
    /// <item>rate limiter: a token bucket of one token refilled <see cref="TmdbClientOptions.MaxRequestsPerSecond"/>
    /// times a second, so requests go out evenly spaced instead of in bursts;</item>
    /// <item>timeout per attempt, then the handler that adds the credentials.</item>
    /// </list>
    /// The rate limiter and cooldown are singletons, shared by every <see cref="TmdbClient"/> of the container.
    /// </summary>
    public static IHttpClientBuilder AddTmdbClient(this IServiceCollection services, TmdbClientOptions options, TmdbCredentials credentials)
    {
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(credentials);
        services.AddSingleton<TmdbCooldown>();
        services.AddKeyedSingleton<RateLimiter>(typeof(TmdbClient), (_, _) => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / options.MaxRequestsPerSecond),
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
        services.AddTransient(_ => new TmdbAuthenticationHandler(credentials));

        var builder = services.AddHttpClient<TmdbClient>(http =>
        {
            http.BaseAddress = options.BaseUrl;
            // The pipeline times out each attempt; an overall client timeout would cut Retry-After waits short.
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Marquee", "1.0"));
        });
        // The default request loggers print URLs; with an api_key query parameter that would be the secret.
        builder.RemoveAllLoggers();
        builder.AddResilienceHandler("tmdb", (pipeline, context) =>
        {
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var cooldown = context.ServiceProvider.GetRequiredService<TmdbCooldown>();
            var limiter = context.ServiceProvider.GetRequiredKeyedService<RateLimiter>(typeof(TmdbClient));
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = false,
                DelayGenerator = args =>
                {
                    var retryAfter = args.Outcome.Result is { } response ? TmdbCooldown.RetryAfter(response, time) : null;
                    return ValueTask.FromResult(retryAfter is { } wait ? (TimeSpan?)(wait < options.MaxRetryDelay ? wait : options.MaxRetryDelay) : null);
                },
            });
            pipeline.AddStrategy(_ => new TmdbCooldownStrategy(cooldown, time, options.DefaultThrottleDelay, options.MaxRetryDelay));
            pipeline.AddRateLimiter(limiter);
            pipeline.AddTimeout(options.AttemptTimeout);
        });
        builder.AddHttpMessageHandler<TmdbAuthenticationHandler>();
        return builder;
    }
}
