using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// Fight Club as <c>GET /3/movie/{id}</c> answers it, with keywords, credits and release dates only when
    /// <paramref name="request"/> asks for them in <c>append_to_response</c>, as TMDB does.
    /// </summary>
    public static HttpResponseMessage Movie(HttpRequestMessage request, int id, string title = "Fight Club") =>
        Json(HttpStatusCode.OK, MovieJson(request, id, title));

    /// <summary><see cref="Movie"/> with <paramref name="change"/> applied to its JSON: a field TMDB left empty, or one in another shape.</summary>
    public static HttpResponseMessage MovieWith(HttpRequestMessage request, int id, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(MovieJson(request, id, "Fight Club"))!.AsObject();
        change(json);
        return Json(HttpStatusCode.OK, json.ToJsonString());
    }

    private static string MovieJson(HttpRequestMessage request, int id, string title)
    {
        var appended = Appended(request);
        var parts = new List<string>();
        if (appended.Contains("keywords"))
        {
            parts.Add($$"""
                "keywords":{"id":{{id}},"keywords":[{"id":825,"name":"support group"},{"id":851,"name":"dual identity"},
                 {"id":818,"name":"based on novel or book"},{"id":1721,"name":"fight"},{"id":4565,"name":"dystopia"}]}
                """);
        }
        if (appended.Contains("credits"))
        {
            parts.Add($$"""
                "credits":{"id":{{id}},
                 "cast":[{"adult":false,"gender":2,"id":819,"known_for_department":"Acting","name":"Edward Norton","original_name":"Edward Norton","popularity":26.99,"profile_path":"/8nytsqL59SFJTVYVrN72k6qkGgJ.jpg","cast_id":4,"character":"Narrator","credit_id":"52fe4250c3a36847f80149f3","order":0},
                  {"adult":false,"gender":2,"id":287,"known_for_department":"Acting","name":"Brad Pitt","original_name":"Brad Pitt","popularity":42.03,"profile_path":"/cckcYc2v0yh1tc9QjRelptcOBko.jpg","cast_id":5,"character":"Tyler Durden","credit_id":"52fe4250c3a36847f80149f7","order":1},
                  {"adult":false,"gender":1,"id":1283,"known_for_department":"Acting","name":"Helena Bonham Carter","original_name":"Helena Bonham Carter","popularity":18.41,"profile_path":"/hJMbNSPJ2PCahsP3rNEU39C8GWU.jpg","cast_id":7,"character":"Marla Singer","credit_id":"52fe4250c3a36847f80149ff","order":2},
                  {"adult":false,"gender":2,"id":7470,"known_for_department":"Acting","name":"Meat Loaf","original_name":"Meat Loaf","popularity":6.12,"profile_path":"/7gKLR1u46OB8WJ6m06LemNBCMx6.jpg","cast_id":30,"character":"Robert 'Bob' Paulson","credit_id":"52fe4250c3a36847f8014a4b","order":3}],
                 "crew":[{"adult":false,"gender":2,"id":7467,"known_for_department":"Directing","name":"David Fincher","original_name":"David Fincher","popularity":9.8,"profile_path":"/tpEczFclQZeKAiCeKZZ0adRvtfz.jpg","credit_id":"631f0289568463007bbe28a6","department":"Directing","job":"Director"},
                  {"adult":false,"gender":2,"id":7468,"known_for_department":"Writing","name":"Chuck Palahniuk","original_name":"Chuck Palahniuk","popularity":3.1,"profile_path":"/8nOJDJ6SqwV2h7PjdLBDTvIxXvx.jpg","credit_id":"52fe4250c3a36847f80149e3","department":"Writing","job":"Novel"},
                  {"adult":false,"gender":2,"id":7469,"known_for_department":"Writing","name":"Jim Uhls","original_name":"Jim Uhls","popularity":1.9,"profile_path":null,"credit_id":"52fe4250c3a36847f80149e9","department":"Writing","job":"Screenplay"},
                  {"adult":false,"gender":2,"id":7474,"known_for_department":"Production","name":"Art Linson","original_name":"Art Linson","popularity":2.2,"profile_path":null,"credit_id":"52fe4250c3a36847f8014a07","department":"Production","job":"Producer"}]}
                """);
        }
        if (appended.Contains("release_dates"))
        {
            parts.Add($$"""
                "release_dates":{"id":{{id}},"results":[
                 {"iso_3166_1":"DE","release_dates":[{"certification":"18","descriptors":[],"iso_639_1":"","note":"","release_date":"1999-11-11T00:00:00.000Z","type":3}]},
                 {"iso_3166_1":"US","release_dates":[{"certification":"","descriptors":[],"iso_639_1":"","note":"Venice Film Festival","release_date":"1999-09-10T00:00:00.000Z","type":1},
                  {"certification":"R","descriptors":[],"iso_639_1":"","note":"","release_date":"1999-10-15T00:00:00.000Z","type":3}]}]}
                """);
        }
        var tail = string.Concat(parts.Select(part => "," + part));
        return $$"""
            {"adult":false,"backdrop_path":"/hZkgoQYus5vegHoetLkCJzb17zJ.jpg","belongs_to_collection":null,"budget":63000000,
             "genres":[{"id":18,"name":"Drama"},{"id":53,"name":"Thriller"}],"id":{{id}},"imdb_id":"tt0137523","original_language":"en",
             "original_title":"{{title}}","overview":"A ticking-time-bomb insomniac and a slippery soap salesman channel primal male aggression into a shocking new form of therapy.",
             "popularity":61.416,"poster_path":"/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg",
             "production_companies":[{"id":508,"logo_path":"/7cxRWzi4LsVm4Utfpr1hfARNurT.png","name":"Regency Enterprises","origin_country":"US"},
              {"id":711,"logo_path":"/tEiIH5QesdheJmDAqQwvtN60727.png","name":"Fox 2000 Pictures","origin_country":"US"},
              {"id":20555,"logo_path":"/hD8yEGUBlHOcfHYbujp71vD8gZp.png","name":"Taurus Film","origin_country":"DE"}],
             "production_countries":[{"iso_3166_1":"DE","name":"Germany"},{"iso_3166_1":"US","name":"United States of America"}],
             "release_date":"1999-10-15","revenue":100853753,"runtime":139,
             "spoken_languages":[{"english_name":"English","iso_639_1":"en","name":"English"}],"status":"Released",
             "tagline":"Mischief. Mayhem. Soap.","title":"{{title}}","video":false,"vote_average":8.433,"vote_count":26280{{tail}}}
            """;
    }

    /// <summary>The parts <paramref name="request"/> asks TMDB to append, from its query string.</summary>
    public static IReadOnlySet<string> Appended(HttpRequestMessage request) =>
        (System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["append_to_response"] ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

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
