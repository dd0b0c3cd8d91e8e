using System.Globalization;
using System.Text.Json.Nodes;
using Marquee.Cli.Tests.Support;
using nietras.SeparatedValues;

namespace Marquee.Cli.Tests.Enrichment;

/// <summary>
/// A small MovieLens release cut from ml-latest-small (the first movies, Groundhog Day, and two whose
/// links.csv row has no tmdbId), imported once; and TMDB's answers for those movies, built from real rows of the shared
/// TMDB datasets. A few TMDB ids are deliberately unknown to the stub, as deleted movies are on TMDB.
/// </summary>
public sealed class TmdbTestData : IAsyncLifetime
{
    /// <summary>How many of ml-latest-small's first movies are taken (Groundhog Day comes on top).</summary>
    public const int MoviesWithTmdbId = 120;
    /// <summary>ml-latest-small movies whose links.csv row has no tmdbId.</summary>
    public static readonly int[] MoviesWithoutTmdbId = [791, 1107];

    /// <summary>Groundhog Day, beyond the first movies: the stub gives it full credits, keywords and a US certification.</summary>
    public const int GroundhogDay = 1265;
    /// <summary>Toy Story: its TMDB answer belongs to a collection.</summary>
    public const int ToyStory = 1;
    /// <summary>Sense and Sensibility: its TMDB answer has a British certification and no American one.</summary>
    public const int SenseAndSensibility = 17;

    private readonly TempDirectory _temp = new();

    /// <summary>A data directory holding the imported release and nothing else; copy it, never write it.</summary>
    public string ImportedDataDir => _temp.File("imported");

    /// <summary>MovieLens movieId → TMDB id, for the movies that have one.</summary>
    public IReadOnlyDictionary<int, int> TmdbIds { get; private set; } = new Dictionary<int, int>();

    /// <summary>TMDB id → the JSON TMDB answers for it; ids missing here answer 404.</summary>
    public IReadOnlyDictionary<int, JsonObject> TmdbMovies { get; private set; } = new Dictionary<int, JsonObject>();

    public async Task InitializeAsync()
    {
        var source = _temp.File("ml-subset");
        Directory.CreateDirectory(source);
        var movieIds = WriteSubset(source);
        var import = await CliRunner.RunAsync(["import", "--source", source], new Dictionary<string, string?>
        {
            ["MARQUEE_DATA_DIR"] = ImportedDataDir,
            ["MARQUEE_ARTIFACTS_DIR"] = _temp.File("artifacts"),
        });
        Assert.True(import.ExitCode == 0, import.Output);

        var tmdbIds = new Dictionary<int, int>();
        using (var links = Sep.Reader().FromFile(Path.Combine(SharedData.MlLatestSmall, "links.csv")))
        {
            foreach (var row in links)
            {
                if (movieIds.Contains(row["movieId"].Parse<int>()) && row["tmdbId"].ToString().Trim() is { Length: > 0 } tmdb)
                {
                    tmdbIds[row["movieId"].Parse<int>()] = int.Parse(tmdb, CultureInfo.InvariantCulture);
                }
            }
        }
        TmdbIds = tmdbIds;
        // Every 12th movie is not on TMDB (any more): the stub answers 404 with status 34.
        var known = tmdbIds.OrderBy(p => p.Key).Where((_, index) => index % 12 != 5).Select(p => p.Value).ToHashSet();
        TmdbMovies = TmdbMovieJson.Build(known);
    }

