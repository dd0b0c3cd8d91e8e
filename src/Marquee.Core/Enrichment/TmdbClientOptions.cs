namespace Marquee.Core.Enrichment;

/// <summary>How the TMDB client talks to the API: where, how fast and how persistently.</summary>
public sealed record TmdbClientOptions
{
    /// <summary>The public TMDB API host; every request path starts with <c>3/</c>.</summary>
    public static readonly Uri PublicBaseUrl = new("https://api.themoviedb.org/");

    /// <summary>Host (and optional path prefix) of the API; a trailing <c>/3</c> is accepted and ignored.</summary>
    public Uri BaseUrl { get; init; } = PublicBaseUrl;

    /// <summary>
    /// Requests per second this client sends at most, retries included. TMDB rejects bursts somewhere
    /// around 40–50 per second, so the default leaves ample headroom.
    /// </summary>
    public double MaxRequestsPerSecond { get; init; } = 20;

    /// <summary>Attempts per request (the first one included) before giving up on it.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>How long one attempt may take before it counts as a transient failure.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound on any single wait, including one asked for by <c>Retry-After</c>.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Pause after a 429 that carries no <c>Retry-After</c>.</summary>
    public TimeSpan DefaultThrottleDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Requests worth keeping in flight so latency does not cap the rate below
    /// <see cref="MaxRequestsPerSecond"/>; the rate limiter, not this number, bounds the load.
    /// </summary>
    public int Concurrency => Math.Clamp((int)Math.Ceiling(MaxRequestsPerSecond / 2.5), 1, 16);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"the TMDB base URL must be an absolute http(s) URL, not {BaseUrl}");
        }
        if (!(MaxRequestsPerSecond is > 0 and <= 100))
        {
            throw new ArgumentException("the request rate must be above 0 and at most 100 per second (TMDB allows about 40)");
        }
        if (MaxAttempts is < 1 or > 20)
        {
            throw new ArgumentException("attempts per request must be between 1 and 20");
        }
        if (AttemptTimeout <= TimeSpan.Zero || RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < RetryBaseDelay)
        {
            throw new ArgumentException("timeouts and delays must be positive, and the maximum delay at least the base delay");
        }
    }

    /// <summary>Parses a user-supplied base URL: adds a trailing slash and drops a trailing <c>/3</c>.</summary>
    public static Uri ParseBaseUrl(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{text}' is not an absolute http(s) URL");
        }
        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/3", StringComparison.Ordinal))
        {
            path = path[..^2];
        }
        return new UriBuilder(uri) { Path = path + "/", Query = "", Fragment = "" }.Uri;
    }
}
