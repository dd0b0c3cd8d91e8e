using System.Buffers;
using System.Globalization;
using Marquee.Core.Catalog;
using Marquee.Core.Evaluation;
using Marquee.Core.Content;
using Marquee.Core.Intent;
using Marquee.Core.Recommenders;
using Marquee.Core.Semantic;

namespace Marquee.Core.Ranking;

/// <summary>Which scorer ranks the candidates.</summary>
public enum RecommenderKind
{
    Auto,
    Baseline,
    Cf,
}

/// <summary>One recommendation request after validation, in domain terms.</summary>
public sealed record RecommendationRequest
{
    public MovieIntent Intent { get; init; } = MovieIntent.Empty;
    public RecommendationFilters Filters { get; init; } = new();
    public RecommenderKind Recommender { get; init; } = RecommenderKind.Auto;
    public int K { get; init; } = 20;
    /// <summary>Movie ids the user liked (positive weight) or disliked (negative weight), oldest first.</summary>
    public IReadOnlyList<(int MovieId, float Weight)> History { get; init; } = [];
    /// <summary>
    /// The same history as star ratings (0.5–5) for the rating model; empty when the user has none.
    /// MovieLens users pass their ratings; sessions map swipes to stars.
    /// </summary>
    public IReadOnlyList<(int MovieId, float Rating)> RatedHistory { get; init; } = [];
    /// <summary>
    /// The wish's free text embedded by the model of <see cref="RecommenderSnapshot.Semantic"/> (unit length); null
    /// when there is no text, no film vectors, or the model is not loaded yet: ranking then goes without it.
    /// </summary>
    public float[]? QueryEmbedding { get; init; }
}

public sealed record RecommendedMovie(CatalogMovie Movie, double Score, double? PredictedRating, IReadOnlyList<string> Reasons);

/// <param name="Recommender">What actually ranked: <c>cf</c> when collaborative filtering contributed, else <c>baseline</c>.</param>
/// <param name="FallbackReason">Why <c>cf</c> was asked for but the baseline ranked; null otherwise.</param>
/// <param name="CfShare">Share of CF in the personal score (1 for <c>cf</c>, the auto rule's c, 0 for the baseline).</param>
/// <param name="TrueMatches">Set when fewer films than the page truly match a precise wish: how many do (the rest are their neighbours).</param>
public sealed record RecommendationResult(
    string Recommender, string? FallbackReason, IReadOnlyList<RecommendedMovie> Items, double CfShare = 0, int? TrueMatches = null);

/// <summary>The read-only state recommendations are computed from; swapped as a whole on reload.</summary>
public sealed class RecommenderSnapshot
{
    // A model swap builds a new snapshot over the same catalogue: the text index is reused, not rebuilt.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MovieCatalog, ContentIndex> ContentByCatalog = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MovieCatalog, CatalogNames> NamesByCatalog = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MovieCatalog, CatalogLabels> LabelsByCatalog = new();

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
        Features = new RankingFeatures(catalog, baseline, Content, Vocabulary);
        ReferenceYear = catalog.Movies.Max(m => m.ReleaseYear) ?? DateTime.UtcNow.Year;
        SlotOf = movieId => catalog.Find(movieId)?.Index ?? -1;
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
    /// <summary>Newest release year in the catalogue: "recent" counts back from it.</summary>
    public int ReferenceYear { get; }
    /// <summary>Movie id → catalogue index (or -1), the slot map handed to <see cref="IPersonalizer.TryScore"/>.</summary>
    public Func<int, int> SlotOf { get; }

    /// <summary>What the intent parser needs to know about this catalogue.</summary>
    public IntentParseContext ParseContext => new(ReferenceYear, Content, Content, Names, Labels);
}

/// <summary>
/// Turns a request into ranked, explained movies: hard filters, personal score (baseline, CF or the auto
/// mix), intent relevance and quality blended, a diversity pass, reasons. docs/ranking.md has the formula.
/// </summary>
public static class RecommendationEngine
{
    /// <summary>
    /// Whether the semantic match ranks for this intent: only when the parser left topics or free words (see
    /// <see cref="RankingOptions.SemanticMatchWeight"/>). Callers skip embedding the wish otherwise.
    /// </summary>
    public static bool UsesQueryEmbedding(MovieIntent intent) => intent.Keywords.Count > 0 || intent.Labels.Count > 0;

