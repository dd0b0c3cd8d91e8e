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
            return Wanted(text, vocabulary);
        }
        // A topic's keyword is its English name; any other keyword is a word of the wish as written.
        var subjects = intent.Keywords
            .Where(keyword => vocabulary.Find(keyword) is { Terms.Count: > 0 })
            .Concat(intent.Labels)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return subjects.Count == 0 ? null : string.Join(", ", subjects);
    }

    private static readonly HashSet<string> RelativeWords = new(StringComparer.Ordinal) { "that", "which", "who", "where" };

    private static readonly HashSet<string> ForeignNegationWords = new(StringComparer.Ordinal)
    {
        "sin", "sans", "ohne", "kein", "keine", "keinen", "pas", "nicht", "menos", "moins", "weniger", "nada", "ne", "je", "qui", "que", "sollte",
    };

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "a", "an", "the", "some", "any" };

    /// <summary>
    /// The words of an English wish that say what the person wants: without the words every wish shares ("a movie
    /// about") and without what it rules out ("that isn't Marvel"). The model reads every word: "films about grief"
    /// was closest to films about films (The Final Girls, Scary Movie 2) and Three Colors: Blue ranked 498th; "grief"
    /// puts it 11th among Rabbit Hole and Reign Over Me. Null when nothing is left ("nothing scary"): embedded, such a
    /// wish would be read as its opposite.
    /// </summary>
    internal static string? Wanted(string text, IntentVocabulary vocabulary)
    {
        var query = new TokenizedQuery(text);
        var kept = new List<string>(query.Count);
        var negated = false;
        var at = 0;
        while (at < query.Count)
        {
            var token = query[at];
            if (token.Kind == QueryTokenKind.Break)
            {
                negated = false;
                at++;
                continue;
            }
            if (NegatorAt(query, at, vocabulary) is var negator and > 0)
            {
                // "that isn't Marvel": the relative word goes with what it introduces.
                if (kept.Count > 0 && RelativeWords.Contains(kept[^1]))
                {
                    kept.RemoveAt(kept.Count - 1);
                }
                negated = true;
                at += negator;
                continue;
            }
            if (negated && vocabulary.NegationBreakers.TryMatch(query, at, out _, out var breaker))
            {
                negated = false;
                at += breaker;
                continue;
            }
            if (vocabulary.WordHas(query, at, PhraseRole.KindNoun))
            {
                // "a movie about": the article before it and the marker after it go with it.
                if (kept.Count > 0 && Articles.Contains(kept[^1]))
                {
                    kept.RemoveAt(kept.Count - 1);
                }
                at++;
                if (at < query.Count && vocabulary.WordHas(query, at, PhraseRole.SubjectMarker))
                {
                    at++;
                }
                continue;
            }
            if (!negated)
            {
                kept.Add(token.Text);
            }
            at++;
        }
        return kept.Count == 0 ? null : string.Join(' ', kept);
    }

    /// <summary>
    /// Tokens of the longest negator ("not", "isnt", "not too") starting at <paramref name="at"/>; 0 when none does.
    /// The wish is English, so the other languages' negators are words of its own ("Sin City").
    /// </summary>
    private static int NegatorAt(TokenizedQuery query, int at, IntentVocabulary vocabulary)
    {
        if (ForeignNegationWords.Contains(query[at].Text))
        {
            return 0;
        }
        for (var length = Math.Min(MaxNegatorWords, query.Count - at); length >= 1; length--)
        {
            if (vocabulary.Phrases.TryGetExact(query.Span(at, length), out var meaning) && meaning.Has(PhraseRole.Negator))
            {
                return length;
            }
        }
        return 0;
    }

    private const int MaxNegatorWords = 5;

    /// <summary>True when the wish has a word of Spanish, French or German that English does not use.</summary>
    public static bool ReadsAsOtherLanguage(string text) =>
        QueryText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(word => OtherLanguageWords.Contains(word) || word.EndsWith("filme", StringComparison.Ordinal));
}
