using System.Buffers;
using Marquee.Core.Catalog;
using Marquee.Core.Content;
using Marquee.Core.Intent;
using Marquee.Core.Semantic;

namespace Marquee.Core.Ranking;

/// <summary>
/// How well each candidate fits the soft part of an intent, 0–1: the weighted mean of the parts the
/// intent has (wished genres, moods, topics, free keywords, reference titles, closeness in meaning to the wish's
/// text). Also knows, per movie, which part matched, for the reasons. Arrays are pooled: dispose after use.
/// </summary>
internal sealed class IntentRelevance : IDisposable
{
    /// <summary>How much a film of a ruled-out mood's genres counts as ruled out when people did not tag it so.</summary>
    private const double NegatedMoodShare = 0.7;

    private readonly List<float[]> _rented = [];
    private readonly RecommenderSnapshot _snapshot;
    private readonly RankingOptions _options;
    private readonly GenreSet _wished;
    private readonly bool _namedKind;
    private readonly float[] _total;
    private readonly float[]? _keyword;
    private readonly float[]? _reference;
    // The kind of the films to be like: a mood modifies it ("toy story but darker"), so none of its genres work against the mood.
    private readonly uint _referenceGenres;
    // Genres no wished mood works against: the references' kind, and what another wished mood is made of ("a scary movie
    // for date night": date night works against Horror, and the page had been Amélie and Fight Club).
    private readonly uint _unopposedGenres;
    // The wish names a film and a subject ("like die hard on a train") and no genre: the film's genres are the kind.
    private readonly bool _subjectOfAReference;
    private readonly int[]? _closestReference;
    private readonly float[]? _excluded;
    private readonly float[]? _ruledOut;
    private readonly CatalogNameMatch _names;
    /// <summary>The youngest viewer's age the wish names ("my 5 year old"), or null.</summary>
    private readonly int? _viewerAge;
    private readonly float[]? _semantic;
    private readonly bool _meaningIsAFacet;
    private readonly List<(IntentConcept Topic, float[] Score)> _topics = [];
    private readonly List<(string Label, float[] Score)> _labels = [];
    private readonly List<float[]> _subjects;
    /// <summary>
    /// By position in <see cref="Moods"/>: the subject (position in <see cref="_subjects"/>) whose label's own words the mood
    /// was read from, or -1. "Falling in love" is the label and the romantic mood: one thing said once.
    /// </summary>
    private readonly int[] _subjectOfMood;
    /// <summary>The label of a kind the wished genres make up ("romantic comedy"), or null: see <see cref="KindOfWishedGenres"/>.</summary>
    private readonly float[]? _kind;
    private readonly List<float[]> _otherTopics = [];
    private readonly List<float[]> _turns = [];
    /// <summary>Each of <see cref="Moods"/>' tag hits, looked up once: <see cref="Combine"/> reads them for every film.</summary>
    private readonly bool[]?[] _moodTags;
    private readonly byte[]?[] _moodAvoidTags;

