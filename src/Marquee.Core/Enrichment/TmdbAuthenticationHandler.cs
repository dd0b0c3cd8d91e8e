using System.Net.Http.Headers;

namespace Marquee.Core.Enrichment;

/// <summary>
/// Signs each attempt with the TMDB credentials. It is the innermost handler and takes the credential
/// off the request again once the attempt is over, so the key exists only on the request on the wire —
/// never in the URL or headers that outer layers (retries, telemetry, exceptions, the caller's
/// <see cref="HttpResponseMessage.RequestMessage"/>) get to see.
/// </summary>
internal sealed class TmdbAuthenticationHandler(TmdbCredentials credentials) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var unsignedUri = request.RequestUri;
        try
        {
            if (credentials.Kind == TmdbCredentialKind.ReadToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.Secret);
            }
            else if (unsignedUri is not null)
            {
                var separator = string.IsNullOrEmpty(unsignedUri.Query) ? "?" : "&";
                request.RequestUri = new Uri(unsignedUri.OriginalString + separator + "api_key=" + Uri.EscapeDataString(credentials.Secret));
            }
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.Headers.Authorization = null;
            request.RequestUri = unsignedUri;
        }
    }
}
