using System.Buffers;
using Marquee.Core.Catalog;
using Marquee.Core.Evaluation;
using Marquee.Core.Intent;
using Marquee.Core.Numerics;
using Marquee.Core.Recommenders;

namespace Marquee.Core.Ranking;

/// <summary>
/// Turns a request into ranked, explained movies: hard filters, personal score (baseline, CF or the auto
/// mix), intent relevance and quality blended, a diversity pass, reasons. docs/ranking.md has the formula.
/// </summary>
public static class RecommendationEngine
{
    /// <summary>
    /// Whether the semantic match ranks for this intent: only when the parser left topics, labels or free words (see
    /// <see cref="RankingOptions.SemanticMatchWeight"/>). Callers skip embedding the wish otherwise. A label that only
    /// names the kind the wished genres make ("romantic comedy") is no subject to look for in a film's story: closeness
    /// to those two words put Love Actually above When Harry Met Sally, whose story never says them.
    /// </summary>
    public static bool UsesQueryEmbedding(MovieIntent intent, IntentVocabulary vocabulary)
    {
        if (intent.Keywords.Count > 0)
        {
            return true;
        }
        var wished = GenreSet.From(intent.Genres);
        return intent.Labels.Any(label => IntentRelevance.KindOfWishedGenres(vocabulary, label, wished) is null);
    }

