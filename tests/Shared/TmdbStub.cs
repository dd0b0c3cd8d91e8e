using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Marquee.Tests.Shared;

// One copy for the test projects that need TMDB: each compiles it in (see their .csproj).

/// <summary>
/// A local server speaking TMDB v3's wire format for the endpoints enrichment uses, as documented on
/// developer.themoviedb.org: <c>GET /3/configuration</c> and <c>GET /3/movie/{id}</c>, whose <c>keywords</c>,
/// <c>credits</c> and <c>release_dates</c> come only when <c>append_to_response</c> names them; credentials as
/// <c>Authorization: Bearer</c> or <c>api_key</c>; error bodies <c>{"status_code","status_message","success":false}</c>
/// with 401/7 for bad credentials, 404/34 for unknown ids, 429/25 plus <c>Retry-After</c> past a
/// per-second request limit, 503/9 when a fault is injected. It counts what it answers.
/// </summary>
public sealed class TmdbStub : IAsyncDisposable
{
    public const string ReadToken = "eyJhbGciOiJIUzI1NiJ9.stub-read-token-7f3c9a1e";
    public const string ApiKey = "0d4b2f8e91c35a6e7b1f2c3d4e5f6a7b";

    /// <summary>The parts of a movie answer TMDB adds only when <c>append_to_response</c> asks for them.</summary>
    public static readonly string[] AppendableParts = ["keywords", "credits", "release_dates"];

    private readonly IReadOnlyDictionary<int, JsonObject> _movies;
    private readonly ConcurrentQueue<string> _appendToResponse = new();
    private readonly ConcurrentDictionary<int, int> _served = new();
    private readonly ConcurrentDictionary<int, int> _attempts = new();
    private readonly Queue<long> _window = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TaskCompletionSource _neverReleased = new();
    private StubHttpServer? _server;
    private int _admitted;
    private int _throttled;
    private int _unavailable;
    private int _unauthorized;
    private int _configurationRequests;
    private int _held;

    private TmdbStub(IReadOnlyDictionary<int, JsonObject> movies) => _movies = movies;

    public string BaseUrl => _server!.BaseUrl;

    /// <summary>Requests per rolling second answered before 429s start (TMDB's is about 40).</summary>
    public int RequestsPerSecondLimit { get; set; } = 40;

    /// <summary>Seconds sent in <c>Retry-After</c> with a 429.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>(tmdb id, attempt number from 1) → answer 503 instead.</summary>
    public Func<int, int, bool>? Inject503 { get; set; }

    /// <summary>After this many movie answers, further movie requests hang (never answered) until the client goes away.</summary>
    public int? HoldAfter { get; set; }

    /// <summary>(tmdb id, the answer about to be sent) → changed in place, e.g. a part in another shape.</summary>
    public Action<int, JsonObject>? Alter { get; set; }

    /// <summary>The <c>append_to_response</c> of every movie request answered, "" when it had none.</summary>
    public IReadOnlyCollection<string> AppendToResponse => _appendToResponse;

    /// <summary>Movie answers (200 or 404) written to a client, per TMDB id.</summary>
    public IReadOnlyDictionary<int, int> Served => _served;

    public int MovieAnswers => _served.Values.Sum();
    public int Throttled => Volatile.Read(ref _throttled);
    public int Unavailable => Volatile.Read(ref _unavailable);
    public int Unauthorized => Volatile.Read(ref _unauthorized);
    public int ConfigurationRequests => Volatile.Read(ref _configurationRequests);
    public int Held => Volatile.Read(ref _held);

    public bool Knows(int tmdbId) => _movies.ContainsKey(tmdbId);

    public JsonObject Movie(int tmdbId) => _movies[tmdbId];

