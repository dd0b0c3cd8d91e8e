using System.Buffers;
using Marquee.Core.Catalog;
using Marquee.Core.Intent;

namespace Marquee.Core.Ranking;

/// <summary>
/// How well each candidate fits the soft part of an intent, 0–1: the weighted mean of the parts the
/// intent has (wished genres, moods, topics, free keywords, reference titles). Also knows, per movie,
/// which part matched, for the reasons. Arrays are pooled: dispose after use.
/// </summary>
internal sealed class IntentRelevance : IDisposable
{
    private readonly List<float[]> _rented = [];
    private readonly RecommenderSnapshot _snapshot;
    private readonly RankingOptions _options;
    private readonly GenreSet _wished;
    private readonly float[] _total;
    private readonly float[]? _keyword;
    private readonly float[]? _reference;
    private readonly int[]? _closestReference;
    private readonly float[]? _excluded;
    private readonly List<(IntentConcept Topic, float[] Score)> _topics = [];

    public IntentRelevance(RecommenderSnapshot snapshot, MovieIntent intent, ReadOnlySpan<int> candidates, RankingOptions options)
    {
        _snapshot = snapshot;
        _options = options;
        var vocabulary = snapshot.Vocabulary;
        var n = snapshot.Catalog.Count;
        _wished = GenreSet.From(intent.Genres);
        Moods = intent.Moods.Select(m => vocabulary.FindMood(m)).OfType<IntentConcept>().Distinct().ToList();
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
        References = intent.ReferenceMovieIds.Select(id => snapshot.Catalog.Find(id)).OfType<CatalogMovie>().ToList();
        if (References.Count > 0)
        {
            _reference = Rent(n);
            _closestReference = ArrayPool<int>.Shared.Rent(n);
            ReferenceSimilarity.Compute(snapshot, References, candidates, _reference, _closestReference);
        }
        if (intent.ExcludeKeywords.Count > 0)
        {
            _excluded = Excluded(intent.ExcludeKeywords, candidates);
        }
        foreach (var mood in Moods)
        {
            QualityBoost += mood.QualityBoost;
            PopularityBoost += mood.PopularityBoost;
        }

        HasSignals = !_wished.IsEmpty || Moods.Count > 0 || _topics.Count > 0 || _keyword is not null || _reference is not null;
        _total = Rent(n);
        if (HasSignals)
        {
            foreach (var index in candidates)
            {
                _total[index] = Combine(index);
            }
        }
    }

    public bool HasSignals { get; }
    public IReadOnlyList<IntentConcept> Moods { get; }
    public IReadOnlyList<CatalogMovie> References { get; }
    /// <summary>Extra quality weight requested by moods such as "classic" or "acclaimed".</summary>
    public double QualityBoost { get; }
    /// <summary>Extra popularity weight (negative for "hidden gem").</summary>
    public double PopularityBoost { get; }

    public float Total(int index) => _total[index];

    /// <summary>0–1: how strongly the movie matches something the person ruled out.</summary>
    public float Excluded(int index) => _excluded?[index] ?? 0;

    public double GenreMatch(CatalogMovie movie) => _wished.IsEmpty ? 0 : (double)movie.GenreMask.CountShared(_wished) / _wished.Count;

    public IReadOnlyList<string> WishedGenresOf(CatalogMovie movie) =>
        movie.Genres.Where(g => _wished.Overlaps(GenreSet.From([g]))).ToList();

    /// <summary>Mood fit: genre weight plus a bonus for the mood's MovieLens tags; tag-only moods count by tags.</summary>
    public double MoodMatch(IntentConcept mood, CatalogMovie movie, out bool tagged)
    {
        tagged = _snapshot.Features.MoodTags(mood.Name) is { } tags && tags[movie.Index];
        if (mood.GenreMask.IsEmpty)
        {
            return tagged ? 1 : 0;
        }
        var weight = 0f;
        var bits = movie.GenreMask.Bits;
        while (bits != 0)
        {
            var bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
            weight = Math.Max(weight, mood.WeightByGenreBit[bit]);
            bits &= bits - 1;
        }
        return Math.Min(1, (0.85 * weight) + (tagged ? 0.3 : 0));
    }

