namespace Marquee.Core.Semantic;

/// <summary>
/// Embeds a wish's free text with a named model at request time. Implementations answer null rather than wait while
/// the model is still loading: ranking then goes without the semantic signal.
/// </summary>
public interface IQueryEmbedder
{
    float[]? TryEmbed(string? query, string modelName, CancellationToken cancellationToken = default);
}