    /// <summary>A fresh, writable copy of the imported data directory.</summary>
    public string CopyDataDir(TempDirectory temp)
    {
        var target = temp.File("data");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(ImportedDataDir))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        return target;
    }

    private static HashSet<int> WriteSubset(string target)
    {
        var ids = new HashSet<int>();
        var movieLines = new List<string>();
        var lines = File.ReadAllLines(Path.Combine(SharedData.MlLatestSmall, "movies.csv"));
        movieLines.Add(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            var id = int.Parse(line[..line.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            if (ids.Count < MoviesWithTmdbId || MoviesWithoutTmdbId.Contains(id) || id == GroundhogDay)
            {
                ids.Add(id);
                movieLines.Add(line);
            }
        }
        File.WriteAllLines(Path.Combine(target, "movies.csv"), movieLines);
        foreach (var name in new[] { "links.csv", "ratings.csv" })
        {
            var rows = File.ReadAllLines(Path.Combine(SharedData.MlLatestSmall, name));
            var movieColumn = name == "links.csv" ? 0 : 1;
            File.WriteAllLines(Path.Combine(target, name),
                rows.Take(1).Concat(rows.Skip(1).Where(r => ids.Contains(int.Parse(r.Split(',')[movieColumn], CultureInfo.InvariantCulture)))));
        }
        return ids;
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>TMDB's <c>/3/movie/{id}</c> JSON for real movies, from the shared TMDB datasets.</summary>
internal static class TmdbMovieJson
{
    private static readonly Dictionary<string, int> GenreIds = new(StringComparer.Ordinal)
    {
        ["Action"] = 28, ["Adventure"] = 12, ["Animation"] = 16, ["Comedy"] = 35, ["Crime"] = 80, ["Documentary"] = 99,
        ["Drama"] = 18, ["Family"] = 10751, ["Fantasy"] = 14, ["History"] = 36, ["Horror"] = 27, ["Music"] = 10402,
        ["Mystery"] = 9648, ["Romance"] = 10749, ["Science Fiction"] = 878, ["TV Movie"] = 10770, ["Thriller"] = 53,
        ["War"] = 10752, ["Western"] = 37,
    };

    /// <summary>
    /// Prefers the TMDB 2023 export (it has tagline and backdrop_path), then the ml-latest-small join file
    /// completed with tagline and genres from tmdb-5000.
    /// </summary>
    public static Dictionary<int, JsonObject> Build(IReadOnlySet<int> tmdbIds)
    {
        var datasets = Path.Combine(SharedData.Root, "datasets");
        var result = new Dictionary<int, JsonObject>();
        foreach (var row in Rows(Path.Combine(datasets, "tmdb-movies-dataset-2023-subset", "TMDB_movie_dataset_v11_top2631.csv")))
        {
            if (Id(row, "id") is { } id && tmdbIds.Contains(id))
            {
                result[id] = Movie(id, row.GetValueOrDefault("imdb_id"), row, row.GetValueOrDefault("genres")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? []);
            }
        }
        var tmdb5000 = Rows(Path.Combine(datasets, "tmdb-5000-movies", "tmdb_5000_movies.csv"))
            .Where(r => Id(r, "id") is { } id && tmdbIds.Contains(id)).ToDictionary(r => Id(r, "id")!.Value);
        foreach (var row in Rows(SharedData.MetadataJoin))
        {
            if (Id(row, "tmdbId") is not { } id || !tmdbIds.Contains(id) || result.ContainsKey(id))
            {
                continue;
            }
            var extra = tmdb5000.GetValueOrDefault(id);
            var genres = extra?.GetValueOrDefault("genres") is { Length: > 0 } json
                ? JsonNode.Parse(json)!.AsArray().Select(g => (string)g!["name"]!).ToArray()
                : [];
            var merged = new Dictionary<string, string>(row, StringComparer.Ordinal);
            if (extra?.GetValueOrDefault("tagline") is { } tagline)
            {
                merged["tagline"] = tagline;
            }
            // The join file's title is MovieLens's, "Toy Story (1995)"; TMDB's has no year.
            merged["title"] = System.Text.RegularExpressions.Regex.Replace(row.GetValueOrDefault("title") ?? "", @"\s*\(\d{4}\)\s*$", "");
            result[id] = Movie(id, row.GetValueOrDefault("imdbId") is { Length: > 0 } imdb ? $"tt{imdb}" : null, merged, genres);
        }
        // Ids in no dataset still exist on TMDB; they answer with what TMDB shows for a bare entry.
        foreach (var id in tmdbIds.Where(id => !result.ContainsKey(id)))
        {
            result[id] = Movie(id, null, new Dictionary<string, string>(), []);
        }
        foreach (var (id, movie) in result)
        {
            AddAppendedParts(id, movie);
        }
        return result;
    }

    /// <summary>
    /// <c>keywords</c>, <c>credits</c> and <c>release_dates</c> as TMDB appends them: real-looking for a few
    /// films, and empty (as TMDB answers for a sparse entry) for the rest.
    /// </summary>
    private static void AddAppendedParts(int id, JsonObject movie)
    {
        (string[] Keywords, (int Id, string Name, string Character)[] Cast, (int Id, string Name, string Department, string Job)[] Crew,
            (string Country, string Certification)[] Certifications, JsonObject? Collection) parts = id switch
            {
                137 => (["time loop", "groundhog", "weatherman", "small town", "pennsylvania, usa"],
                    [(1532, "Bill Murray", "Phil Connors"), (1533, "Andie MacDowell", "Rita Hanson"), (1534, "Chris Elliott", "Larry"), (537, "Stephen Tobolowsky", "Ned Ryerson")],
                    [(1524, "Harold Ramis", "Directing", "Director"), (10072, "Danny Rubin", "Writing", "Story"), (10072, "Danny Rubin", "Writing", "Screenplay"),
                 (1524, "Harold Ramis", "Writing", "Screenplay"), (1524, "Harold Ramis", "Production", "Producer"), (10075, "George Fenton", "Sound", "Original Music Composer")],
                    [("GB", "PG"), ("US", "PG")], null),
                862 => (["jealousy", "toy", "boy", "friendship", "rivalry", "toy comes to life"],
                    [(31, "Tom Hanks", "Woody (voice)"), (12898, "Tim Allen", "Buzz Lightyear (voice)"), (7167, "Don Rickles", "Mr. Potato Head (voice)"), (12899, "Jim Varney", "Slinky Dog (voice)")],
                    [(7879, "John Lasseter", "Directing", "Director"), (7879, "John Lasseter", "Writing", "Original Story"), (12891, "Joss Whedon", "Writing", "Screenplay"),
                 (7, "Andrew Stanton", "Writing", "Screenplay"), (7, "Andrew Stanton", "Writing", "Original Story"), (12892, "Joel Cohen", "Writing", "Screenplay")],
                    [("US", "G"), ("GB", "PG")],
                    new JsonObject { ["id"] = 10194, ["name"] = "Toy Story Collection", ["poster_path"] = "/7G9915LfUQ2lVfwMEEhDsn3kT4B.jpg", ["backdrop_path"] = "/9FBwqcd9IRruEDUrTdcaafOMKUq.jpg" }),
                // British only: the US entry is left out so the certification has to come from GB.
                4584 => (["based on novel or book", "sister", "england", "19th century"],
                    [(7056, "Emma Thompson", "Elinor Dashwood"), (3293, "Alan Rickman", "Colonel Brandon"), (204, "Kate Winslet", "Marianne Dashwood"), (3291, "Hugh Grant", "Edward Ferrars")],
                    [(1614, "Ang Lee", "Directing", "Director"), (7056, "Emma Thompson", "Writing", "Screenplay"), (7057, "Jane Austen", "Writing", "Novel")],
                    [("FR", "U"), ("GB", "U")], null),
                _ => ([], [], [], [], null),
            };
        if (parts.Collection is { } collection)
        {
            movie["belongs_to_collection"] = collection;
        }
        movie["keywords"] = new JsonObject
        {
            ["id"] = id,
            ["keywords"] = new JsonArray(parts.Keywords.Select((name, index) => (JsonNode)new JsonObject { ["id"] = 1000 + index, ["name"] = name }).ToArray()),
        };
        movie["credits"] = new JsonObject
        {
            ["id"] = id,
            ["cast"] = new JsonArray(parts.Cast.Select((person, order) => (JsonNode)new JsonObject
            {
                ["adult"] = false, ["id"] = person.Id, ["known_for_department"] = "Acting", ["name"] = person.Name, ["original_name"] = person.Name,
                ["cast_id"] = order + 1, ["character"] = person.Character, ["credit_id"] = $"52fe4{id:x4}c3a36847f80{order:x4}", ["order"] = order,
            }).ToArray()),
            ["crew"] = new JsonArray(parts.Crew.Select((person, index) => (JsonNode)new JsonObject
            {
                ["adult"] = false, ["id"] = person.Id, ["known_for_department"] = person.Department, ["name"] = person.Name, ["original_name"] = person.Name,
                ["credit_id"] = $"52fe4{id:x4}c3a36847f81{index:x4}", ["department"] = person.Department, ["job"] = person.Job,
            }).ToArray()),
        };
        var releaseDate = movie["release_date"]?.GetValue<string>() is { Length: > 0 } date ? $"{date}T00:00:00.000Z" : "1995-01-01T00:00:00.000Z";
        movie["release_dates"] = new JsonObject
        {
            ["id"] = id,
            ["results"] = new JsonArray(parts.Certifications.Select(c => (JsonNode)new JsonObject
            {
                ["iso_3166_1"] = c.Country,
                ["release_dates"] = new JsonArray(
                    new JsonObject { ["certification"] = "", ["descriptors"] = new JsonArray(), ["iso_639_1"] = "", ["note"] = "Premiere", ["release_date"] = releaseDate, ["type"] = 1 },
                    new JsonObject { ["certification"] = c.Certification, ["descriptors"] = new JsonArray(), ["iso_639_1"] = "", ["note"] = "", ["release_date"] = releaseDate, ["type"] = 3 }),
            }).ToArray()),
        };
    }

    private static JsonObject Movie(int id, string? imdbId, IReadOnlyDictionary<string, string> row, IEnumerable<string> genres)
    {
        string? Text(string column) => row.GetValueOrDefault(column) is { Length: > 0 } value ? value : null;
        double? Number(string column) => double.TryParse(Text(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
        return new JsonObject
        {
            ["adult"] = false,
            ["backdrop_path"] = Text("backdrop_path"),
            ["belongs_to_collection"] = null,
            ["genres"] = new JsonArray(genres.Select(g => (JsonNode)new JsonObject { ["id"] = GenreIds.GetValueOrDefault(g), ["name"] = g }).ToArray()),
            ["id"] = id,
            ["imdb_id"] = imdbId,
            ["original_title"] = Text("title"),
            ["overview"] = Text("overview") ?? "",
            ["poster_path"] = Text("poster_path"),
            ["release_date"] = Text("release_date") ?? "",
            ["runtime"] = Number("runtime") is { } runtime ? (int)runtime : 0,
            ["status"] = "Released",
            ["tagline"] = Text("tagline") ?? "",
            ["title"] = Text("title"),
            ["video"] = false,
            ["vote_average"] = Number("vote_average") ?? 0,
            ["vote_count"] = Number("vote_count") is { } votes ? (int)votes : 0,
        };
    }

    private static int? Id(IReadOnlyDictionary<string, string> row, string column) =>
        int.TryParse(row.GetValueOrDefault(column), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static List<Dictionary<string, string>> Rows(string path)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        var names = reader.Header.ColNames;
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count && i < row.ColCount; i++)
            {
                values[names[i]] = row[i].ToString();
            }
            rows.Add(values);
        }
        return rows;
    }
}
