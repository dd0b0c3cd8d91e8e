using Lucene.Net.Index;
using Lucene.Net.Search;
using Marquee.Core.Catalog;
using Marquee.Core.Intent;

namespace Marquee.Core.Content;

/// <summary>
/// Finds the movie a title names, forgiving typos: exact keys (<see cref="TitleKeys"/>) first, then fuzzy
/// Lucene title search checked by edit distance.
/// </summary>
internal sealed class TitleSearch(MovieTextIndex index, MovieCatalog catalog)
{
    private readonly MovieTextIndex _index = index;
    private readonly MovieCatalog _catalog = catalog;
    private readonly TitleKeys _titles = new(catalog);

    /// <inheritdoc cref="ITitleResolver.ResolveExact"/>
    public TitleMatch? ResolveExact(string normalizedSpan)
    {
        var best = _titles.Best(normalizedSpan);
        if (_titles.Franchise(normalizedSpan) is { } franchise && best is not { Level: 0 })
        {
            // "lord of the rings" names no film of the franchise in full: it means the franchise.
            var member = _catalog.Movies[franchise.BestIndex];
            return new TitleMatch(member.MovieId, member.Title, 1, false, member.RatingCount, franchise.Id, _catalog.KnownRatings(member));
        }
        if (best is null)
        {
            return null;
        }
        var movie = _catalog.Movies[best.Value.Index];
        return new TitleMatch(movie.MovieId, movie.Title, 1, best.Value.Level == 0, movie.RatingCount, KnownRatings: _catalog.KnownRatings(movie));
    }

    /// <summary>
    /// The movie and its franchise: the films of its TMDB collection, and (where collections are missing) those whose
    /// title shares its main title (see <see cref="SharesStem"/>) or whose overview names its hero (see <see cref="HeroName"/>).
    /// </summary>
    public IReadOnlyList<int> FranchiseOf(int movieId, int? franchise = null, string? name = null)
    {
        if (_catalog.Find(movieId) is not { } movie)
        {
            return [movieId];
        }
        var collection = franchise ?? movie.Details?.CollectionId;
        var stems = new[] { MainTitle(movie.Title), QueryText.Normalize(name) }.Where(s => s.Length > 0).Distinct().ToList();
        var collectionStem = CollectionStem(movie.Details?.CollectionName);
        var hero = collection is null ? null : HeroName(movie.Details?.CollectionName, collection.Value);
        var members = new List<int>();
        var namingTheHero = new List<int>();
        foreach (var m in _catalog.Movies)
        {
            if (m.MovieId == movieId || (collection is not null && m.Details?.CollectionId == collection))
            {
                members.Add(m.MovieId);
                continue;
            }
            var main = MainTitle(m.Title);
            // A sequel adds words to the collection's name: the documentary "Oceans" is not of Ocean's Collection.
            if (stems.Exists(stem => SharesStem(main, stem)) || (collectionStem.Length > 0 && main.Length > collectionStem.Length && SharesStem(main, collectionStem)))
            {
                members.Add(m.MovieId);
            }
            else if (hero is not null && NamesWord(m.Details?.Overview, hero.Value.Word))
            {
                namingTheHero.Add(m.Index);
            }
        }
        // A name other films use as often as the franchise's own ("Rocky", "Superman") says too little alone.
        if (hero is not null && namingTheHero.Count <= hero.Value.Films)
        {
            members.AddRange(namingTheHero.Select(index => _catalog.Movies[index]).Where(m => m.GenreMask.Overlaps(movie.GenreMask)).Select(m => m.MovieId));
        }
        return members;
    }

    /// <summary>Fewer of a collection's overviews than this naming a word say too little to call it the hero's name.</summary>
    private const int MinFilmsNamingTheHero = 3;

