using Marquee.Core.Catalog;
using Marquee.Core.Content;

namespace Marquee.Core.Ranking;

/// <summary>
/// The facts <see cref="ReferenceSimilarity"/> compares between two films, flat by catalogue index: franchise, year,
/// original language, the first three directors, actors and writers as small integers, and the labels (TMDB keywords
/// and MovieLens tags) each film carries with how rare each label is. A wish whose few true
/// matches lend their neighbours compares every candidate with up to eight of them; read from the film records that
/// was half a million walks through objects and strings, here it is a few array reads.
/// </summary>
public sealed class MovieTraits
{
    /// <summary>How many names of each credit list count (the leads).</summary>
    public const int TopCredits = 3;

    private const int None = -1;
    private readonly int[] _collection;
    private readonly int[] _year;
    private readonly int[] _language;
    private readonly uint[] _genres;
    private readonly int[] _directors;
    private readonly int[] _cast;
    private readonly int[] _writers;
    // Labels as two flat lists: each film's label ids (_filmLabels from _filmLabelStart[i]) and each label's films
    // (_labelFilms from _labelFilmStart[label]), with one weight per label for how much sharing it says.
    private readonly int[] _filmLabelStart;
    private readonly int[] _filmLabels;
    private readonly int[] _labelFilmStart;
    private readonly int[] _labelFilms;
    private readonly float[] _labelWeight;
    // Each label's key (normalised: "sci fi", "coen brother") and the words it was first written in ("Coen Brothers").
    private readonly string[] _labelKeys;
    private readonly string[] _labelNames;
    private readonly string[] _people;

