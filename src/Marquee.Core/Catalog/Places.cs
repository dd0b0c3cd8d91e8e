using System.Globalization;

namespace Marquee.Core.Catalog;

/// <summary>Where a film is from, in words for a card: "Korean, 2003", "Made in France, 1995".</summary>
public static class Places
{
    /// <summary>
    /// The original language when it is not English, else the production country — one the wish named when the film has
    /// it (Dancer in the Dark, for "nordic", is made in Denmark, not in Argentina, the first of its co-producers) —
    /// with the year.
    /// </summary>
    public static string? Describe(CatalogMovie movie, IReadOnlySet<string>? wishedCountries = null)
    {
        var details = movie.Details;
        var made = details?.ProductionCountries is { Count: > 0 } countries
            ? countries.FirstOrDefault(c => wishedCountries?.Contains(c) == true) ?? countries[0]
            : null;
        var what = details?.OriginalLanguage is { } code && code != "en" && IsoNames.LanguageName(code) is { } language
            ? language
            : made is not null && IsoNames.CountryName(made) is { } country
                ? $"Made in {country}"
                : null;
        if (what is null)
        {
            return null;
        }
        return movie.ReleaseYear is { } year ? string.Create(CultureInfo.InvariantCulture, $"{what}, {year}") : what;
    }
}