    /// <summary>
    /// The last word of a collection's name when its own films' overviews call their hero by it ("Bond" for the James
    /// Bond Collection), with how many do. The dumps file collections for only part of the catalogue, so Skyfall and
    /// Spectre were no Bond films and "a spy movie that's not james bond" had them on its page; a film of the
    /// franchise's kind whose overview names the hero is of it. A word the members' overviews rarely hold ("Wars" in
    /// Star Wars) names no hero.
    /// </summary>
    private (string Word, int Films)? HeroName(string? collectionName, int collection)
    {
        var words = (collectionName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[^1] != "Collection" || words[^2] is not { Length: >= 4 } word || !char.IsUpper(word[0]))
        {
            return null;
        }
        var overviews = _catalog.Movies.Where(m => m.Details?.CollectionId == collection && !string.IsNullOrEmpty(m.Details.Overview))
            .Select(m => m.Details!.Overview!)
            .ToList();
        var naming = overviews.Count(overview => NamesWord(overview, word));
        return naming >= MinFilmsNamingTheHero && naming * 2 >= overviews.Count ? (word, naming) : null;
    }

    /// <summary>Whether the text holds the word as written, capital and all, as a whole word ("Bond's" names Bond, "bonds" does not).</summary>
    private static bool NamesWord(string? text, string word) => text is not null && WholeWords.In(text, word, StringComparison.Ordinal);

    /// <summary>
    /// The words a TMDB collection is named by ("Ocean's Collection" → "oceans"), or "" for a name of another form: the
    /// collection's films the dumps left unfiled (Ocean's Twelve) still begin with them, where they do not begin with the
    /// film's own title ("Ocean's Eleven").
    /// </summary>
    private static string CollectionStem(string? collectionName)
    {
        var stem = QueryText.Normalize(collectionName);
        return stem.EndsWith(" collection", StringComparison.Ordinal) ? stem[..^" collection".Length] : "";
    }

    private static string MainTitle(string title)
    {
        var bracket = title.IndexOf(" (", StringComparison.Ordinal);
        return QueryText.Normalize(bracket > 0 ? title[..bracket] : title);
    }

    /// <summary>
    /// The title begins with the stem as whole words ("star wars episode i"), after an article too ("the twilight saga
    /// new moon" for "twilight"), or, for a stem of two words or more, holds it ("rogue one a star wars story"); one
    /// word inside another title ("up", "heat") says nothing.
    /// </summary>
    private static bool SharesStem(string title, string stem)
    {
        var padded = " " + title + " ";
        var start = " " + stem + " ";
        return padded.StartsWith(start, StringComparison.Ordinal)
               || (padded.StartsWith(" the ", StringComparison.Ordinal) && padded[4..].StartsWith(start, StringComparison.Ordinal))
               || (stem.Contains(' ', StringComparison.Ordinal) && padded.Contains(start, StringComparison.Ordinal));
    }

    /// <summary>The shortest span a typo-tolerant title match may be read from.</summary>
    private const int MinTypoSpan = 5;

    /// <inheritdoc cref="ITitleResolver.ResolveFuzzy"/>
    public (TitleMatch Match, int Span)? ResolveFuzzy(IReadOnlyList<string> normalizedSpans)
    {
        var longest = normalizedSpans.OrderByDescending(span => span.Length).FirstOrDefault();
        if (longest is null || EditDistance.Allowed(longest.Length) == 0)
        {
            return null;
        }
        // One search for the words of all spans; each span is then compared with the candidates' titles.
        var candidates = TitleCandidates(longest, 30, fuzzyMinLength: 4, minimumShouldMatch: 1, maxEdits: 1, prefix: false);
        (TitleMatch Match, int Span)? best = null;
        var bestDistance = double.MaxValue;
        for (var s = 0; s < normalizedSpans.Count; s++)
        {
            var span = normalizedSpans[s];
            var allowed = EditDistance.Allowed(span.Length);
            // One edit in a four-letter word is a different word as often as a typo: "Filme wie Herr der Ringe" read
            // "herr" as Hero. A typo'd title needs five letters at least.
            if (allowed == 0 || span.Length < MinTypoSpan)
            {
                continue;
            }
            foreach (var (candidate, _) in candidates)
            {
                var movie = _catalog.Movies[candidate];
                foreach (var key in _titles.FullKeysOf(candidate))
                {
                    if (Math.Abs(key.Length - span.Length) > allowed)
                    {
                        continue;
                    }
                    var distance = EditDistance.Between(key, span);
                    if (distance > allowed)
                    {
                        continue;
                    }
                    // Fewer typos per character wins; then the longer span; then the better-known film.
                    var relative = (double)distance / Math.Max(key.Length, span.Length);
                    var better = relative < bestDistance - 1e-9
                                 || (Math.Abs(relative - bestDistance) <= 1e-9 && best is { } current
                                     && (span.Length > normalizedSpans[current.Span].Length
                                         || (span.Length == normalizedSpans[current.Span].Length && movie.RatingCount > current.Match.RatingCount)));
                    if (better)
                    {
                        bestDistance = relative;
                        best = (new TitleMatch(movie.MovieId, movie.Title, 1 - relative, true, movie.RatingCount, KnownRatings: _catalog.KnownRatings(movie)), s);
                    }
                }
            }
        }
        return best;
    }

