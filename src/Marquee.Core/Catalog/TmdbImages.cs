namespace Marquee.Core.Catalog;

/// <summary>Builds TMDB image URLs from the paths TMDB returns (<c>/abc.jpg</c>).</summary>
public static class TmdbImages
{
    /// <summary>The secure base URL TMDB's <c>/configuration</c> has answered for years.</summary>
    public const string DefaultBaseUrl = "https://image.tmdb.org/t/p/";

    public static string? Url(string? path, string size = "w500", string baseUrl = DefaultBaseUrl) =>
        string.IsNullOrWhiteSpace(path) ? null : $"{baseUrl.TrimEnd('/')}/{size}/{path.TrimStart('/')}";
}
