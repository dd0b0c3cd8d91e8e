using Marquee.Core.Catalog;

namespace Marquee.Core.Ranking;

/// <summary>
/// Picks the page from a pool ranked by score so that one franchise or one genre mix does not fill it:
/// greedily, each pick is the best score after penalties for franchise siblings (same TMDB collection or title stem)
/// and near-identical genre sets already picked; on a page like a film, the film itself counts as picked. Genres the wish itself asks for do not count towards a mix: on a page
/// for a five-year-old every film is an animated children's film, and telling Finding Nemo apart from Toy Story by
/// those two genres pushed both below It's a Wonderful Life.
/// </summary>
internal static class Diversifier
{
    /// <param name="pool">Catalogue indices, best score first.</param>
    /// <param name="scores">Score by position in <paramref name="pool"/>.</param>
    /// <param name="wishedFranchise">
    /// Whether a film (catalogue index) belongs to a franchise the wish names ("harry potter", "james bond"): those
    /// siblings are the page asked for, not a franchise crowding it out.
    /// </param>
    /// <param name="askedGenres">The genres the wish is made of (see <see cref="IntentRelevance.AskedGenres"/>), left out when genre mixes are compared.</param>
    /// <param name="references">
    /// The films the page is like (catalogue indices). Their viewer knows them and most likely their series: a sibling pays
    /// the franchise penalty as if the film were on the page ("like the godfather" held Part II and Part III), and two
    /// siblings of one reference are siblings of each other even when their own titles and collections do not say so (The
    /// Matrix Reloaded and The Matrix Revolutions share only "matrix", and no dump files either under a collection).
    /// </param>
    /// <returns>Positions in the pool of the picks, in page order, with their adjusted scores.</returns>
    public static List<(int Position, double Score)> Pick(RecommenderSnapshot snapshot, IReadOnlyList<int> pool,
        IReadOnlyList<double> scores, int k, RankingOptions options, Func<int, bool>? wishedFranchise = null, GenreSet askedGenres = default,
        IReadOnlyList<int>? references = null)
    {
        // How many of the films the page is like each pool film is a sibling of, and the first of them (-1 for none): its
        // series on this page. Fixed for the film, so found once.
        var referenceSiblings = new int[pool.Count];
        var series = new int[pool.Count];
        Array.Fill(series, -1);
        for (var p = 0; p < pool.Count && references is not null; p++)
        {
            for (var r = 0; r < references.Count; r++)
            {
                if (references[r] != pool[p] && Siblings(snapshot, pool[p], references[r]))
                {
                    referenceSiblings[p]++;
                    if (series[p] < 0)
                    {
                        series[p] = r;
                    }
                }
            }
        }
        var picks = new List<(int Position, double Score)>(Math.Min(k, pool.Count));
        var taken = new bool[pool.Count];
        var movies = snapshot.Catalog.Movies;
        while (picks.Count < k && picks.Count < pool.Count)
        {
            var best = -1;
            var bestScore = double.NegativeInfinity;
            for (var p = 0; p < pool.Count; p++)
            {
                if (taken[p])
                {
                    continue;
                }
                // The pool is sorted: once a raw score cannot beat the best adjusted one, nothing later can.
                if (scores[p] <= bestScore)
                {
                    break;
                }
                var mix = new GenreSet(movies[pool[p]].GenreMask.Bits & ~askedGenres.Bits);
                var adjusted = scores[p] - Penalty(snapshot, pool, picks, referenceSiblings[p], series, p, mix, askedGenres, options,
                    wishedFranchise?.Invoke(pool[p]) == true);
                if (adjusted > bestScore)
                {
                    best = p;
                    bestScore = adjusted;
                }
            }
            taken[best] = true;
            picks.Add((best, bestScore));
        }
        return picks;
    }

    private static double Penalty(RecommenderSnapshot snapshot, IReadOnlyList<int> pool, List<(int Position, double Score)> picks,
        int referenceSiblings, int[] series, int candidate, GenreSet genres, GenreSet askedGenres, RankingOptions options, bool wished)
    {
        var index = pool[candidate];
        var siblings = wished ? 0 : referenceSiblings;
        var sameMix = 0;
        foreach (var (position, _) in picks)
        {
            var other = pool[position];
            var sameSeries = series[candidate] >= 0 && series[candidate] == series[position];
            if (!wished && (sameSeries || Siblings(snapshot, index, other)))
            {
                siblings++;
            }
            var otherGenres = new GenreSet(snapshot.Catalog.Movies[other].GenreMask.Bits & ~askedGenres.Bits);
            var union = new GenreSet(genres.Bits | otherGenres.Bits).Count;
            if (union > 0 && (double)genres.CountShared(otherGenres) / union >= 0.75)
            {
                sameMix++;
            }
        }
        return (options.FranchisePenalty * siblings) + (options.GenreSetPenalty * Math.Min(sameMix, 4));
    }

    // The dumps file Star Wars and The Empire Strikes Back under one collection, and The Matrix Reloaded under none.
    private static bool Siblings(RecommenderSnapshot snapshot, int a, int b) =>
        snapshot.Features.SameFranchise(a, b) || snapshot.Traits.SameCollection(a, b);
}