    /// <summary>
    /// Typo-tolerant title search for pickers: "matirx" finds The Matrix, "toy sto" finds Toy Story.
    /// Ranked by how well the title matches, then by how many people rated the movie.
    /// </summary>
    public IReadOnlyList<ContentHit> SearchTitles(string text, int limit)
    {
        var normalized = QueryText.Normalize(text);
        if (normalized.Length == 0 || limit <= 0)
        {
            return [];
        }
        var candidates = TitleCandidates(normalized, Math.Max(50, limit * 3));
        if (candidates.Count == 0)
        {
            return [];
        }
        var maxLucene = candidates.Max(c => c.Score);
        var logMax = Math.Log(2 + _catalog.Movies.Max(m => m.RatingCount));
        var ranked = new List<ContentHit>(candidates.Count);
        foreach (var (index, lucene) in candidates)
        {
            var closeness = 0.0;
            foreach (var key in _titles.FullKeysOf(index))
            {
                closeness = Math.Max(closeness, key.StartsWith(normalized, StringComparison.Ordinal)
                    ? 0.9 + (0.1 * normalized.Length / key.Length)
                    : EditDistance.Similarity(key, normalized));
            }
            var popularity = Math.Log(2 + _catalog.Movies[index].RatingCount) / logMax;
            var score = (0.45 * lucene / maxLucene) + (0.4 * closeness) + (0.15 * popularity);
            ranked.Add(new ContentHit(index, (float)score));
        }
        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        return ranked.Count > limit ? ranked.GetRange(0, limit) : ranked;
    }

    private List<(int Index, float Score)> TitleCandidates(string normalized, int count, int fuzzyMinLength = 3, int? minimumShouldMatch = null,
        int maxEdits = 2, bool prefix = true)
    {
        var words = _index.TitleAnalyzer.Terms(MovieTextIndex.TitleField, normalized);
        if (words.Count == 0)
        {
            return [];
        }
        var query = new BooleanQuery();
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            var alternatives = new BooleanQuery();
            var exact = new TermQuery(new Term(MovieTextIndex.TitleField, word)) { Boost = 3 };
            alternatives.Add(exact, Occur.SHOULD);
            var edits = Math.Min(maxEdits, EditDistance.Allowed(word.Length + 1));
            if (edits > 0 && word.Length >= fuzzyMinLength)
            {
                // The first letter is rarely the typo, and fixing it keeps the automaton and the term walk small.
                alternatives.Add(new FuzzyQuery(new Term(MovieTextIndex.TitleField, word), edits, prefixLength: 1), Occur.SHOULD);
            }
            if (prefix && w == words.Count - 1 && word.Length >= 2)
            {
                alternatives.Add(new PrefixQuery(new Term(MovieTextIndex.TitleField, word)) { Boost = 2 }, Occur.SHOULD);
            }
            query.Add(alternatives, Occur.SHOULD);
        }
        query.MinimumNumberShouldMatch = minimumShouldMatch ?? (words.Count <= 2 ? 1 : (int)Math.Ceiling(words.Count * 0.6));
        var top = _index.Searcher.Search(query, count);
        var result = new List<(int, float)>(top.ScoreDocs.Length);
        foreach (var hit in top.ScoreDocs)
        {
            result.Add((_index.CatalogIndexOfDoc[hit.Doc], hit.Score));
        }
        return result;
    }
}
