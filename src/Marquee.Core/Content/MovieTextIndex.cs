using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Marquee.Core.Catalog;

namespace Marquee.Core.Content;

/// <summary>
/// The in-memory Lucene index of the catalogue (BM25): one document per movie with its title (twice:
/// for title look-up and as prose), overview and tagline, and MovieLens tags and TMDB keywords.
/// Shared by keyword evidence, title resolution and the TF-IDF vectors; safe to search from many threads.
/// </summary>
internal sealed class MovieTextIndex
{
    public const string TitleField = "title";
    public const string TitleTextField = "title_text";
    public const string OverviewField = "overview";
    public const string TagsField = "tags";
    public const string IndexField = "idx";

    /// <summary>The prose fields keyword search looks at, and how much each counts.</summary>
    public static readonly string[] TextFields = [TitleTextField, OverviewField, TagsField];
    public static readonly float[] TextFieldBoosts = [1.5f, 1f, 2f];

    public MovieTextIndex(MovieCatalog catalog)
    {
        var directory = new RAMDirectory();
        var analyzer = new PerFieldAnalyzerWrapper(Prose, new Dictionary<string, Analyzer> { [TitleField] = TitleAnalyzer });
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
                foreach (var tag in movie.Labels)
                {
                    document.Add(new TextField(TagsField, tag, Field.Store.NO));
                }
                writer.AddDocument(document);
            }
            writer.Commit();
        }
        Reader = DirectoryReader.Open(directory);
        Searcher = new IndexSearcher(Reader) { Similarity = new BM25Similarity() };
        CatalogIndexOfDoc = new int[Reader.MaxDoc];
        var indexValues = MultiDocValues.GetNumericValues(Reader, IndexField);
        for (var doc = 0; doc < Reader.MaxDoc; doc++)
        {
            CatalogIndexOfDoc[doc] = (int)indexValues.Get(doc);
        }
    }

    public ProseAnalyzer Prose { get; } = new();
    public TitleAnalyzer TitleAnalyzer { get; } = new();
    public DirectoryReader Reader { get; }
    public IndexSearcher Searcher { get; }
    /// <summary>Catalogue index of each Lucene document.</summary>
    public int[] CatalogIndexOfDoc { get; }

    /// <summary>Writes every hit's score into <paramref name="scoresByIndex"/>; returns the highest, 0 when nothing matched.</summary>
    public float Collect(Query query, float[] scoresByIndex)
    {
        var collector = new ScoreCollector(CatalogIndexOfDoc, scoresByIndex);
        Searcher.Search(query, collector);
        return collector.Max;
    }
}
