using System.Numerics.Tensors;
using Marquee.Core.Catalog;

namespace Marquee.Core.Semantic;

/// <summary>
/// The film vectors laid out by catalogue index in one flat array (n × d floats, about 15 MB for 9.7k films), so
/// scoring a query against every candidate is one SIMD dot product per film. Films without a vector score 0, and so
/// do films whose text says nothing about them (<see cref="FilmText.HasSubstance"/>), whatever vector a store holds.
/// </summary>
public sealed class SemanticIndex
{
    private readonly float[] _vectors;
    private readonly bool[] _present;

    private SemanticIndex(string modelName, int dimensions, float[] vectors, bool[] present, int covered)
    {
        ModelName = modelName;
        Dimensions = dimensions;
        _vectors = vectors;
        _present = present;
        Covered = covered;
    }

    /// <summary>The model the film vectors came from: queries must be embedded by the same one.</summary>
    public string ModelName { get; }
    public int Dimensions { get; }
    /// <summary>Films of the catalogue that have a vector.</summary>
    public int Covered { get; }

    public bool Has(int index) => _present[index];

    /// <summary>Aligns stored vectors with the catalogue; vectors of films no longer in it are ignored.</summary>
    public static SemanticIndex Build(MovieCatalog catalog, MovieEmbeddings embeddings)
    {
        var d = embeddings.Dimensions;
        var vectors = new float[catalog.Count * d];
        var present = new bool[catalog.Count];
        var covered = 0;
        foreach (var row in embeddings.Rows)
        {
            if (catalog.Find(row.MovieId) is { } movie && row.Vector.Length == d && !present[movie.Index] && FilmText.HasSubstance(movie))
            {
                row.Vector.CopyTo(vectors.AsSpan(movie.Index * d, d));
                present[movie.Index] = true;
                covered++;
            }
        }
        return new SemanticIndex(embeddings.ModelName, d, vectors, present, covered);
    }

    /// <summary>Cosine of the unit-length <paramref name="query"/> with each candidate, into <paramref name="cosines"/> by catalogue index.</summary>
    public void Cosines(ReadOnlySpan<float> query, ReadOnlySpan<int> candidates, Span<float> cosines)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"query has {query.Length} dimensions, the index {Dimensions}", nameof(query));
        }
        var d = Dimensions;
        ReadOnlySpan<float> all = _vectors;
        foreach (var index in candidates)
        {
            cosines[index] = _present[index] ? TensorPrimitives.Dot(all.Slice(index * d, d), query) : 0;
        }
    }

    /// <summary>The film vector at a catalogue index (zeros when the film has none).</summary>
    public ReadOnlySpan<float> Vector(int index) => _vectors.AsSpan(index * Dimensions, Dimensions);
}
