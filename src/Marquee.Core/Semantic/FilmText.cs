using System.Security.Cryptography;
using System.Text;
using Marquee.Core.Catalog;

namespace Marquee.Core.Semantic;

/// <summary>
/// The text of a film that gets embedded, composed in one place so the batch job and the tests agree, with a
/// stable hash that tells the job which films changed. Most telling parts come first, because the model reads only
/// its first 256 word pieces: tagline, overview, genres, TMDB keywords, then the most used MovieLens tags.
/// The title is left out on purpose: its words pull wishes by vocabulary, not meaning ("the same day over and
/// over" found The Day After Tomorrow and Die Another Day before Groundhog Day with it, first without it), and
/// wishes that name a film are the parser's job (reference titles).
/// </summary>
public static class FilmText
{
    /// <summary>Tags beyond these add noise (and word pieces past the model's window).</summary>
    public const int MaxTags = 20;

    /// <summary>Keywords and tags that, without an overview, still say what a film is about.</summary>
    public const int MinLabelsWithoutOverview = 3;

    /// <summary>
    /// True when the film has text that says what it is about: an overview or tagline, or a few keywords or tags.
    /// A film known only by its genres has no meaning to compare: its vector would be the genre word's, and would
    /// win every wish that names the genre ("a tense survival thriller" found a dozen films with no overview first).
    /// </summary>
    public static bool HasSubstance(CatalogMovie movie)
    {
        var details = movie.Details;
        return !string.IsNullOrWhiteSpace(details?.Overview) || !string.IsNullOrWhiteSpace(details?.Tagline)
            || (details?.Keywords?.Count ?? 0) + movie.Tags.Count >= MinLabelsWithoutOverview;
    }

    public static string Compose(CatalogMovie movie)
    {
        var text = new StringBuilder(512);
        var details = movie.Details;
        AppendSentence(text, details?.Tagline);
        AppendSentence(text, details?.Overview);
        var genres = movie.Genres.Concat(details?.TmdbGenres ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        AppendList(text, "Genres", genres);
        AppendList(text, "Keywords", details?.Keywords ?? []);
        AppendList(text, "Tags", movie.Tags.Take(MaxTags).ToList());
        return text.ToString().TrimStart();
    }

    /// <summary>First 16 hex digits of the SHA-256 of the UTF-8 text: the same text gives the same hash on every machine.</summary>
    public static string Hash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return Convert.ToHexStringLower(digest[..8]);
    }

    private static void AppendSentence(StringBuilder text, string? sentence)
    {
        if (string.IsNullOrWhiteSpace(sentence))
        {
            return;
        }
        var trimmed = sentence.Trim();
        text.Append(' ').Append(trimmed);
        if (!char.IsPunctuation(trimmed[^1]))
        {
            text.Append('.');
        }
    }

    private static void AppendList(StringBuilder text, string label, IReadOnlyList<string> items)
    {
        var kept = items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
        if (kept.Count > 0)
        {
            text.Append(' ').Append(label).Append(": ").AppendJoin(", ", kept).Append('.');
        }
    }
}