    /// <param name="k">Films on the page: a precise wish with fewer true matches fills from their neighbours.</param>
    /// <param name="queryEmbedding">The wish's text embedded by the model of <see cref="RecommenderSnapshot.Semantic"/>, or null.</param>
    public IntentRelevance(RecommenderSnapshot snapshot, MovieIntent intent, ReadOnlySpan<int> candidates, RankingOptions options,
        int k = 20, float[]? queryEmbedding = null)
    {
        _snapshot = snapshot;
        _options = options;
        var vocabulary = snapshot.Vocabulary;
        var n = snapshot.Catalog.Count;
        _wished = GenreSet.From(intent.Genres);
        Moods = intent.Moods.Select(m => vocabulary.FindMood(m)).OfType<IntentConcept>().Distinct().ToList();
        _moodTags = Moods.Select(m => snapshot.Features.MoodTags(m.Name)).ToArray();
        _moodAvoidTags = Moods.Select(m => snapshot.Features.MoodAvoidTags(m.Name)).ToArray();
        _subjectOfMood = new int[Moods.Count];
        var freeKeywords = new List<string>();
        foreach (var keyword in intent.Keywords)
        {
            if (vocabulary.Find(keyword) is { Terms.Count: > 0 } topic)
            {
                _topics.Add((topic, Score(topic.Terms, topic, candidates)));
            }
            else
            {
                freeKeywords.Add(keyword);
            }
        }
        if (freeKeywords.Count > 0)
        {
            _keyword = Score(freeKeywords, null, candidates);
        }
        foreach (var label in intent.Labels)
        {
            _labels.Add((label, LabelScore(label)));
        }
        foreach (var (label, score) in _labels)
        {
            if (KindOfWishedGenres(vocabulary, label, _wished) is { } kind)
            {
                _kind = score;
                KindOnRecord(kind.GenreMask, score, candidates);
                break;
            }
        }
        _subjects = Subjects(candidates);
        References = intent.ReferenceMovieIds.Select(id => snapshot.Catalog.Find(id)).OfType<CatalogMovie>().ToList();
        if (References.Count > 0)
        {
            _reference = Rent(n);
            _closestReference = ArrayPool<int>.Shared.Rent(n);
            ReferenceSimilarity.Compute(snapshot, References, candidates, _reference, _closestReference,
                comedyIsTheKind: intent.Genres.Count + intent.ExcludeGenres.Count + intent.Moods.Count == 0);
            _referenceGenres = References.Aggregate(0u, (bits, reference) => bits | reference.GenreMask.Bits);
            _subjectOfAReference = _wished.IsEmpty && _referenceGenres != 0 && (_topics.Count > 0 || _labels.Count > 0 || _keyword is not null);
        }
        _unopposedGenres = Moods.Aggregate(_referenceGenres, (bits, mood) => bits | CoreGenres(mood));
        if (intent.ExcludeKeywords.Count > 0)
        {
            _excluded = Excluded(intent.ExcludeKeywords, candidates);
        }
        _names = CatalogNameMatch.For(intent, snapshot.Names);
        // The genre a wish names is the kind of film it asks for, unless the wish also names people, a studio or a place,
        // which name their films by record ("swedish crime movies": Swedish films before American crime films with a line
        // of Swedish), or the genre is a word of its subject ("films about the american civil war": War is a hint).
        _namedKind = !_names.HasPeople && !_names.HasCompanies && !_names.HasPlaces
                     && intent.Genres.Any(genre => !intent.Labels.Concat(intent.Keywords)
                         .Any(subject => WholeWords.In(subject, genre, StringComparison.OrdinalIgnoreCase)));
        _viewerAge = intent.MaxAge;
        WantsShorts = intent.IncludeShorts;
        if (intent.ExcludeCompanies.Count > 0 || intent.ExcludePeople.Count > 0)
        {
            _ruledOut = RuledOutStudios(intent.ExcludeCompanies, candidates);
        }
        if (queryEmbedding is not null && snapshot.Semantic is { } semantic && queryEmbedding.Length == semantic.Dimensions
            && RecommendationEngine.UsesQueryEmbedding(intent, vocabulary) && candidates.Length > 0)
        {
            _semantic = Semantic(semantic, queryEmbedding, candidates);
            _meaningIsAFacet = MeaningIsAFacet(intent, vocabulary);
        }
        foreach (var mood in Moods)
        {
            QualityBoost += mood.QualityBoost;
            PopularityBoost += mood.PopularityBoost;
            MinRatings = Math.Max(MinRatings, mood.MinRatings);
        }

        HasSignals = !_wished.IsEmpty || Moods.Count > 0 || _topics.Count > 0 || _labels.Count > 0 || _keyword is not null || _reference is not null
                     || _names.HasPeople || _names.HasCompanies || _names.HasPlaces || YoungAudience || WantsShorts || _semantic is not null;
        _total = Rent(n);
        if (HasSignals)
        {
            foreach (var index in candidates)
            {
                _total[index] = Combine(index);
            }
        }
        // A loose word ("breakup") names no set of films unless the film vectors can read what it means; names,
        // places, subjects and films always do.
        IsPrecise = _names.HasPeople || _names.HasCompanies || _names.HasPlaces || WantsShorts || _topics.Count > 0 || _labels.Count > 0 || _reference is not null
                    || (_keyword is not null && _semantic is not null);
        if (HasSignals && !IsPrecise && _keyword is null)
        {
            // A wish only by kind, mood or years ("a recent horror movie") has hundreds of films to choose from: one whose
            // verdict rests on a rating or two (Buzzard, 5★ from one) comes only when nothing else is left.
            MinRatings = Math.Max(MinRatings, options.BroadWishMinRatings);
        }
        // With film vectors, meaning ranks films beyond the true matches; neighbours are borrowed only when it finds
        // too few to fill the page ("movies about climate change" went on with The Shawshank Redemption).
        if ((IsPrecise || _keyword is not null) && _reference is null && (_semantic is null || !PageOfRelevant(candidates, k)))
        {
            FillFromNeighbours(candidates, k);
        }
    }

    /// <summary>
    /// Films that truly match a precise wish (a person, a studio, a subject), when fewer than a page: the
    /// rest of the page then comes from what is closest to those matches, never from the global favourites.
    /// 0 when none does, and the page is only what comes closest.
    /// </summary>
    public int? TrueMatches { get; private set; }

    /// <summary>
    /// The true match a neighbour was brought in for ("close to Pulp Fiction"); null for the matches themselves, and for
    /// a film that only fills the page: after three Hindi films, Arrival (similarity 0.1) was "close to Monsoon Wedding".
    /// </summary>
    public CatalogMovie? NeighbourOf(int index) =>
        _neighbour is not null && _neighbour[index] >= MinCloseSimilarity && _total[index] < _options.TrueMatchThreshold
            ? _anchors![_closestAnchor![index]] : null;

    /// <summary>Reference similarity from which a neighbour is said to be close to its match (Slumdog Millionaire to 3 Idiots: 0.24).</summary>
    private const float MinCloseSimilarity = 0.2f;

    private float[]? _neighbour;
    private int[]? _closestAnchor;
    private List<CatalogMovie>? _anchors;

    /// <summary>The closest neighbour stays just below the least true match.</summary>
    private const double NeighbourCeiling = 0.98;

    /// <summary>Below this a film's relevance is noise: it fits the wish in nothing the page could say.</summary>
    public const float MinRelevant = 0.1f;

    /// <summary>Whether at least <paramref name="k"/> candidates fit the wish at least faintly (<see cref="MinRelevant"/>).</summary>
    public bool PageOfRelevant(ReadOnlySpan<int> candidates, int k)
    {
        var count = 0;
        foreach (var index in candidates)
        {
            if (_total[index] >= MinRelevant && ++count >= k)
            {
                return true;
            }
        }
        return false;
    }