    /// <param name="verdictLabels">
    /// Labels that judge rather than describe (<see cref="Intent.IntentVocabulary.VerdictLabels"/>): sharing one says
    /// nothing (Fight Club and Gladiator are both "imdb top 250", and Fight Club was on "like Gladiator" for it).
    /// </param>
    public MovieTraits(MovieCatalog catalog, IEnumerable<string>? verdictLabels = null)
    {
        var count = catalog.Count;
        _collection = new int[count];
        _year = new int[count];
        _language = new int[count];
        _genres = new uint[count];
        _directors = new int[count * TopCredits];
        _cast = new int[count * TopCredits];
        _writers = new int[count * TopCredits];
        // Languages compare ignoring case, names exactly, as the records' strings did.
        var languages = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var movie in catalog.Movies)
        {
            var i = movie.Index;
            var details = movie.Details;
            _collection[i] = details?.CollectionId ?? None;
            _year[i] = movie.ReleaseYear ?? int.MinValue;
            _language[i] = details?.OriginalLanguage is { } language ? Intern(languages, language) : None;
            _genres[i] = movie.GenreMask.Bits;
            Credits(details?.Directors, _directors.AsSpan(i * TopCredits, TopCredits), people);
            Credits(details?.Cast, _cast.AsSpan(i * TopCredits, TopCredits), people);
            Credits(details?.Writers, _writers.AsSpan(i * TopCredits, TopCredits), people);
        }
        _people = Names(people);
        (_filmLabelStart, _filmLabels, _labelFilmStart, _labelFilms, _labelWeight, _labelKeys, _labelNames) = IndexLabels(catalog, verdictLabels);
    }

    /// <summary>
    /// A label on more than this share of the films that carry labels at all says nothing about a pair of them
    /// ("murder", "woman director", "duringcreditsstinger"); sharing it counts nothing.
    /// </summary>
    public const double CommonLabelShare = CatalogLabels.MaxFilmShare;

    /// <summary>Both films belong to one TMDB collection (a franchise).</summary>
    public bool SameCollection(int reference, int movie) => _collection[reference] != None && _collection[reference] == _collection[movie];

    /// <summary>Years between the releases, or null when either year is unknown.</summary>
    public int? YearsApart(int reference, int movie) =>
        _year[reference] == int.MinValue || _year[movie] == int.MinValue ? null : Math.Abs(_year[reference] - _year[movie]);

    /// <summary>Both films are known to be in one original language.</summary>
    public bool SameLanguage(int reference, int movie) => _language[reference] != None && _language[reference] == _language[movie];

    public GenreSet Genres(int index) => new(_genres[index]);

    /// <summary>1 for a shared director, 0.5 for a shared lead actor or writer, 0 otherwise (leads: the first three credited).</summary>
    public double SharedPeople(int reference, int movie)
    {
        if (Meet(_directors, reference, movie))
        {
            return 1;
        }
        return Meet(_cast, reference, movie) || Meet(_writers, reference, movie) ? 0.5 : 0;
    }

    /// <summary>
    /// How much each film shares the reference's labels, written by catalogue index into <paramref name="sharedByIndex"/>
    /// (every other film 0): the sum of the weights (see IndexLabels) of the labels both carry. Walks only the films of
    /// the reference's own labels, not the catalogue.
    /// </summary>
    public void SharedLabels(int reference, Span<float> sharedByIndex)
    {
        sharedByIndex.Clear();
        for (var at = _filmLabelStart[reference]; at < _filmLabelStart[reference + 1]; at++)
        {
            var label = _filmLabels[at];
            var weight = _labelWeight[label];
            if (weight <= 0)
            {
                continue;
            }
            for (var f = _labelFilmStart[label]; f < _labelFilmStart[label + 1]; f++)
            {
                sharedByIndex[_labelFilms[f]] += weight;
            }
        }
        sharedByIndex[reference] = 0;
    }

    /// <summary>
    /// Labels indexed both ways, with each label's weight: ln(common / films carrying it), where common is
    /// <see cref="CommonLabelShare"/> of the films that have labels. Plain IDF makes "murder" (on 5% of them) worth
    /// half of "magic realism" (0.3%); counted from the common level instead, "magic realism" says 2.9, "cyberpunk"
    /// 2.2, "dystopia" 0.4 and "murder" nothing, which is how far two films are alike for sharing each. A label
    /// only one film carries weighs 0 (it cannot be shared), and so does a verdict.
    /// </summary>
    private static (int[] FilmStart, int[] FilmLabels, int[] LabelStart, int[] LabelFilms, float[] Weight, string[] Keys, string[] Names) IndexLabels(MovieCatalog catalog, IEnumerable<string>? verdictLabels)
    {
        var verdicts = (verdictLabels ?? []).Select(CatalogLabels.Normalize).ToHashSet(StringComparer.Ordinal);
        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var written = new List<string>();
        var count = catalog.Count;
        var filmStart = new int[count + 1];
        var filmLabels = new List<int>();
        var films = new List<int>();
        var seen = new HashSet<int>();
        foreach (var movie in catalog.Movies)
        {
            seen.Clear();
            foreach (var text in movie.Labels)
            {
                var key = CatalogLabels.Normalize(text);
                if (key.Length > 0 && Intern(labelIds, key) is var id && seen.Add(id))
                {
                    if (id == written.Count)
                    {
                        written.Add(text.Trim());
                    }
                    filmLabels.Add(id);
                }
            }
            filmStart[movie.Index + 1] = filmLabels.Count;
            if (seen.Count > 0)
            {
                films.Add(movie.Index);
            }
        }
        var labelCount = labelIds.Count;
        var labelStart = new int[labelCount + 1];
        foreach (var label in filmLabels)
        {
            labelStart[label + 1]++;
        }
        for (var l = 0; l < labelCount; l++)
        {
            labelStart[l + 1] += labelStart[l];
        }
        var labelFilms = new int[filmLabels.Count];
        var next = labelStart[..labelCount];
        for (var i = 0; i < count; i++)
        {
            for (var at = filmStart[i]; at < filmStart[i + 1]; at++)
            {
                labelFilms[next[filmLabels[at]]++] = i;
            }
        }
        var common = Math.Max(CatalogLabels.MinFilms + 1, CommonLabelShare * films.Count);
        var weight = new float[labelCount];
        for (var l = 0; l < labelCount; l++)
        {
            var carriers = labelStart[l + 1] - labelStart[l];
            weight[l] = carriers < 2 ? 0 : (float)Math.Max(0, Math.Log(common / carriers));
        }
        foreach (var verdict in verdicts)
        {
            if (labelIds.TryGetValue(verdict, out var l))
            {
                weight[l] = 0;
            }
        }
        // Two labels on exactly the same films are one fact said twice ("journey around the world" and "journey round
        // the world", "artificial intelligence" and "artificial intelligence (a.i.)" on the same few films): the
        // second says nothing more, or a pair sharing one idea would count it twice.
        var firstWithFilms = new Dictionary<int, List<int>>();
        for (var l = 0; l < labelCount; l++)
        {
            if (weight[l] <= 0)
            {
                continue;
            }
            var carriers = labelFilms.AsSpan(labelStart[l], labelStart[l + 1] - labelStart[l]);
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(carriers));
            var key = hash.ToHashCode();
            if (!firstWithFilms.TryGetValue(key, out var same))
            {
                firstWithFilms[key] = [l];
                continue;
            }
            var repeated = false;
            foreach (var other in same)
            {
                repeated |= carriers.SequenceEqual(labelFilms.AsSpan(labelStart[other], labelStart[other + 1] - labelStart[other]));
            }
            if (repeated)
            {
                weight[l] = 0;
            }
            else
            {
                same.Add(l);
            }
        }
        return (filmStart, [.. filmLabels], labelStart, labelFilms, weight, Names(labelIds), [.. written]);
    }

    /// <summary>
    /// One person both directed and wrote each film (the first three credited of each list): an auteur, whose films
    /// share a voice. A hired director's do not as much (McTiernan's Die Hard and The Hunt for Red October; Ridley
    /// Scott's Alien and Gladiator), Jeunet's, the Coens' or Nolan's do.
    /// </summary>
    public bool SharedAuteur(int reference, int movie)
    {
        var directors = _directors.AsSpan(reference * TopCredits, TopCredits);
        foreach (var person in directors)
        {
            if (person != None && _writers.AsSpan(reference * TopCredits, TopCredits).Contains(person)
                && _directors.AsSpan(movie * TopCredits, TopCredits).Contains(person) && _writers.AsSpan(movie * TopCredits, TopCredits).Contains(person))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// What two films have in common that a person recognises, for a card's reason (<see cref="LikeReasons"/>): the
    /// same series, a director or lead of both, and the rarest labels both carry, rarest first. A label counts from
    /// <see cref="DistinctiveLabelWeight"/> ("cyberpunk" yes, "dystopia" no), one inside another counts once
    /// ("heist" within "heist movie"), and a label that only repeats a shared name (the tag "quentin tarantino") not at all.
    /// </summary>
    public SharedTraits Shared(int reference, int movie, int maxLabels = 2)
    {
        var director = MetName(_directors, reference, movie);
        var lead = director is null ? MetName(_cast, reference, movie) : null;
        var nameWords = CatalogLabels.Normalize(director ?? lead ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var labels = new List<int>();
        var theirs = _filmLabels.AsSpan(_filmLabelStart[movie], _filmLabelStart[movie + 1] - _filmLabelStart[movie]);
        for (var a = _filmLabelStart[reference]; a < _filmLabelStart[reference + 1]; a++)
        {
            var label = _filmLabels[a];
            if (_labelWeight[label] >= DistinctiveLabelWeight && theirs.Contains(label) && !GenreLabels.Contains(_labelKeys[label])
                && !_labelKeys[label].Split(' ').All(nameWords.Contains))
            {
                labels.Add(label);
            }
        }
        var shown = new List<int>(maxLabels);
        foreach (var label in labels.OrderByDescending(l => _labelWeight[l]).ThenBy(l => _labelKeys[l], StringComparer.Ordinal))
        {
            if (shown.Count == maxLabels)
            {
                break;
            }
            if (!shown.Any(other => SaySame(_labelKeys[other], _labelKeys[label])))
            {
                shown.Add(label);
            }
        }
        return new SharedTraits(SameCollection(reference, movie), director, lead, shown.Select(l => _labelNames[l]).ToList());
    }

    /// <summary>Label weight (see IndexLabels) from which sharing a label is worth saying: carried by no more than about 2% of labelled films.</summary>
    public const float DistinctiveLabelWeight = 1f;

    // A label that names a genre ("thriller", "sci-fi") says no more than the genres on the card.
    private static readonly HashSet<string> GenreLabels = [.. Catalog.Genres.All.Select(CatalogLabels.Normalize)];

    /// <summary>
    /// Two labels say one thing when one holds the other's words ("toy" in "toy comes to life") or they share half
    /// their words ("parent child relationship" and "parent kid relationship").
    /// </summary>
    private static bool SaySame(string a, string b)
    {
        var x = a.Split(' ');
        var y = b.Split(' ');
        var shared = x.Count(y.Contains);
        return shared == Math.Min(x.Length, y.Length) || shared * 2 >= x.Union(y).Count();
    }

    private static bool Meet(int[] credits, int reference, int movie) => Met(credits, reference, movie) != None;

    private string? MetName(int[] credits, int reference, int movie) => Met(credits, reference, movie) is var person and not None ? _people[person] : null;

    private static int Met(int[] credits, int reference, int movie)
    {
        var x = credits.AsSpan(reference * TopCredits, TopCredits);
        var y = credits.AsSpan(movie * TopCredits, TopCredits);
        foreach (var person in x)
        {
            if (person != None && y.Contains(person))
            {
                return person;
            }
        }
        return None;
    }

    private static string[] Names(Dictionary<string, int> ids)
    {
        var names = new string[ids.Count];
        foreach (var (name, id) in ids)
        {
            names[id] = name;
        }
        return names;
    }

    private static void Credits(IReadOnlyList<CreditedPerson>? credited, Span<int> ids, Dictionary<string, int> people)
    {
        ids.Fill(None);
        for (var i = 0; i < Math.Min(TopCredits, credited?.Count ?? 0); i++)
        {
            ids[i] = credited![i].Name is { } name ? Intern(people, name) : None;
        }
    }

    private static int Intern(Dictionary<string, int> ids, string value)
    {
        if (!ids.TryGetValue(value, out var id))
        {
            ids[value] = id = ids.Count;
        }
        return id;
    }
}

/// <summary>What a film shares with a reference film (<see cref="MovieTraits.Shared"/>).</summary>
/// <param name="SameSeries">Both belong to one TMDB collection.</param>
/// <param name="Director">A director of both, if any.</param>
/// <param name="Lead">A lead actor of both, when they share no director.</param>
/// <param name="Labels">The rarest labels both carry, rarest first.</param>
public sealed record SharedTraits(bool SameSeries, string? Director, string? Lead, IReadOnlyList<string> Labels);
