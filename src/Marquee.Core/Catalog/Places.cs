using System.Collections.Frozen;
using System.Globalization;

namespace Marquee.Core.Catalog;

/// <summary>
/// English names of film languages (ISO 639-1) and countries (ISO 3166-1), both ways, as TMDB spells them.
/// A table of our own because the app runs with invariant globalization (no culture data at run time).
/// </summary>
public static class Places
{
    private static readonly FrozenDictionary<string, string> LanguageNames = new Dictionary<string, string>
    {
        ["en"] = "English", ["fr"] = "French", ["es"] = "Spanish", ["de"] = "German", ["it"] = "Italian", ["ja"] = "Japanese",
        ["ko"] = "Korean", ["zh"] = "Chinese", ["cn"] = "Cantonese", ["hi"] = "Hindi", ["ta"] = "Tamil", ["te"] = "Telugu",
        ["ml"] = "Malayalam", ["bn"] = "Bengali", ["ur"] = "Urdu", ["pa"] = "Punjabi", ["mr"] = "Marathi", ["ru"] = "Russian",
        ["pt"] = "Portuguese", ["sv"] = "Swedish", ["da"] = "Danish", ["no"] = "Norwegian", ["nb"] = "Norwegian", ["fi"] = "Finnish",
        ["is"] = "Icelandic", ["nl"] = "Dutch", ["pl"] = "Polish", ["cs"] = "Czech", ["sk"] = "Slovak", ["hu"] = "Hungarian",
        ["ro"] = "Romanian", ["bg"] = "Bulgarian", ["sr"] = "Serbian", ["hr"] = "Croatian", ["bs"] = "Bosnian", ["sl"] = "Slovenian",
        ["mk"] = "Macedonian", ["el"] = "Greek", ["tr"] = "Turkish", ["fa"] = "Persian", ["ar"] = "Arabic", ["he"] = "Hebrew",
        ["ku"] = "Kurdish", ["th"] = "Thai", ["vi"] = "Vietnamese", ["id"] = "Indonesian", ["ms"] = "Malay", ["tl"] = "Tagalog",
        ["uk"] = "Ukrainian", ["ka"] = "Georgian", ["hy"] = "Armenian", ["et"] = "Estonian", ["lv"] = "Latvian", ["lt"] = "Lithuanian",
        ["ga"] = "Irish", ["cy"] = "Welsh", ["gd"] = "Gaelic", ["la"] = "Latin", ["eo"] = "Esperanto", ["ca"] = "Catalan",
        ["eu"] = "Basque", ["gl"] = "Galician", ["af"] = "Afrikaans", ["sw"] = "Swahili", ["zu"] = "Zulu", ["xh"] = "Xhosa",
        ["am"] = "Amharic", ["yo"] = "Yoruba", ["wo"] = "Wolof", ["mn"] = "Mongolian", ["bo"] = "Tibetan", ["ne"] = "Nepali",
        ["si"] = "Sinhala", ["km"] = "Khmer", ["lo"] = "Lao", ["my"] = "Burmese", ["kk"] = "Kazakh", ["uz"] = "Uzbek",
        ["be"] = "Belarusian", ["sq"] = "Albanian", ["yi"] = "Yiddish", ["iu"] = "Inuktitut", ["mi"] = "Maori", ["xx"] = "No Language",
        ["sh"] = "Serbo-Croatian", ["st"] = "Sotho", ["qu"] = "Quechua", ["gn"] = "Guarani", ["ps"] = "Pashto", ["dz"] = "Dzongkha",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> CountryNames = new Dictionary<string, string>
    {
        ["US"] = "United States of America", ["GB"] = "United Kingdom", ["FR"] = "France", ["DE"] = "Germany", ["IT"] = "Italy",
        ["ES"] = "Spain", ["JP"] = "Japan", ["KR"] = "South Korea", ["KP"] = "North Korea", ["CN"] = "China", ["HK"] = "Hong Kong",
        ["TW"] = "Taiwan", ["IN"] = "India", ["CA"] = "Canada", ["AU"] = "Australia", ["NZ"] = "New Zealand", ["IE"] = "Ireland",
        ["MX"] = "Mexico", ["BR"] = "Brazil", ["AR"] = "Argentina", ["CL"] = "Chile", ["CO"] = "Colombia", ["PE"] = "Peru",
        ["CU"] = "Cuba", ["VE"] = "Venezuela", ["UY"] = "Uruguay", ["RU"] = "Russia", ["SU"] = "Soviet Union", ["UA"] = "Ukraine",
        ["PL"] = "Poland", ["CZ"] = "Czech Republic", ["XC"] = "Czechoslovakia", ["SK"] = "Slovakia", ["HU"] = "Hungary",
        ["RO"] = "Romania", ["BG"] = "Bulgaria", ["RS"] = "Serbia", ["YU"] = "Yugoslavia", ["HR"] = "Croatia", ["BA"] = "Bosnia and Herzegovina",
        ["SI"] = "Slovenia", ["MK"] = "Macedonia", ["GR"] = "Greece", ["TR"] = "Turkey", ["IR"] = "Iran", ["IQ"] = "Iraq",
        ["IL"] = "Israel", ["PS"] = "Palestinian Territory", ["LB"] = "Lebanon", ["EG"] = "Egypt", ["MA"] = "Morocco", ["TN"] = "Tunisia",
        ["DZ"] = "Algeria", ["ZA"] = "South Africa", ["NG"] = "Nigeria", ["SN"] = "Senegal", ["KE"] = "Kenya", ["ET"] = "Ethiopia",
        ["SE"] = "Sweden", ["DK"] = "Denmark", ["NO"] = "Norway", ["FI"] = "Finland", ["IS"] = "Iceland", ["NL"] = "Netherlands",
        ["BE"] = "Belgium", ["LU"] = "Luxembourg", ["CH"] = "Switzerland", ["AT"] = "Austria", ["PT"] = "Portugal", ["MT"] = "Malta",
        ["EE"] = "Estonia", ["LV"] = "Latvia", ["LT"] = "Lithuania", ["BY"] = "Belarus", ["GE"] = "Georgia", ["AM"] = "Armenia",
        ["KZ"] = "Kazakhstan", ["TH"] = "Thailand", ["VN"] = "Vietnam", ["PH"] = "Philippines", ["ID"] = "Indonesia",
        ["MY"] = "Malaysia", ["SG"] = "Singapore", ["KH"] = "Cambodia", ["PK"] = "Pakistan", ["BD"] = "Bangladesh", ["LK"] = "Sri Lanka",
        ["NP"] = "Nepal", ["MN"] = "Mongolia", ["AF"] = "Afghanistan", ["SA"] = "Saudi Arabia", ["AE"] = "United Arab Emirates",
        ["QA"] = "Qatar", ["JO"] = "Jordan", ["SY"] = "Syria", ["CY"] = "Cyprus", ["PR"] = "Puerto Rico", ["JM"] = "Jamaica",
        ["BS"] = "Bahamas", ["DO"] = "Dominican Republic", ["GT"] = "Guatemala", ["CR"] = "Costa Rica", ["PA"] = "Panama",
        ["BO"] = "Bolivia", ["EC"] = "Ecuador", ["PY"] = "Paraguay", ["LI"] = "Liechtenstein", ["MC"] = "Monaco", ["DD"] = "East Germany",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> CountryCodes = CountryNames
        .Select(c => (c.Value, c.Key))
        .Concat([("United States", "US"), ("USA", "US"), ("UK", "GB"), ("Great Britain", "GB"), ("Korea", "KR"),
            ("Republic of Korea", "KR"), ("Czechia", "CZ"), ("Russian Federation", "RU"), ("West Germany", "DE"),
            ("Serbia and Montenegro", "RS"), ("Macao", "MO"), ("Holland", "NL"), ("Persia", "IR")])
        .DistinctBy(c => c.Item1, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(c => c.Item1, c => c.Item2, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> LanguageCodes = LanguageNames
        .Where(l => l.Key != "nb" && l.Key != "cn")
        .Select(l => (l.Value, l.Key))
        .Concat([("Mandarin", "zh"), ("普通话", "zh"), ("广州话 / 廣州話", "cn"), ("Français", "fr"), ("Español", "es"), ("Deutsch", "de"),
            ("Italiano", "it"), ("日本語", "ja"), ("한국어/조선말", "ko"), ("Pусский", "ru"), ("Português", "pt"), ("svenska", "sv"),
            ("Dansk", "da"), ("Norsk", "no"), ("suomi", "fi"), ("Nederlands", "nl"), ("Polski", "pl"), ("Český", "cs"),
            ("Magyar", "hu"), ("ελληνικά", "el"), ("Türkçe", "tr"), ("فارسی", "fa"), ("العربية", "ar"), ("עִבְרִית", "he"),
            ("ภาษาไทย", "th"), ("हिन्दी", "hi"), ("Latin", "la"), ("Farsi", "fa")])
        .DistinctBy(l => l.Item1, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(l => l.Item1, l => l.Item2, StringComparer.OrdinalIgnoreCase);

    /// <summary>English name of an ISO 639-1 language code ("ko" → "Korean"); null when unknown.</summary>
    public static string? LanguageName(string? code) => code is null ? null : LanguageNames.GetValueOrDefault(code.Trim());

    /// <summary>English name of an ISO 3166-1 country code ("KR" → "South Korea"); null when unknown.</summary>
    public static string? CountryName(string? code) => code is null ? null : CountryNames.GetValueOrDefault(code.Trim());

    /// <summary>ISO 639-1 code of a language as TMDB names it ("English", "Français"); null when unknown.</summary>
    public static string? LanguageCode(string? name) => name is null ? null : LanguageCodes.GetValueOrDefault(name.Trim());

    /// <summary>ISO 3166-1 code of a country as TMDB names it ("United States of America"); null when unknown.</summary>
    public static string? CountryCode(string? name) => name is null ? null : CountryCodes.GetValueOrDefault(name.Trim());

    /// <summary>"Korean, 2003": the original language (or the first country) and the year, for a card's reason.</summary>
    public static string? Describe(CatalogMovie movie)
    {
        var details = movie.Details;
        var what = details?.OriginalLanguage is { } code && code != "en" && LanguageName(code) is { } language
            ? language
            : CountryName(details?.ProductionCountries?.FirstOrDefault()) is { } country ? $"Made in {country}" : null;
        if (what is null)
        {
            return null;
        }
        return movie.ReleaseYear is { } year ? string.Create(CultureInfo.InvariantCulture, $"{what}, {year}") : what;
    }
}