    private void FillFromNeighbours(ReadOnlySpan<int> candidates, int k)
    {
        var matches = new List<int>();
        foreach (var index in candidates)
        {
            // A film the wish rules out is no match, however well it fits the rest: "films from studio ghibli that aren't
            // by miyazaki" counted Miyazaki's films, so five films were a full page and the canon filled the rest.
            if (_total[index] >= _options.TrueMatchThreshold && RuledOut(index) <= 0)
            {
                matches.Add(index);
            }
        }
        if (matches.Count >= k)
        {
            return;
        }
        TrueMatches = matches.Count;
        if (matches.Count == 0)
        {
            // No match to lend neighbours ("czech new wave" in a catalogue without one): the page is what comes closest.
            return;
        }
        var movies = _snapshot.Catalog.Movies;
        _anchors = matches.OrderByDescending(i => _total[i]).ThenByDescending(i => movies[i].RatingCount)
            .Take(_options.NeighbourAnchors).Select(i => movies[i]).ToList();
        var n = _snapshot.Catalog.Count;
        _neighbour = Rent(n);
        _closestAnchor = ArrayPool<int>.Shared.Rent(n);
        ReferenceSimilarity.Compute(_snapshot, _anchors, candidates, _neighbour, _closestAnchor);
        foreach (var index in candidates)
        {
            if (_total[index] < _options.TrueMatchThreshold)
            {
                // Below every true match, whatever the neighbour's own score.
                _total[index] = Math.Max(_total[index], (float)Math.Min(_options.NeighbourShare * _neighbour[index], NeighbourCeiling * _options.TrueMatchThreshold));
            }
        }
    }

    /// <summary>
    /// A studio the person rules out ("a superhero movie that isn't Marvel") is its whole world, not only its production
    /// credits: films labelled with its name ("marvel comic": Fox's X-Men and Deadpool, which no dump credits to Marvel)
    /// and the rest of those films' TMDB collections (an X-Men sequel that carries neither).
    /// </summary>
    private float[] RuledOutStudios(IReadOnlyList<string> studios, ReadOnlySpan<int> candidates)
    {
        var movies = _snapshot.Catalog.Movies;
        var n = _snapshot.Catalog.Count;
        // The studio's own films: labelled with its name (any label evidence), then credited to it.
        var studioFilms = Rent(n);
        foreach (var studio in studios)
        {
            _snapshot.Labels.Evidence(studio, studioFilms);
        }
        var franchises = new HashSet<int>();
        foreach (var movie in movies)
        {
            if (_names.IsExcluded(movie) || studioFilms[movie.Index] > 0)
            {
                studioFilms[movie.Index] = 1;
                if (movie.Details?.CollectionId is { } collection)
                {
                    franchises.Add(collection);
                }
            }
        }
        var ruledOut = Rent(n);
        foreach (var index in candidates)
        {
            // A person ruled out takes only their own films: "without Daniel Craig" keeps the other Bonds.
            if (studioFilms[index] > 0 || _names.IsByExcludedPerson(index)
                || (movies[index].Details?.CollectionId is { } collection && franchises.Contains(collection)))
            {
                ruledOut[index] = 1;
            }
        }
        return ruledOut;
    }

    /// <summary>The wish asks for shorts ("short films", "pixar shorts"), not only lets them in: being one is a facet.</summary>
    public bool WantsShorts { get; }

    public bool HasSignals { get; }

    /// <summary>
    /// Whether an intent ranks nothing and penalises nothing (no wish, or one read as only filters): every film's
    /// relevance is then 0 and a page follows taste and quality alone, which candidate generation can serve. Errs
    /// on the side of false: any part that could give a signal counts.
    /// </summary>
    public static bool IsNeutral(MovieIntent intent) =>
        intent is
        {
            Genres.Count: 0, Moods.Count: 0, Keywords.Count: 0, Labels.Count: 0, ReferenceMovieIds.Count: 0, ExcludeKeywords.Count: 0,
            People.Count: 0, Companies.Count: 0, ExcludeCompanies.Count: 0, ExcludePeople.Count: 0, Languages.Count: 0, Countries.Count: 0,
            MaxAge: null
        };

    /// <summary>The wish names something precise (a person, a studio, a place, a subject, a film): fit outweighs fame.</summary>
    public bool IsPrecise { get; }

    /// <summary>The wish names people, studios, places or films: which films fit is a matter of record, not of fame.</summary>
    public bool NamesFilms => _names.HasPeople || _names.HasCompanies || _names.HasPlaces || _reference is not null;
    public IReadOnlyList<IntentConcept> Moods { get; }

    /// <summary>
    /// The genres every film of the page is expected to share, so that they tell nothing about its variety: those the
    /// wish names ("war movie", "comédie française"), and children's films and animation when the viewer is a child.
    /// </summary>
    private bool YoungAudience => _viewerAge <= Intent.IntentBuilder.FamilyAge;

    public GenreSet AskedGenres => YoungAudience ? new GenreSet(_wished.Bits | ChildrensFilms.Bits) : _wished;

    private static readonly GenreSet ChildrensFilms = GenreSet.From(["Children", "Animation"]);

    public IReadOnlyList<CatalogMovie> References { get; }
    /// <summary>Extra quality weight requested by moods such as "classic" or "acclaimed".</summary>
    public double QualityBoost { get; }
    /// <summary>Extra popularity weight (negative for "hidden gem").</summary>
    public double PopularityBoost { get; }
    /// <summary>Films with fewer ratings cannot fit the moods asked for (a "hidden gem" needs evidence).</summary>
    public int MinRatings { get; }

    public float Total(int index) => _total[index];

    /// <summary>0–1: how strongly the movie matches a mood, topic or word the person ruled out.</summary>
    public float Excluded(int index) => _excluded?[index] ?? 0;

