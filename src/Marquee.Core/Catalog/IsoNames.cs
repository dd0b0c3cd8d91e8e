using System.Collections.Frozen;

namespace Marquee.Core.Catalog;

/// <summary>
/// English country and language names ↔ ISO codes: for dumps that list names ("United Kingdom, United States
/// of America", "English, French") where <see cref="MovieDetails"/> keeps codes ("GB", "en"), and back for
/// the cards ("Korean, 2003").
/// </summary>
public static class IsoNames
{
    // TMDB spellings the ISO/ICU names do not cover: former states, TMDB's own typos, and languages TMDB
    // names by what is spoken ("Mandarin") or codes its own way (Cantonese "cn", "No Language" "xx").
    private static readonly (string Name, string Code)[] TmdbCountries =
    [
        ("Soviet Union", "SU"), ("Yugoslavia", "YU"), ("Czechoslovakia", "XC"), ("East Germany", "XG"),
        ("Serbia and Montenegro", "CS"), ("Guadaloupe", "GP"), ("Macedonia", "MK"), ("Swaziland", "SZ"),
    ];

    private static readonly (string Name, string Code)[] TmdbLanguages =
    [
        ("Mandarin", "zh"), ("Cantonese", "cn"), ("No Language", "xx"), ("Gaelic", "gd"), ("Sinhalese", "si"),
        ("Pushto", "ps"), ("Chichewa; Nyanja", "ny"), ("Moldavian", "mo"), ("Serbo-Croatian", "sh"), ("Sotho", "st"),
    ];

    private static readonly (FrozenDictionary<string, string> Countries, FrozenDictionary<string, string> Languages) Tables = Load();

    // Code → the name a person reads: the plainest of the names a code has ("South Korea", not "Korea, Republic of").
    private static readonly FrozenDictionary<string, string> CountryNames = Plainest(Tables.Countries);
    private static readonly FrozenDictionary<string, string> LanguageNames = Plainest(Tables.Languages);

    /// <summary>English name of an ISO 3166-1 code ("KR" → "South Korea"), or null when unknown.</summary>
    public static string? CountryName(string code) => CountryNames.GetValueOrDefault(code.Trim());

    /// <summary>English name of an ISO 639-1 code ("ko" → "Korean"), or null when unknown.</summary>
    public static string? LanguageName(string code) => LanguageNames.GetValueOrDefault(code.Trim());

    /// <summary>
    /// The language a wish names when it names a film's: TMDB files Cantonese films (Hong Kong's Infernal Affairs,
    /// Hard Boiled) under its own code "cn", which ISO 639-1 lacks, and a wish for Chinese films means them too; it files
    /// Norwegian films under Bokmål or Nynorsk ("nb", "nn": Troll Hunter), which a wish for Norwegian films means.
    /// </summary>
    public static string WishedAs(string languageCode) => languageCode switch
    {
        "cn" => "zh",
        "nb" or "nn" => "no",
        _ => languageCode,
    };

    private static FrozenDictionary<string, string> Plainest(FrozenDictionary<string, string> byName) => byName
        .GroupBy(pair => pair.Value, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(
            group => group.Key,
            group => group.OrderBy(pair => pair.Key.Contains(',', StringComparison.Ordinal) || pair.Key.Contains(';', StringComparison.Ordinal))
                .ThenBy(pair => pair.Key.Length).ThenBy(pair => pair.Key, StringComparer.Ordinal).First().Key,
            StringComparer.OrdinalIgnoreCase);

    /// <summary>ISO 3166-1 alpha-2 code of a country name ("South Korea" → "KR"), or null when unknown.</summary>
    public static string? CountryCode(string name) => Tables.Countries.GetValueOrDefault(name.Trim());

    /// <summary>ISO 639-1 code of a language name ("French" → "fr"), or null when unknown.</summary>
    public static string? LanguageCode(string name) => Tables.Languages.GetValueOrDefault(name.Trim());

    private static (FrozenDictionary<string, string>, FrozenDictionary<string, string>) Load()
    {
        var countries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var languages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var stream = typeof(IsoNames).Assembly.GetManifestResourceStream("Marquee.Core.Catalog.iso_names.tsv")
                           ?? throw new InvalidOperationException("iso_names.tsv is not embedded");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Split('\t') is not [var kind, var code, var name])
            {
                continue;
            }
            (kind == "country" ? countries : languages)[name] = code;
        }
        foreach (var (name, code) in TmdbCountries)
        {
            countries[name] = code;
        }
        foreach (var (name, code) in TmdbLanguages)
        {
            languages[name] = code;
        }
        return (countries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), languages.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }
}
