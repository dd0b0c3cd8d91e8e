using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Marquee.Core.Content;

/// <summary>
/// Which movies are about some keywords, and how strongly: BM25 over titles, overviews and tags, graded
/// into evidence (tagged by people beats merely mentioned).
/// </summary>
internal sealed class KeywordEvidence(MovieTextIndex index, int movieCount)
{
    /// <summary>A keyword found in more than this share of the movies says nothing about any of them.</summary>
    private const double MaxKeywordDocumentShare = 0.15;

    private readonly MovieTextIndex _index = index;

    /// <summary>The evidence of the faintest mention in a title or overview (see <see cref="Evidence"/>).</summary>
    public const float LeastMention = 0.45f;

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
        return _index.Collect(query, scoresByIndex);
    }

    /// <summary>
    /// How strongly each movie is about any of the keywords, 0–1, graded by evidence: tagged by people = 1;
    /// named in the title or overview = 0.45–0.8 by BM25 relative to the best such match. Movies without a
    /// match are left untouched in <paramref name="evidenceByIndex"/>.
    /// </summary>
    public void Evidence(IReadOnlyList<string> keywords, float[] evidenceByIndex, float[] scratch)
    {
        Array.Clear(scratch, 0, movieCount);
        var max = Search(keywords, scratch, ContentFields.Text);
        for (var i = 0; i < movieCount; i++)
        {
            if (scratch[i] > 0 && max > 0)
            {
                evidenceByIndex[i] = LeastMention + (0.35f * scratch[i] / max);
            }
        }
        Array.Clear(scratch, 0, movieCount);
        Search(keywords, scratch, ContentFields.Tags);
        for (var i = 0; i < movieCount; i++)
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
        var hits = new bool[movieCount];
        var query = new BooleanQuery();
        foreach (var tag in tags)
        {
            if (FieldQuery(MovieTextIndex.TagsField, tag, slop: 0) is { } clause)
            {
                query.Add(clause, Occur.SHOULD);
            }
        }
        if (query.Clauses.Count == 0)
        {
            return hits;
        }
        var scores = new float[movieCount];
        _index.Collect(query, scores);
        for (var i = 0; i < scores.Length; i++)
        {
            hits[i] = scores[i] > 0;
        }
        return hits;
    }

    /// <inheritdoc cref="Intent.IKeywordLexicon.IsUseful"/>
    public bool IsUseful(string phrase)
    {
        var terms = _index.Prose.Terms(MovieTextIndex.OverviewField, phrase);
        if (terms.Count == 0)
        {
            return false;
        }
        var limit = Math.Max(3, (int)(MaxKeywordDocumentShare * _index.Reader.MaxDoc));
        if (terms.Count == 1)
        {
            var documents = DocumentsHolding(terms[0]);
            return documents is > 0 && documents <= limit;
        }
        var query = new BooleanQuery();
        foreach (var field in MovieTextIndex.TextFields)
        {
            query.Add(Phrase(field, terms, slop: 1), Occur.SHOULD);
        }
        var total = _index.Searcher.Search(query, 1).TotalHits;
        return total > 0 && total <= limit;
    }

    /// <summary>Overviews that must use a word before it counts as a word people spell correctly, not a typo.</summary>
    private const int CommonWordDocuments = 5;

    /// <inheritdoc cref="Intent.IKeywordLexicon.IsCommonWord"/>
    public bool IsCommonWord(string word)
    {
        var terms = _index.Prose.Terms(MovieTextIndex.OverviewField, word);
        return terms.Count == 0 || terms.All(term => _index.Reader.DocFreq(new Term(MovieTextIndex.OverviewField, term)) >= CommonWordDocuments);
    }

    /// <inheritdoc cref="Intent.IKeywordLexicon.Knows"/>
    public bool Knows(string word)
    {
        var terms = _index.Prose.Terms(MovieTextIndex.OverviewField, word);
        return terms.Count == 0 || terms.Any(term => DocumentsHolding(term) > 0);
    }

    /// <summary>
    /// Whether the search finds the word as itself: its stem is the whole word ("teacher", "chess"), so only its own
    /// forms share it, where a shorter stem joins other words ("beautiful" and "beauty" are both "beauti").
    /// </summary>
    public bool SearchesAsItself(string word) => _index.Prose.Terms(MovieTextIndex.OverviewField, word) is [var term] && term == word;

    /// <summary>The most films any one text field holds the analysed term in.</summary>
    private int DocumentsHolding(string term) => MovieTextIndex.TextFields.Max(field => _index.Reader.DocFreq(new Term(field, term)));

    private BooleanQuery? KeywordQuery(IReadOnlyList<string> keywords, ContentFields fields)
    {
        var query = new BooleanQuery();
        foreach (var keyword in keywords)
        {
            var terms = _index.Prose.Terms(MovieTextIndex.OverviewField, keyword);
            if (terms.Count == 0)
            {
                continue;
            }
            var perField = new DisjunctionMaxQuery(0.3f);
            for (var f = 0; f < MovieTextIndex.TextFields.Length; f++)
            {
                if ((fields == ContentFields.Tags && MovieTextIndex.TextFields[f] != MovieTextIndex.TagsField) || (fields == ContentFields.Text && MovieTextIndex.TextFields[f] == MovieTextIndex.TagsField))
                {
                    continue;
                }
                Query clause;
                if (terms.Count == 1)
                {
                    clause = new TermQuery(new Term(MovieTextIndex.TextFields[f], terms[0]));
                }
                else if (MovieTextIndex.TextFields[f] == MovieTextIndex.TagsField)
                {
                    // Tags are labels, each its own: "war crimes" is one, not "mafia war" and "organized crime" on one film.
                    clause = Phrase(MovieTextIndex.TextFields[f], terms, slop: 2);
                }
                else
                {
                    // The phrase counts most; its words apart still count a little ("travels back in time").
                    var words = new BooleanQuery();
                    var phrase = Phrase(MovieTextIndex.TextFields[f], terms, slop: 2);
                    phrase.Boost = 2;
                    words.Add(phrase, Occur.SHOULD);
                    var loose = new BooleanQuery();
                    foreach (var term in terms)
                    {
                        loose.Add(new TermQuery(new Term(MovieTextIndex.TextFields[f], term)), Occur.MUST);
                    }
                    loose.Boost = 0.5f;
                    words.Add(loose, Occur.SHOULD);
                    clause = words;
                }
                clause.Boost *= MovieTextIndex.TextFieldBoosts[f];
                perField.Add(clause);
            }
            query.Add(perField, Occur.SHOULD);
        }
        return query.Clauses.Count == 0 ? null : query;
    }

    private Query? FieldQuery(string field, string text, int slop)
    {
        var terms = _index.Prose.Terms(field, text);
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
}