    /// <summary>
    /// 1 when the film is of a studio the wish rules out (its credit, its label or their collection: <see cref="RuledOutStudios"/>)
    /// or by a person it rules out (their credit only), else 0.
    /// </summary>
    public float RuledOut(int index) => _ruledOut?[index] ?? 0;

    /// <summary>
    /// (shared / wished)^1.5: with two genres wished, a film with both (1) clearly beats one with either (0.35),
    /// since "war dramas" means dramas about war, not any drama. A wished genre only TMDB files the film under counts
    /// <see cref="TmdbGenreCredit"/> of one MovieLens files it under (The Grey is a thriller to TMDB alone). A wished
    /// form (documentary, animation) is not a flavour: a film not of that form meets none of the genres ("true crime
    /// documentaries" is not Goodfellas).
    /// </summary>
    public double GenreMatch(CatalogMovie movie) => GenreMatch(movie.GenreMask, movie.TmdbGenreMask);

    /// <summary>MovieLens's genres are the ones people rated by and filter on; TMDB's are a second, looser opinion.</summary>
    private const double TmdbGenreCredit = 0.75;

    private static readonly GenreSet Forms = GenreSet.From(["Documentary", "Animation"]);

    private double GenreMatch(GenreSet genres, GenreSet tmdbGenres)
    {
        if (_wished.IsEmpty)
        {
            return 0;
        }
        var either = new GenreSet(genres.Bits | tmdbGenres.Bits);
        var wishedForms = new GenreSet(_wished.Bits & Forms.Bits);
        if (!wishedForms.IsEmpty && !either.Overlaps(wishedForms))
        {
            return 0;
        }
        var shared = genres.CountShared(_wished);
        var tmdbOnly = either.CountShared(_wished) - shared;
        var share = (shared + (TmdbGenreCredit * tmdbOnly)) / _wished.Count;
        return share * Math.Sqrt(share);
    }

    /// <summary>The wished genres the film is filed under, by MovieLens first, then by TMDB.</summary>
    public IReadOnlyList<string> WishedGenresOf(CatalogMovie movie) =>
        movie.Genres.Concat(movie.TmdbGenres).Where(g => _wished.Overlaps(GenreSet.From([g]))).Distinct().ToList();

    /// <summary>
    /// Mood fit: the best-fitting genre, plus a bonus for the mood's MovieLens tags, minus the genre that works
    /// against it most (Pulp Fiction is a comedy, but not a cozy one). Tag-only moods count by tags. A genre only TMDB
    /// files the film under fits at <see cref="TmdbGenreCredit"/>; it never works against a mood (TMDB files generously,
    /// and a second opinion should not outvote the first). A genre the wish itself asks for says little about the
    /// mood (<see cref="WishedGenreMoodShare"/>): in "mind-bending sci-fi" every candidate is sci-fi, and Back to the
    /// Future fit the mood as fully as Inception by that genre alone.
    /// </summary>
    public double MoodMatch(IntentConcept mood, CatalogMovie movie, out bool tagged) =>
        MoodFit(mood, _snapshot.Features.MoodTags(mood.Name), _snapshot.Features.MoodAvoidTags(mood.Name), movie.Index, movie.GenreMask.Bits, movie.TmdbGenreMask.Bits, _wished.Bits,
            _unopposedGenres, out tagged);

    private const float WishedGenreMoodShare = 0.6f;

    /// <summary>The genres a mood is made of (Horror for scary), by the weight the intent reads them by.</summary>
    private static uint CoreGenres(IntentConcept mood)
    {
        var bits = 0u;
        for (var bit = 0; bit < mood.WeightByGenreBit.Length; bit++)
        {
            if (mood.WeightByGenreBit[bit] >= IntentBuilder.CoreGenreWeight)
            {
                bits |= 1u << bit;
            }
        }
        return bits;
    }

    /// <summary>How far tags that work against a mood (<see cref="IntentConcept.AvoidTags"/>) take a film from it: as far as a thriller is from cozy.</summary>
    private const float AvoidTagWeight = 0.6f;

    private static double MoodFit(IntentConcept mood, bool[]? tags, byte[]? avoidTags, int index, uint genreBits, uint tmdbGenreBits, uint wishedBits,
        uint givenBits, out bool tagged)
    {
        tagged = tags is not null && tags[index];
        if (mood.GenreMask.IsEmpty)
        {
            return tagged ? 1 : 0;
        }
        var weight = 0f;
        var avoid = 0f;
        var bits = genreBits | tmdbGenreBits;
        while (bits != 0)
        {
            var bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
            var mask = 1u << bit;
            var share = (wishedBits & mask) != 0 ? WishedGenreMoodShare : 1f;
            if ((genreBits & mask) != 0)
            {
                weight = Math.Max(weight, share * mood.WeightByGenreBit[bit]);
                if ((givenBits & mask) == 0)
                {
                    avoid = Math.Max(avoid, mood.AvoidByGenreBit[bit]);
                }
            }
            else
            {
                weight = Math.Max(weight, (float)(TmdbGenreCredit * share * mood.WeightByGenreBit[bit]));
            }
            bits &= bits - 1;
        }
        if (avoidTags is not null && avoidTags[index] > 0)
        {
            // One such tag may be a subplot (Silver Linings Playbook's infidelity); two are what the film is.
            avoid = Math.Max(avoid, avoidTags[index] >= 2 ? AvoidTagWeight : AvoidTagWeight / 4);
        }
        return Math.Clamp((0.85 * weight) + (tagged ? 0.3 : 0) - avoid, 0, 1);
    }

