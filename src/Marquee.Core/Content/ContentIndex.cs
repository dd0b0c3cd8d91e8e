using Marquee.Core.Catalog;
using Marquee.Core.Intent;

namespace Marquee.Core.Content;

/// <summary>
/// Full-text knowledge of the catalogue: an in-memory Lucene index over titles, overviews, taglines and
/// MovieLens user tags (BM25), typo-tolerant title look-up, and a TF-IDF vector per movie for
/// "more like this". Built once per catalogue; every method is safe to call from many threads.
/// </summary>
public sealed class ContentIndex : ITitleResolver, IKeywordLexicon
{
    private readonly MovieCatalog _catalog;
    private readonly KeywordEvidence _keywords;
    private readonly TitleSearch _titles;
    private readonly TermVectors _vectors;

    private ContentIndex(MovieCatalog catalog)
    {
        _catalog = catalog;
        var index = new MovieTextIndex(catalog);
        _keywords = new KeywordEvidence(index, catalog.Count);
        _titles = new TitleSearch(index, catalog);
        _vectors = TermVectors.FromPostings(index.Reader, index.CatalogIndexOfDoc, catalog.Count);
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
        => _keywords.Search(keywords, scoresByIndex, fields);

    /// <summary>
    /// How strongly each movie is about any of the keywords, 0–1, graded by evidence: tagged by people = 1;
    /// named in the title or overview = 0.45–0.8 by BM25 relative to the best such match. Movies without a
    /// match are left untouched in <paramref name="evidenceByIndex"/>.
    /// </summary>
    public void Evidence(IReadOnlyList<string> keywords, float[] evidenceByIndex, float[] scratch)
        => _keywords.Evidence(keywords, evidenceByIndex, scratch);

    /// <inheritdoc cref="KeywordEvidence.SearchesAsItself"/>
    public bool SearchesAsItself(string word) => _keywords.SearchesAsItself(word);

    /// <summary>Movies carrying any of these MovieLens tags (matched after stemming: "ghost" finds "ghosts").</summary>
    public bool[] TagHits(IReadOnlyList<string> tags) => _keywords.TagHits(tags);

    /// <inheritdoc />
    public bool IsUseful(string phrase) => _keywords.IsUseful(phrase);

    /// <inheritdoc />
    public bool IsCommonWord(string word) => _keywords.IsCommonWord(word);

    /// <inheritdoc />
    public bool Knows(string word) => _keywords.Knows(word);

    // ---- content similarity ----------------------------------------------------------------------------------

    /// <summary>
    /// Cosine similarity of every movie's TF-IDF vector (title, overview, tags) to the movie at
    /// <paramref name="index"/>, written into <paramref name="similarityByIndex"/>.
    /// </summary>
    public void TextSimilarity(int index, Span<float> similarityByIndex) => _vectors.CosineToAll(index, similarityByIndex);

    // ---- titles ----------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public TitleMatch? ResolveExact(string normalizedSpan) => _titles.ResolveExact(normalizedSpan);

    /// <inheritdoc/>
    public IReadOnlyList<int> FranchiseOf(int movieId, int? franchise = null, string? name = null) => _titles.FranchiseOf(movieId, franchise, name);

    /// <inheritdoc />
    public (TitleMatch Match, int Span)? ResolveFuzzy(IReadOnlyList<string> normalizedSpans) => _titles.ResolveFuzzy(normalizedSpans);

    /// <inheritdoc />
    public int? CollectionOf(int movieId) => _catalog.Find(movieId)?.Details?.CollectionId;

    /// <inheritdoc />
    public IReadOnlyList<string> DirectorsOf(int movieId) =>
        _catalog.Find(movieId)?.Details?.Directors?.Select(d => d.Name).ToList() ?? [];

    /// <inheritdoc />
    public int? YearOf(int movieId) => _catalog.Find(movieId)?.ReleaseYear;

    /// <inheritdoc />
    public int? RuntimeOf(int movieId) => _catalog.Find(movieId)?.Details?.RuntimeMinutes;

    /// <inheritdoc />
    public string? TitleOf(int movieId) => _catalog.Find(movieId)?.Movie.Title;

    /// <summary>
    /// Typo-tolerant title search for pickers: "matirx" finds The Matrix, "toy sto" finds Toy Story.
    /// Ranked by how well the title matches, then by how many people rated the movie.
    /// </summary>
    public IReadOnlyList<ContentHit> SearchTitles(string text, int limit) => _titles.SearchTitles(text, limit);
}
