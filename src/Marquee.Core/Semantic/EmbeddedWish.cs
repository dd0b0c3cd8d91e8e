using Marquee.Core.Intent;

namespace Marquee.Core.Semantic;

/// <summary>
/// The text of a wish the film vectors' model is given. The model (all-MiniLM-L6-v2) reads English only: a wish written
/// in Spanish, French or German ("películas de espías") embedded as it is lands near arbitrary films (The Silence of
/// the Lambs and The Fugitive led that page), so such a wish is embedded as the subjects the parser read from it.
/// </summary>
public static class EmbeddedWish
{
    /// <summary>
    /// Words that English wishes do not use and Spanish, French or German ones nearly always do. Words English shares
    /// in names and titles ("los angeles", "sin city", "del toro", "con artist", "die hard") are left out; a wish that
    /// names a person or a film ("de niro", "la la land") reads its subjects either way. German writes its kinds as one word
    /// ("Weihnachtsfilme"), so any word ending in "filme" counts, "Filme" itself among them.
    /// </summary>
    private static readonly HashSet<string> OtherLanguageWords = new(StringComparer.Ordinal)
    {
        // Spanish and French alike
        "un", "de", "en",
        // Spanish
        "pelicula", "peliculas", "una", "unas", "el", "sobre", "para", "algo", "muy", "como", "que", "y",
        // French
        "le", "la", "une", "des", "sur", "avec", "pour", "sans", "quelque", "chose", "tres", "dans", "les", "du",
        // German
        "ein", "eine", "einen", "einem", "einer", "uber", "mit", "ohne", "fur", "und", "etwas", "nicht", "sehr", "das",
    };

    /// <summary>The text to embed for the wish, or null when there is nothing the model could read.</summary>
    public static string? TextFor(string? text, MovieIntent intent, IntentVocabulary vocabulary)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!ReadsAsOtherLanguage(text))
        {
            return text;
        }
        // A topic's keyword is its English name; any other keyword is a word of the wish as written.
        var subjects = intent.Keywords
            .Where(keyword => vocabulary.Find(keyword) is { Terms.Count: > 0 })
            .Concat(intent.Labels)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return subjects.Count == 0 ? null : string.Join(", ", subjects);
    }

    /// <summary>True when the wish has a word of Spanish, French or German that English does not use.</summary>
    public static bool ReadsAsOtherLanguage(string text) =>
        QueryText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(word => OtherLanguageWords.Contains(word) || word.EndsWith("filme", StringComparison.Ordinal));
}
