namespace Marquee.Core.Content;

/// <summary>Finding a word in free text as a word of its own, not inside another ("war" is not in "award").</summary>
internal static class WholeWords
{
    /// <summary>
    /// Whether <paramref name="word"/> stands in <paramref name="text"/> with no letter on either side; with
    /// <paramref name="orPlural"/>, also when an "s" follows it ("balloons" for "balloon").
    /// </summary>
    public static bool In(string text, string word, StringComparison comparison, bool orPlural = false)
    {
        for (var at = text.IndexOf(word, comparison); at >= 0; at = text.IndexOf(word, at + 1, comparison))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]) || (orPlural && text[end] == 's')))
            {
                return true;
            }
        }
        return false;
    }
}