    public IEnumerable<(IntentConcept Topic, float Score)> TopicsOf(int index)
    {
        foreach (var (topic, score) in _topics)
        {
            yield return (topic, score[index]);
        }
    }

    public float KeywordMatch(int index) => _keyword?[index] ?? 0;

    /// <summary>The wished labels this film carries (exactly or within a longer label of its own), best first.</summary>
    public IEnumerable<string> LabelsOf(int index)
    {
        foreach (var (label, score) in _labels)
        {
            if (score[index] >= CatalogLabels.ContainingLabelEvidence)
            {
                yield return label;
            }
        }
    }

    /// <summary>
    /// Made for children: a G/PG/U certificate or MovieLens's Children genre or TMDB's Family genre 1;
    /// animation alone 0.5 (much of it is not for children: anime, South Park). For a young child
    /// (<see cref="YoungChildAge"/> or under) "for children" narrows to what small children watch: a live-action film
    /// counts three quarters, and a PG certificate (parental guidance) 85%; "a movie for my 5 year old" opened on
    /// It's a Wonderful Life, a 130-minute drama about a man on a bridge.
    /// </summary>
    public static double AudienceMatch(CatalogMovie movie, int? age = null)
    {
        var details = movie.Details;
        var family = movie.Genres.Contains("Children") || details?.TmdbGenres?.Contains("Family") == true;
        var animated = movie.Genres.Contains("Animation");
        double match;
        if (Certifications.MinimumAge(details?.Certification, details?.CertificationCountry) is { } minimum)
        {
            match = minimum == 0 && family ? 1 : minimum == 0 ? 0.7 : 0;
        }
        else
        {
            match = family ? 1 : animated ? 0.5 : 0;
        }
        if (age <= YoungChildAge)
        {
            match *= (animated ? 1 : LiveActionForYoungChild) * (Certifications.AsksParentalGuidance(details?.Certification) ? ParentalGuidanceForYoungChild : 1);
        }
        return match;
    }

    /// <summary>Viewers this young or younger watch what is made for small children (see <see cref="AudienceMatch"/>).</summary>
    public const int YoungChildAge = 7;

    private const double LiveActionForYoungChild = 0.75;
    private const double ParentalGuidanceForYoungChild = 0.85;

    /// <summary>People, studios, languages and countries of the wish, matched against a film's record.</summary>
    public CatalogNameMatch Names => _names;

    /// <summary>True when the wish's text was embedded and films have vectors: <see cref="SemanticMatch"/> counts.</summary>
    public bool HasSemantic => _semantic is not null;

    /// <summary>
    /// Whether closeness in meaning ranks films for this wish, beyond telling how many films it reaches: not when its only
    /// subject is a form of its time ("silent films"), which the record settles. Closeness to the words put Silent
    /// Movie, Mel Brooks's 1976 film with one rating, above Metropolis, and halved the fit of The General, whose story
    /// never says "silent".
    /// </summary>
    private static bool MeaningIsAFacet(MovieIntent intent, IntentVocabulary vocabulary) =>
        RecommendationEngine.UsesQueryEmbedding(
            intent with { Keywords = intent.Keywords.Where(keyword => vocabulary.Find(keyword) is not { ReleasedTo: not null }).ToList() }, vocabulary);

    /// <summary>
    /// 0–1: how close in meaning the film's text is to the wish's text: the cosine of their embeddings, rescaled from
    /// <see cref="RankingOptions.SemanticFloorDeviations"/> above the candidates' mean (0) to the best candidate (1);
    /// 0 without an embedding.
    /// </summary>
    public float SemanticMatch(int index) => _semantic?[index] ?? 0;

    public (CatalogMovie Reference, float Similarity)? ReferenceMatch(int index) =>
        _reference is null ? null : (References[_closestReference![index]], _reference[index]);

    /// <summary>
    /// With a film to be like, a mood says how the page should differ from it ("toy story but darker"): it counts in
    /// full for films at least this like the reference, and in proportion below, so the mood's own favourites (Fight
    /// Club, Reservoir Dogs) do not crowd out darker films of Toy Story's kind.
    /// </summary>
    private const float ModifiedReferenceSimilarity = 0.3f;

