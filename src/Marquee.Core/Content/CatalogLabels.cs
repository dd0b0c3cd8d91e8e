using Marquee.Core.Catalog;
using Marquee.Core.Intent;

namespace Marquee.Core.Content;

/// <summary>
/// The labels the catalogue itself gives its films — TMDB keywords and MovieLens tags — as whole phrases: which
/// films carry "psychological thriller", "alien invasion" or "dog" word for word. A wish that names a label names
/// the films people filed under it, far more precisely than the label's words found anywhere in a film's text
/// ("dog" is in "dead dog", a keyword of Jaws). Plural and singular, case and hyphens do not matter
/// ("body-swap" = "body swap", "aliens" = "alien").
/// </summary>
public sealed class CatalogLabels : ILabelLexicon
{
    /// <summary>
    /// A label of one or two words that fewer films carry is one editor's note, not a subject people ask for; a
    /// longer one is specific enough to count on one film ("heist gone wrong").
    /// </summary>
    public const int MinFilms = 2;

    /// <summary>Words from which one film carrying the label is enough.</summary>
    public const int SpecificLabelWords = 3;

    /// <summary>A label more than this share of the catalogue carries says nothing about any film ("based on novel").</summary>
    public const double MaxFilmShare = 0.05;

    /// <summary>Evidence of a film whose label contains the wished one as whole words ("talking dog" for "dog").</summary>
    public const float ContainingLabelEvidence = 0.7f;

    private readonly MovieCatalog _catalog;
    private readonly Dictionary<string, int[]> _films = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _labelsByWord = new(StringComparer.Ordinal);
    private readonly int _maxFilms;

    public CatalogLabels(MovieCatalog catalog)
    {
        _catalog = catalog;
        var films = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var movie in catalog.Movies)
        {
            foreach (var label in movie.Labels)
            {
                var key = Normalize(label);
                if (key.Length == 0)
                {
                    continue;
                }
                if (!films.TryGetValue(key, out var set))
                {
                    films[key] = set = [];
                }
                set.Add(movie.Index);
            }
        }
        foreach (var (label, set) in films)
        {
            _films[label] = [.. set.Order()];
            foreach (var word in label.Split(' ').Distinct())
            {
                if (!_labelsByWord.TryGetValue(word, out var labels))
                {
                    _labelsByWord[word] = labels = [];
                }
                labels.Add(label);
            }
        }
        _maxFilms = Math.Max(MinFilms, (int)(MaxFilmShare * catalog.Count));
    }

    /// <summary>Distinct labels of the catalogue.</summary>
    public int Count => _films.Count;

    /// <inheritdoc />
    public bool IsLabel(string phrase)
    {
        var key = Normalize(phrase);
        if (!_films.TryGetValue(key, out var films) || films.Length > _maxFilms)
        {
            return false;
        }
        return films.Length >= MinFilms || key.Count(c => c == ' ') + 1 >= SpecificLabelWords;
    }

    /// <inheritdoc />
    public bool Carries(int movieId, string phrase) =>
        _catalog.Find(movieId) is { } movie && _films.TryGetValue(Normalize(phrase), out var films) && Array.BinarySearch(films, movie.Index) >= 0;

    /// <summary>Films carrying exactly this label (0 when it is none).</summary>
    public int FilmCount(string phrase) => _films.TryGetValue(Normalize(phrase), out var films) ? films.Length : 0;

    /// <inheritdoc />
    public IReadOnlyList<int> FilmsCarrying(string phrase) =>
        _films.TryGetValue(Normalize(phrase), out var films) ? [.. films.Select(index => _catalog.Movies[index].MovieId)] : [];

    /// <summary>
    /// Raises each film's evidence to 1 when it carries the label, to <see cref="ContainingLabelEvidence"/> when one
    /// of its labels contains the wished one as whole words; other films are left as they are.
    /// </summary>
    public void Evidence(string phrase, float[] evidenceByIndex)
    {
        var key = Normalize(phrase);
        if (key.Length == 0)
        {
            return;
        }
        var words = key.Split(' ');
        if (_labelsByWord.TryGetValue(words[0], out var candidates))
        {
            var padded = " " + key + " ";
            foreach (var label in candidates)
            {
                if (label.Length > key.Length && (" " + label + " ").Contains(padded, StringComparison.Ordinal))
                {
                    foreach (var index in _films[label])
                    {
                        evidenceByIndex[index] = Math.Max(evidenceByIndex[index], ContainingLabelEvidence);
                    }
                }
            }
        }
        if (_films.TryGetValue(key, out var exact))
        {
            foreach (var index in exact)
            {
                evidenceByIndex[index] = 1;
            }
        }
    }

    /// <summary>
    /// For each film, how many of its distinct labels contain one of the phrases as whole words, the phrase itself
    /// included; <paramref name="exact"/> marks films carrying one of the phrases word for word.
    /// </summary>
    public void CountContaining(IReadOnlyList<string> phrases, int[] counts, bool[] exact)
    {
        var keys = phrases.Select(Normalize).Where(key => key.Length > 0).ToHashSet(StringComparer.Ordinal);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!_labelsByWord.TryGetValue(key.Split(' ')[0], out var candidates))
            {
                continue;
            }
            var padded = " " + key + " ";
            matched.UnionWith(candidates.Where(label => (" " + label + " ").Contains(padded, StringComparison.Ordinal)));
        }
        foreach (var label in matched)
        {
            foreach (var index in _films[label])
            {
                counts[index]++;
                exact[index] |= keys.Contains(label);
            }
        }
    }

    /// <summary>The film's own label that matched the phrase best (exactly, else containing it), for a reason.</summary>
    public static string? LabelOf(CatalogMovie movie, string phrase)
    {
        var key = Normalize(phrase);
        string? containing = null;
        foreach (var label in movie.Labels)
        {
            var normalized = Normalize(label);
            if (normalized == key)
            {
                return label;
            }
            if (containing is null && (" " + normalized + " ").Contains(" " + key + " ", StringComparison.Ordinal))
            {
                containing = label;
            }
        }
        return containing;
    }

    /// <summary>The wish's own normal form (lower case, accents folded, words only), each word in the singular.</summary>
    public static string Normalize(string text)
    {
        var words = QueryText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Singular(words[i]);
        }
        return string.Join(' ', words);
    }

    /// <summary>English plurals, closely enough for labels: "witches" → "witch", "aliens" → "alien"; "bus", "crisis" stay.</summary>
    internal static string Singular(string w)
    {
        if (w.Length <= 3 || w[^1] != 's' || w[^2] is 's' or 'u' or 'i')
        {
            return w;
        }
        if (w.Length > 4 && (w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)
                             || w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)))
        {
            return w[..^2];
        }
        return w[..^1];
    }
}
