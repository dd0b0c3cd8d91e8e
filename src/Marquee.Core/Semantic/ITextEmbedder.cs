namespace Marquee.Core.Semantic;

/// <summary>
/// Turns texts into vectors whose dot product measures closeness in meaning. Implementations return unit-length
/// (L2-normalised) vectors, so a dot product is the cosine; the film vectors stored in
/// <c>movie_embeddings.parquet</c> and the query vectors of requests must come from the same model
/// (<see cref="ModelName"/>), which is why the artifact records it.
/// </summary>
public interface ITextEmbedder : IDisposable
{
    /// <summary>Identifies the model and its settings; a different name means vectors are not comparable.</summary>
    string ModelName { get; }

    /// <summary>Length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>One unit-length vector per text, in order. Blocks while the model runs (CPU work).</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
