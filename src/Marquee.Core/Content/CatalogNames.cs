using System.Collections.Frozen;
using Marquee.Core.Catalog;
using Marquee.Core.Intent;

namespace Marquee.Core.Content;

/// <summary>A person's credit on one film: which film, as whom, and how much it makes the film theirs (0–1).</summary>
public sealed record PersonCredit(int Index, string Name, float Score, string Role);

/// <summary>
/// The people and studios of the catalogue by the names people type: full names ("meryl streep"), a
/// surname that clearly belongs to one filmmaker ("tarantino"), "the X brothers", and a studio's
/// distinctive words ("ghibli", "pixar", "walt disney"). A surname or studio word that is also an
/// everyday word of the catalogue's overviews ("king", "universal") is left to the other readers.
/// </summary>
public sealed class CatalogNames : INameResolver
{
    /// <summary>Words that say "a company" without saying which one.</summary>
    private static readonly FrozenSet<string> GenericCompanyWords = new[]
    {
        "the", "a", "an", "and", "of", "studio", "studios", "pictures", "picture", "films", "film", "entertainment", "productions",
        "production", "animation", "animated", "company", "co", "corporation", "corp", "inc", "ltd", "llc", "gmbh", "sa", "international",
        "distribution", "distributors", "media", "group", "motion", "releasing", "features", "feature", "cinema", "television", "tv",
        "home", "video", "classics", "works", "filmproduktion", "produzioni", "producciones", "cine", "films", "presents", "partners",
        "worldwide", "global", "american", "british", "french", "german", "japanese", "holdings", "enterprises", "center", "centre",
        "world", "independent", "new", "line", "bros", "brothers", "arts", "artists", "house", "lab", "labs", "project", "projects",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SiblingWords = new[] { "brothers", "bros", "sisters", "siblings" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A surname or studio word in more overviews than this is an everyday word, not a name.</summary>
    private const int MaxEverydayUses = 6;

    private readonly Dictionary<string, NamedEntity> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _familyBySurname = new(StringComparer.Ordinal);
    private readonly int _maxKeyTokens;
    private readonly Dictionary<string, List<PersonCredit>> _creditsByPerson = new(StringComparer.Ordinal);
    private readonly List<(string Normalized, string Name, List<int> Films)> _companies = [];
    /// <summary>Each film's release year, null for a short: a career ("early pixar", "late hitchcock") is its feature films.</summary>
    private readonly int?[] _featureYears;

    /// <summary>A credit from this score on makes the film the person's own: directed, written or in the top three billed.</summary>
    private const float OwnFilmScore = 0.75f;

    public CatalogNames(MovieCatalog catalog, IntentVocabulary vocabulary)
    {
        _featureYears = [.. catalog.Movies.Select(m => m.IsShort ? null : m.ReleaseYear)];
        var everyday = EverydayWordCounts(catalog);
        var credits = new Dictionary<string, (string Name, int Films)>(StringComparer.Ordinal);
        // Company (normalised) → its name and films: counted and matched from the one pass.
        var filmsByCompany = new Dictionary<string, (string Name, List<int> Films)>(StringComparer.Ordinal);
        foreach (var movie in catalog.Movies)
        {
            if (movie.Details is not { } details)
            {
                continue;
            }
            // Who a film is "by": its directors and the top of its cast (writers are matched but not keyed by surname).
            var people = (details.Directors ?? []).Concat((details.Cast ?? []).Take(3)).Concat(details.Writers ?? [])
                .Select(p => p.Name).Distinct(StringComparer.Ordinal);
            foreach (var name in people)
            {
                var key = QueryText.Normalize(name);
                if (key.Length > 0)
                {
                    credits[key] = (name, credits.GetValueOrDefault(key).Films + 1);
                }
            }
            foreach (var company in details.ProductionCompanies ?? [])
            {
                var key = QueryText.Normalize(company);
                if (key.Length == 0)
                {
                    continue;
                }
                if (!filmsByCompany.TryGetValue(key, out var entry))
                {
                    filmsByCompany[key] = entry = (company, []);
                }
                entry.Films.Add(movie.Index);
            }
            AddCredits(movie.Index, details);
        }
        _companies.AddRange(filmsByCompany.Select(c => (" " + c.Key + " ", c.Value.Name, c.Value.Films)));

        foreach (var (key, (name, _)) in credits)
        {
            if (key.Contains(' ', StringComparison.Ordinal))
            {
                _byKey[key] = new NamedEntity(NamedEntityKind.Person, [name]);
            }
        }
        // Surnames: "tarantino" when one filmmaker clearly owns it (twice the films of the next) and it is no everyday word.
        var fullNames = credits.Where(c => c.Key.Contains(' ', StringComparison.Ordinal)).ToList();
        // Each film's title and overview, normalised, only if a name's everyday uses need its owner's own taken out (see
        // NameMentions); not kept once the names are keyed.
        var texts = new Lazy<string[]>(() => [.. catalog.Movies.Select(m => " " + QueryText.Normalize(m.Title + " " + m.Details?.Overview) + " ")]);
        foreach (var group in fullNames.GroupBy(c => c.Key[(c.Key.LastIndexOf(' ') + 1)..], StringComparer.Ordinal))
        {
            _familyBySurname[group.Key] = group.OrderByDescending(c => c.Value.Films).Select(c => c.Value.Name).ToList();
            KeyByOwner(group, 2, everyday, vocabulary, catalog, texts);
        }
        // First names: "meryl" when one person all but owns it among the credited (three times the films of the next) and
        // overviews do not use it for characters. Surnames come first: "nolan" stays Christopher Nolan.
        foreach (var group in fullNames.GroupBy(c => c.Key[..c.Key.IndexOf(' ', StringComparison.Ordinal)], StringComparer.Ordinal))
        {
            KeyByOwner(group, 3, everyday, vocabulary, catalog, texts);
        }
        // Studios: their distinctive words ("studio ghibli" → "ghibli"), and each such word alone when it is distinctive.
        var companyKeys = new Dictionary<string, (string Name, int Films)>(StringComparer.Ordinal);
        foreach (var (key, (name, filmList)) in filmsByCompany)
        {
            var films = filmList.Count;
            var words = key.Split(' ').Where(w => !GenericCompanyWords.Contains(w)).ToList();
            if (words.Count == 0)
            {
                continue;
            }
            var candidates = new List<string> { key, string.Join(' ', words) };
            candidates.AddRange(words.Where(w => w.Length >= 5 && !w.All(char.IsDigit)));
            // "TV" of TV 2 and Nordisk Film & TV Fond says a company as "Studios" does: "a film about a tv show" read them.
            var acronyms = Acronyms(name).Where(a => !GenericCompanyWords.Contains(a)).ToList();
            candidates.AddRange(acronyms);
            foreach (var candidate in candidates.Distinct())
            {
                if ((candidate.Length >= 4 || acronyms.Contains(candidate)) && companyKeys.GetValueOrDefault(candidate).Films < films)
                {
                    companyKeys[candidate] = (name, films);
                }
            }
        }
        foreach (var (key, (name, films)) in companyKeys)
        {
            var single = !key.Contains(' ', StringComparison.Ordinal);
            // An acronym ("DC", "A24") is a name wherever overviews write it in capitals ("Washington, DC" is not "dc").
            var free = key.Length < 4 ? LowercaseUses(catalog, key) <= MaxEverydayUses && !vocabulary.Phrases.TryGet(key, out _)
                : IsFree(key, everyday, vocabulary, catalog, allowConcepts: true) && !EverydayInAnotherNumber(key, everyday);
            if (films >= 2 && !_byKey.ContainsKey(key) && (!single || free))
            {
                // The key itself is what a film's companies are matched by ("marvel" finds every Marvel company).
                _byKey[key] = new NamedEntity(NamedEntityKind.Company, [key]);
            }
        }
        _maxKeyTokens = _byKey.Count == 0 ? 0 : _byKey.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    /// <summary>
    /// The films a person is credited on, with how much the credit says the film is theirs: directing 1,
    /// the top of the bill 0.95 to 0.75, writing 0.75, further down the cast 0.5.
    /// </summary>
    public IReadOnlyList<PersonCredit> FilmsOf(string person) =>
        _creditsByPerson.GetValueOrDefault(QueryText.Normalize(person)) ?? (IReadOnlyList<PersonCredit>)[];

    /// <inheritdoc />
    public IReadOnlyList<int> YearsOf(NamedEntity entity) =>
        [.. entity.Names.SelectMany(name => entity.Kind == NamedEntityKind.Company ? FilmsOfCompany(name).Select(f => f.Index) : OwnFilmsOf(name))
            .Distinct().Select(index => _featureYears[index]).OfType<int>().Order()];

    /// <summary>The films that are the person's own (directed, written or in the top three billed), by catalogue index.</summary>
    public IEnumerable<int> OwnFilmsOf(string person) =>
        FilmsOf(person).Where(c => c.Score >= OwnFilmScore).Select(c => c.Index).Distinct();

    /// <summary>Films by any company whose name holds the key as whole words ("marvel", "studio ghibli"), with that company.</summary>
    public IEnumerable<(int Index, string Company)> FilmsOfCompany(string key)
    {
        var padded = " " + QueryText.Normalize(key) + " ";
        foreach (var (normalized, name, films) in _companies)
        {
            if (normalized.Contains(padded, StringComparison.Ordinal))
            {
                foreach (var index in films)
                {
                    yield return (index, name);
                }
            }
        }
    }

    /// <summary>"Meryl Streep movies" means the films she leads before the ones she supports: billing order counts.</summary>
    private static float BillingScore(int position) => position switch
    {
        0 => 0.95f,
        1 => 0.85f,
        2 => 0.75f,
        _ => 0.5f,
    };

    private void AddCredits(int index, MovieDetails details)
    {
        var best = new Dictionary<string, PersonCredit>(StringComparer.Ordinal);
        void Offer(CreditedPerson person, float score, string role)
        {
            var key = QueryText.Normalize(person.Name);
            if (key.Length > 0 && (!best.TryGetValue(key, out var current) || current.Score < score))
            {
                best[key] = new PersonCredit(index, person.Name, score, role);
            }
        }
        foreach (var director in details.Directors ?? [])
        {
            Offer(director, 1f, "director");
        }
        var cast = details.Cast ?? [];
        for (var i = 0; i < cast.Count; i++)
        {
            Offer(cast[i], BillingScore(i), "cast");
        }
        foreach (var writer in details.Writers ?? [])
        {
            Offer(writer, 0.75f, "writer");
        }
        foreach (var (key, credit) in best)
        {
            if (!_creditsByPerson.TryGetValue(key, out var list))
            {
                _creditsByPerson[key] = list = [];
            }
            list.Add(credit);
        }
    }

    /// <summary>How many distinct names the index knows (people and studios).</summary>
    public int Count => _byKey.Count;

    /// <inheritdoc />
    public bool TryMatch(TokenizedQuery query, int start, out NamedEntity entity, out int length)
    {
        entity = null!;
        length = 0;
        for (var span = Math.Min(_maxKeyTokens, query.Count - start); span >= 1; span--)
        {
            if (query[start + span - 1].Kind is not (QueryTokenKind.Word or QueryTokenKind.Number))
            {
                continue;
            }
            // "spielberg's early films": the apostrophe is gone by now, so a possessive is the name and an "s".
            var key = query.Text(start, span);
            if (_byKey.TryGetValue(key, out var found) || (key.Length > 4 && key[^1] == 's' && _byKey.TryGetValue(key[..^1], out found)))
            {
                entity = found;
                length = span;
                break;
            }
        }
        if (length == 0 && IsShortFirstName(query, start, out var person))
        {
            entity = person;
            length = 2;
        }
        // "the coen brothers", "wachowski sisters": everyone of that surname who made films together.
        var surnameAt = length > 0 ? start + length - 1 : start;
        if (surnameAt + 1 < query.Count && SiblingWords.Contains(query[surnameAt + 1].Text)
            && _familyBySurname.TryGetValue(query[surnameAt].Text, out var family) && family.Count > 0)
        {
            entity = new NamedEntity(NamedEntityKind.Person, family.Take(3).ToList());
            length = surnameAt + 2 - start;
        }
        return length > 0;
    }

    /// <summary>
    /// A short form of a first name before the surname that names its owner ("leo dicaprio", "chris nolan"): the two
    /// words are the person. Left alone, "leo" was searched as a word of the story.
    /// </summary>
    private bool IsShortFirstName(TokenizedQuery query, int start, out NamedEntity person)
    {
        person = null!;
        if (start + 1 >= query.Count || query[start].Kind != QueryTokenKind.Word || query[start].Text.Length < 2
            || !_byKey.TryGetValue(query[start + 1].Text, out var named) || named is not { Kind: NamedEntityKind.Person, Names.Count: 1 })
        {
            return false;
        }
        var firstName = QueryText.Normalize(named.Names[0]).Split(' ')[0];
        if (firstName.Length <= query[start].Text.Length || !firstName.StartsWith(query[start].Text, StringComparison.Ordinal))
        {
            return false;
        }
        person = named;
        return true;
    }

    /// <summary>
    /// Makes one word of people's names (a surname, a first name) the key of the person who owns it: at least
    /// <paramref name="margin"/> films, <paramref name="margin"/> times the films of anyone else so named, four letters or
    /// more, no everyday word, and no key already.
    /// </summary>
    private void KeyByOwner(IGrouping<string, KeyValuePair<string, (string Name, int Films)>> namesakes, int margin,
        Dictionary<string, int> everyday, IntentVocabulary vocabulary, MovieCatalog catalog, Lazy<string[]> texts)
    {
        var word = namesakes.Key;
        var ranked = namesakes.OrderByDescending(c => c.Value.Films).ToList();
        var owner = ranked[0].Value;
        var runnerUp = ranked.Count > 1 ? ranked[1].Value.Films : 0;
        if (word.Length >= 4 && owner.Films >= margin && owner.Films >= margin * runnerUp && !_byKey.ContainsKey(word)
            && (IsFree(word, everyday, vocabulary, catalog) || IsFree(word, everyday, vocabulary, catalog, ownNameUses: NameMentions(texts.Value, ranked[0].Key))))
        {
            _byKey[word] = new NamedEntity(NamedEntityKind.Person, [owner.Name]);
        }
    }

    /// <summary>
    /// In how many films' titles and overviews the full name is written ("Keanu Reeves stars as…"): uses of a first name
    /// or surname that are its owner's own, not a character's or an everyday word's. "keanu" is in seven overviews, and in
    /// six of them as Keanu Reeves: "something with keanu" searched the word and opened on My Own Private Idaho.
    /// </summary>
    private static int NameMentions(string[] texts, string fullNameKey)
    {
        var padded = " " + fullNameKey + " ";
        return texts.Count(text => text.Contains(padded, StringComparison.Ordinal));
    }

    /// <param name="ownNameUses">Overviews that use the word only within its owner's full name (see <see cref="NameMentions"/>).</param>
    private static bool IsFree(string word, Dictionary<string, int> everyday, IntentVocabulary vocabulary, MovieCatalog catalog,
        bool allowConcepts = false, int ownNameUses = 0)
    {
        var known = vocabulary.Phrases.TryGet(word, out var meaning);
        // "pixar" and "disney" name a genre or mood too: the studio is the more precise reading. A concept named for the
        // word itself is what the word means, though: "paris" is the topic Paris, not Paris Filmes.
        var studio = allowConcepts && known && meaning.Concept is { } concept && !string.Equals(concept.Name, word, StringComparison.OrdinalIgnoreCase)
                     && meaning.Roles == PhraseRole.None && meaning.Language is null;
        if (known && !studio)
        {
            return false;
        }
        // Such a studio is no everyday word as long as overviews write it as a name: "Disney" is in 22, "disney" in none
        // ("not disney" read as "not for the family" before). A word they never write as a name is the word: "cartoon"
        // (five overviews, all lowercase) is a cartoon, not Cartoon Saloon ("a musical that isn't a cartoon" ruled out
        // the studio and kept The Lion King).
        if (!studio)
        {
            return everyday.GetValueOrDefault(word) - ownNameUses <= MaxEverydayUses;
        }
        var (lowercase, asName) = Uses(catalog, word);
        return lowercase <= MaxEverydayUses && lowercase <= asName;
    }

    /// <summary>
    /// The word's singular or plural is an everyday word: "knights" of Marvel Knights is rare in overviews, "knight" is
    /// not ("a movie about knights" read the studio and opened on Punisher: War Zone).
    /// </summary>
    private static bool EverydayInAnotherNumber(string word, Dictionary<string, int> everyday)
    {
        // The labels' own singular ("knights" → "knight", "witches" → "witch"); a word already singular, its plurals.
        var singular = CatalogLabels.Singular(word);
        string[] forms = singular != word ? [singular] : [word + "s", word + "es"];
        return forms.Any(form => everyday.GetValueOrDefault(form) > MaxEverydayUses);
    }

    /// <summary>
    /// The short capitalised words of a company's name ("DC" of DC Comics, "A24", "MGM"), normalised: too short to be
    /// keys by length, but as a company writes them they are names, not words.
    /// </summary>
    private static List<string> Acronyms(string name) =>
        [.. name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length is >= 2 and <= 3 && w.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)) && w.Any(char.IsAsciiLetter))
            .Select(QueryText.Normalize)];

