namespace Marquee.Core.Semantic;

/// <summary>
/// The embedding models Marquee knows, by the name stored in <c>movie_embeddings.parquet</c>. The server creates
/// the embedder the artifact names, so film and query vectors always come from the same model; a new model is
/// one <see cref="ITextEmbedder"/> class plus one line here (docs/embeddings.md).
/// </summary>
public static class TextEmbedders
{
    public static string Default => MiniLmTextEmbedder.Name;

    /// <summary>Short names accepted on the command line, each mapped to its full model name.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["minilm"] = MiniLmTextEmbedder.Name,
        [MiniLmTextEmbedder.Name] = MiniLmTextEmbedder.Name,
    };

    public static bool IsKnown(string modelName) => Aliases.ContainsKey(modelName);

    /// <summary>Loads the model (seconds): call once and keep the instance.</summary>
    /// <param name="threads">Threads one embedding call may use.</param>
    public static ITextEmbedder Create(string modelName, int threads) =>
        Aliases.GetValueOrDefault(modelName) switch
        {
            MiniLmTextEmbedder.Name => new MiniLmTextEmbedder(threads),
            _ => throw new ArgumentException($"unknown embedding model '{modelName}'; known: {string.Join(", ", Aliases.Keys)}"),
        };
}