    /// <summary>
    /// Weighted mean of the facets present, times a soft AND: the share of (weighted) facets the movie
    /// meets at all scales it between <see cref="RankingOptions.FacetCoverageFloor"/> and 1, so "like The
    /// Matrix but funny" prefers films that are both over films that are very much one of them.
    /// </summary>
    private float Combine(int index)
    {
        // Genres come from the features' flat array: most wishes never need the film's record itself.
        var genreBits = _snapshot.Features.GenreBits[index];
        var tmdbGenreBits = _snapshot.Features.TmdbGenreBits[index];
        var sum = 0.0;
        var weights = 0.0;
        var met = 0.0;
        void Facet(double weight, double score)
        {
            sum += weight * score;
            weights += weight;
            if (score >= _options.FacetMatchThreshold)
            {
                met += weight;
            }
        }
        // "like die hard on a train" is an action thriller on a train: a film of none of Die Hard's genres (Schindler's List,
        // for its trains) is off the kind the reference names, as it is off the kind a genre names.
        var offKind = _subjectOfAReference && (_referenceGenres & (genreBits | tmdbGenreBits)) == 0;
        if (!_wished.IsEmpty)
        {
            var genre = GenreMatch(new GenreSet(genreBits), new GenreSet(tmdbGenreBits));
            offKind |= _namedKind && genre <= 0 && (_kind is null || _kind[index] <= 0);
            if (_kind is null)
            {
                Facet(_options.GenreMatchWeight, genre);
            }
            else
            {
                var weight = _options.GenreMatchWeight + _options.LabelMatchWeight;
                Facet(weight, ((_options.GenreMatchWeight * genre) + (_options.LabelMatchWeight * _kind[index])) / weight);
            }
        }
        if (Moods.Count > 0)
        {
            var moodSum = 0.0;
            var moodWeights = 0.0;
            for (var m = 0; m < Moods.Count; m++)
            {
                // Tag-only moods ("classic", "hidden gem") mostly steer the blend through their boosts.
                var mood = Moods[m];
                if ((mood.IsAudience && _reference is not null) || _subjectOfMood[m] >= 0)
                {
                    continue;
                }
                var weight = mood.GenreMask.IsEmpty ? 0.3 : 1.0;
                moodSum += weight * MoodFit(mood, _moodTags[m], _moodAvoidTags[m], index, genreBits, tmdbGenreBits, _wished.Bits, _unopposedGenres, out _);
                moodWeights += weight;
            }
            if (moodWeights > 0)
            {
                var likeness = _reference is null ? 1 : Math.Min(1, _reference[index] / ModifiedReferenceSimilarity);
                Facet(_options.MoodMatchWeight * (moodWeights / Moods.Count), likeness * moodSum / moodWeights);
            }
        }
        if (_otherTopics.Count > 0)
        {
            var topicSum = 0.0;
            foreach (var score in _otherTopics)
            {
                topicSum += score[index];
            }
            Facet(_options.TopicMatchWeight, topicSum / _otherTopics.Count);
        }
        if (_turns.Count > 0)
        {
            var turnSum = 0.0;
            foreach (var score in _turns)
            {
                turnSum += score[index];
            }
            Facet(_options.TopicMatchWeight * TurnShare, turnSum / _turns.Count);
        }
        if (_subjects.Count > 0)
        {
            var labelSum = 0.0;
            for (var s = 0; s < _subjects.Count; s++)
            {
                var subject = (double)_subjects[s][index];
                for (var m = 0; m < Moods.Count; m++)
                {
                    if (_subjectOfMood[m] == s)
                    {
                        // Films of the mood meet the subject it names as films about a label's topic do: in part.
                        subject = Math.Max(subject, _options.LabelTopicShare
                            * MoodFit(Moods[m], _moodTags[m], _moodAvoidTags[m], index, genreBits, tmdbGenreBits, _wished.Bits, _unopposedGenres, out _));
                    }
                }
                labelSum += subject;
            }
            Facet(_options.LabelMatchWeight, labelSum / _subjects.Count);
        }
        if (_keyword is not null)
        {
            Facet(_options.KeywordMatchWeight, _keyword[index]);
        }
        if (_reference is not null)
        {
            Facet(_options.ReferenceMatchWeight, _reference[index]);
        }
        if (_names.HasPeople)
        {
            Facet(_options.PersonMatchWeight, _names.PersonMatch(_snapshot.Catalog.Movies[index])?.Score ?? 0);
        }
        if (_names.HasCompanies)
        {
            Facet(_options.CompanyMatchWeight, _names.CompanyMatch(_snapshot.Catalog.Movies[index]) is null ? 0 : 1);
        }
        if (_names.HasPlaces)
        {
            Facet(_options.PlaceMatchWeight, _names.PlaceMatch(_snapshot.Catalog.Movies[index]));
        }
        if (YoungAudience)
        {
            Facet(_options.AudienceMatchWeight, AudienceMatch(_snapshot.Catalog.Movies[index], _viewerAge));
        }
        if (WantsShorts)
        {
            Facet(_options.ShortsMatchWeight, _snapshot.Catalog.Movies[index].IsShort ? 1 : 0);
        }
        if (_semantic is not null && _meaningIsAFacet)
        {
            Facet(_options.SemanticMatchWeight, _semantic[index]);
        }
        if (weights <= 0)
        {
            return 0;
        }
        var coverage = met / weights;
        var total = sum / weights * (_options.FacetCoverageFloor + ((1 - _options.FacetCoverageFloor) * coverage));
        // The genre a wish names is the kind of film it asks for ("a thought-provoking documentary", "a creepy atmospheric
        // horror"); its other words say which of that kind. A film of none of the wished genres that met them (Pulp Fiction,
        // tagged "thought-provoking"; Fight Club, "atmospheric") had outranked the documentaries and horror films asked for.
        return (float)(offKind ? total * _options.OffKindShare : total);
    }

    /// <summary>
    /// How much each candidate is about the terms (tagged 1, mentioned 0.45–0.8, see <see cref="ContentIndex.Evidence"/>);
    /// a topic's genre hint then adds a quarter.
    /// </summary>
    private float[] Score(IReadOnlyList<string> terms, IntentConcept? topic, ReadOnlySpan<int> candidates)
    {
        var n = _snapshot.Catalog.Count;
        var evidence = Rent(n);
        if (topic is not null && _snapshot.Features.Topic(topic.Name) is { } hits)
        {
            hits.CopyTo(evidence);
            if (topic.ReleasedTo is not null)
            {
                // A form of its time is settled by the record (see RankingFeatures): "silent" inside "Jay and Silent Bob" is not it.
                return evidence;
            }
            // A film that viewers or TMDB labelled with the topic's own words ("boxing", "feudal japan") is about it,
            // however long its text: search scores alone rank Million Dollar Baby below a film that mentions a boxer.
            foreach (var phrase in topic.Phrases)
            {
                _snapshot.Labels.Evidence(phrase, evidence);
            }
        }
        else
        {
            RankingFeatures.WordEvidence(_snapshot.Content, _snapshot.Labels, terms, evidence, Rent(n));
        }
        if (topic is { GenreMask.IsEmpty: false })
        {
            foreach (var index in candidates)
            {
                var hint = topic.BestGenreWeight(_snapshot.Catalog.Movies[index].GenreMask.Bits);
                evidence[index] = (0.75f * evidence[index]) + (0.25f * hint);
            }
        }
        return evidence;
    }