    /// <summary>In how many overviews the word is written in lowercase, as an everyday word is (not "Disney", "Pixar").</summary>
    private static int LowercaseUses(MovieCatalog catalog, string word) => Uses(catalog, word).Lowercase;

    /// <summary>
    /// In how many overviews the word is written in lowercase, as an everyday word is, and in how many it is capitalised
    /// inside a sentence, as a name is ("a Disney classic").
    /// </summary>
    private static (int Lowercase, int AsName) Uses(MovieCatalog catalog, string word)
    {
        int lowercase = 0, asName = 0;
        foreach (var movie in catalog.Movies)
        {
            if (movie.Details?.Overview is not { } overview)
            {
                continue;
            }
            bool seenLower = false, seenName = false;
            for (var at = overview.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = overview.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + word.Length;
                if ((at > 0 && char.IsLetter(overview[at - 1])) || (end < overview.Length && char.IsLetter(overview[end])))
                {
                    continue;
                }
                if (char.IsLower(overview[at]))
                {
                    seenLower = true;
                }
                else if (at > 1 && overview[at - 1] == ' ' && overview[at - 2] is not ('.' or '!' or '?'))
                {
                    seenName = true;
                }
            }
            lowercase += seenLower ? 1 : 0;
            asName += seenName ? 1 : 0;
        }
        return (lowercase, asName);
    }

    /// <summary>In how many films' titles and overviews each word appears.</summary>
    private static Dictionary<string, int> EverydayWordCounts(MovieCatalog catalog)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var movie in catalog.Movies)
        {
            seen.Clear();
            foreach (var token in QueryText.Tokenize(movie.Title + " " + movie.Details?.Overview))
            {
                if (token.Kind == QueryTokenKind.Word && seen.Add(token.Text))
                {
                    counts[token.Text] = counts.GetValueOrDefault(token.Text) + 1;
                }
            }
        }
        return counts;
    }
}