    public static RecommendationResult Recommend(RecommenderSnapshot snapshot, RecommendationRequest request, RankingOptions? options = null)
    {
        options ??= RankingOptions.Default;
        var catalog = snapshot.Catalog;
        var n = catalog.Count;
        var intent = request.Intent;

        var excluded = new HashSet<int>(request.Filters.ExcludeMovieIds);
        foreach (var (movieId, _) in request.History)
        {
            excluded.Add(movieId);
        }
        foreach (var movieId in intent.ReferenceMovieIds)
        {
            // "Like The Matrix" leaves The Matrix out; "like Lord of the Rings" names the trilogy and wants it.
            if (catalog.Find(movieId)?.Details?.CollectionId is not { } franchise || !intent.Franchises.Contains(franchise))
            {
                excluded.Add(movieId);
            }
        }
        // The wish's own hard limits join the explicit filters: "over three hours", "with my 8-year-old", "foreign".
        var filters = request.Filters with
        {
            ExcludeMovieIds = excluded,
            MinRuntime = request.Filters.MinRuntime ?? intent.MinRuntime,
            ExcludeShorts = request.Filters.ExcludeShorts || !intent.IncludeShorts,
            MaxAge = request.Filters.MaxAge ?? intent.MaxAge,
            ExcludeLanguages = request.Filters.ExcludeLanguages.Count > 0 ? request.Filters.ExcludeLanguages : intent.ExcludeLanguages.ToHashSet(),
        };

        var candidates = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        var personal = ArrayPool<float>.Shared.Rent(Math.Max(1, n));
        var excludedMask = ArrayPool<bool>.Shared.Rent(Math.Max(1, n));
        var scores = ArrayPool<double>.Shared.Rent(Math.Max(1, n));
        try
        {
            // Exclusions by catalogue position: one lookup per excluded id, not one per movie.
            Array.Clear(excludedMask, 0, n);
            foreach (var movieId in excluded)
            {
                if (catalog.Find(movieId) is { } hidden)
                {
                    excludedMask[hidden.Index] = true;
                }
            }
            var checkAttributes = filters.HasAttributeConstraints;
            var count = 0;
            // Catalogue index = position in Movies: without attribute filters no movie object is touched.
            for (var index = 0; index < n; index++)
            {
                if (!excludedMask[index] && (!checkAttributes || filters.AcceptsAttributes(catalog.Movies[index])))
                {
                    candidates[count++] = index;
                }
            }
            var candidateSpan = candidates.AsSpan(0, count);
            var (recommender, fallback, cfShare) = Personal(snapshot, request, candidateSpan, personal, options);
            var affinity = request.Recommender == RecommenderKind.Baseline ? null : GenreAffinity.Of(catalog, request.History);
            if (affinity is not null)
            {
                // CF already knows taste far more precisely; the affinity matters most where CF has little say.
                var share = (float)(options.AffinityWeight * Math.Min(1.0, (double)affinity.Signals / options.AffinityFullAt) * (1 - (cfShare / 2)));
                // About a thousand distinct genre combinations cover the catalogue: score each once, when first met.
                var combinations = snapshot.Features.GenreCombinations;
                var combinationOf = snapshot.Features.GenreCombinationOf;
                var fits = ArrayPool<float>.Shared.Rent(combinations.Length);
                fits.AsSpan(0, combinations.Length).Fill(float.NaN);
                foreach (var index in candidateSpan)
                {
                    var combination = combinationOf[index];
                    var fit = fits[combination];
                    if (float.IsNaN(fit))
                    {
                        fits[combination] = fit = affinity.Score(new GenreSet(combinations[combination]));
                    }
                    personal[index] = ((1 - share) * personal[index]) + (share * fit);
                }
                ArrayPool<float>.Shared.Return(fits);
            }
            using var relevance = new IntentRelevance(snapshot, intent, candidateSpan, options, request.K, request.QueryEmbedding);

            // A precise wish (a person, a studio, a subject, "like X") is about what fits it, popular or not.
            var precise = relevance.IsPrecise || relevance.TrueMatches is not null;
            var relevanceWeight = !relevance.HasSignals ? 0 : precise ? options.PreciseRelevanceWeight : options.RelevanceWeight;
            // A page drawn from a person's likes alone follows the likes; quality only breaks ties there, or
            // the best-rated classics everyone gets would crowd out the person's own kind of film.
            var qualityWeight = cfShare > 0 && !relevance.HasSignals ? options.TasteQualityWeight : options.QualityWeight;
            // Without a history the "personal" score is only the baseline (fame and rating): a precise wish keeps it to a tie-breaker.
            // A subject ("time loop", "submarine") names films people mostly know; a person or a film names exactly which.
            var personalWeight = !precise || cfShare > 0 ? options.PersonalWeight
                : relevance.NamesFilms ? options.PreciseBaselineWeight : options.SubjectBaselineWeight;
            var weightSum = relevanceWeight + personalWeight + qualityWeight;
            var quality = snapshot.Features.Quality;
            var popularity = snapshot.Features.Popularity;
            var poolSize = Math.Min(count, Math.Max(50, request.K * options.DiversityPoolFactor));
            var scoreSpan = scores.AsSpan(0, n);
            scoreSpan.Fill(double.NegativeInfinity);
            var minRatings = relevance.MinRatings;
            var qualityBoost = relevance.QualityBoost;
            var popularityBoost = relevance.PopularityBoost;
            var ratingCounts = snapshot.Features.RatingCounts;
            foreach (var index in candidateSpan)
            {
                var score = ((relevanceWeight * relevance.Total(index)) + (personalWeight * personal[index])
                             + (qualityWeight * quality[index])) / weightSum;
                score += (qualityBoost * quality[index]) + (popularityBoost * popularity[index]);
                score -= options.ExcludedKeywordPenalty * relevance.Excluded(index);
                if (minRatings > 0 && ratingCounts[index] < minRatings)
                {
                    score -= options.TooFewRatingsPenalty;
                }
                scoreSpan[index] = score;
            }
            // Best first, ties to the smaller position (= smaller movie id), as the evaluation does.
            var pool = new int[poolSize];
            pool = pool[..TopK.Select<double>(scoreSpan, pool)];
            var poolScores = new double[pool.Length];
            for (var p = 0; p < pool.Length; p++)
            {
                poolScores[p] = scoreSpan[pool[p]];
            }
            var poolPredictions = Predict(snapshot, request, pool.Select(i => catalog.Movies[i]).ToList());
            if (poolPredictions is not null)
            {
                for (var p = 0; p < pool.Length; p++)
                {
                    // A card whose own prediction says "you will not like this" comes only when nothing better is left.
                    if (poolPredictions[p] < options.DislikedPrediction)
                    {
                        poolScores[p] -= options.DislikedPredictionPenalty;
                    }
                }
                SortPool(pool, poolScores, poolPredictions);
            }
            var picks = Diversifier.Pick(snapshot, pool, poolScores, request.K, options);
            // Mood boosts can lift raw scores above 1; the reported score is rescaled into 0–1, order unchanged.
            var scale = 1 + Math.Max(0, relevance.QualityBoost) + Math.Max(0, relevance.PopularityBoost);
            var pickedMovies = picks.Select(p => catalog.Movies[pool[p.Position]]).ToList();
            var predictions = poolPredictions is null ? null : picks.Select(p => poolPredictions[p.Position]).ToArray();
            // One batch: the model shares the per-history work across the picks.
            var because = cfShare > 0 && snapshot.Personalizer is { } explainer
                ? explainer.ExplainMany(request.History, pickedMovies.Select(m => m.MovieId).ToList(), 1)
                : null;
            var items = new List<RecommendedMovie>(picks.Count);
            for (var i = 0; i < picks.Count; i++)
            {
                var movie = pickedMovies[i];
                var reasons = Explanations.For(snapshot, request, movie, relevance, because?[i] ?? [], affinity, options);
                items.Add(new RecommendedMovie(movie, Math.Round(Math.Clamp(picks[i].Score / scale, 0, 1), 4), predictions?[i], reasons));
            }
            return new RecommendationResult(recommender, fallback, items, cfShare, relevance.TrueMatches);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(candidates);
            ArrayPool<float>.Shared.Return(personal);
            ArrayPool<bool>.Shared.Return(excludedMask);
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <summary>
    /// Fills the personal score per candidate (0–1) and says what produced it. <c>cf</c> uses the model alone,
    /// <c>auto</c> mixes CF into the baseline by c = n/(n + h) with n the liked movies the model can use.
    /// </summary>
    private static (string Recommender, string? Fallback, double CfShare) Personal(RecommenderSnapshot snapshot,
        RecommendationRequest request, ReadOnlySpan<int> candidates, float[] personal, RankingOptions options)
    {
        var baseline = snapshot.Baseline.Scores;
        foreach (var index in candidates)
        {
            personal[index] = baseline[index];
        }
        if (request.Recommender == RecommenderKind.Baseline)
        {
            return ("baseline", null, 0);
        }
        var wantsCf = request.Recommender == RecommenderKind.Cf;
        if (snapshot.Personalizer is not { } personalizer)
        {
            return ("baseline", wantsCf ? "no collaborative-filtering model is loaded; ranked by the baseline" : null, 0);
        }
        var known = 0;
        foreach (var (movieId, weight) in request.History)
        {
            if (weight > 0 && snapshot.Catalog.Find(movieId) is { RatingCount: > 0 })
            {
                known++;
            }
        }
        if (request.History.Count == 0)
        {
            return ("baseline", wantsCf ? "no history to personalise from (pass user_id, or like a few movies first); ranked by the baseline" : null, 0);
        }
        var share = wantsCf ? 1.0 : known / (known + options.AutoHalfSaturation);
        if (share <= 0)
        {
            return ("baseline", null, 0);
        }
        var n = snapshot.Catalog.Count;
        var cf = ArrayPool<float>.Shared.Rent(n);
        try
        {
            cf.AsSpan(0, n).Fill(float.NaN);
            if (!personalizer.TryScore(request.History, snapshot.SlotOf, cf.AsSpan(0, n)))
            {
                return ("baseline", wantsCf ? "the history has no liked movie the model knows; ranked by the baseline" : null, 0);
            }
            var low = float.MaxValue;
            var high = float.MinValue;
            foreach (var index in candidates)
            {
                if (!float.IsNaN(cf[index]))
                {
                    low = Math.Min(low, cf[index]);
                    high = Math.Max(high, cf[index]);
                }
            }
            var range = high - low;
            var popularity = snapshot.Features.Popularity;
            foreach (var index in candidates)
            {
                // Per-request min-max: CF scores have no fixed scale across models or users. The most-rated
                // films neighbour every taste; a discount keeps them to the pages they truly fit.
                var normalised = float.IsNaN(cf[index]) || range <= 0 ? 0 : (cf[index] - low) / range;
                normalised *= (float)(1 - (options.CfPopularityDiscount * popularity[index]));
                personal[index] = (float)((share * normalised) + ((1 - share) * baseline[index]));
            }
            return ("cf", null, share);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(cf);
        }
    }

    /// <summary>Re-sorts the pool best first after penalties (the diversifier relies on the order), keeping the three arrays aligned.</summary>
    private static void SortPool(int[] pool, double[] scores, double?[] predictions)
    {
        var order = Enumerable.Range(0, pool.Length).OrderByDescending(p => scores[p]).ThenBy(p => pool[p]).ToArray();
        var (poolCopy, scoreCopy, predictionCopy) = ((int[])pool.Clone(), (double[])scores.Clone(), (double?[])predictions.Clone());
        for (var i = 0; i < order.Length; i++)
        {
            pool[i] = poolCopy[order[i]];
            scores[i] = scoreCopy[order[i]];
            predictions[i] = predictionCopy[order[i]];
        }
    }

    private static double?[]? Predict(RecommenderSnapshot snapshot, RecommendationRequest request, List<CatalogMovie> movies)
    {
        if (snapshot.RatingPredictor is not { } predictor || request.RatedHistory.Count == 0 || movies.Count == 0)
        {
            return null;
        }
        var ids = movies.Select(m => m.MovieId).ToArray();
        var stars = new float[ids.Length];
        predictor.Predict(request.RatedHistory, ids, stars);
        return stars.Select(s => float.IsFinite(s) ? Math.Clamp(Math.Round((double)s, 2), 0.5, 5) : (double?)null).ToArray();
    }
}

/// <summary>Why an item is on the page, in words a person reads on the card.</summary>
internal static class Explanations
{
    /// <param name="because">The history movies the CF model credits for this pick (empty when CF had no say).</param>
    public static List<string> For(RecommenderSnapshot snapshot, RecommendationRequest request, CatalogMovie movie,
        IntentRelevance relevance, IReadOnlyList<(int MovieId, float Contribution)> because, GenreAffinity? affinity, RankingOptions options)
    {
        var reasons = new List<string>(options.MaxReasons);
        foreach (var (likedId, contribution) in because)
        {
            if (contribution > 0 && snapshot.Catalog.Find(likedId) is { } liked)
            {
                reasons.Add($"Because you liked {liked.Title}");
            }
        }
        if (reasons.Count == 0 && affinity is not null && affinity.Score(movie.GenreMask) >= 0.7f
            && affinity.FavouritesIn(movie, 2) is { Count: > 0 } favourites)
        {
            reasons.Add($"Fits your taste for {string.Join(", ", favourites)}");
        }
        if (relevance.Names.PersonMatch(movie) is { } credit)
        {
            reasons.Add(credit.Role switch
            {
                "director" => $"Directed by {credit.Name}",
                "writer" => $"Written by {credit.Name}",
                _ => $"With {credit.Name}",
            });
        }
        if (relevance.Names.CompanyMatch(movie) is { } company)
        {
            reasons.Add($"From {company}");
        }
        if (relevance.Names.HasPlaces && relevance.Names.PlaceMatch(movie) >= 0.8 && Places.Describe(movie) is { } place)
        {
            reasons.Add(place);
        }
        if (relevance.NeighbourOf(movie.Index) is { } anchor)
        {
            reasons.Add($"Close to {anchor.Title}");
        }
        if (relevance.ReferenceMatch(movie.Index) is ({ } reference, > 0.25f))
        {
            var shared = movie.Genres.Where(reference.Genres.Contains).Take(3).ToList();
            reasons.Add(shared.Count > 0 ? $"Like {reference.Title}: {string.Join(", ", shared)}" : $"Like {reference.Title}");
        }
        var wished = relevance.WishedGenresOf(movie);
        if (wished.Count > 0)
        {
            reasons.Add($"Matches {string.Join(", ", wished)}");
        }
        foreach (var mood in relevance.Moods)
        {
            if (relevance.MoodMatch(mood, movie, out var tagged) <= 0.3 && !(mood.GenreMask.IsEmpty && Qualifies(snapshot, mood, movie)))
            {
                continue;
            }
            var genres = movie.Genres
                .Where(g => mood.GenreWeights.GetValueOrDefault(g) >= 0.5)
                .OrderByDescending(g => mood.GenreWeights[g]).Take(3).ToList();
            var tag = tagged ? movie.Tags.FirstOrDefault(t => mood.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)) : null;
            var evidence = genres.Count > 0 ? string.Join(", ", genres) : tag is not null ? $"tagged '{tag}'" : null;
            if (evidence is null && mood.GenreMask.IsEmpty && Qualifies(snapshot, mood, movie))
            {
                evidence = mood.PopularityBoost < 0 ? "loved by the few who rated it" : "among the best rated";
            }
            if (evidence is not null)
            {
                reasons.Add($"Matches '{mood.Name}': {evidence}");
            }
        }
        foreach (var (topic, score) in relevance.TopicsOf(movie.Index))
        {
            if (score >= 0.45f)
            {
                reasons.Add(TaggedOrMentioned(movie, topic.Name, topic.Terms));
            }
        }
        foreach (var label in relevance.LabelsOf(movie.Index))
        {
            var own = snapshot.Labels.LabelOf(movie, label);
            reasons.Add(own is null || CatalogLabels.Normalize(own) == CatalogLabels.Normalize(label) ? $"About {label}" : $"About {label}: '{own}'");
        }
        if (relevance.KeywordMatch(movie.Index) > 0)
        {
            var words = request.Intent.Keywords.Where(k => snapshot.Vocabulary.Find(k) is not { Terms.Count: > 0 }).ToList();
            if (words.Count > 0)
            {
                reasons.Add(TaggedOrMentioned(movie, string.Join(", ", words), words));
            }
        }
        if (reasons.Count >= options.MaxReasons)
        {
            reasons.RemoveRange(options.MaxReasons - 1, reasons.Count - (options.MaxReasons - 1));
        }
        if (movie.RatingMean is { } mean && movie.RatingCount > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{mean:0.0}★ from {movie.RatingCount:N0} {(movie.RatingCount == 1 ? "rating" : "ratings")}"));
        }
        else if (reasons.Count == 0)
        {
            reasons.Add("Not rated by the community yet");
        }
        return reasons;
    }

    /// <summary>Whether a film earns a quality mood ("acclaimed", "hidden gem") on its ratings alone.</summary>
    private static bool Qualifies(RecommenderSnapshot snapshot, IntentConcept mood, CatalogMovie movie) =>
        mood.QualityBoost > 0 && movie.RatingCount >= mood.MinRatings && snapshot.Features.Quality[movie.Index] >= 0.75f
        && (mood.PopularityBoost >= 0 || snapshot.Features.Popularity[movie.Index] <= 0.6f);

    private static string TaggedOrMentioned(CatalogMovie movie, string name, IReadOnlyList<string> terms)
    {
        var tag = movie.Tags.FirstOrDefault(t => terms.Any(term => t.Contains(term, StringComparison.OrdinalIgnoreCase)));
        return tag is not null ? $"Matches '{name}': tagged '{tag}'" : $"Matches '{name}'";
    }
}
