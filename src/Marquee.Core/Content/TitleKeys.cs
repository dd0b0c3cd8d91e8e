using Marquee.Core.Catalog;
using Marquee.Core.Intent;

namespace Marquee.Core.Content;

/// <summary>
/// Normalised title keys → movies: the full title, without its leading article, alternative titles in
/// brackets (level 0) and the part before a colon ("star wars", level 1). Ties go to the most-rated film.
/// </summary>
internal sealed class TitleKeys
{
    private static readonly string[] Articles = ["the ", "a ", "an "];

    /// <summary>A full title beats a shortened one unless the shortened one is this many times better known.</summary>
    private const int PrefixPreference = 4;

    private readonly Dictionary<string, (int Index, int Level, int Ratings)> _best = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Id, int BestIndex, int Ratings)> _franchises = new(StringComparer.Ordinal);
    private readonly string[][] _fullKeys;

    public TitleKeys(MovieCatalog catalog)
    {
        _fullKeys = new string[catalog.Count][];
        foreach (var movie in catalog.Movies)
        {
            var full = new List<string>(4);
            // The display title first, then what else the film is known by ("Se7en", "Le Fabuleux destin…").
            var main = movie.Title;
            AddWithoutArticle(full, QueryText.Normalize(main));
            foreach (var alternative in movie.AlsoKnownAs)
            {
                AddWithoutArticle(full, QueryText.Normalize(alternative));
            }
            _fullKeys[movie.Index] = [.. full];
            foreach (var key in full)
            {
                Offer(key, movie, 0);
            }
            if (movie.Details is { CollectionId: { } collection, CollectionName: { Length: > 0 } name })
            {
                var keys = new List<string>(3);
                AddWithoutArticle(keys, QueryText.Normalize(FranchiseName(name)));
                // The last key is the name without its article: "lotr", not "tlotr".
                if (keys.Count > 0 && Initials(keys[^1]) is { } initials)
                {
                    keys.Add(initials);
                }
                foreach (var key in keys)
                {
                    if (key.Length > 0 && (!_franchises.TryGetValue(key, out var known) || known.Ratings < movie.RatingCount))
                    {
                        _franchises[key] = (collection, movie.Index, movie.RatingCount);
                    }
                }
            }
            foreach (var shortened in ShortForms(main))
            {
                var partial = new List<string>(2);
                AddWithoutArticle(partial, shortened);
                foreach (var key in partial)
                {
                    Offer(key, movie, 1);
                }
            }
        }
    }

    /// <summary>
    /// The film a key names. A title of several words said with an article it does not have is still that title: "the
    /// life of brian" is Life of Brian (it read the words "life" and "brian").
    /// </summary>
    public (int Index, int Level)? Best(string key)
    {
        if (_best.TryGetValue(key, out var best))
        {
            return (best.Index, best.Level);
        }
        return key.StartsWith("the ", StringComparison.Ordinal) && key.IndexOf(' ', 4) > 0 && _best.TryGetValue(key[4..], out var bare)
            ? (bare.Index, bare.Level)
            : null;
    }

    /// <summary>The franchise (TMDB collection) a key names, with its best-known film.</summary>
    public (int Id, int BestIndex)? Franchise(string key) =>
        _franchises.TryGetValue(key, out var franchise) ? (franchise.Id, franchise.BestIndex) : null;

    /// <summary>"The Lord of the Rings Collection" → "The Lord of the Rings".</summary>
    private static string FranchiseName(string collection)
    {
        var name = collection.Trim();
        foreach (var suffix in new[] { " Collection", " Trilogy", " Saga", " Series", " Franchise" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }
        return name;
    }

    public string[] FullKeysOf(int index) => _fullKeys[index];

    /// <summary>
    /// What fans write a long franchise name as: "lotr" for The Lord of the Rings, "potc", "gotg", "bttf". Only names of
    /// four words or more, so the initials are never a short everyday word ("con" would be The Chronicles of Narnia).
    /// </summary>
    private static string? Initials(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= MinWordsForInitials && words.All(w => char.IsAsciiLetter(w[0]))
            ? string.Concat(words.Select(w => w[0]))
            : null;
    }

    private const int MinWordsForInitials = 4;

    /// <summary>
    /// What people shorten a title to: the part before a colon or dash ("star wars"; "dr strangelove" of "Dr.
    /// Strangelove or: How I Learned…"), two words or more before "of" ("eternal sunshine", "close encounters") and
    /// the name of two words or more that owns the rest ("ferris bueller" of "Ferris Bueller's Day Off", "bridget
    /// jones"). One word before "of" or a possessive stays the whole title's ("planet", "ocean", "schindler" name no film).
    /// </summary>
    private static IEnumerable<string> ShortForms(string title)
    {
        // "E.T. the Extra-Terrestrial" is E.T.: a title opening on an initialism is named by it.
        if (LeadingInitialism(title) is { } initialism)
        {
            yield return QueryText.Normalize(initialism);
        }
        var colon = title.IndexOfAny([':', '-', '—']);
        if (colon > 1)
        {
            var head = QueryText.Normalize(title[..colon]);
            yield return head.EndsWith(" or", StringComparison.Ordinal) ? head[..^3] : head;
        }
        var main = colon > 1 ? title[..colon] : title;
        var words = QueryText.Normalize(main).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "Crouching Tiger, Hidden Dragon" is Crouching Tiger; one word before a comma names no film ("Planes, Trains and
        // Automobiles" is not Planes).
        var comma = main.IndexOf(',');
        if (comma > 0 && QueryText.Normalize(main[..comma]) is var beforeComma && beforeComma.Count(c => c == ' ') + 1 >= MinWordsBeforeShortening)
        {
            yield return beforeComma;
        }
        var start = words.Length > 0 && Articles.Contains(words[0] + " ") ? 1 : 0;
        var of = Array.IndexOf(words, "of", start);
        if (of - start >= MinWordsBeforeShortening)
        {
            yield return string.Join(' ', words[start..of]);
        }
        var possessive = main.IndexOfAny(['\'', '\u2019']);
        if (possessive > 0 && possessive + 1 < main.Length && main[possessive + 1] is 's' or ' ')
        {
            var owner = QueryText.Normalize(main[..possessive]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var from = owner.Length > 0 && Articles.Contains(owner[0] + " ") ? 1 : 0;
            if (owner.Length - from >= MinWordsBeforeShortening && owner.Length < words.Length)
            {
                yield return string.Join(' ', owner[from..]);
            }
        }
    }

    private const int MinWordsBeforeShortening = 2;

    /// <summary>Two or more letters each followed by a dot ("E.T.", "L.A."), opening a title of more words; else null.</summary>
    private static string? LeadingInitialism(string title)
    {
        var at = 0;
        while (at + 1 < title.Length && char.IsLetter(title[at]) && title[at + 1] == '.')
        {
            at += 2;
        }
        return at >= 4 && at < title.Length && title[at] == ' ' ? title[..at] : null;
    }

    private void Offer(string key, CatalogMovie movie, int level)
    {
        if (key.Length == 0)
        {
            return;
        }
        // "lord of the rings" is the 1978 cartoon's full title, but people mean the far better-known Fellowship.
        if (!_best.TryGetValue(key, out var current)
            || (level < current.Level && movie.RatingCount * PrefixPreference >= current.Ratings)
            || (level > current.Level && movie.RatingCount > current.Ratings * PrefixPreference)
            || (level == current.Level && movie.RatingCount > current.Ratings))
        {
            _best[key] = (movie.Index, level, movie.RatingCount);
        }
    }

    private static void AddWithoutArticle(List<string> keys, string normalized)
    {
        if (normalized.Length == 0 || keys.Contains(normalized))
        {
            return;
        }
        keys.Add(normalized);
        foreach (var article in Articles)
        {
            if (normalized.StartsWith(article, StringComparison.Ordinal) && normalized.Length > article.Length)
            {
                keys.Add(normalized[article.Length..]);
            }
        }
    }
}
