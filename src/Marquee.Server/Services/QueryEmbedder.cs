using Marquee.Core.Semantic;

namespace Marquee.Server.Services;

/// <summary>
/// Embeds the free text of wishes at request time with the model the film vectors came from. The model loads in
/// the background (seconds) once the host finds film vectors; until it is ready a request gets no semantic signal
/// rather than waiting. Recent wishes are answered from a small cache.
/// </summary>
public sealed class QueryEmbedder(ILogger<QueryEmbedder> logger) : IQueryEmbedder, IDisposable
{
    /// <summary>Distinct recent wishes kept (a 384-float vector is 1.5 KB: the cache stays under 1 MB).</summary>
    public const int CacheCapacity = 512;

    private readonly Lock _gate = new();
    private readonly RecentVectors _recent = new(CacheCapacity);
    private volatile ITextEmbedder? _embedder;
    private string? _loadingModel;
    private Task _loading = Task.CompletedTask;

    /// <summary>The model ready to embed queries, or null while none is loaded.</summary>
    public string? ReadyModel => _embedder?.ModelName;

    /// <summary>Starts loading <paramref name="modelName"/> in the background unless it is loaded or loading.</summary>
    /// <returns>The load, for callers (tests, benchmarks) that want to wait for it.</returns>
    public Task PrepareAsync(string modelName)
    {
        lock (_gate)
        {
            if (_loadingModel == modelName)
            {
                return _loading;
            }
            if (!TextEmbedders.IsKnown(modelName))
            {
                logger.LogWarning("The film vectors come from {Model}, which this server cannot load; wishes rank without meaning", modelName);
                return Task.CompletedTask;
            }
            _loadingModel = modelName;
            _loading = Task.Run(() => Load(modelName));
            return _loading;
        }
    }

    private void Load(string modelName)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            // One thread per call: concurrent requests then use the cores in parallel.
            // A replaced model is left to the GC, not disposed: a request may still be running it.
            _embedder = TextEmbedders.Create(modelName, threads: 1);
            // The model's bytes (90 MB for MiniLM) were read into a large-object array ONNX Runtime has copied;
            // compact once so the server does not keep that much dead memory resident for its lifetime.
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect();
            logger.LogInformation("Query embedder {Model} ready in {Elapsed}", modelName, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Loading the query embedder {Model} failed; wishes rank without meaning", modelName);
        }
    }

    /// <summary>
    /// The wish's vector from <paramref name="modelName"/>, or null when there is no text or that model is not ready
    /// (the request then ranks without the semantic signal; it never waits for the model to load).
    /// </summary>
    public float[]? TryEmbed(string? query, string modelName, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }
        if (_embedder is not { } embedder || embedder.ModelName != modelName)
        {
            _ = PrepareAsync(modelName);
            return null;
        }
        // The models Marquee ships are uncased: case and outer spaces do not change the vector.
        var key = embedder.ModelName + "\n" + query.Trim().ToLowerInvariant();
        if (_recent.TryGet(key, out var cached))
        {
            return cached;
        }
        var vector = embedder.Embed([query.Trim()], cancellationToken)[0];
        _recent.Add(key, vector);
        return vector;
    }

    public void Dispose() => _embedder?.Dispose();
}
