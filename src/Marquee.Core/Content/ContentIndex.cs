using System.Buffers;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Marquee.Core.Catalog;
using Marquee.Core.Intent;

namespace Marquee.Core.Content;

/// <summary>A movie found by a text search, by catalogue index.</summary>
public readonly record struct ContentHit(int Index, float Score);

/// <summary>Which text of a movie a keyword search looks at.</summary>
public enum ContentFields
{
    /// <summary>Title, overview and tagline, and MovieLens user tags.</summary>
    All,
    /// <summary>MovieLens user tags only: what people say the film is about.</summary>
    Tags,
    /// <summary>Title, overview and tagline only.</summary>
    Text,
}

/// <summary>
/// Full-text knowledge of the catalogue: an in-memory Lucene index over titles, overviews, taglines and
/// MovieLens user tags (BM25), typo-tolerant title look-up, and a TF-IDF vector per movie for
/// "more like this". Built once per catalogue; every method is safe to call from many threads.
/// </summary>
public sealed class ContentIndex : ITitleResolver, IKeywordLexicon
{
    private const string TitleField = "title";
    private const string TitleTextField = "title_text";
    private const string OverviewField = "overview";
    private const string TagsField = "tags";
    private const string IndexField = "idx";

    /// <summary>A keyword found in more than this share of the movies says nothing about any of them.</summary>
    private const double MaxKeywordDocumentShare = 0.15;

    private static readonly string[] TextFields = [TitleTextField, OverviewField, TagsField];
    private static readonly float[] TextFieldBoosts = [1.5f, 1f, 2f];

    private readonly MovieCatalog _catalog;
    private readonly ProseAnalyzer _prose = new();
    private readonly TitleAnalyzer _titleAnalyzer = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly int[] _catalogIndexOfDoc;
    private readonly TitleKeys _titles;
    private readonly TermVectors _vectors;

