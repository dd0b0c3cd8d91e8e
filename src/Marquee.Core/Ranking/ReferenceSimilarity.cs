using System.Buffers;
using Marquee.Core.Catalog;

namespace Marquee.Core.Ranking;

/// <summary>
/// "Movies like X": item-item similarity from the CF model when one is loaded, blended with content
/// similarity (shared genres, TF-IDF of title, overview and tags, release years), so references work
/// without a trained model too; then lifted by specific evidence — a shared director, shared rare labels — that a
/// blend of averages dilutes (<see cref="Evidence"/>).
/// </summary>
public static class ReferenceSimilarity
{
    /// <summary>How many CF neighbours of a reference are considered.</summary>
    public const int CfNeighbours = 300;

    private const double GenreWeight = 0.2;
    private const double TextWeight = 0.45;
    private const double PeopleWeight = 0.25;
    private const double YearWeight = 0.1;
    // "Like Amélie" is French before it is anything else: a film in the reference's own language shares its voice.
    private const double LanguageWeight = 0.1;
    // How far specific evidence closes the gap to 1: a film by Amélie's writer-director, of its kind, gains about 0.12.
    private const double EvidenceWeight = 0.4;
    // Shared labels say at most half what a shared writer-director does: keywords also name props ("blizzard", "maze").
    private const double LabelEvidenceShare = 0.5;
    // Summed label weight at which labels say 63% of what they can (see LabelCloseness).
    private const double LabelSaturation = 8.0;
    private const double CfShare = 0.5;
    // With film vectors, content knows what a film is about well enough to lean less on co-ratings (which favour the famous).
    private const double CfShareWithMeaning = 0.3;
    private const double MeaningWeight = 0.35;
    // The share of its similarity a film loses when its tone clashes with the reference's (see ToneClash).
    private const double ToneClashShare = 0.4;
    private static readonly GenreSet ChildrenGenre = GenreSet.From(["Children"]);
    private static readonly GenreSet YoungGenres = GenreSet.From(["Children", "Animation"]);
    private static readonly GenreSet GrownUpGenres = GenreSet.From(["Horror", "Thriller", "Crime", "War", "Film-Noir"]);
    private static readonly GenreSet ComedyGenre = GenreSet.From(["Comedy"]);
    // A comedy with a drama, a horror comedy or one for children is as much of those ("like toy story": The Lion King;
    // "an american werewolf in london": The Howling).
    private static readonly GenreSet NotOnlyComedy = GenreSet.From(["Drama", "Horror", "Children", "Animation"]);

