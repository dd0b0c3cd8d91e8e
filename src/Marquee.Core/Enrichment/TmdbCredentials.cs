namespace Marquee.Core.Enrichment;

/// <summary>How a request proves it may use the TMDB API.</summary>
public enum TmdbCredentialKind
{
    /// <summary>The v4 "API Read Access Token", sent as <c>Authorization: Bearer …</c>.</summary>
    ReadToken,
    /// <summary>The v3 API key, sent as the <c>api_key</c> query parameter.</summary>
    ApiKey,
}

/// <summary>
/// A TMDB secret. The value is reachable only inside this assembly (by the handler that signs requests),
/// never printed: <see cref="ToString"/> names the kind, and <see cref="Redact"/> scrubs it from any text
/// that might echo it.
/// </summary>
public sealed class TmdbCredentials
{
    /// <summary>Environment variable holding the read access token (preferred).</summary>
    public const string ReadTokenVariable = "TMDB_READ_TOKEN";
    /// <summary>Environment variable holding the v3 API key.</summary>
    public const string ApiKeyVariable = "TMDB_API_KEY";

    private TmdbCredentials(TmdbCredentialKind kind, string secret)
    {
        Kind = kind;
        Secret = secret;
    }

    public TmdbCredentialKind Kind { get; }

    internal string Secret { get; }

    /// <summary>The environment variable this kind of credential is read from.</summary>
    public string VariableName => Kind == TmdbCredentialKind.ReadToken ? ReadTokenVariable : ApiKeyVariable;

    public static TmdbCredentials ReadToken(string token) => new(TmdbCredentialKind.ReadToken, Require(token));

    public static TmdbCredentials ApiKey(string key) => new(TmdbCredentialKind.ApiKey, Require(key));

    /// <summary>
    /// Reads <c>TMDB_READ_TOKEN</c>, else <c>TMDB_API_KEY</c>; blank values count as unset.
    /// Returns null when neither is set.
    /// </summary>
    public static TmdbCredentials? FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        if (getVariable(ReadTokenVariable) is { } token && !string.IsNullOrWhiteSpace(token))
        {
            return ReadToken(token);
        }
        if (getVariable(ApiKeyVariable) is { } key && !string.IsNullOrWhiteSpace(key))
        {
            return ApiKey(key);
        }
        return null;
    }

    /// <summary>Replaces every occurrence of the secret in <paramref name="text"/>.</summary>
    public string Redact(string text) => text.Replace(Secret, "[redacted]", StringComparison.Ordinal);

    public override string ToString() => Kind == TmdbCredentialKind.ReadToken
        ? $"TMDB read access token from {ReadTokenVariable} (hidden)"
        : $"TMDB API key from {ApiKeyVariable} (hidden)";

    private static string Require(string secret) =>
        string.IsNullOrWhiteSpace(secret) ? throw new ArgumentException("a TMDB credential cannot be blank", nameof(secret)) : secret.Trim();
}