    public IEnumerable<(IntentConcept Topic, float Score)> TopicsOf(int index)
    {
        foreach (var (topic, score) in _topics)
        {
            yield return (topic, score[index]);
        }
    }

    public float KeywordMatch(int index) => _keyword?[index] ?? 0;

    public (CatalogMovie Reference, float Similarity)? ReferenceMatch(int index) =>
        _reference is null ? null : (References[_closestReference![index]], _reference[index]);

    private float Combine(int index)
    {
        var movie = _snapshot.Catalog.Movies[index];
        var sum = 0.0;
        var weights = 0.0;
        if (!_wished.IsEmpty)
        {
            sum += _options.GenreMatchWeight * GenreMatch(movie);
            weights += _options.GenreMatchWeight;
        }
        if (Moods.Count > 0)
        {
            var moodSum = 0.0;
            var moodWeights = 0.0;
            foreach (var mood in Moods)
            {
                // Tag-only moods ("classic", "hidden gem") mostly steer the blend through their boosts.
                var weight = mood.GenreMask.IsEmpty ? 0.3 : 1.0;
                moodSum += weight * MoodMatch(mood, movie, out _);
                moodWeights += weight;
            }
            var share = _options.MoodMatchWeight * (moodWeights / Moods.Count);
            sum += share * (moodSum / moodWeights);
            weights += share;
        }
        if (_topics.Count > 0)
        {
            var topicSum = 0.0;
            foreach (var (_, score) in _topics)
            {
                topicSum += score[index];
            }
            sum += _options.TopicMatchWeight * (topicSum / _topics.Count);
            weights += _options.TopicMatchWeight;
        }
        if (_keyword is not null)
        {
            sum += _options.KeywordMatchWeight * _keyword[index];
            weights += _options.KeywordMatchWeight;
        }
        if (_reference is not null)
        {
            sum += _options.ReferenceMatchWeight * _reference[index];
            weights += _options.ReferenceMatchWeight;
        }
        return weights > 0 ? (float)(sum / weights) : 0;
    }

    /// <summary>
    /// Text relevance to search terms, compressed so any real match counts (0.6–1 by BM25 rank) and a topic's
    /// genre hint adds a quarter.
    /// </summary>
    private float[] Score(IReadOnlyList<string> terms, IntentConcept? topic, ReadOnlySpan<int> candidates)
    {
        var n = _snapshot.Catalog.Count;
        var raw = Rent(n);
        float max;
        if (topic is not null && _snapshot.Features.Topic(topic.Name) is { } hits)
        {
            hits.CopyTo(raw);
            max = hits.Max;
        }
        else
        {
            max = _snapshot.Content.Search(terms, raw);
        }
        foreach (var index in candidates)
        {
            var text = raw[index] > 0 && max > 0 ? 0.6f + (0.4f * raw[index] / max) : 0f;
            if (topic is { GenreMask.IsEmpty: false })
            {
                var hint = 0f;
                var bits = _snapshot.Catalog.Movies[index].GenreMask.Bits;
                while (bits != 0)
                {
                    var bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
                    hint = Math.Max(hint, topic.WeightByGenreBit[bit]);
                    bits &= bits - 1;
                }
                text = (0.75f * text) + (0.25f * hint);
            }
            raw[index] = text;
        }
        return raw;
    }

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
                foreach (var index in candidates)
                {
                    if (tags[index])
                    {
                        excluded[index] = 1;
                    }
                }
            }
            else if (concept is { Terms.Count: > 0 } && _snapshot.Features.Topic(concept.Name) is { } hits)
            {
                for (var h = 0; h < hits.Indices.Length; h++)
                {
                    excluded[hits.Indices[h]] = Math.Max(excluded[hits.Indices[h]], 0.5f + (0.5f * hits.Scores[h] / hits.Max));
                }
            }
            else
            {
                words.Add(keyword);
            }
        }
        if (words.Count > 0)
        {
            var raw = Rent(n);
            var max = _snapshot.Content.Search(words, raw);
            foreach (var index in candidates)
            {
                if (raw[index] > 0 && max > 0)
                {
                    excluded[index] = Math.Max(excluded[index], 0.5f + (0.5f * raw[index] / max));
                }
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
    }
}
