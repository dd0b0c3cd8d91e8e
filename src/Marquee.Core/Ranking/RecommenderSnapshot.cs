using Marquee.Core.Catalog;
using Marquee.Core.Content;
using Marquee.Core.Intent;
using Marquee.Core.Recommenders;
using Marquee.Core.Semantic;

namespace Marquee.Core.Ranking;

/// <summary>The read-only state recommendations are computed from; swapped as a whole on reload.</summary>
public sealed class RecommenderSnapshot
{
    // A model swap builds a new snapshot over the same catalogue: the text index is reused, not rebuilt.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MovieCatalog, ContentIndex> ContentByCatalog = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MovieCatalog, CatalogNames> NamesByCatalog = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MovieCatalog, CatalogLabels> LabelsByCatalog = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MovieCatalog, MovieTraits> TraitsByCatalog = new();

    public RecommenderSnapshot(MovieCatalog catalog, BaselineRecommender baseline, string modelVersion,
        IPersonalizer? personalizer = null, IRatingPredictor? ratingPredictor = null, ContentIndex? content = null,
        SemanticIndex? semantic = null)
    {
        Catalog = catalog;
        Baseline = baseline;
        ModelVersion = modelVersion;
        Personalizer = personalizer;
        RatingPredictor = ratingPredictor;
        Semantic = semantic;
        Content = content ?? ContentByCatalog.GetValue(catalog, ContentIndex.Build);
        Vocabulary = IntentVocabulary.Default;
        Names = NamesByCatalog.GetValue(catalog, c => new CatalogNames(c, IntentVocabulary.Default));
        Labels = LabelsByCatalog.GetValue(catalog, c => new CatalogLabels(c));
        Traits = TraitsByCatalog.GetValue(catalog, c => new MovieTraits(c, IntentVocabulary.Default.VerdictLabels));
        Features = new RankingFeatures(catalog, baseline, Content, Labels, Vocabulary);
        ReferenceYear = catalog.Movies.Max(m => m.ReleaseYear) ?? DateTime.UtcNow.Year;
        SlotOf = movieId => catalog.Find(movieId)?.Index ?? -1;
        if (personalizer is ModelPersonalizer model && catalog.Count >= RankingOptions.Default.CandidateGenerationFrom)
        {
            // Here, off the request path: the server builds a snapshot before it swaps it in.
            model.PrepareCandidates();
        }
    }

    public MovieCatalog Catalog { get; }
    public BaselineRecommender Baseline { get; }
    /// <summary>Version of the promoted model, or <c>baseline</c> when none is loaded.</summary>
    public string ModelVersion { get; }
    /// <summary>The collaborative-filtering model; null when no trained model is available (degraded).</summary>
    public IPersonalizer? Personalizer { get; }
    public IRatingPredictor? RatingPredictor { get; }
    /// <summary>Text index of the catalogue (keywords, titles, content similarity); shared by snapshots of one catalogue.</summary>
    public ContentIndex Content { get; }
    /// <summary>The films' text embeddings by catalogue index; null when the data directory has none (not embedded yet).</summary>
    public SemanticIndex? Semantic { get; }
    public IntentVocabulary Vocabulary { get; }
    /// <summary>The people and studios of the catalogue, by the names a wish uses.</summary>
    public CatalogNames Names { get; }
    /// <summary>The labels films carry (TMDB keywords, MovieLens tags), by phrase.</summary>
    public CatalogLabels Labels { get; }
    public RankingFeatures Features { get; }
    /// <summary>What "like X" compares between films (franchise, year, language, leads), flat by catalogue index.</summary>
    public MovieTraits Traits { get; }
    /// <summary>Newest release year in the catalogue: "recent" counts back from it.</summary>
    public int ReferenceYear { get; }
    /// <summary>Movie id → catalogue index (or -1), the slot map handed to <see cref="IPersonalizer.TryScore"/>.</summary>
    public Func<int, int> SlotOf { get; }

    /// <summary>What the intent parser needs to know about this catalogue.</summary>
    public IntentParseContext ParseContext => new(ReferenceYear, Content, Content, Names, Labels);
}
