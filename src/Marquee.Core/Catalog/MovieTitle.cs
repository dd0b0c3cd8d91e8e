using System.Text.RegularExpressions;

namespace Marquee.Core.Catalog;

/// <summary>Parses MovieLens titles such as <c>"American President, The (1995)"</c>.</summary>
public static partial class MovieTitle
{
    // A year in parentheses at the very end; series carry a range such as "(1975-1979)" or "(2006–2007)".
    [GeneratedRegex(@"\s*\((?<year>(18|19|20)\d\d)(\s*[-–]\s*((18|19|20)\d\d)?)?\)\s*$")]
    private static partial Regex TrailingYear();

    // MovieLens moves a leading article behind the main title: "Usual Suspects, The".
    [GeneratedRegex(@"^(?<rest>.+?), (?<article>The|A|An|Les|Le|La|L'|Il|Die|Der|Das|El|Los|Las|Un|Une)(?<alt>\s*\(.*\))?$")]
    private static partial Regex TrailingArticle();

    /// <summary>Splits a raw MovieLens title into a display title and the release year.</summary>
    public static (string Title, int? Year) Parse(string raw)
    {
        var text = raw.Trim();
        int? year = null;
        var match = TrailingYear().Match(text);
        if (match.Success)
        {
            year = int.Parse(match.Groups["year"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            text = text[..match.Index].TrimEnd();
        }
        return (MoveArticleToFront(text), year);
    }

    private static string MoveArticleToFront(string title)
    {
        var match = TrailingArticle().Match(title);
        if (!match.Success)
        {
            return title;
        }
        var article = match.Groups["article"].Value;
        var separator = article.EndsWith('\'') ? "" : " ";
        return $"{article}{separator}{match.Groups["rest"].Value}{match.Groups["alt"].Value}";
    }

    // One parenthesised group at the end: "(a.k.a. Se7en)", "(Fabuleux destin d'Amélie Poulain, Le)".
    [GeneratedRegex(@"\s*\((?<alt>[^()]+)\)\s*$")]
    private static partial Regex TrailingAlternate();

    /// <summary>
    /// Whether a MovieLens title carries a title in another language: MovieLens keeps a foreign film's original title
    /// in parentheses ("Harakiri (Seppuku)", "Amelie (Fabuleux destin d'Amélie Poulain, Le)"), and marks an English
    /// alternate "a.k.a." ("Seven (a.k.a. Se7en)").
    /// </summary>
    public static bool HasOriginalTitle(string title) => Peel(title).Alternates.Exists(alternate => !alternate.English);

    /// <summary>
    /// Splits a title that still carries MovieLens's alternates in parentheses into the main title and
    /// the alternates, each with its article in front: "Amelie (Fabuleux destin d'Amélie Poulain, Le)" →
    /// ("Amelie", ["Le Fabuleux destin d'Amélie Poulain"]); "Seven (a.k.a. Se7en)" → ("Seven", ["Se7en"]).
    /// </summary>
    public static (string Main, IReadOnlyList<string> Alternates) SplitAlternates(string title)
    {
        var (main, alternates) = Peel(title);
        return (main, alternates.Where(alternate => alternate.Text.Length > 0).Select(alternate => MoveArticleToFront(alternate.Text)).ToList());
    }

    /// <summary>The parenthesised alternates at the end of a title, in order, each without its "a.k.a." and marked English when it had one; and the title before them.</summary>
    private static (string Main, List<(string Text, bool English)> Alternates) Peel(string title)
    {
        var main = title.Trim();
        var alternates = new List<(string Text, bool English)>();
        while (TrailingAlternate().Match(main) is { Success: true } match && match.Index > 0)
        {
            var alternate = match.Groups["alt"].Value.Trim();
            var english = alternate.StartsWith(EnglishAlternateMark, StringComparison.OrdinalIgnoreCase);
            alternates.Insert(0, (english ? alternate[EnglishAlternateMark.Length..].Trim() : alternate, english));
            main = main[..match.Index].TrimEnd();
        }
        return (main, alternates);
    }

    private const string EnglishAlternateMark = "a.k.a.";
}