    /// <summary>
    /// Films carrying the label 1, carrying a longer label that contains it 0.7, only mentioning its words in their
    /// text or other labels up to <see cref="LabelMentionShare"/> of their keyword evidence. A label of one word that
    /// the search finds as itself ("teacher", "chess") is a word like any other when a story names it: "a mathematics
    /// teacher" says Stand and Deliver is about one as surely as a keyword would, and at half that, The Hunt (keyworded
    /// "teacher", about an accusation) led "an inspiring teacher movie" over it. Not so a word whose stem joins others
    /// ("beautiful" found Beauty and the Beast).
    /// </summary>
    private float[] LabelScore(string label)
    {
        var n = _snapshot.Catalog.Count;
        var evidence = Rent(n);
        if (label.Contains(' ') || !_snapshot.Content.SearchesAsItself(label))
        {
            _snapshot.Content.Evidence([label], evidence, Rent(n));
            for (var i = 0; i < n; i++)
            {
                evidence[i] *= LabelMentionShare;
            }
        }
        else
        {
            RankingFeatures.WordEvidence(_snapshot.Content, _snapshot.Labels, [label], evidence, Rent(n));
            for (var i = 0; i < n; i++)
            {
                evidence[i] = Math.Min(evidence[i], WordLabelMention);
            }
        }
        _snapshot.Labels.Evidence(label, evidence);
        return evidence;
    }

    /// <summary>
    /// The labels as facets, each joined with the topics read from the same words ("alien invasion" and the aliens
    /// topic, "dog" and animals): two readings of one phrase are one subject, met by either, so a film about aliens
    /// invading that no one filed under "alien invasion" is not ranked as if it missed half the wish. The label,
    /// being the narrower reading, keeps the edge (<see cref="RankingOptions.LabelTopicShare"/>). Topics no label
    /// covers stay facets of their own, and turns of the story go to <see cref="_turns"/>.
    /// </summary>
    private List<float[]> Subjects(ReadOnlySpan<int> candidates)
    {
        var subjects = new List<float[]>(_labels.Count);
        var joined = new bool[_topics.Count];
        Array.Fill(_subjectOfMood, -1);
        // A turn of the story beside another subject orders that subject's films; alone ("when a plan goes horribly
        // wrong") it is the subject.
        var turnHasASubject = _topics.Count(topic => !topic.Topic.IsTurn) + _labels.Count + (_keyword is null ? 0 : 1) > 0 || !_wished.IsEmpty;
        for (var t = 0; t < _topics.Count; t++)
        {
            if (turnHasASubject && _topics[t].Topic.IsTurn)
            {
                joined[t] = true;
                _turns.Add(_topics[t].Score);
            }
        }
        foreach (var (label, score) in _labels)
        {
            if (ReferenceEquals(score, _kind))
            {
                continue;
            }
            var words = " " + QueryText.Normalize(label) + " ";
            // A concept read from the label's own words ("aliens" in "alien invasion", romantic in "falling in love").
            bool SaidByTheLabel(IntentConcept concept) =>
                concept.Phrases.Any(phrase => words.Contains(" " + QueryText.Normalize(phrase) + " ", StringComparison.Ordinal));
            var subject = score;
            for (var t = 0; t < _topics.Count; t++)
            {
                var (topic, topicScore) = _topics[t];
                if (topic.IsTurn || !SaidByTheLabel(topic))
                {
                    continue;
                }
                joined[t] = true;
                if (ReferenceEquals(subject, score))
                {
                    subject = Rent(_snapshot.Catalog.Count);
                    foreach (var index in candidates)
                    {
                        subject[index] = score[index];
                    }
                }
                // A form of its time is settled by the record, which already holds the label: Casablanca is black and
                // white without being filed so.
                var share = topic.ReleasedTo is null ? (float)_options.LabelTopicShare : 1f;
                foreach (var index in candidates)
                {
                    subject[index] = Math.Max(subject[index], share * topicScore[index]);
                }
            }
            for (var m = 0; m < Moods.Count; m++)
            {
                if (_subjectOfMood[m] < 0 && SaidByTheLabel(Moods[m]))
                {
                    _subjectOfMood[m] = subjects.Count;
                }
            }
            subjects.Add(subject);
        }
        for (var t = 0; t < _topics.Count; t++)
        {
            if (!joined[t])
            {
                _otherTopics.Add(_topics[t].Score);
            }
        }
        return subjects;
    }

    /// <summary>
    /// The concept when the label names a kind made of the wished genres ("romantic comedy" with Romance and Comedy):
    /// one thing said twice, so it joins the genre facet instead of weighing as a subject of its own. As two facets it
    /// outweighed a person: "a romantic comedy with julia roberts" put Amélie above Notting Hill.
    /// </summary>
    public static IntentConcept? KindOfWishedGenres(IntentVocabulary vocabulary, string label, GenreSet wished) =>
        vocabulary.Find(label) is { IsKindOfGenres: true } kind && (kind.GenreMask.Bits & ~wished.Bits) == 0
            ? kind
            : null;

