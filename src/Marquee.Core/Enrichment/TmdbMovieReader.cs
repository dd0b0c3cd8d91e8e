using System.Text.Json;

namespace Marquee.Core.Enrichment;

/// <summary>
/// Reads TMDB's answer to <c>GET /3/movie/{id}?append_to_response=keywords,credits,release_dates</c>. The
/// flat fields and genres go through the source generator as before; the other nested lists and the appended parts are read
/// by hand from the <see cref="JsonElement"/>, because the generator throws for the whole object on one type
/// mismatch. A part that is not the documented shape is left out with a warning naming it, and the rest of
/// the movie is kept.
/// </summary>
public static class TmdbMovieReader
{
    /// <summary>What every movie request appends: one request per movie brings all a film record holds.</summary>
    public const string AppendToResponse = "keywords,credits,release_dates";

    /// <summary>Cast members kept, in billing order: the names people recognise a film by.</summary>
    public const int TopBilledCast = 10;

    /// <summary>TMDB's release <c>type</c> for a theatrical release, whose certification is the one people quote.</summary>
    private const int TheatricalRelease = 3;

    /// <summary>Certification countries in order of preference.</summary>
    private static readonly string[] CertificationCountries = ["US", "GB"];

    /// <summary>The movie in <paramref name="root"/>; each part skipped is described in <paramref name="warnings"/>.</summary>
    /// <exception cref="JsonException">A flat field (title, runtime, …) is not of its documented type.</exception>
    public static TmdbMovie Read(JsonElement root, List<string> warnings)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"the body is a JSON {Kind(root)}, not an object");
        }
        var flat = root.Deserialize(TmdbJsonContext.Default.TmdbMovie)!;
        // Read in the order TMDB writes the parts, so warnings read in that order too.
        var spokenLanguages = Names(root, "spoken_languages", "iso_639_1", warnings);
        var productionCountries = Names(root, "production_countries", "iso_3166_1", warnings);
        var productionCompanies = Names(root, "production_companies", "name", warnings);
        var collection = Collection(root, warnings);
        var keywords = Keywords(root, warnings);
        var credits = Credits(root, warnings);
        var certification = Certification(root, warnings);
        return flat with
        {
            Appended = AppendToResponse,
            SpokenLanguageCodes = spokenLanguages,
            ProductionCountryCodes = productionCountries,
            ProductionCompanyNames = productionCompanies,
            CollectionId = collection?.Id,
            CollectionName = collection?.Name,
            KeywordNames = keywords,
            Directors = credits.Directors,
            Writers = credits.Writers,
            Cast = credits.Cast,
            Certification = certification?.Certification,
            CertificationCountry = certification?.Country,
        };
    }

    /// <summary><c>[{field: "…"}, …]</c> under <paramref name="name"/> as a list of the texts; null when absent or not a list.</summary>
    private static List<string>? Names(JsonElement parent, string name, string field, List<string> warnings, string? path = null)
    {
        path ??= name;
        if (List(parent, name, warnings, path) is not { } items)
        {
            return null;
        }
        var names = new List<string>();
        var skipped = 0;
        foreach (var item in items)
        {
            if (Text(item, field) is { } text)
            {
                names.Add(text);
            }
            else
            {
                skipped++;
            }
        }
        if (skipped > 0)
        {
            warnings.Add($"{path}: {Entries(skipped)} without a {field} skipped");
        }
        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static (int Id, string? Name)? Collection(JsonElement root, List<string> warnings)
    {
        if (!root.TryGetProperty("belongs_to_collection", out var collection) || collection.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (collection.ValueKind != JsonValueKind.Object || Number(collection, "id") is not { } id)
        {
            warnings.Add("belongs_to_collection: not an object with an id; skipped");
            return null;
        }
        return (id, Text(collection, "name"));
    }

    /// <summary><c>keywords.keywords[].name</c>, lower case: TMDB's keyword case varies, matching should not.</summary>
    private static List<string>? Keywords(JsonElement root, List<string> warnings) =>
        Part(root, "keywords", warnings) is { } keywords
            ? Names(keywords, "keywords", "name", warnings, "keywords.keywords")?.Select(k => k.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList()
            : null;

    private static (List<TmdbPerson>? Directors, List<TmdbPerson>? Writers, List<TmdbPerson>? Cast) Credits(JsonElement root, List<string> warnings)
    {
        if (Part(root, "credits", warnings) is not { } credits)
        {
            return (null, null, null);
        }
        List<TmdbPerson>? cast = null;
        if (List(credits, "cast", warnings, "credits.cast") is { } castItems)
        {
            var billed = new List<(int Order, int Position, TmdbPerson Person)>();
            var position = 0;
            foreach (var member in castItems)
            {
                if (Person(member) is { } person)
                {
                    // A missing order sorts after the billed names, in the order TMDB listed them.
                    billed.Add((Number(member, "order") ?? int.MaxValue, position, person));
                }
                position++;
            }
            Unnamed(castItems.Count - billed.Count, "credits.cast", warnings);
            cast = Distinct(billed.OrderBy(b => b.Order).ThenBy(b => b.Position).Select(b => b.Person)).Take(TopBilledCast).ToList();
        }
        List<TmdbPerson>? directors = null, writers = null;
        if (List(credits, "crew", warnings, "credits.crew") is { } crewItems)
        {
            directors = [];
            writers = [];
            var unnamed = 0;
            foreach (var member in crewItems)
            {
                var isDirector = Text(member, "job") == "Director";
                var isWriter = Text(member, "department") == "Writing";
                if (!isDirector && !isWriter)
                {
                    continue;
                }
                if (Person(member) is not { } person)
                {
                    unnamed++;
                    continue;
                }
                (isDirector ? directors : writers).Add(person);
                if (isDirector && isWriter)
                {
                    writers.Add(person);
                }
            }
            Unnamed(unnamed, "credits.crew", warnings);
            // A writer credited for screenplay and story is one writer.
            directors = Distinct(directors).ToList();
            writers = Distinct(writers).ToList();
        }
        return (directors, writers, cast);
    }

    /// <summary>
    /// The US certification from <c>release_dates.results[]</c> (a theatrical release's first, else any), else
    /// the British one: the two rating systems most readers of English know.
    /// </summary>
    private static (string Certification, string Country)? Certification(JsonElement root, List<string> warnings)
    {
        if (Part(root, "release_dates", warnings) is not { } releaseDates
            || List(releaseDates, "results", warnings, "release_dates.results") is not { } countries)
        {
            return null;
        }
        foreach (var country in CertificationCountries)
        {
            var releases = countries.Where(c => Text(c, "iso_3166_1") == country)
                .SelectMany(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("release_dates", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().ToList()
                    : [])
                .ToList();
            var certified = releases.Where(r => Text(r, "certification") is not null).ToList();
            var chosen = certified.FirstOrDefault(r => Number(r, "type") == TheatricalRelease);
            if (chosen.ValueKind == JsonValueKind.Undefined && certified.Count > 0)
            {
                chosen = certified[0];
            }
            if (chosen.ValueKind != JsonValueKind.Undefined)
            {
                return (Text(chosen, "certification")!, country);
            }
        }
        return null;
    }

    /// <summary>An appended part (<c>keywords</c>, <c>credits</c>, <c>release_dates</c>) when it is an object.</summary>
    private static JsonElement? Part(JsonElement root, string name, List<string> warnings)
    {
        if (!root.TryGetProperty(name, out var part) || part.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (part.ValueKind != JsonValueKind.Object)
        {
            warnings.Add($"{name}: a JSON {Kind(part)}, not an object; skipped");
            return null;
        }
        return part;
    }

    private static List<JsonElement>? List(JsonElement parent, string name, List<string> warnings, string path)
    {
        if (!parent.TryGetProperty(name, out var list))
        {
            return null;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            warnings.Add($"{path}: a JSON {Kind(list)}, not a list; skipped");
            return null;
        }
        return list.EnumerateArray().ToList();
    }

    private static TmdbPerson? Person(JsonElement member) =>
        Text(member, "name") is { } name ? new TmdbPerson(Number(member, "id"), name) : null;

    private static IEnumerable<TmdbPerson> Distinct(IEnumerable<TmdbPerson> people) =>
        people.DistinctBy(p => p.Id is { } id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "name:" + p.Name);

    private static void Unnamed(int count, string path, List<string> warnings)
    {
        if (count > 0)
        {
            warnings.Add($"{path}: {Entries(count)} without a name skipped");
        }
    }

    private static string? Text(JsonElement item, string field) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString()!.Trim() is { Length: > 0 } text ? text : null;

    private static int? Number(JsonElement item, string field) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt32(out var number) ? number : null;

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static string Entries(int count) => count == 1 ? "1 entry" : $"{count} entries";
}
