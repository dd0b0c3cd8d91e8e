using System.Net;

namespace Marquee.Core.Enrichment;

/// <summary>
/// TMDB answered something other than the movie or a "not found", or could not be reached after every
/// attempt. The message is built from status codes and TMDB's own status text only — never from a URL
/// or header — so it cannot carry the API key.
/// </summary>
public sealed class TmdbException : Exception
{
    public TmdbException(string message, HttpStatusCode? httpStatus = null, int? tmdbStatusCode = null, bool isFatal = false, Exception? innerException = null)
        : base(message, innerException)
    {
        HttpStatus = httpStatus;
        TmdbStatusCode = tmdbStatusCode;
        IsFatal = isFatal;
    }

    /// <summary>The HTTP status of the last answer; null when no answer came.</summary>
    public HttpStatusCode? HttpStatus { get; }

    /// <summary>TMDB's own <c>status_code</c> (7 invalid key, 25 over the rate limit, 34 not found, …).</summary>
    public int? TmdbStatusCode { get; }

    /// <summary>
    /// True when no further request can succeed either (credentials rejected, wrong base URL), so a batch
    /// should stop rather than try every remaining movie.
    /// </summary>
    public bool IsFatal { get; }

    /// <summary>True when TMDB refused the API key or read token.</summary>
    public bool IsCredentialsRejected => HttpStatus == HttpStatusCode.Unauthorized;
}