    private ContentIndex(MovieCatalog catalog)
    {
        _catalog = catalog;
        var directory = new RAMDirectory();
        var analyzer = new PerFieldAnalyzerWrapper(_prose, new Dictionary<string, Analyzer> { [TitleField] = _titleAnalyzer });
        var config = new IndexWriterConfig(ProseAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            // One flush for a MovieLens-sized catalogue; no merging needed afterwards.
            RAMBufferSizeMB = 256,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var movie in catalog.Movies)
            {
                var document = new Document
                {
                    new NumericDocValuesField(IndexField, movie.Index),
                    new TextField(TitleField, movie.Title, Field.Store.NO),
                    new TextField(TitleTextField, movie.Title, Field.Store.NO),
                };
                var overview = string.Join(' ', new[] { movie.Details?.Overview, movie.Details?.Tagline }.Where(t => !string.IsNullOrWhiteSpace(t)));
                if (overview.Length > 0)
                {
                    document.Add(new TextField(OverviewField, overview, Field.Store.NO));
                }
                // TMDB keywords ("time loop", "submarine") are curated labels, as telling as the users' tags.
                foreach (var tag in movie.Tags.Concat(movie.Details?.Keywords ?? []))
                {
                    document.Add(new TextField(TagsField, tag, Field.Store.NO));
                }
                writer.AddDocument(document);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _catalogIndexOfDoc = new int[_reader.MaxDoc];
        var indexValues = MultiDocValues.GetNumericValues(_reader, IndexField);
        for (var doc = 0; doc < _reader.MaxDoc; doc++)
        {
            _catalogIndexOfDoc[doc] = (int)indexValues.Get(doc);
        }
        _titles = new TitleKeys(catalog);
        _vectors = TermVectors.FromPostings(_reader, _catalogIndexOfDoc, catalog.Count);
    }

    /// <summary>Indexes a catalogue (about a second for ml-latest-small).</summary>
    public static ContentIndex Build(MovieCatalog catalog) => new(catalog);

    public int Count => _catalog.Count;

    // ---- keyword relevance -----------------------------------------------------------------------------------

    /// <summary>
    /// BM25 relevance of every movie to any of the keywords (words or phrases) across title, overview and
    /// tags. Writes scores into <paramref name="scoresByIndex"/> (untouched for movies without a match).
    /// </summary>
    /// <returns>The highest score written, 0 when nothing matched.</returns>
    public float Search(IReadOnlyList<string> keywords, float[] scoresByIndex, ContentFields fields = ContentFields.All)
    {
        var query = KeywordQuery(keywords, fields);
        if (query is null)
        {
            return 0;
        }
        var collector = new ScoreCollector(_catalogIndexOfDoc, scoresByIndex);
        _searcher.Search(query, collector);
        return collector.Max;
    }

    /// <summary>
    /// How strongly each movie is about any of the keywords, 0–1, graded by evidence: tagged by people = 1;
    /// named in the title or overview = 0.45–0.8 by BM25 relative to the best such match. Movies without a
    /// match are left untouched in <paramref name="evidenceByIndex"/>.
    /// </summary>
    public void Evidence(IReadOnlyList<string> keywords, float[] evidenceByIndex, float[] scratch)
    {
        Array.Clear(scratch, 0, _catalog.Count);
        var max = Search(keywords, scratch, ContentFields.Text);
        for (var i = 0; i < _catalog.Count; i++)
        {
            if (scratch[i] > 0 && max > 0)
            {
                evidenceByIndex[i] = 0.45f + (0.35f * scratch[i] / max);
            }
        }
        Array.Clear(scratch, 0, _catalog.Count);
        Search(keywords, scratch, ContentFields.Tags);
        for (var i = 0; i < _catalog.Count; i++)
        {
            if (scratch[i] > 0)
            {
                evidenceByIndex[i] = 1;
            }
        }
    }

    /// <summary>Movies carrying any of these MovieLens tags (matched after stemming: "ghost" finds "ghosts").</summary>
    public bool[] TagHits(IReadOnlyList<string> tags)
    {
        var hits = new bool[_catalog.Count];
        var query = new BooleanQuery();
        foreach (var tag in tags)
        {
            if (FieldQuery(TagsField, tag, slop: 0) is { } clause)
            {
                query.Add(clause, Occur.SHOULD);
            }
        }
        if (query.Clauses.Count == 0)
        {
            return hits;
        }
        var scores = new float[_catalog.Count];
        _searcher.Search(query, new ScoreCollector(_catalogIndexOfDoc, scores));
        for (var i = 0; i < scores.Length; i++)
        {
            hits[i] = scores[i] > 0;
        }
        return hits;
    }

    /// <inheritdoc />
    public bool IsUseful(string phrase)
    {
        var terms = _prose.Terms(OverviewField, phrase);
        if (terms.Count == 0)
        {
            return false;
        }
        var limit = Math.Max(3, (int)(MaxKeywordDocumentShare * _reader.MaxDoc));
        if (terms.Count == 1)
        {
            var documents = 0;
            foreach (var field in TextFields)
            {
                documents = Math.Max(documents, _reader.DocFreq(new Term(field, terms[0])));
            }
            return documents is > 0 && documents <= limit;
        }
        var query = new BooleanQuery();
        foreach (var field in TextFields)
        {
            query.Add(Phrase(field, terms, slop: 1), Occur.SHOULD);
        }
        var total = _searcher.Search(query, 1).TotalHits;
        return total > 0 && total <= limit;
    }

    private Query? KeywordQuery(IReadOnlyList<string> keywords, ContentFields fields)
    {
        var query = new BooleanQuery();
        foreach (var keyword in keywords)
        {
            var terms = _prose.Terms(OverviewField, keyword);
            if (terms.Count == 0)
            {
                continue;
            }
            var perField = new DisjunctionMaxQuery(0.3f);
            for (var f = 0; f < TextFields.Length; f++)
            {
                if ((fields == ContentFields.Tags && TextFields[f] != TagsField) || (fields == ContentFields.Text && TextFields[f] == TagsField))
                {
                    continue;
                }
                Query clause;
                if (terms.Count == 1)
                {
                    clause = new TermQuery(new Term(TextFields[f], terms[0]));
                }
                else
                {
                    // The phrase counts most; its words apart still count a little ("travels back in time").
                    var words = new BooleanQuery();
                    var phrase = Phrase(TextFields[f], terms, slop: 2);
                    phrase.Boost = 2;
                    words.Add(phrase, Occur.SHOULD);
                    var loose = new BooleanQuery();
                    foreach (var term in terms)
                    {
                        loose.Add(new TermQuery(new Term(TextFields[f], term)), Occur.MUST);
                    }
                    loose.Boost = 0.5f;
                    words.Add(loose, Occur.SHOULD);
                    clause = words;
                }
                clause.Boost *= TextFieldBoosts[f];
                perField.Add(clause);
            }
            query.Add(perField, Occur.SHOULD);
        }
        return query.Clauses.Count == 0 ? null : query;
    }

    private Query? FieldQuery(string field, string text, int slop)
    {
        var terms = _prose.Terms(field, text);
        return terms.Count switch
        {
            0 => null,
            1 => new TermQuery(new Term(field, terms[0])),
            _ => Phrase(field, terms, slop),
        };
    }

    private static PhraseQuery Phrase(string field, List<string> terms, int slop)
    {
        var phrase = new PhraseQuery { Slop = slop };
        foreach (var term in terms)
        {
            phrase.Add(new Term(field, term));
        }
        return phrase;
    }

    // ---- content similarity ----------------------------------------------------------------------------------

    /// <summary>
    /// Cosine similarity of every movie's TF-IDF vector (title, overview, tags) to the movie at
    /// <paramref name="index"/>, written into <paramref name="similarityByIndex"/>.
    /// </summary>
    public void TextSimilarity(int index, Span<float> similarityByIndex) => _vectors.CosineToAll(index, similarityByIndex);

    // ---- titles ----------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public TitleMatch? ResolveExact(string normalizedSpan)
    {
        var best = _titles.Best(normalizedSpan);
        if (_titles.Franchise(normalizedSpan) is { } franchise && best is not { Level: 0 })
        {
            // "lord of the rings" names no film of the franchise in full: it means the franchise.
            var member = _catalog.Movies[franchise.BestIndex];
            return new TitleMatch(member.MovieId, member.Title, 1, false, member.RatingCount, franchise.Id);
        }
        if (best is null)
        {
            return null;
        }
        var movie = _catalog.Movies[best.Value.Index];
        return new TitleMatch(movie.MovieId, movie.Title, 1, best.Value.Level == 0, movie.RatingCount);
    }

    /// <inheritdoc />
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
            if (allowed == 0)
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
                        best = (new TitleMatch(movie.MovieId, movie.Title, 1 - relative, true, movie.RatingCount), s);
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
        var words = _titleAnalyzer.Terms(TitleField, normalized);
        if (words.Count == 0)
        {
            return [];
        }
        var query = new BooleanQuery();
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            var alternatives = new BooleanQuery();
            var exact = new TermQuery(new Term(TitleField, word)) { Boost = 3 };
            alternatives.Add(exact, Occur.SHOULD);
            var edits = Math.Min(maxEdits, EditDistance.Allowed(word.Length + 1));
            if (edits > 0 && word.Length >= fuzzyMinLength)
            {
                // The first letter is rarely the typo, and fixing it keeps the automaton and the term walk small.
                alternatives.Add(new FuzzyQuery(new Term(TitleField, word), edits, prefixLength: 1), Occur.SHOULD);
            }
            if (prefix && w == words.Count - 1 && word.Length >= 2)
            {
                alternatives.Add(new PrefixQuery(new Term(TitleField, word)) { Boost = 2 }, Occur.SHOULD);
            }
            query.Add(alternatives, Occur.SHOULD);
        }
        query.MinimumNumberShouldMatch = minimumShouldMatch ?? (words.Count <= 2 ? 1 : (int)Math.Ceiling(words.Count * 0.6));
        var top = _searcher.Search(query, count);
        var result = new List<(int, float)>(top.ScoreDocs.Length);
        foreach (var hit in top.ScoreDocs)
        {
            result.Add((_catalogIndexOfDoc[hit.Doc], hit.Score));
        }
        return result;
    }

    /// <summary>Writes every hit's score straight into an array by catalogue index: no top-N heap, no per-hit objects.</summary>
    private sealed class ScoreCollector(int[] catalogIndexOfDoc, float[] scores) : ICollector
    {
        private Scorer? _scorer;
        private int _docBase;

        public float Max { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc)
        {
            var score = _scorer!.GetScore();
            scores[catalogIndexOfDoc[_docBase + doc]] = score;
            Max = Math.Max(Max, score);
        }
    }

    /// <summary>
    /// Normalised title keys → movies: the full title, without its leading article, alternative titles in
    /// brackets (level 0) and the part before a colon ("star wars", level 1). Ties go to the most-rated film.
    /// </summary>
    private sealed class TitleKeys
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
                    var keys = new List<string>(2);
                    AddWithoutArticle(keys, QueryText.Normalize(FranchiseName(name)));
                    foreach (var key in keys)
                    {
                        if (key.Length > 0 && (!_franchises.TryGetValue(key, out var known) || known.Ratings < movie.RatingCount))
                        {
                            _franchises[key] = (collection, movie.Index, movie.RatingCount);
                        }
                    }
                }
                var colon = main.IndexOfAny([':', '-', '—']);
                if (colon > 1)
                {
                    var partial = new List<string>(2);
                    AddWithoutArticle(partial, QueryText.Normalize(main[..colon]));
                    foreach (var key in partial)
                    {
                        Offer(key, movie, 1);
                    }
                }
            }
        }

        public (int Index, int Level)? Best(string key) =>
            _best.TryGetValue(key, out var best) ? (best.Index, best.Level) : null;

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

    /// <summary>Sparse, L2-normalised TF-IDF vectors in compressed rows, one per catalogue index.</summary>
    private sealed class TermVectors
    {
        private readonly int[] _offsets;
        private readonly int[] _terms;
        private readonly float[] _weights;
        private readonly int _termCount;

        private TermVectors(int[] offsets, int[] terms, float[] weights, int termCount)
        {
            _offsets = offsets;
            _terms = terms;
            _weights = weights;
            _termCount = termCount;
        }

        public void CosineToAll(int index, Span<float> into)
        {
            var dense = ArrayPool<float>.Shared.Rent(_termCount);
            // The shared pool hands out whatever its last user left: other code returns dirty arrays of this size.
            Array.Clear(dense, 0, _termCount);
            try
            {
                var start = _offsets[index];
                var end = _offsets[index + 1];
                for (var k = start; k < end; k++)
                {
                    dense[_terms[k]] = _weights[k];
                }
                for (var movie = 0; movie < _offsets.Length - 1; movie++)
                {
                    var sum = 0f;
                    for (var k = _offsets[movie]; k < _offsets[movie + 1]; k++)
                    {
                        sum += dense[_terms[k]] * _weights[k];
                    }
                    into[movie] = sum;
                }
                for (var k = start; k < end; k++)
                {
                    dense[_terms[k]] = 0;
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(dense);
            }
        }

        /// <summary>
        /// Reads the index's own postings (term → movies, with counts) rather than analysing the text a
        /// second time. A tag is a person's one-word summary, so tag terms count double.
        /// </summary>
        public static TermVectors FromPostings(IndexReader reader, int[] catalogIndexOfDoc, int movieCount)
        {
            var builder = new Builder(movieCount);
            var fields = MultiFields.GetFields(reader);
            if (fields is null)
            {
                return builder.Build();
            }
            foreach (var (field, weight) in new[] { (TitleTextField, 1f), (OverviewField, 1f), (TagsField, 2f) })
            {
                var terms = fields.GetTerms(field);
                if (terms is null)
                {
                    continue;
                }
                var enumerator = terms.GetEnumerator();
                DocsEnum? postings = null;
                while (enumerator.MoveNext())
                {
                    var id = builder.TermId(enumerator.Term.Utf8ToString());
                    postings = enumerator.Docs(null, postings, DocsFlags.FREQS);
                    int doc;
                    while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        builder.Add(catalogIndexOfDoc[doc], id, postings.Freq * weight);
                    }
                }
            }
            return builder.Build();
        }

        private sealed class Builder(int movieCount)
        {
            private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
            private readonly Dictionary<int, float>[] _counts = Enumerable.Range(0, movieCount).Select(_ => new Dictionary<int, float>()).ToArray();

            public int TermId(string term)
            {
                if (!_termIds.TryGetValue(term, out var id))
                {
                    _termIds[term] = id = _termIds.Count;
                }
                return id;
            }

            public void Add(int index, int termId, float count) =>
                _counts[index][termId] = _counts[index].GetValueOrDefault(termId) + count;

            public TermVectors Build()
            {
                var documentFrequency = new int[_termIds.Count];
                foreach (var counts in _counts)
                {
                    foreach (var id in counts.Keys)
                    {
                        documentFrequency[id]++;
                    }
                }
                var offsets = new int[_counts.Length + 1];
                var total = 0;
                for (var i = 0; i < _counts.Length; i++)
                {
                    offsets[i] = total;
                    total += _counts[i].Count;
                }
                offsets[_counts.Length] = total;
                var terms = new int[total];
                var weights = new float[total];
                var n = Math.Max(1, _counts.Length);
                for (var i = 0; i < _counts.Length; i++)
                {
                    var at = offsets[i];
                    var norm = 0.0;
                    foreach (var (id, count) in _counts[i].OrderBy(kv => kv.Key))
                    {
                        // Words in one movie only say nothing about similarity; sublinear tf tames repetition.
                        var weight = documentFrequency[id] < 2 ? 0 : (1 + Math.Log(count)) * Math.Log((double)n / documentFrequency[id]);
                        terms[at] = id;
                        weights[at] = (float)weight;
                        norm += weight * weight;
                        at++;
                    }
                    if (norm > 0)
                    {
                        var scale = (float)(1 / Math.Sqrt(norm));
                        for (var k = offsets[i]; k < at; k++)
                        {
                            weights[k] *= scale;
                        }
                    }
                }
                return new TermVectors(offsets, terms, weights, Math.Max(1, _termIds.Count));
            }
        }
    }
}
