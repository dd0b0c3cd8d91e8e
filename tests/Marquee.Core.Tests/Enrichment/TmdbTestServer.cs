using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Marquee.Core.Enrichment;
using Microsoft.Extensions.DependencyInjection;

namespace Marquee.Core.Tests.Enrichment;

/// <summary>
/// The network end of a real <see cref="TmdbClient"/> pipeline: each request is answered by a script, as
/// TMDB would on the wire, and recorded as it arrived (URL and Authorization header).
/// </summary>
internal sealed class TmdbTestServer : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage> _answer;
    private int _count;

    public TmdbTestServer(Func<HttpRequestMessage, int, HttpResponseMessage> answer) => _answer = answer;

    public ConcurrentQueue<(Uri Uri, string? Authorization)> Requests { get; } = new();

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString()));
        var index = Interlocked.Increment(ref _count);
        return Task.FromResult(_answer(request, index));
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Error(HttpStatusCode status, int tmdbStatus, string message) =>
        Json(status, $$"""{"status_code":{{tmdbStatus}},"status_message":"{{message}}","success":false}""");

    public static HttpResponseMessage Movie(int id, string title = "Fight Club") => Json(HttpStatusCode.OK, $$"""
        {"adult":false,"backdrop_path":"/hZkgoQYus5vegHoetLkCJzb17zJ.jpg","budget":63000000,
         "genres":[{"id":18,"name":"Drama"},{"id":53,"name":"Thriller"}],"id":{{id}},"imdb_id":"tt0137523",
         "original_title":"{{title}}","overview":"A ticking-time-bomb insomniac and a slippery soap salesman channel primal male aggression into a shocking new form of therapy.",
         "poster_path":"/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg","release_date":"1999-10-15","runtime":139,"status":"Released",
         "tagline":"Mischief. Mayhem. Soap.","title":"{{title}}","video":false,"vote_average":8.433,"vote_count":26280}
        """);

    public const string Configuration = """
        {"images":{"base_url":"http://image.tmdb.org/t/p/","secure_base_url":"https://image.tmdb.org/t/p/",
         "backdrop_sizes":["w300","w780","w1280","original"],"poster_sizes":["w92","w154","w185","w342","w500","w780","original"]},
         "change_keys":["overview","poster_path"]}
        """;

    /// <summary>A service provider whose <see cref="TmdbClient"/> sends to <paramref name="server"/> through the real pipeline.</summary>
    public static ServiceProvider Provider(TmdbTestServer server, TmdbCredentials credentials, TmdbClientOptions? options = null)
    {
        var services = new ServiceCollection();
        services.AddTmdbClient(options ?? FastRetries, credentials).ConfigurePrimaryHttpMessageHandler(() => server);
        return services.BuildServiceProvider();
    }

    /// <summary>Real retry semantics with millisecond delays, so tests do not sleep.</summary>
    public static TmdbClientOptions FastRetries { get; } = new()
    {
        MaxRequestsPerSecond = 100,
        MaxAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        DefaultThrottleDelay = TimeSpan.FromMilliseconds(1),
    };
}