    public static RecommendationResult Recommend(RecommenderSnapshot snapshot, RecommendationRequest request, RankingOptions? options = null)
    {
        options ??= RankingOptions.Default;
        var catalog = snapshot.Catalog;
        var n = catalog.Count;
        var intent = NameStyles.AsReferences(snapshot, request.Intent);

        var excluded = new HashSet<int>(request.Filters.ExcludeMovieIds.Concat(intent.ExcludeMovieIds));
        foreach (var (movieId, _) in request.History)
        {
            excluded.Add(movieId);
        }
        var wishedFranchise = WishedFranchise(snapshot, intent);
        foreach (var movieId in intent.ReferenceMovieIds)
        {
            // "Like The Matrix" leaves The Matrix out; "like Lord of the Rings" names the trilogy and wants it. A film the
            // dumps file under no collection, named with a series the wish asks for, is one of its films ("the newest star
            // wars": Solo, whose title shares no stem with Star Wars).
            if (wishedFranchise is null || catalog.Find(movieId) is not { } reference
                || (!wishedFranchise(reference.Index) && reference.Details?.CollectionId is not null))
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
            ExcludeCountries = request.Filters.ExcludeCountries.Count > 0 ? request.Filters.ExcludeCountries
                : intent.ExcludeCountries.Distinct().ToDictionary(country => country, snapshot.Vocabulary.LanguagesOf),
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
            var generated = Generate(snapshot, request, options);
            // Only the generated movies, or the whole catalogue, go through the filters and the ranking below; both
            // come in ascending catalogue order, so ties break the same way. Catalogue index = position in Movies:
            // without attribute filters no movie object is touched.
            var considered = generated?.Slots.Length ?? n;
            for (var i = 0; i < considered; i++)
            {
                var index = generated is null ? i : generated.Slots[i];
                if (!excludedMask[index] && (!checkAttributes || filters.AcceptsAttributes(catalog.Movies[index])))
                {
                    candidates[count++] = index;
                }
            }
            var candidateSpan = candidates.AsSpan(0, count);
            var (recommender, fallback, cfShare) = Personal(snapshot, request, candidateSpan, personal, options, generated);
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
            var precise = relevance.IsPrecise || relevance.TrueMatches > 0;
            var relevanceWeight = !relevance.HasSignals ? 0 : precise ? options.PreciseRelevanceWeight : options.RelevanceWeight;
            // A page drawn from a person's likes alone follows the likes; quality only breaks ties there, or
            // the best-rated classics everyone gets would crowd out the person's own kind of film.
            var qualityWeight = cfShare > 0 && !relevance.HasSignals ? options.TasteQualityWeight : options.QualityWeight;
            // Without a history the "personal" score is only the baseline (fame and rating): a precise wish keeps it to a tie-breaker.
            // A subject ("time loop", "submarine") names films people mostly know; a person or a film names exactly which.
            var personalWeight = !precise || cfShare > 0 ? options.PersonalWeight
                : relevance.NamesFilms ? options.PreciseBaselineWeight : options.SubjectBaselineWeight;
            if (relevance.TrueMatches == 0)
            {
                // Nothing meets the wish as a whole and the page says "these come closest": closeness orders it, fame and
                // rating only break ties ("movies from iceland" was the favourites above Iceland's co-productions).
                personalWeight *= options.ClosestPageTieBreakShare;
                qualityWeight *= options.ClosestPageTieBreakShare;
            }
            var weightSum = relevanceWeight + personalWeight + qualityWeight;
            // Among the films that fit a subject, the ones people know come first (a heist wish means the famous
            // heists): fame counts in proportion to fit, so it never lifts a film off the subject.
            var fameWithinFit = precise && cfShare == 0 && !relevance.NamesFilms ? options.SubjectPopularityWeight : 0;
            var quality = snapshot.Features.Quality;
            var popularity = snapshot.Features.Popularity;
            // A wish for the little-known ("hidden gem") asks how known a film is in the world, not in MovieLens.
            var boostedFame = relevance.PopularityBoost < 0 ? snapshot.Features.Fame : popularity;
            // A series the wish names opens on the films it named ("the original star wars", "toy story movies"): the
            // series' other films are as like them as films can be, and on quality The Empire Strikes Back led. Not when
            // the wish says how the page should differ ("like harry potter but darker").
            var modified = intent.Moods.Count + intent.Genres.Count + intent.Keywords.Count + intent.Labels.Count > 0;
            var named = modified ? [] : intent.ReferenceMovieIds.Select(catalog.Find).OfType<CatalogMovie>()
                .Where(movie => !excludedMask[movie.Index]).Select(movie => movie.Index).ToHashSet();
            var poolSize = Math.Min(count, Math.Max(50, request.K * options.DiversityPoolFactor));
            // One score per candidate, in candidate order (ascending catalogue index).
            var scoreSpan = scores.AsSpan(0, count);
            var minRatings = relevance.MinRatings;
            var qualityBoost = relevance.QualityBoost;
            var popularityBoost = relevance.PopularityBoost;
            var knownRatings = snapshot.Features.KnownRatings;
            var communityStars = snapshot.Features.CommunityStars;
            // With no prediction of this person's own, the community's verdict stands in: a film most who saw it
            // disliked comes only when nothing better is left (Disaster Movie, 0.8★, was fourth for "disaster movies").
            // A wish for the films people rate worst ("so bad it's good": a mood whose quality boost is negative) asks for
            // exactly the films the two penalties below keep back.
            var asksForTheWorst = relevance.QualityBoost < 0;
            var judgedByCommunity = !HasOwnPredictions(snapshot, request) && !asksForTheWorst;
            // Films faintly close in meaning fill a subject's page, so no neighbours are borrowed; the favourites, fitting
            // it in nothing, had closed "a movie about wolves" all the same. Such a page has no room for them.
            var unfitGiveWay = precise && relevance.PageOfRelevant(candidateSpan, request.K);
            // A film people dislike stays behind even a film that fits nothing: that is still something better.
            var dislikedPenalty = options.DislikedPredictionPenalty + (unfitGiveWay ? options.UnfitPenalty : 0);
            for (var c = 0; c < count; c++)
            {
                var index = candidates[c];
                var fit = relevance.Total(index);
                var score = ((relevanceWeight * fit) + (personalWeight * personal[index]) + (qualityWeight * quality[index])) / weightSum;
                // A precise wish's "classic" or "acclaimed" ranks the best of what fits, not the best of everything
                // ("a classic western with john wayne" had The Shawshank Redemption second).
                score += ((precise ? fit : 1) * qualityBoost * quality[index]) + (popularityBoost * boostedFame[index]);
                score += fameWithinFit * popularity[index] * fit;
                score -= options.ExcludedKeywordPenalty * relevance.Excluded(index);
                score -= options.RuledOutStudioPenalty * relevance.RuledOut(index);
                if (named.Contains(index))
                {
                    score += NamedFilmLead;
                }
                if (unfitGiveWay && fit < IntentRelevance.MinRelevant)
                {
                    score -= options.UnfitPenalty;
                }
                if (minRatings > 0 && knownRatings[index] < minRatings)
                {
                    score -= options.TooFewRatingsPenalty;
                }
                if (judgedByCommunity && communityStars[index] < options.CommunityDislikedStars)
                {
                    score -= dislikedPenalty;
                }
                scoreSpan[c] = score;
            }
            // Best first, ties to the smaller position (= smaller movie id), as the evaluation does.
            var pool = new int[poolSize];
            pool = pool[..TopK.Select<double>(scoreSpan, pool)];
            var poolScores = new double[pool.Length];
            for (var p = 0; p < pool.Length; p++)
            {
                poolScores[p] = scoreSpan[pool[p]];
                pool[p] = candidates[pool[p]];
            }
            var poolPredictions = Predict(snapshot, request, pool.Select(i => catalog.Movies[i]).ToList());
            if (poolPredictions is not null && !asksForTheWorst)
            {
                for (var p = 0; p < pool.Length; p++)
                {
                    // A card whose own prediction says "you will not like this" comes only when nothing better is left.
                    if (poolPredictions[p] < options.DislikedPrediction)
                    {
                        poolScores[p] -= dislikedPenalty;
                    }
                }
                SortPool(pool, poolScores, poolPredictions);
            }
            var picks = Diversifier.Pick(snapshot, pool, poolScores, request.K, options, wishedFranchise, relevance.AskedGenres,
                relevance.References.Select(r => r.Index).ToList());
            // Mood boosts and fame within a subject can lift raw scores above 1; the reported score is rescaled into 0–1, order unchanged.
            var scale = 1 + Math.Max(0, relevance.QualityBoost) + Math.Max(0, relevance.PopularityBoost) + fameWithinFit;
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
            var unknown = relevance.References.Where(r => !ReferenceSimilarity.Knows(snapshot, r)).Select(r => r.Title).ToList();
            return new RecommendationResult(recommender, fallback, items, cfShare, relevance.TrueMatches, unknown.Count > 0 ? unknown : null);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(candidates);
            ArrayPool<float>.Shared.Return(personal);
            ArrayPool<bool>.Shared.Return(excludedMask);
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <summary>How far a film the wish names itself, in a series it asks for, stands above the rest of the page.</summary>
    private const double NamedFilmLead = 1;

    /// <summary>
    /// Films of a franchise the wish names as a whole: its TMDB collection, or a title sharing the stem of one of the
    /// collection's films (collections are missing for part of the catalogue: the dumps file The Matrix under its
    /// collection, not The Matrix Reloaded). Null when the wish names none.
    /// </summary>
    private static Func<int, bool>? WishedFranchise(RecommenderSnapshot snapshot, MovieIntent intent)
    {
        if (intent.Franchises.Count == 0)
        {
            return null;
        }
        var namers = snapshot.Catalog.Movies.Where(m => m.Details?.CollectionId is { } c && intent.Franchises.Contains(c)).Select(m => m.Index).ToList();
        return index => snapshot.Catalog.Movies[index].Details?.CollectionId is { } collection && intent.Franchises.Contains(collection)
                        || namers.Exists(namer => snapshot.Features.SameFranchise(namer, index));
    }

    /// <summary>
    /// The candidates to rank instead of the whole catalogue, or null to rank everything. Only for a large
    /// catalogue, a CF page and an intent that ranks nothing (no wish, no attribute filter): there a film's score is
    /// its CF score, genre taste and quality, so the films that can reach the page are the model's top ones and
    /// the best-rated ones. A wish or a filter can lift any film, and is ranked over everything.
    /// </summary>
    private static PersonalCandidates? Generate(RecommenderSnapshot snapshot, RecommendationRequest request, RankingOptions options)
    {
        if (snapshot.Catalog.Count < options.CandidateGenerationFrom || request.Recommender == RecommenderKind.Baseline
            || snapshot.Personalizer is not { } personalizer || request.History.Count == 0 || request.QueryEmbedding is not null
            || request.Filters.HasAttributeConstraints || !IntentRelevance.IsNeutral(request.Intent))
        {
            return null;
        }
        var best = snapshot.Features.BestQuality;
        var extras = new int[Math.Min(best.Length, options.CandidateQualityExtras)];
        for (var i = 0; i < extras.Length; i++)
        {
            extras[i] = snapshot.Catalog.Movies[best[i]].MovieId;
        }
        return personalizer.Candidates(request.History, snapshot.SlotOf, extras, options.CandidateDepth);
    }

    /// <summary>
    /// Fills the personal score per candidate (0–1) and says what produced it. <c>cf</c> uses the model alone,
    /// <c>auto</c> mixes CF into the baseline by c = n/(n + h) with n the liked movies the model can use.
    /// </summary>
    private static (string Recommender, string? Fallback, double CfShare) Personal(RecommenderSnapshot snapshot,
        RecommendationRequest request, ReadOnlySpan<int> candidates, float[] personal, RankingOptions options, PersonalCandidates? generated)
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
            if (generated is not null)
            {
                // Only the candidates are read below, and each has its exact score.
                for (var i = 0; i < generated.Slots.Length; i++)
                {
                    cf[generated.Slots[i]] = generated.Scores[i];
                }
            }
            else
            {
                cf.AsSpan(0, n).Fill(float.NaN);
            }
            if (generated is null && !personalizer.TryScore(request.History, snapshot.SlotOf, cf.AsSpan(0, n)))
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

    /// <summary>Whether a rating model can predict this person's own stars: it is loaded and they have rated films.</summary>
    private static bool HasOwnPredictions(RecommenderSnapshot snapshot, RecommendationRequest request) =>
        snapshot.RatingPredictor is not null && request.RatedHistory.Count > 0;

    private static double?[]? Predict(RecommenderSnapshot snapshot, RecommendationRequest request, List<CatalogMovie> movies)
    {
        if (!HasOwnPredictions(snapshot, request) || snapshot.RatingPredictor is not { } predictor || movies.Count == 0)
        {
            return null;
        }
        var ids = movies.Select(m => m.MovieId).ToArray();
        var stars = new float[ids.Length];
        predictor.Predict(request.RatedHistory, ids, stars);
        return stars.Select(s => float.IsFinite(s) ? Math.Clamp(Math.Round((double)s, 2), 0.5, 5) : (double?)null).ToArray();
    }
}
