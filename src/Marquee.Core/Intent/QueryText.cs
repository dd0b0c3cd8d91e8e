using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace Marquee.Core.Intent;

/// <summary>What a token of a query is, as far as the parser's grammar cares.</summary>
public enum QueryTokenKind
{
    Word,
    /// <summary>Digits, possibly with a decimal part or a unit glued on ("90", "1.5", "80s", "1h30").</summary>
    Number,
    /// <summary>A pictograph such as 😂 or 🤠, one token per symbol.</summary>
    Emoji,
    /// <summary>Sentence punctuation that ends a clause (, . ; : ! ? and brackets).</summary>
    Break,
    /// <summary>A dash or plus between numbers ("1990-1999", "2010+").</summary>
    Joiner,
}

/// <summary>One normalised token: lower case, diacritics folded, apostrophes dropped ("don't" → "dont").</summary>
/// <param name="Possessive">
/// The word was written with a possessive "'s" ("a dying man's last wish"): its text keeps the s ("mans"), as phrases and
/// titles are compared, and <see cref="Noun"/> is the word without it.
/// </param>
public readonly record struct QueryToken(string Text, QueryTokenKind Kind, bool Possessive = false)
{
    /// <summary>The word a possessive is of ("man" for "man's"); the text itself for any other token.</summary>
    public string Noun => Possessive ? Text[..^1] : Text;
}

/// <summary>
/// The one normalisation shared by the intent parser, the vocabulary and the title index, so a phrase
/// in the vocabulary file, a catalogue title and a typed query compare equal when a person would say so.
/// </summary>
public static class QueryText
{
    /// <summary>Splits text into normalised tokens. Never throws, whatever the script or symbols.</summary>
    public static List<QueryToken> Tokenize(string? text)
    {
        var tokens = new List<QueryToken>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }
        var word = new StringBuilder();
        var wordIsNumber = false;
        var wordIsPossessive = false;
        // Letters since the last dot of an initialism in the word ("E.T.": 1 after "E", and again after "T").
        var lettersSinceDot = 0;
        var inInitialism = false;
        var folded = new char[8];

        void Flush()
        {
            if (word.Length > 0)
            {
                tokens.Add(new QueryToken(word.ToString(), wordIsNumber ? QueryTokenKind.Number : QueryTokenKind.Word, wordIsPossessive));
                word.Clear();
            }
            wordIsNumber = false;
            wordIsPossessive = false;
            lettersSinceDot = 0;
            inInitialism = false;
        }

