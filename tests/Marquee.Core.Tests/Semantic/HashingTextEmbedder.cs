using System.Numerics.Tensors;
using Marquee.Core.Semantic;

namespace Marquee.Core.Tests.Semantic;

/// <summary>
/// A deterministic stand-in for a real model: each word adds to a few hashed dimensions, so texts sharing words
/// are close. Counts the texts it embeds, and can cancel the run after a number of calls (a killed job).
/// </summary>
public sealed class HashingTextEmbedder(string modelName = "test/hashing-v1", int dimensions = 64) : ITextEmbedder
{
    public string ModelName => modelName;
    public int Dimensions => dimensions;
    public int Calls { get; private set; }
    public List<string> Embedded { get; } = [];

    /// <summary>Cancelled when <see cref="Calls"/> reaches <see cref="CancelAfterCalls"/>.</summary>
    public CancellationTokenSource? CancelAfter { get; init; }
    public int CancelAfterCalls { get; init; } = int.MaxValue;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls++;
        Embedded.AddRange(texts);
        var vectors = texts.Select(Vector).ToArray();
        if (Calls >= CancelAfterCalls)
        {
            CancelAfter?.Cancel();
        }
        return vectors;
    }

    private float[] Vector(string text)
    {
        var vector = new float[dimensions];
        foreach (var word in text.ToLowerInvariant().Split([' ', '.', ',', ':', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = (uint)StableHash(word);
            vector[hash % (uint)dimensions] += 1;
            vector[(hash / 7) % (uint)dimensions] += 0.5f;
        }
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
        return vector;
    }

    private static int StableHash(string word)
    {
        var hash = 17;
        foreach (var c in word)
        {
            hash = unchecked((hash * 31) + c);
        }
        return hash;
    }

    public void Dispose()
    {
    }
}
