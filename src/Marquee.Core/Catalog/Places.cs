using System.Globalization;

namespace Marquee.Core.Catalog;

/// <summary>Where a film is from, in words for a card: "Korean, 2003", "Made in France, 1995".</summary>
public static class Places
{
    /// <summary>The original language when it is not English, else the first production country, with the year.</summary>
    public static string? Describe(CatalogMovie movie)
    {
        var details = movie.Details;
        var what = details?.OriginalLanguage is { } code && code != "en" && IsoNames.LanguageName(code) is { } language
            ? language
            : details?.ProductionCountries is [var first, ..] && IsoNames.CountryName(first) is { } country
                ? $"Made in {country}"
                : null;
        if (what is null)
        {
            return null;
        }
        return movie.ReleaseYear is { } year ? string.Create(CultureInfo.InvariantCulture, $"{what}, {year}") : what;
    }
}