        var i = 0;
        while (i < text.Length)
        {
            if (!Rune.TryGetRuneAt(text, i, out var rune))
            {
                // A lone surrogate: skip it rather than fail on broken input.
                Flush();
                i++;
                continue;
            }
            var width = rune.Utf16SequenceLength;
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune))
            {
                if (word.Length == 0)
                {
                    wordIsNumber = Rune.IsDigit(rune);
                }
                AppendFolded(word, text.AsSpan(i, width), folded);
                lettersSinceDot++;
            }
            else if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                     || rune.Value is 0x200D or 0xFE0F or 0xFE0E || (rune.Value >= 0x1F3FB && rune.Value <= 0x1F3FF))
            {
                // Accents, variation selectors, zero-width joiners and skin tones modify what came before.
            }
            else if (IsApostrophe(rune.Value))
            {
                // "don't" → "dont", "80's" → "80s", "'80s" → "80s". A French elided article or pronoun goes:
                // "l'espace" → "espace", "d'horreur" → "horreur" ("lespace" named nothing). The elided "I" stays a
                // word of its own, so that "j'ai" is the phrase "j ai" (I have), not "ai", the robots' artificial intelligence.
                wordIsPossessive = !wordIsNumber && IsPossessiveS(text, i + width) && word.Length >= 2 && !Contractions.Contains(word.ToString());
                if (i + width < text.Length && char.IsLetter(text[i + width]) && IsElision(word))
                {
                    if (word.ToString() == "j")
                    {
                        Flush();
                    }
                    else
                    {
                        word.Clear();
                    }
                }
            }
            else if (rune.Value == '.' && !wordIsNumber && lettersSinceDot == 1
                     && (inInitialism || (i + 2 < text.Length && char.IsLetter(text[i + 1]) && text[i + 2] == '.')))
            {
                // "E.T.", "L.A.", "U.S.": an initialism is one word ("e.t"), as its film's title and a wish both write it; its
                // dots had split "like e.t." into two letters and a full stop, and no film was found. The inner dots stay, so
                // E.T. is not the French "et" (a filler) nor A.I. the word "ai".
                if (i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    word.Append('.');
                }
                inInitialism = true;
                lettersSinceDot = 0;
            }
            else if (rune.Value == '.' && wordIsNumber && word.Length > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                word.Append('.');
            }
            else if (category is UnicodeCategory.OtherSymbol || (category is UnicodeCategory.MathSymbol && rune.Value > 0x2000))
            {
                Flush();
                tokens.Add(new QueryToken(rune.ToString(), QueryTokenKind.Emoji));
            }
            else
            {
                var wasNumber = wordIsNumber && word.Length > 0;
                Flush();
                if (rune.Value == '&')
                {
                    tokens.Add(new QueryToken("and", QueryTokenKind.Word));
                }
                else if (rune.Value is '+' or '-' or '–' or '—' && wasNumber)
                {
                    tokens.Add(new QueryToken(rune.Value == '+' ? "+" : "-", QueryTokenKind.Joiner));
                }
                else if (rune.Value is ',' or '.' or ';' or ':' or '!' or '?' or '(' or ')' or '[' or ']' or '¿' or '¡' or '…')
                {
                    tokens.Add(new QueryToken(rune.ToString(), QueryTokenKind.Break));
                }
                // Anything else (spaces, hyphens inside words, quotes, slashes) only separates words.
            }
            i += width;
        }
        Flush();
        return tokens;
    }

    /// <summary>Tokens of the word-like kinds joined by single spaces: the key phrases and titles are compared by.</summary>
    public static string Normalize(string? text)
    {
        var tokens = Tokenize(text);
        var builder = new StringBuilder(text?.Length ?? 0);
        foreach (var token in tokens)
        {
            if (token.Kind is QueryTokenKind.Break or QueryTokenKind.Joiner)
            {
                continue;
            }
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(token.Text);
        }
        return builder.ToString();
    }

    private static bool IsElision(StringBuilder word) =>
        word.Length is 1 or 2 && word.ToString() is "l" or "d" or "j" or "n" or "s" or "c" or "m" or "t" or "qu";

    /// <summary>An "s" at <paramref name="at"/> that ends the word: the possessive or a contraction of "is".</summary>
    private static bool IsPossessiveS(string text, int at) =>
        at < text.Length && text[at] is 's' or 'S' && (at + 1 == text.Length || !char.IsLetterOrDigit(text[at + 1]));

    /// <summary>Words whose "'s" is "is", "has" or "us" ("it's", "what's", "let's"), never a possessive.</summary>
    private static readonly HashSet<string> Contractions =
        ["it", "that", "what", "he", "she", "there", "here", "who", "let", "where", "how", "when", "why", "this", "everyone", "everything", "nothing", "someone", "something"];

    private static bool IsApostrophe(int value) => value is '\'' or '’' or '‘' or '`' or '´' or 'ʼ';

    private static void AppendFolded(StringBuilder into, ReadOnlySpan<char> source, char[] buffer)
    {
        Span<char> lower = stackalloc char[2];
        var written = source.ToLowerInvariant(lower);
        if (written < 0)
        {
            into.Append(source);
            return;
        }
        if (written == 1 && lower[0] < 128)
        {
            into.Append(lower[0]);
            return;
        }
        var input = lower[..written].ToArray();
        // ASCIIFoldingFilter turns "é" into "e" and "ß" into "ss": the invariant culture cannot decompose.
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, buffer, 0, input.Length);
        into.Append(buffer, 0, length);
    }
}
