using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly.Timeout;

namespace Marquee.Core.Enrichment;

/// <summary>What TMDB said about one movie id: its details, or that it has no such movie.</summary>
/// <param name="TmdbId">The id asked for.</param>
/// <param name="Movie">The details; null when TMDB answered 404 "resource not found".</param>
public sealed record TmdbMovieLookup(int TmdbId, TmdbMovie? Movie)
{
    public bool Found => Movie is not null;

    /// <summary>Parts of the answer left out because they were not the documented shape, each naming the field.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Typed client for the parts of the TMDB v3 API that enrichment needs. Its <see cref="HttpClient"/>
/// comes from <see cref="TmdbServiceCollectionExtensions.AddTmdbClient"/>, whose pipeline signs, paces,
/// cools down after 429 and retries transient failures; this class only speaks the wire format.
/// </summary>
public sealed class TmdbClient(HttpClient http, TmdbCredentials credentials)
{
    /// <summary>TMDB's <c>status_code</c> for "The resource you requested could not be found."</summary>
    public const int ResourceNotFound = 34;
    /// <summary>TMDB's <c>status_code</c> for "Invalid id: The pre-requisite id is invalid or not found."</summary>
    public const int InvalidId = 6;

    private TmdbConfiguration? _configuration;

    /// <summary>
    /// <c>GET /3/configuration</c>, fetched once per client. Also the cheapest way to learn early whether
    /// the credentials work.
    /// </summary>
    public async Task<TmdbConfiguration> GetConfigurationAsync(CancellationToken cancellationToken = default)
    {
        if (_configuration is { } cached)
        {
            return cached;
        }
        using var response = await SendAsync("3/configuration", "the configuration", cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            // The configuration always exists: a 404 here means the base URL does not point at TMDB.
            throw Failure(response.StatusCode, error, "the configuration", isFatal: true);
        }
        _configuration = await ReadAsync(response, TmdbJsonContext.Default.TmdbConfiguration, "the configuration", cancellationToken).ConfigureAwait(false);
        return _configuration;
    }

    /// <summary>
    /// <c>GET /3/movie/{tmdbId}?append_to_response=keywords,credits,release_dates</c>: details, keywords, credits
    /// and certifications in one request, as TMDB recommends. A 404 carrying TMDB's "not found" status is an
    /// answer, not an error; anything else that is not a movie throws <see cref="TmdbException"/>. Appended parts
    /// of the wrong shape are left out and listed in <see cref="TmdbMovieLookup.Warnings"/>.
    /// </summary>
    public async Task<TmdbMovieLookup> GetMovieAsync(int tmdbId, CancellationToken cancellationToken = default)
    {
        var what = $"TMDB movie {tmdbId.ToString(CultureInfo.InvariantCulture)}";
        var path = $"3/movie/{tmdbId.ToString(CultureInfo.InvariantCulture)}?append_to_response={TmdbMovieReader.AppendToResponse}";
        using var response = await SendAsync(path, what, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            var warnings = new List<string>();
            var movie = await ReadMovieAsync(response, warnings, what, cancellationToken).ConfigureAwait(false);
            return new TmdbMovieLookup(tmdbId, movie with { Id = movie.Id > 0 ? movie.Id : tmdbId }) { Warnings = warnings };
        }
        var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound && error?.StatusCode is ResourceNotFound or InvalidId)
        {
            return new TmdbMovieLookup(tmdbId, null);
        }
        // A 404 without TMDB's body comes from something that is not TMDB (a wrong base URL, a proxy):
        // remembering every movie as "not on TMDB" would poison later runs, so the batch must stop.
        throw Failure(response.StatusCode, error, what, isFatal: response.StatusCode == HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new TmdbException(credentials.Redact($"could not reach TMDB for {what}: {e.Message}"), innerException: null);
        }
        catch (TimeoutRejectedException)
        {
            throw new TmdbException($"TMDB did not answer for {what} in time, on every attempt");
        }
    }

    private TmdbException Failure(HttpStatusCode status, TmdbError? error, string what, bool isFatal)
    {
        var code = (int)status;
        var detail = error?.StatusCode is { } tmdbStatus
            ? $"status {tmdbStatus}: {credentials.Redact(error.StatusMessage ?? "no message")}"
            : "no TMDB error body";
        if (status == HttpStatusCode.Unauthorized)
        {
            return new TmdbException($"TMDB rejected the credentials ({detail}); check {credentials.VariableName}",
                status, error?.StatusCode, isFatal: true);
        }
        var hint = isFatal && status == HttpStatusCode.NotFound ? "; is the TMDB base URL right?" : "";
        return new TmdbException($"TMDB answered HTTP {code} for {what} ({detail}){hint}", status, error?.StatusCode, isFatal);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false)
                   ?? throw new TmdbException($"TMDB sent an empty body for {what}");
        }
        catch (JsonException e)
        {
            throw new TmdbException($"TMDB sent a body that is not the expected JSON for {what} ({e.Message})");
        }
    }

    private static async Task<TmdbMovie> ReadMovieAsync(HttpResponseMessage response, List<string> warnings, string what, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            return TmdbMovieReader.Read(document.RootElement, warnings);
        }
        catch (JsonException e)
        {
            throw new TmdbException($"TMDB sent a body that is not the expected JSON for {what} ({e.Message})");
        }
    }

    private static async Task<TmdbError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.TrimStart().StartsWith('{') ? JsonSerializer.Deserialize(text, TmdbJsonContext.Default.TmdbError) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
