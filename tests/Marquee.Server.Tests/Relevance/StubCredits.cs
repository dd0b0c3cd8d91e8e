using System.Globalization;
using System.Text.Json.Nodes;

namespace Marquee.Server.Tests.Relevance;

/// <summary>
/// Credits for the TMDB stub: directors, writers, top-billed cast and US certification of 2,995 of the 3,000
/// most-rated films of ml-latest-small (<c>tmdb_stub_credits.tsv</c>, written from film knowledge because
/// the offline dumps hold no credits; the five films whose credits were not known for sure are left out).
/// Served in TMDB's wire format, so the real <c>enrich --tmdb</c> path brings them in (at 100 requests per second, 30 s). Person ids are synthetic but stable (TMDB's own are not known offline).
/// </summary>
public static class StubCredits
{
    public static string File => Path.Combine(AppContext.BaseDirectory, "Relevance", "tmdb_stub_credits.tsv");

    /// <summary>How many films the file covers: the most-rated ones, which is what <c>--limit</c> fetches first.</summary>
    public static int Count => System.IO.File.ReadLines(File).Count() - 1;

    /// <summary>The most-rated films the file was written for (<see cref="Count"/> of them are in it): what the fixture fetches.</summary>
    public const int MostRated = 3000;

    /// <summary>TMDB id → the answer of <c>GET /3/movie/{id}</c> with credits and release dates (no other field).</summary>
    public static IReadOnlyDictionary<int, JsonObject> Movies()
    {
        var movies = new Dictionary<int, JsonObject>();
        foreach (var line in System.IO.File.ReadLines(File).Skip(1))
        {
            var cells = line.Split('\t');
            var tmdbId = int.Parse(cells[1], CultureInfo.InvariantCulture);
            var crew = new JsonArray();
            foreach (var director in Names(cells[3]))
            {
                crew.Add(Person(director, ("job", "Director"), ("department", "Directing")));
            }
            foreach (var writer in Names(cells[4]))
            {
                crew.Add(Person(writer, ("job", "Screenplay"), ("department", "Writing")));
            }
            var cast = new JsonArray();
            var order = 0;
            foreach (var actor in Names(cells[5]))
            {
                cast.Add(Person(actor, ("character", ""), ("order", order++)));
            }
            var releases = new JsonArray();
            if (cells.Length > 6 && cells[6].Length > 0)
            {
                releases.Add(new JsonObject
                {
                    ["iso_3166_1"] = "US",
                    ["release_dates"] = new JsonArray(new JsonObject { ["certification"] = cells[6], ["type"] = 3, ["release_date"] = "" }),
                });
            }
            movies[tmdbId] = new JsonObject
            {
                ["id"] = tmdbId,
                ["credits"] = new JsonObject { ["cast"] = cast, ["crew"] = crew },
                ["release_dates"] = new JsonObject { ["results"] = releases },
                ["keywords"] = new JsonObject { ["keywords"] = new JsonArray() },
            };
        }
        return movies;
    }

    private static string[] Names(string cell) => cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static JsonObject Person(string name, params (string Key, JsonNode? Value)[] fields)
    {
        var person = new JsonObject { ["id"] = SyntheticId(name), ["name"] = name };
        foreach (var (key, value) in fields)
        {
            person[key] = value;
        }
        return person;
    }

    /// <summary>A stable positive id per name (FNV-1a), so one person keeps one id across films.</summary>
    private static int SyntheticId(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash & 0x3FFFFFFF) + 1;
    }
}