    /// <summary>
    /// Similarity (0–1) of every candidate to the closest of the reference movies, written by catalogue index
    /// into <paramref name="similarity"/>; <paramref name="closestReference"/> receives which reference it was.
    /// </summary>
    /// <param name="comedyIsTheKind">
    /// A comedy's likes are comedies (see <see cref="ReferenceTone"/>); false when the wish says how the page should differ
    /// from the reference ("like groundhog day but not a comedy", "but darker"), which then decides the kind.
    /// </param>
    public static void Compute(RecommenderSnapshot snapshot, IReadOnlyList<CatalogMovie> references, ReadOnlySpan<int> candidates,
        Span<float> similarity, Span<int> closestReference, bool comedyIsTheKind = true)
    {
        var count = snapshot.Catalog.Count;
        var text = ArrayPool<float>.Shared.Rent(count);
        var cf = ArrayPool<float>.Shared.Rent(count);
        var meaning = ArrayPool<float>.Shared.Rent(count);
        var labels = ArrayPool<float>.Shared.Rent(count);
        // The CF neighbours of all the references at once: a factor model shares one pass over the catalogue.
        var neighbours = snapshot.Personalizer?.SimilarMany(references.Select(r => r.MovieId).ToList(), CfNeighbours);
        try
        {
            for (var r = 0; r < references.Count; r++)
            {
                var reference = references[r];
                snapshot.Content.TextSimilarity(reference.Index, text.AsSpan(0, count));
                var maxText = 0f;
                foreach (var index in candidates)
                {
                    maxText = Math.Max(maxText, text[index]);
                }
                var hasMeaning = FillMeaning(snapshot, reference, candidates, meaning.AsSpan(0, count));
                var hasCf = FillCf(snapshot, neighbours?[r], cf.AsSpan(0, count));
                var cfShare = hasMeaning ? CfShareWithMeaning : CfShare;
                var traits = snapshot.Traits;
                var tone = ReferenceTone.Of(snapshot.Features, reference.Index);
                if (!comedyIsTheKind)
                {
                    tone = tone with { Comedy = false };
                }
                traits.SharedLabels(reference.Index, labels.AsSpan(0, count));
                foreach (var index in candidates)
                {
                    var normalisedText = maxText > 0 ? text[index] / maxText : 0;
                    var content = Content(traits, reference.Index, index, normalisedText, hasMeaning ? meaning[index] : null);
                    // Co-ratings alone make every favourite a neighbour of every film ("like Toy Story" → Shawshank):
                    // they count fully only for films that also share the reference's kind.
                    var agreement = 0.3 + (0.7 * GenreJaccard(traits.Genres(reference.Index), traits.Genres(index)));
                    var blended = hasCf ? ((1 - cfShare) * content) + (cfShare * cf[index] * agreement) : content;
                    var evidence = Evidence(traits, reference.Index, index, LabelCloseness(labels[index]), hasMeaning ? meaning[index] : normalisedText);
                    var score = (float)(blended + (EvidenceWeight * evidence * (1 - blended)));
                    if (tone.ClashesWith(snapshot.Features, index))
                    {
                        score *= (float)(1 - ToneClashShare);
                    }
                    if (r == 0 || score > similarity[index])
                    {
                        similarity[index] = score;
                        closestReference[index] = r;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(text);
            ArrayPool<float>.Shared.Return(cf);
            ArrayPool<float>.Shared.Return(meaning);
            ArrayPool<float>.Shared.Return(labels);
        }
    }

    /// <summary>
    /// Whether a film's tone clashes with the reference's, whatever they share: a light film (Amélie) is not like one
    /// labelled with what works against a light mood ("holocaust", "dark comedy": Life Is Beautiful, Irreversible
    /// were on its page), a children's film is not like a grown-up horror, thriller, crime or war film, nor the
    /// other way round (Finding Nemo shares sharks with Jaws, Mad Max: Fury Road a wasteland with WALL·E), and a film
    /// that is no comedy is not like a comedy (Flight and Turbulence share a plane with Airplane!, Casino Las Vegas with
    /// The Hangover). A comedy that is also a drama, a horror film or for children is as much that kind.
    /// </summary>
    internal static bool ToneClash(RankingFeatures features, int reference, int movie) =>
        ReferenceTone.Of(features, reference).ClashesWith(features, movie);

    // Coraline is a thriller for children: a reference that is animated or for children is never grown-up only.
    private static bool GrownUp(GenreSet genres) => genres.Overlaps(GrownUpGenres) && !genres.Overlaps(YoungGenres);

    /// <summary>The reference's side of <see cref="ToneClash"/>, read once per reference rather than once per candidate.</summary>
    private readonly record struct ReferenceTone(bool Light, bool GrownUp, bool ForChildren, bool Comedy)
    {
        public static ReferenceTone Of(RankingFeatures features, int reference)
        {
            var genres = new GenreSet(features.GenreBits[reference]);
            return new ReferenceTone(features.LightTone[reference], ReferenceSimilarity.GrownUp(genres), genres.Overlaps(ChildrenGenre),
                genres.Overlaps(ComedyGenre) && !genres.Overlaps(NotOnlyComedy));
        }

        public bool ClashesWith(RankingFeatures features, int movie)
        {
            if (Light && features.DarkTags[movie] >= 2)
            {
                return true;
            }
            var genres = new GenreSet(features.GenreBits[movie]);
            if (Comedy && !genres.Overlaps(ComedyGenre) && !new GenreSet(features.TmdbGenreBits[movie]).Overlaps(ComedyGenre))
            {
                return true;
            }
            return (GrownUp && genres.Overlaps(ChildrenGenre)) || (ForChildren && ReferenceSimilarity.GrownUp(genres));
        }
    }

    /// <summary>Fewer ratings than this and a film's co-ratings say nothing about what it is like.</summary>
    public const int MinRatingsToKnowByCoRatings = 5;

    /// <summary>
    /// Whether the catalogue knows enough about a film to tell what is like it: genres, a story or labels, a vector,
    /// or enough ratings for co-ratings to mean something. Black Mirror (a series MovieLens lists with no genre, no
    /// overview and one rating) has none: "something like black mirror" then ranked the favourites, and said nothing.
    /// </summary>
    public static bool Knows(RecommenderSnapshot snapshot, CatalogMovie movie) =>
        movie.Genres.Count > 0 || movie.TmdbGenres.Count > 0 || !string.IsNullOrWhiteSpace(movie.Details?.Overview) || movie.Labels.Any()
        || snapshot.Semantic?.Has(movie.Index) == true || movie.RatingCount >= MinRatingsToKnowByCoRatings;

    /// <summary>
    /// How close in meaning each candidate's text is to the reference's (embedding cosine), rescaled from the
    /// candidates' mean (0) to the closest (1); false when either side has no vector.
    /// </summary>
    private static bool FillMeaning(RecommenderSnapshot snapshot, CatalogMovie reference, ReadOnlySpan<int> candidates, Span<float> meaning)
    {
        if (snapshot.Semantic is not { } semantic || !semantic.Has(reference.Index) || candidates.Length == 0)
        {
            return false;
        }
        semantic.Cosines(semantic.Vector(reference.Index), candidates, meaning);
        var sum = 0.0;
        var max = float.MinValue;
        foreach (var index in candidates)
        {
            sum += meaning[index];
            if (index != reference.Index)
            {
                max = Math.Max(max, meaning[index]);
            }
        }
        var mean = (float)(sum / candidates.Length);
        var range = max - mean;
        foreach (var index in candidates)
        {
            meaning[index] = range <= 0 ? 0 : Math.Clamp((meaning[index] - mean) / range, 0, 1);
        }
        return true;
    }

    /// <summary>
    /// The movies most similar to one movie, best first, with their similarity; for <c>GET /movies/{id}/similar</c>.
    /// Empty for an unknown movie id.
    /// </summary>
    public static IReadOnlyList<(CatalogMovie Movie, double Similarity)> SimilarMovies(RecommenderSnapshot snapshot, int movieId, int count)
    {
        if (snapshot.Catalog.Find(movieId) is not { } reference || count <= 0)
        {
            return [];
        }
        var n = snapshot.Catalog.Count;
        var candidates = new int[n - 1];
        var at = 0;
        for (var i = 0; i < n; i++)
        {
            if (i != reference.Index)
            {
                candidates[at++] = i;
            }
        }
        var similarity = new float[n];
        var closest = new int[n];
        Compute(snapshot, [reference], candidates, similarity, closest);
        var quality = snapshot.Features.Quality.ToArray();
        // A little quality breaks ties between equally similar films in favour of the better one.
        return candidates
            .Select(i => (Movie: snapshot.Catalog.Movies[i], Score: (0.9 * similarity[i]) + (0.1 * quality[i]), Similarity: (double)similarity[i]))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Movie.MovieId)
            .Take(count)
            .Select(c => (c.Movie, c.Similarity))
            .ToList();
    }

    /// <summary>
    /// Content similarity of two movies (by catalogue index) in 0–1 given their normalised text similarity: what they
    /// are about (overview, tags and keywords) first, who made them next, then genres, language and years. Two films
    /// of one franchise are as similar as films get.
    /// </summary>
    internal static double Content(MovieTraits traits, int reference, int movie, double normalisedText, double? meaning = null)
    {
        if (traits.SameCollection(reference, movie))
        {
            return 1;
        }
        var jaccard = GenreJaccard(traits.Genres(reference), traits.Genres(movie));
        var years = traits.YearsApart(reference, movie) is { } apart ? YearCloseness(apart) : 0.3;
        var language = traits.SameLanguage(reference, movie) ? 1 : 0;
        var content = (GenreWeight * jaccard) + (TextWeight * normalisedText) + (PeopleWeight * traits.SharedPeople(reference, movie)) + (YearWeight * years)
                      + (LanguageWeight * language);
        return meaning is { } close ? ((1 - MeaningWeight) * content) + (MeaningWeight * close) : content;
    }

    /// <summary>
    /// Specific evidence (0–1) that a film is like the reference: the same writer-director (<see cref="MovieTraits.SharedAuteur"/>),
    /// or rare labels in common (<paramref name="labels"/>, from <see cref="LabelCloseness"/>), either raising it.
    /// The content blend averages such evidence away: Delicatessen, by Amélie's writer-director and with no keywords,
    /// ranked 84th. It counts only as far as the films are otherwise of a kind (shared genres, or
    /// <paramref name="closeness"/> of meaning or text), squared, so an auteur's film in another register gains
    /// little and Delicatessen (two of three genres) most of it. A hired director's films share less than a voice
    /// (counting any shared director put The Hunt for Red October in "like Die Hard" over Lethal Weapon); they keep
    /// the people share of <see cref="Content"/>.
    /// </summary>
    internal static double Evidence(MovieTraits traits, int reference, int movie, double labels, double closeness)
    {
        var auteur = traits.SharedAuteur(reference, movie) ? 1.0 : 0.0;
        if (auteur == 0 && labels <= 0)
        {
            return 0; // most films, for every reference: no genre sets to compare
        }
        var evidence = 1 - ((1 - (LabelEvidenceShare * labels)) * (1 - auteur));
        var kind = Math.Max(GenreJaccard(traits.Genres(reference), traits.Genres(movie)), closeness);
        return evidence * kind * kind;
    }

    /// <summary>
    /// Shared label weight (<see cref="MovieTraits.SharedLabels"/>) as a closeness in 0–1 that saturates: one rare
    /// label in common ("magic realism", 2.9) says 0.3, "cyberpunk" and "dystopia" together 0.28, and a sequel
    /// sharing twenty labels is little more alike by labels than a film sharing five good ones (0.85).
    /// </summary>
    internal static double LabelCloseness(float sharedWeight) => sharedWeight <= 0 ? 0 : 1 - Math.Exp(-sharedWeight / LabelSaturation);

    private static double GenreJaccard(GenreSet reference, GenreSet movie)
    {
        var union = (reference.Bits | movie.Bits) == 0 ? 0 : new GenreSet(reference.Bits | movie.Bits).Count;
        return union == 0 ? 0 : (double)reference.CountShared(movie) / union;
    }

    /// <summary>
    /// exp(−years apart / 15), from a table for the gaps films have: this runs once per candidate and reference,
    /// up to half a million times for a wish whose few matches lend their neighbours.
    /// </summary>
    private static double YearCloseness(int apart) => apart < YearClosenessTable.Length ? YearClosenessTable[apart] : Math.Exp(-apart / 15.0);

    private static readonly double[] YearClosenessTable = Enumerable.Range(0, 256).Select(apart => Math.Exp(-apart / 15.0)).ToArray();

    private static bool FillCf(RecommenderSnapshot snapshot, IReadOnlyList<(int MovieId, float Similarity)>? neighbours, Span<float> cf)
    {
        cf.Clear();
        if (neighbours is null)
        {
            return false;
        }
        var max = 0f;
        foreach (var (_, value) in neighbours)
        {
            max = Math.Max(max, value);
        }
        if (max <= 0)
        {
            return false;
        }
        var popularity = snapshot.Features.Popularity;
        foreach (var (neighbour, value) in neighbours)
        {
            if (snapshot.Catalog.Find(neighbour) is { } movie && value > 0)
            {
                // Everyone's favourites neighbour every film: discount them so the neighbours are this film's own.
                cf[movie.Index] = (float)(value / max * (1.2 - (0.6 * popularity[movie.Index])));
            }
        }
        return true;
    }
}
