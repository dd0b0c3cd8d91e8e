using Marquee.Core.Catalog;
using Marquee.Core.Content;
using Marquee.Core.Intent;
using Marquee.Core.Recommenders;

namespace Marquee.Core.Ranking;

/// <summary>
/// Per-catalogue numbers the ranking loop reads instead of recomputing per request: quality and
/// popularity on 0–1, a franchise key per title, and which movies carry each mood's tags.
/// </summary>
public sealed class RankingFeatures
{
    private static readonly HashSet<string> Insignificant = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "and", "in", "on", "to", "at", "for", "with", "from", "le", "la", "les", "el", "il", "der", "die", "das",
    };

    private static readonly HashSet<string> SequelMarkers = new(StringComparer.Ordinal)
    {
        "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "part", "chapter", "episode", "vol", "volume",
        "second", "third", "fourth", "fifth", "returns", "again", "two", "three", "four", "final", "origins",
    };

    private readonly float[] _quality;
    private readonly float[] _popularity;
    private readonly float[] _fame;
    private readonly uint[] _genreBits;
    private readonly uint[] _tmdbGenreBits;
    private readonly uint[] _genreCombinations;
    private readonly int[] _genreCombinationOf;
    private readonly int[] _knownRatings;
    private readonly int[] _bestQuality;

    /// <summary>How many of the best-rated films <see cref="BestQuality"/> keeps.</summary>
    public const int MaxBestQuality = 1024;
    private readonly int[] _franchiseFirst;
    private readonly int[] _franchiseSecond;
    private readonly Dictionary<string, bool[]> _moodTags;
    private readonly Dictionary<string, byte[]> _moodAvoidTags;
    private readonly bool[] _lightTone;
    private readonly byte[] _darkTags;
    private readonly float[] _communityStars;
    private readonly Dictionary<string, TopicHits> _topics;

    public RankingFeatures(MovieCatalog catalog, BaselineRecommender baseline, ContentIndex content, CatalogLabels labels, IntentVocabulary vocabulary)
    {
        var movies = catalog.Movies;
        _quality = new float[movies.Count];
        _popularity = new float[movies.Count];
        _fame = new float[movies.Count];
        var damped = QualityEvidence(catalog, baseline);
        _communityStars = damped;
        var low = float.MaxValue;
        var high = float.MinValue;
        var maxCount = 0;
        foreach (var movie in movies)
        {
            low = Math.Min(low, damped[movie.Index]);
            high = Math.Max(high, damped[movie.Index]);
            maxCount = Math.Max(maxCount, movie.RatingCount);
        }
        var logMax = Math.Log(1 + maxCount);
        _genreBits = new uint[movies.Count];
        _tmdbGenreBits = new uint[movies.Count];
        _knownRatings = new int[movies.Count];
        foreach (var movie in movies)
        {
            _genreBits[movie.Index] = movie.GenreMask.Bits;
            _tmdbGenreBits[movie.Index] = movie.TmdbGenreMask.Bits;
            _quality[movie.Index] = high > low ? (damped[movie.Index] - low) / (high - low) : 0.5f;
            _popularity[movie.Index] = logMax > 0 ? (float)(Math.Log(1 + movie.RatingCount) / logMax) : 0;
        }
        // An old classic's fame is what MovieLens says, a recent blockbuster's what TMDB says.
        foreach (var movie in movies)
        {
            var asRatings = catalog.TmdbVotesAsRatings(movie);
            _knownRatings[movie.Index] = catalog.KnownRatings(movie);
            _fame[movie.Index] = logMax > 0 ? Math.Max(_popularity[movie.Index], (float)Math.Min(1, Math.Log(1 + asRatings) / logMax)) : 0;
        }
        // Best quality first, ties to the smaller index: the films candidate generation always includes.
        _bestQuality = Enumerable.Range(0, movies.Count).OrderByDescending(i => _quality[i]).ThenBy(i => i).Take(MaxBestQuality).ToArray();
        var combinationIds = new Dictionary<uint, int>();
        _genreCombinationOf = new int[movies.Count];
        for (var index = 0; index < movies.Count; index++)
        {
            if (!combinationIds.TryGetValue(_genreBits[index], out var id))
            {
                combinationIds[_genreBits[index]] = id = combinationIds.Count;
            }
            _genreCombinationOf[index] = id;
        }
        _genreCombinations = new uint[combinationIds.Count];
        foreach (var (bits, id) in combinationIds)
        {
            _genreCombinations[id] = bits;
        }

        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        _franchiseFirst = new int[movies.Count];
        _franchiseSecond = new int[movies.Count];
        foreach (var movie in movies)
        {
            var (first, second) = FranchiseKey(movie.Title);
            _franchiseFirst[movie.Index] = Intern(words, first);
            _franchiseSecond[movie.Index] = Intern(words, second);
        }

        _moodTags = new Dictionary<string, bool[]>(StringComparer.OrdinalIgnoreCase);
        _moodAvoidTags = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        _lightTone = new bool[movies.Count];
        _darkTags = new byte[movies.Count];
        foreach (var mood in vocabulary.Moods)
        {
            _moodTags[mood.Name] = MoodTagHits(content, labels, vocabulary, mood, movies);
            if (mood.AvoidTags.Count > 0)
            {
                var avoid = _moodAvoidTags[mood.Name] = AvoidTagCounts(content, mood.AvoidTags);
                var tagged = _moodTags[mood.Name];
                foreach (var movie in movies)
                {
                    var i = movie.Index;
                    _darkTags[i] = Math.Max(_darkTags[i], avoid[i]);
                    // Of a genre the mood is mostly made of (Comedy for cozy): Die Hard's "christmas" makes it no cozy film.
                    _lightTone[i] |= tagged[i] && mood.BestGenreWeight(movie.GenreMask.Bits) >= CoreMoodGenreWeight;
                }
            }
        }
        for (var i = 0; i < _lightTone.Length; i++)
        {
            _lightTone[i] &= _darkTags[i] == 0;
        }

        // Topics are a fixed vocabulary: search each once here instead of on every request.
        _topics = new Dictionary<string, TopicHits>(StringComparer.OrdinalIgnoreCase);
        var scores = new float[movies.Count];
        var scratch = new float[movies.Count];
        foreach (var concept in vocabulary.Concepts)
        {
            if (concept.Terms.Count == 0)
            {
                continue;
            }
            Array.Clear(scores);
            if (concept.ReleasedTo is { } lastYear)
            {
                EraEvidence(movies, concept.Terms, lastYear, concept.ReleasedToExcept, scores);
            }
            else
            {
                WordEvidence(content, labels, concept.Terms, scores, scratch);
            }
            var indices = new List<int>();
            var values = new List<float>();
            for (var i = 0; i < scores.Length; i++)
            {
                if (scores[i] > 0)
                {
                    indices.Add(i);
                    values.Add(scores[i]);
                }
            }
            _topics[concept.Name] = new TopicHits([.. indices], [.. values]);
        }
    }

    /// <summary>
    /// How much each film is about the words (see <see cref="ContentIndex.Evidence"/>), a film filed under them only inside
    /// a longer label or by their stem counted as <see cref="OnlyContainingLabels"/> says: the evidence of topics and of
    /// a wish's own words alike.
    /// </summary>
    internal static void WordEvidence(ContentIndex content, CatalogLabels labels, IReadOnlyList<string> words, float[] scores, float[] scratch)
    {
        content.Evidence(words, scores, scratch);
        OnlyContainingLabels(labels, words, scores);
    }

    /// <summary>
    /// A film with one label that only contains a topic's word inside a longer one ("junk food" on Taxi Driver, "dead
    /// dog" on Jaws) has the word as a prop, not as its subject: it counts as a containing label does, not as a film
    /// filed under the word (the search of the labels' words cannot tell the two apart). Several such labels ("talking
    /// dog", "girl dog relationship" on Bolt) say the film is about it. A film none of whose labels holds the word
    /// matched only by its stem, which joins words of other meanings ("animal" and "animation", "mad" and "madness"):
    /// that counts as a mention in its text does, at the least.
    /// </summary>
    private static void OnlyContainingLabels(CatalogLabels labels, IReadOnlyList<string> terms, float[] scores)
    {
        var counts = new int[scores.Length];
        var exact = new bool[scores.Length];
        labels.CountContaining(terms, counts, exact);
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] >= 1 && !exact[i] && counts[i] <= 1)
            {
                scores[i] = counts[i] == 1 ? CatalogLabels.ContainingLabelEvidence : KeywordEvidence.LeastMention;
            }
        }
    }

    /// <summary>
    /// A form of its time ("silent film") is a matter of record, not of wording: every film of the era has it, a later
    /// one only when labelled with the form's own name (Modern Times, The Artist). Text mentions do not count here
    /// (Singin' in the Rain is about the end of silent film, not one).
    /// </summary>
    private static void EraEvidence(IReadOnlyList<CatalogMovie> movies, IReadOnlyList<string> terms, int lastYear, GenreSet except, float[] scores)
    {
        var names = terms.Select(CatalogLabels.Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var movie in movies)
        {
            if ((movie.ReleaseYear <= lastYear && movie.GenreMask.CountShared(except) == 0) || movie.Labels.Any(label => names.Contains(CatalogLabels.Normalize(label))))
            {
                scores[movie.Index] = 1;
            }
        }
    }

    /// <summary>TMDB votes count as this many MovieLens ratings each (TMDB's voters are many and less engaged).</summary>
    private const double TmdbVoteWeight = 1.0 / 50;

    /// <summary>At most this many pseudo-ratings come from TMDB, so MovieLens's own raters keep the last word.</summary>
    private const double MaxTmdbPseudoRatings = 20;

    /// <summary>
    /// The quality prior: MovieLens's damped mean with TMDB's vote average folded in as extra (damped)
    /// evidence, so a film with one 5★ MovieLens rating but a middling TMDB reception does not rise, and a
    /// well-received film few MovieLens users rated is not buried. TMDB's 0–10 average maps onto 0.5–5 stars.
    /// </summary>
    private static float[] QualityEvidence(MovieCatalog catalog, BaselineRecommender baseline)
    {
        var prior = baseline.Options.PriorStrength;
        var damped = baseline.DampedMeans;
        var quality = new float[catalog.Count];
        foreach (var movie in catalog.Movies)
        {
            if (movie.Details is { TmdbRating: { } average, TmdbVoteCount: > 0 and var votes })
            {
                var pseudo = Math.Min(MaxTmdbPseudoRatings, votes * TmdbVoteWeight);
                var stars = 0.5 + (4.5 * Math.Clamp(average, 0, 10) / 10);
                var weight = prior + movie.RatingCount;
                quality[movie.Index] = (float)(((weight * damped[movie.Index]) + (pseudo * stars)) / (weight + pseudo));
            }
            else
            {
                quality[movie.Index] = damped[movie.Index];
            }
        }
        return quality;
    }

    /// <summary>
    /// The quality prior in stars (damped MovieLens mean with TMDB votes as evidence): what the community says a
    /// person who has told Marquee nothing will think of the film.
    /// </summary>
    public ReadOnlySpan<float> CommunityStars => _communityStars;

    /// <summary>Quality prior (damped MovieLens mean with TMDB votes as evidence) rescaled to 0–1 over the catalogue.</summary>
    public ReadOnlySpan<float> Quality => _quality;

    /// <summary>log(1 + ratings) rescaled to 0–1.</summary>
    public ReadOnlySpan<float> Popularity => _popularity;

    /// <summary>
    /// How well known a film is in the world, 0–1: the larger of its MovieLens popularity and its TMDB vote count
    /// counted in MovieLens ratings (the catalogue's median votes per rating). MovieLens's count alone calls recent
    /// blockbusters obscure (Avengers: Infinity War has a handful of ratings in ml-latest-small and opened "an
    /// underrated sci-fi gem").
    /// </summary>
    public ReadOnlySpan<float> Fame => _fame;

    /// <summary>Each movie's genres as <see cref="Catalog.GenreSet"/> bits, by catalogue index (hot loops skip the object).</summary>
    public ReadOnlySpan<uint> GenreBits => _genreBits;
    /// <summary>By catalogue index: <see cref="CatalogMovie.TmdbGenreMask"/>.</summary>
    public ReadOnlySpan<uint> TmdbGenreBits => _tmdbGenreBits;

    /// <summary>
    /// The distinct genre combinations of the catalogue (about a thousand for tens of thousands of movies), as
    /// <see cref="Catalog.GenreSet"/> bits: a per-request genre score is computed once per combination.
    /// </summary>
    public ReadOnlySpan<uint> GenreCombinations => _genreCombinations;

    /// <summary>Each movie's position in <see cref="GenreCombinations"/>, by catalogue index.</summary>
    public ReadOnlySpan<int> GenreCombinationOf => _genreCombinationOf;

    /// <summary>Catalogue indices of the (at most <see cref="MaxBestQuality"/>) films of highest quality, best first.</summary>
    public ReadOnlySpan<int> BestQuality => _bestQuality;

    /// <summary>
    /// How many ratings a film's verdict rests on, by catalogue index: its MovieLens ratings, or its TMDB votes counted
    /// in MovieLens ratings when those are more. The Searchers has 7 ratings in ml-latest-small and 332 TMDB votes
    /// (15 ratings' worth): a classic, not a film that rose on a handful of 5★.
    /// </summary>
    public ReadOnlySpan<int> KnownRatings => _knownRatings;

    /// <summary>Whether the movie at a catalogue index carries one of the mood's tags; null for unknown moods.</summary>
    public bool[]? MoodTags(string mood) => _moodTags.GetValueOrDefault(mood);

    /// <summary>
    /// How many of the tags that work against the mood the movie at a catalogue index carries (capped at 255); null
    /// when the mood names none.
    /// </summary>
    public byte[]? MoodAvoidTags(string mood) => _moodAvoidTags.GetValueOrDefault(mood);

    /// <summary>
    /// Films of a light tone: carrying a light mood's own labels ("whimsical", "feel-good", "heartwarming") and none of
    /// the labels that work against one. "Like Amélie" asks for that tone as much as for its story.
    /// </summary>
    public ReadOnlySpan<bool> LightTone => _lightTone;

    /// <summary>
    /// How many labels that work against a light mood a film carries (the most for any one mood): "holocaust" and
    /// "dark comedy" make Life Is Beautiful two.
    /// </summary>
    public ReadOnlySpan<byte> DarkTags => _darkTags;

    /// <summary>A light mood's genre weight from which a film tagged with the mood is of it (see <see cref="LightTone"/>).</summary>
    private const float CoreMoodGenreWeight = 0.75f;

    /// <summary>
    /// Films carrying one of the mood's tags; a tag that names a kind of film by its genres ("romantic comedy") is
    /// also carried by every film whose MovieLens genres are exactly that kind. A few dozen films are labelled a
    /// romantic comedy, and When Harry Met Sally, Notting Hill and Pretty Woman are not among them.
    /// </summary>
    private static bool[] MoodTagHits(ContentIndex content, CatalogLabels labels, IntentVocabulary vocabulary, IntentConcept mood,
        IReadOnlyList<CatalogMovie> movies)
    {
        var hits = content.TagHits(mood.Tags);
        // One label holding a tag inside a longer one is a prop, as for topics (see OnlyContainingLabels): The Shawshank
        // Redemption's "police brutality" made it the first film of "something dark and twisted".
        var counts = new int[hits.Length];
        var exact = new bool[hits.Length];
        labels.CountContaining(mood.Tags, counts, exact);
        for (var i = 0; i < hits.Length; i++)
        {
            hits[i] &= exact[i] || counts[i] != 1;
        }
        foreach (var tag in mood.Tags)
        {
            if (vocabulary.Find(tag) is { IsKindOfGenres: true } kind)
            {
                foreach (var movie in movies)
                {
                    hits[movie.Index] |= movie.GenreMask.Bits == kind.GenreMask.Bits;
                }
            }
        }
        return hits;
    }

    private static byte[] AvoidTagCounts(ContentIndex content, IReadOnlyList<string> tags)
    {
        var counts = new byte[content.Count];
        foreach (var tag in tags)
        {
            var hits = content.TagHits([tag]);
            for (var i = 0; i < counts.Length; i++)
            {
                if (hits[i] && counts[i] < byte.MaxValue)
                {
                    counts[i]++;
                }
            }
        }
        return counts;
    }

    /// <summary>BM25 hits of a vocabulary concept's search terms (topics, "gangster", ...); null when it has none.</summary>
    public TopicHits? Topic(string concept) => _topics.GetValueOrDefault(concept);

    /// <summary>
    /// Same franchise when the first significant title word matches and the second does too, or one title has
    /// none: "Toy Story" ~ "Toy Story 2", "The Matrix" ~ "The Matrix Reloaded", "Star Wars" ≁ "Star Trek".
    /// </summary>
    public bool SameFranchise(int a, int b)
    {
        if (_franchiseFirst[a] == 0 || _franchiseFirst[a] != _franchiseFirst[b])
        {
            return false;
        }
        var second = _franchiseSecond[a];
        var other = _franchiseSecond[b];
        return second == 0 || other == 0 || second == other;
    }

    /// <summary>The words a title's franchise is recognised by (exposed for tests and docs).</summary>
    public static (string First, string Second) FranchiseKey(string title)
    {
        var bracket = title.IndexOf(" (", StringComparison.Ordinal);
        var main = bracket > 0 ? title[..bracket] : title;
        var significant = new List<string>(2);
        foreach (var token in QueryText.Tokenize(main))
        {
            if (token.Kind is not (QueryTokenKind.Word or QueryTokenKind.Number))
            {
                continue;
            }
            var word = token.Text;
            if (Insignificant.Contains(word) || (significant.Count > 0 && (SequelMarkers.Contains(word) || char.IsAsciiDigit(word[0]))))
            {
                continue;
            }
            // "Alien" and "Aliens" are one franchise.
            significant.Add(word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word);
            if (significant.Count == 2)
            {
                break;
            }
        }
        return (significant.Count > 0 ? significant[0] : "", significant.Count > 1 ? significant[1] : "");
    }

    private static int Intern(Dictionary<string, int> words, string word)
    {
        if (word.Length == 0)
        {
            return 0;
        }
        if (!words.TryGetValue(word, out var id))
        {
            words[word] = id = words.Count + 1;
        }
        return id;
    }
}

/// <summary>The movies a topic's terms found, by catalogue index, with their evidence (see <see cref="Content.ContentIndex.Evidence"/>).</summary>
public sealed record TopicHits(int[] Indices, float[] Scores)
{
    /// <summary>Writes the evidence into an array indexed by catalogue position.</summary>
    public void CopyTo(float[] scoresByIndex)
    {
        for (var i = 0; i < Indices.Length; i++)
        {
            scoresByIndex[Indices[i]] = Scores[i];
        }
    }
}