    /// <summary>Starts answering for <paramref name="movies"/> (TMDB id → TMDB's movie JSON with every appendable part).</summary>
    public static async Task<TmdbStub> StartAsync(IReadOnlyDictionary<int, JsonObject> movies)
    {
        var stub = new TmdbStub(movies);
        stub._server = await StubHttpServer.StartAsync(app =>
        {
            app.MapGet("/3/configuration", (Delegate)stub.ConfigurationAsync);
            app.MapGet("/3/movie/{id}", stub.MovieAsync);
        });
        return stub;
    }

    private async Task<IResult> ConfigurationAsync(HttpContext context)
    {
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }
        Interlocked.Increment(ref _configurationRequests);
        await Task.Yield();
        return Results.Json(new JsonObject
        {
            ["images"] = new JsonObject
            {
                ["base_url"] = "http://image.tmdb.org/t/p/",
                ["secure_base_url"] = "https://image.tmdb.org/t/p/",
                ["backdrop_sizes"] = new JsonArray("w300", "w780", "w1280", "original"),
                ["logo_sizes"] = new JsonArray("w45", "w92", "w154", "w185", "w300", "w500", "original"),
                ["poster_sizes"] = new JsonArray("w92", "w154", "w185", "w342", "w500", "w780", "original"),
                ["profile_sizes"] = new JsonArray("w45", "w185", "h632", "original"),
                ["still_sizes"] = new JsonArray("w92", "w185", "w300", "original"),
            },
            ["change_keys"] = new JsonArray("overview", "poster_path", "runtime", "tagline", "title"),
        });
    }

    private async Task<IResult> MovieAsync(string id, HttpContext context)
    {
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var tmdbId))
        {
            return Error(404, 34, "The resource you requested could not be found.");
        }
        var attempt = _attempts.AddOrUpdate(tmdbId, 1, (_, n) => n + 1);
        if (Inject503?.Invoke(tmdbId, attempt) == true)
        {
            Interlocked.Increment(ref _unavailable);
            return Error(503, 9, "Service offline: This service is temporarily offline, try again later.");
        }
        if (HoldAfter is { } holdAfter && Interlocked.Increment(ref _admitted) > holdAfter)
        {
            Interlocked.Increment(ref _held);
            try
            {
                await _neverReleased.Task.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client went away (killed): nothing was served.
            }
            return Results.Empty;
        }
        _served.AddOrUpdate(tmdbId, 1, (_, n) => n + 1);
        var appendToResponse = context.Request.Query["append_to_response"].ToString();
        _appendToResponse.Enqueue(appendToResponse);
        if (!_movies.TryGetValue(tmdbId, out var movie))
        {
            return Error(404, 34, "The resource you requested could not be found.");
        }
        var answer = movie.DeepClone().AsObject();
        var asked = appendToResponse.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in AppendableParts.Except(asked, StringComparer.Ordinal))
        {
            answer.Remove(part);
        }
        Alter?.Invoke(tmdbId, answer);
        return Results.Json(answer);
    }

    /// <summary>Rejects bad credentials (401/7) and requests over the per-second limit (429/25).</summary>
    private IResult? Refuse(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var apiKey = context.Request.Query["api_key"].ToString();
        if (authorization != $"Bearer {ReadToken}" && apiKey != ApiKey)
        {
            Interlocked.Increment(ref _unauthorized);
            return Error(401, 7, "Invalid API key: You must be granted a valid key.");
        }
        lock (_window)
        {
            var now = _clock.ElapsedTicks;
            while (_window.Count > 0 && now - _window.Peek() > Stopwatch.Frequency)
            {
                _window.Dequeue();
            }
            if (_window.Count >= RequestsPerSecondLimit)
            {
                Interlocked.Increment(ref _throttled);
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Error(429, 25, $"Your request count (#) is over the allowed limit of ({RequestsPerSecondLimit}).");
            }
            _window.Enqueue(now);
        }
        return null;
    }

    private static IResult Error(int httpStatus, int tmdbStatus, string message) =>
        Results.Json(new JsonObject { ["status_code"] = tmdbStatus, ["status_message"] = message, ["success"] = false }, statusCode: httpStatus);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
