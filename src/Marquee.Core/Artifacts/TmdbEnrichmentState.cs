using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marquee.Core.Artifacts;

/// <summary>
/// Small facts about TMDB enrichment kept between runs in <c>tmdb_state.json</c>: the image
/// configuration TMDB last gave (how to turn <c>poster_path</c> into a URL), and a refresh in progress.
/// </summary>
public sealed record TmdbEnrichmentState
{
    public const string FileName = "tmdb_state.json";

    /// <summary>From <c>/3/configuration</c>, e.g. <c>https://image.tmdb.org/t/p/</c>.</summary>
    [JsonPropertyName("image_base_url")] public string? ImageBaseUrl { get; init; }
    [JsonPropertyName("poster_sizes")] public IReadOnlyList<string>? PosterSizes { get; init; }
    [JsonPropertyName("backdrop_sizes")] public IReadOnlyList<string>? BackdropSizes { get; init; }
    [JsonPropertyName("configuration_fetched_at")] public DateTimeOffset? ConfigurationFetchedAt { get; init; }

    /// <summary>
    /// Set when a <c>--refresh</c> starts and cleared when it completes: until then, answers fetched before
    /// this instant count as stale, so an interrupted refresh resumes instead of starting over.
    /// </summary>
    [JsonPropertyName("refresh_started_at")] public DateTimeOffset? RefreshStartedAt { get; init; }

    public static string PathIn(DataDirectory data) => Path.Combine(data.Root, FileName);

    public static async Task<TmdbEnrichmentState> ReadAsync(DataDirectory data, CancellationToken cancellationToken = default)
    {
        var path = PathIn(data);
        if (!File.Exists(path))
        {
            return new TmdbEnrichmentState();
        }
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, ArtifactJson.Default.TmdbEnrichmentState, cancellationToken) ?? new TmdbEnrichmentState();
        }
        catch (JsonException)
        {
            // Everything in here can be fetched again; a damaged file only costs one configuration request.
            return new TmdbEnrichmentState();
        }
    }

    public Task WriteAsync(DataDirectory data, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAllTextAsync(PathIn(data), JsonSerializer.Serialize(this, ArtifactJson.Default.TmdbEnrichmentState), cancellationToken);
}
