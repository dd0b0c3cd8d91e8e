using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Marquee.Core.Content;

/// <summary>Sparse, L2-normalised TF-IDF vectors in compressed rows, one per catalogue index.</summary>
internal sealed class TermVectors
{
    private readonly int[] _offsets;
    private readonly int[] _terms;
    private readonly float[] _weights;
    private readonly int _termCount;

    private TermVectors(int[] offsets, int[] terms, float[] weights, int termCount)
    {
        _offsets = offsets;
        _terms = terms;
        _weights = weights;
        _termCount = termCount;
    }

    public void CosineToAll(int index, Span<float> into)
    {
        var dense = ArrayPool<float>.Shared.Rent(_termCount);
        // The shared pool hands out whatever its last user left: other code returns dirty arrays of this size.
        Array.Clear(dense, 0, _termCount);
        try
        {
            var start = _offsets[index];
            var end = _offsets[index + 1];
            for (var k = start; k < end; k++)
            {
                dense[_terms[k]] = _weights[k];
            }
            for (var movie = 0; movie < _offsets.Length - 1; movie++)
            {
                var sum = 0f;
                for (var k = _offsets[movie]; k < _offsets[movie + 1]; k++)
                {
                    sum += dense[_terms[k]] * _weights[k];
                }
                into[movie] = sum;
            }
            for (var k = start; k < end; k++)
            {
                dense[_terms[k]] = 0;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(dense);
        }
    }

    /// <summary>
    /// Reads the index's own postings (term → movies, with counts) rather than analysing the text a
    /// second time. A tag is a person's one-word summary, so tag terms count double.
    /// </summary>
    public static TermVectors FromPostings(IndexReader reader, int[] catalogIndexOfDoc, int movieCount)
    {
        var builder = new Builder(movieCount);
        var fields = MultiFields.GetFields(reader);
        if (fields is null)
        {
            return builder.Build();
        }
        foreach (var (field, weight) in new[] { (MovieTextIndex.TitleTextField, 1f), (MovieTextIndex.OverviewField, 1f), (MovieTextIndex.TagsField, 2f) })
        {
            var terms = fields.GetTerms(field);
            if (terms is null)
            {
                continue;
            }
            var enumerator = terms.GetEnumerator();
            DocsEnum? postings = null;
            while (enumerator.MoveNext())
            {
                var id = builder.TermId(enumerator.Term.Utf8ToString());
                postings = enumerator.Docs(null, postings, DocsFlags.FREQS);
                int doc;
                while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    builder.Add(catalogIndexOfDoc[doc], id, postings.Freq * weight);
                }
            }
        }
        return builder.Build();
    }

    private sealed class Builder(int movieCount)
    {
        private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
        private readonly Dictionary<int, float>[] _counts = Enumerable.Range(0, movieCount).Select(_ => new Dictionary<int, float>()).ToArray();

        public int TermId(string term)
        {
            if (!_termIds.TryGetValue(term, out var id))
            {
                _termIds[term] = id = _termIds.Count;
            }
            return id;
        }

        public void Add(int index, int termId, float count) =>
            _counts[index][termId] = _counts[index].GetValueOrDefault(termId) + count;

        public TermVectors Build()
        {
            var documentFrequency = new int[_termIds.Count];
            foreach (var counts in _counts)
            {
                foreach (var id in counts.Keys)
                {
                    documentFrequency[id]++;
                }
            }
            var offsets = new int[_counts.Length + 1];
            var total = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                offsets[i] = total;
                total += _counts[i].Count;
            }
            offsets[_counts.Length] = total;
            var terms = new int[total];
            var weights = new float[total];
            var n = Math.Max(1, _counts.Length);
            for (var i = 0; i < _counts.Length; i++)
            {
                var at = offsets[i];
                var norm = 0.0;
                foreach (var (id, count) in _counts[i].OrderBy(kv => kv.Key))
                {
                    // Words in one movie only say nothing about similarity; sublinear tf tames repetition.
                    var weight = documentFrequency[id] < 2 ? 0 : (1 + Math.Log(count)) * Math.Log((double)n / documentFrequency[id]);
                    terms[at] = id;
                    weights[at] = (float)weight;
                    norm += weight * weight;
                    at++;
                }
                if (norm > 0)
                {
                    var scale = (float)(1 / Math.Sqrt(norm));
                    for (var k = offsets[i]; k < at; k++)
                    {
                        weights[k] *= scale;
                    }
                }
            }
            return new TermVectors(offsets, terms, weights, Math.Max(1, _termIds.Count));
        }
    }
}
