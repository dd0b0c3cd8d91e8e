namespace Marquee.Core.Catalog;

/// <summary>What age a release certification asks of its viewers (US ratings, else British ones).</summary>
public static class Certifications
{
    // PG and the British PG are "parental guidance": fine for a child with a parent on the sofa.
    private static readonly Dictionary<string, int> UnitedStates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["G"] = 0, ["PG"] = 0, ["PG-13"] = 13, ["R"] = 17, ["NC-17"] = 18,
    };

    private static readonly Dictionary<string, int> GreatBritain = new(StringComparer.OrdinalIgnoreCase)
    {
        ["U"] = 0, ["PG"] = 0, ["12A"] = 12, ["12"] = 12, ["15"] = 15, ["18"] = 18, ["R18"] = 18,
    };

    /// <summary>The youngest age the certification admits; null when unknown ("NR", an unknown scheme).</summary>
    public static int? MinimumAge(string? certification, string? country)
    {
        if (string.IsNullOrWhiteSpace(certification))
        {
            return null;
        }
        var table = string.Equals(country, "GB", StringComparison.OrdinalIgnoreCase) ? GreatBritain : UnitedStates;
        return table.TryGetValue(certification.Trim(), out var age) ? age : null;
    }

    /// <summary>"PG" in either scheme: admitted at any age, with a parent's guidance.</summary>
    public static bool AsksParentalGuidance(string? certification) =>
        string.Equals(certification?.Trim(), "PG", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a viewer of <paramref name="age"/> may watch the film; unknown certifications admit everyone.</summary>
    public static bool Admits(CatalogMovie movie, int age) =>
        MinimumAge(movie.Details?.Certification, movie.Details?.CertificationCountry) is not { } minimum || minimum <= age;
}