    /// <summary>
    /// The weight of a turn of the story (<see cref="IntentConcept.IsTurn"/>) beside a subject's: enough to put the heists
    /// that go wrong first, too little for a botched robbery to lead "a science experiment gone wrong".
    /// </summary>
    private const double TurnShare = 0.5;

    /// <summary>
    /// The most a story's mention of a one-word label counts: less than a longer label holding it ("twist ending" says
    /// more of "twist" than an overview's "a twist of fate").
    /// </summary>
    private const float WordLabelMention = 0.6f;

    /// <summary>A film that only mentions a label's words is this much of one filed under it.</summary>
    private const float LabelMentionShare = 0.5f;

    /// <summary>
    /// A film whose MovieLens genres are the kind's and no more ("Comedy|Romance" for a romantic comedy) is of that kind
    /// on its record, as surely as one a TMDB editor labelled so; each genre of its own beyond the kind's makes it less
    /// so (a Comedy|Drama|Romance film two thirds). Only a few dozen films carry the label: "romantic comedy" had films
    /// of six ratings above When Harry Met Sally, Notting Hill and Pretty Woman, which no one labelled.
    /// </summary>
    private void KindOnRecord(GenreSet kind, float[] evidence, ReadOnlySpan<int> candidates)
    {
        foreach (var index in candidates)
        {
            var genres = _snapshot.Features.GenreBits[index];
            if ((genres & kind.Bits) == kind.Bits)
            {
                var share = (float)kind.Count / System.Numerics.BitOperations.PopCount(genres);
                evidence[index] = Math.Max(evidence[index], share);
            }
        }
    }

    private float[] Semantic(SemanticIndex semantic, float[] query, ReadOnlySpan<int> candidates)
    {
        var scores = Rent(_snapshot.Catalog.Count);
        semantic.Cosines(query, candidates, scores);
        double sum = 0, sumOfSquares = 0;
        var best = float.MinValue;
        foreach (var index in candidates)
        {
            var cosine = scores[index];
            sum += cosine;
            sumOfSquares += (double)cosine * cosine;
            best = Math.Max(best, cosine);
        }
        var mean = sum / candidates.Length;
        var deviation = Math.Sqrt(Math.Max(0, (sumOfSquares / candidates.Length) - (mean * mean)));
        var floor = (float)(mean + (_options.SemanticFloorDeviations * deviation));
        var span = best - floor;
        foreach (var index in candidates)
        {
            scores[index] = span > 1e-6f ? Math.Clamp((scores[index] - floor) / span, 0, 1) : 0;
        }
        return scores;
    }

    /// <summary>The genres the wish names, and those its moods are made of (the scary mood's Horror).</summary>
    private GenreSet MoodAndWishedGenres => new(Moods.Aggregate(_wished.Bits, (bits, mood) => bits | GenreSet.From(
        mood.GenreWeights.Where(g => g.Value >= DefiningGenreWeight).Select(g => g.Key)).Bits));

    // A mood's defining genres: the scary mood weighs Horror 1.0, the family mood Children 1.0 and Animation 0.95.
    private const double DefiningGenreWeight = 0.9;

    private float[] Excluded(IReadOnlyList<string> keywords, ReadOnlySpan<int> candidates)
    {
        var n = _snapshot.Catalog.Count;
        var excluded = Rent(n);
        var words = new List<string>();
        foreach (var keyword in keywords)
        {
            var concept = _snapshot.Vocabulary.Find(keyword);
            if (concept?.Kind == ConceptKind.Mood && _snapshot.Features.MoodTags(concept.Name) is { } tags)
            {
                // A ruled-out mood whose genres the wish asks for ("a horror movie that isn't gory", "a scary movie
                // that isn't too gory") rules out the films tagged so, not the genre: by genre alone it would push
                // out the very films asked for.
                var byGenre = !concept.GenreMask.IsEmpty && concept.GenreMask.CountShared(MoodAndWishedGenres) == 0;
                foreach (var index in candidates)
                {
                    if (tags[index])
                    {
                        excluded[index] = 1;
                    }
                    else if (byGenre)
                    {
                        // "Not just explosions": the mood's kind of film ranks lower even untagged, though less so.
                        excluded[index] = Math.Max(excluded[index], (float)(NegatedMoodShare * MoodMatch(concept, _snapshot.Catalog.Movies[index], out _)));
                    }
                }
            }
            else if (concept is { Terms.Count: > 0 } && _snapshot.Features.Topic(concept.Name) is { } hits)
            {
                for (var h = 0; h < hits.Indices.Length; h++)
                {
                    excluded[hits.Indices[h]] = Math.Max(excluded[hits.Indices[h]], hits.Scores[h]);
                }
            }
            else
            {
                words.Add(keyword);
            }
        }
        if (words.Count > 0)
        {
            var evidence = Rent(n);
            _snapshot.Content.Evidence(words, evidence, Rent(n));
            foreach (var index in candidates)
            {
                excluded[index] = Math.Max(excluded[index], evidence[index]);
            }
        }
        return excluded;
    }

    private float[] Rent(int n)
    {
        var array = ArrayPool<float>.Shared.Rent(n);
        Array.Clear(array, 0, n);
        _rented.Add(array);
        return array;
    }

    public void Dispose()
    {
        foreach (var array in _rented)
        {
            ArrayPool<float>.Shared.Return(array);
        }
        _rented.Clear();
        if (_closestReference is not null)
        {
            ArrayPool<int>.Shared.Return(_closestReference);
        }
        if (_closestAnchor is not null)
        {
            ArrayPool<int>.Shared.Return(_closestAnchor);
        }
    }
}
