using System.Globalization;
using System.Text.RegularExpressions;

namespace Marquee.Core.Intent;

/// <summary>A catalogue title found for a span of a query ("like the matrx" → The Matrix).</summary>
/// <param name="Similarity">1 for an exact match of the normalised title, lower for typo-tolerant matches.</param>
/// <param name="IsFullTitle">True when the span is the whole title, not a shortened form such as "star wars".</param>
/// <param name="Franchise">Set when the span names a franchise rather than one film ("lord of the rings"): the collection id.</param>
public sealed record TitleMatch(int MovieId, string Title, double Similarity, bool IsFullTitle, int RatingCount, int? Franchise = null);

/// <summary>Finds catalogue titles for spans of a query (implemented by the content index).</summary>
public interface ITitleResolver
{
    /// <summary>The best-known movie whose normalised title (or a known short form of it) equals the span.</summary>
    TitleMatch? ResolveExact(string normalizedSpan);

    /// <summary>
    /// The closest title within typo distance of any of the spans (the candidate word runs after "like"),
    /// with the position of the span that matched; null when none is close enough.
    /// </summary>
    (TitleMatch Match, int Span)? ResolveFuzzy(IReadOnlyList<string> normalizedSpans);
}

/// <summary>Tells whether a leftover word is worth searching for (implemented by the content index).</summary>
public interface IKeywordLexicon
{
    /// <summary>True when the word or phrase occurs in the catalogue's text but is not so common that it says nothing.</summary>
    bool IsUseful(string phrase);
}

/// <summary>The labels the catalogue gives its films (TMDB keywords, MovieLens tags), looked up by phrase.</summary>
public interface ILabelLexicon
{
    /// <summary>True when enough films, but not too many, carry this phrase as a label ("psychological thriller").</summary>
    bool IsLabel(string phrase);
}

/// <summary>What the parser needs to know about the catalogue it parses for.</summary>
/// <param name="ReferenceYear">Newest release year in the catalogue; "recent" counts back from it.</param>
/// <param name="Titles">Title look-up for "like …"; without it, reference titles are not recognised.</param>
/// <param name="Lexicon">Keyword check; without it, every leftover word of three letters or more is a keyword.</param>
/// <param name="Names">People and studios of the catalogue; without it, names are ordinary words.</param>
/// <param name="Labels">The catalogue's labels; without them, a wish names no label.</param>
public sealed record IntentParseContext(int ReferenceYear, ITitleResolver? Titles = null, IKeywordLexicon? Lexicon = null,
    Catalog.INameResolver? Names = null, ILabelLexicon? Labels = null);

/// <summary>
/// Reads a free-text wish into a <see cref="MovieIntent"/> with the vocabulary file and a small grammar for
/// negation, years and runtimes. Works offline, never throws on odd input, and answers in microseconds.
/// </summary>
public sealed partial class RuleIntentParser(IntentVocabulary vocabulary)
{
    /// <summary>Longest query the parser (and the API) accepts.</summary>
    public const int MaxQueryLength = 500;

    /// <summary>
    /// A title made only of everyday words ("Alien", "Heat") counts as a reference after "like" only when
    /// at least this many people rated it, so "like comedy" stays a genre.
    /// </summary>
    public const int MinRatingsForCommonWordTitle = 20;

    /// <summary>A query that is nothing but a title becomes a reference when the film has this many ratings.</summary>
    public const int MinRatingsForBareTitle = 10;

    public IntentVocabulary Vocabulary { get; } = vocabulary;

    /// <summary>Parses a query on its own.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The query is longer than <see cref="MaxQueryLength"/>.</exception>
    public MovieIntent Parse(string? query, IntentParseContext context)
    {
        var builder = new IntentBuilder(Vocabulary);
        ParseInto(query, context, builder);
        return builder.Build(context.ReferenceYear);
    }

    /// <summary>Adds what a query says to a builder that may already hold mood chips and filters.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The query is longer than <see cref="MaxQueryLength"/>.</exception>
    public void ParseInto(string? query, IntentParseContext context, IntentBuilder builder)
    {
        if (query is { Length: > MaxQueryLength })
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Length, $"a query may have at most {MaxQueryLength} characters");
        }
        if (string.IsNullOrWhiteSpace(query))
        {
            return;
        }
        new Run(Vocabulary, new TokenizedQuery(query), context, builder).Execute();
    }

    private enum Negation
    {
        Off,
        /// <summary>A negator was seen: the next concept or word is ruled out.</summary>
        Active,
        /// <summary>Something was just ruled out; "or"/"nor" carries the negation on ("no horror or gore").</summary>
        AfterItem,
    }

    [GeneratedRegex(@"^(?<d>\d\d|\d\d\d0)s$")]
    private static partial Regex DecadeToken();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<unit>h|hr|hrs|hour|hours|m|min|mins|minute|minutes)$")]
    private static partial Regex GluedDuration();

    [GeneratedRegex(@"^(?<h>\d)h(?<m>\d\d?)m?$")]
    private static partial Regex HoursAndMinutes();

    private sealed class Run(IntentVocabulary vocabulary, TokenizedQuery query, IntentParseContext context, IntentBuilder builder)
    {
        private readonly List<(int Start, int Length, bool Negated)> _leftovers = [];
        /// <summary>Tokens before this index belong to a catalogue label already taken: their words are not leftovers.</summary>
        private int _labelEnd;
        private Negation _negation;
        private bool _recognised;

        public void Execute()
        {
            var i = 0;
            while (i < query.Count)
            {
                var token = query[i];
                if (token.Kind == QueryTokenKind.Break)
                {
                    _negation = Negation.Off;
                    i++;
                    continue;
                }
                if (token.Kind == QueryTokenKind.Joiner)
                {
                    i++;
                    continue;
                }
                if (vocabulary.NegationBreakers.TryMatch(query, i, out _, out _))
                {
                    _negation = Negation.Off;
                }
                if (_negation == Negation.AfterItem && vocabulary.NegationContinuers.TryMatch(query, i, out _, out var continued))
                {
                    _negation = Negation.Active;
                    i += continued;
                    continue;
                }
                if (_negation == Negation.Off && i >= _labelEnd)
                {
                    TryLabel(i);
                }
                if (TryNumeric(i, out var used))
                {
                    _recognised = true;
                    i += used;
                    continue;
                }
                if (TryName(i, out var nameLength))
                {
                    i += nameLength;
                    continue;
                }
                if (vocabulary.Phrases.TryMatch(query, i, out var meaning, out var length))
                {
                    i += Interpret(meaning, i, length);
                    continue;
                }
                if (token.Kind is QueryTokenKind.Word or QueryTokenKind.Number)
                {
                    AddLeftover(i);
                }
                i++;
            }
            ResolveLeftovers();
        }

        /// <summary>Applies a vocabulary phrase; returns how many tokens it consumed.</summary>
        private int Interpret(PhraseMeaning meaning, int at, int length)
        {
            _recognised |= meaning.Concept is not null || meaning.Era is not null || meaning.RuntimeMax is not null
                           || meaning.Language is not null || meaning.MaxAge is not null || meaning.IncludesShorts;
            if (meaning.Has(PhraseRole.ReferenceTrigger) && TryReferences(at + length, out var referenceLength))
            {
                return length + referenceLength;
            }
            if (meaning.MaxAge is { } age && _negation == Negation.Off)
            {
                // "kids" is an audience as well as a mood: both apply.
                builder.LimitAge(age);
            }
            if (meaning.IncludesShorts && _negation == Negation.Off)
            {
                builder.IncludeShorts();
            }
            if (meaning.Language is { } language && meaning.Concept is null)
            {
                var negated = _negation == Negation.Active;
                builder.ApplyLanguage(language, negated);
                _negation = negated ? Negation.AfterItem : Negation.Off;
                return length;
            }
            if (meaning.Concept is { } concept)
            {
                if (_negation == Negation.Active)
                {
                    builder.ApplyNegated(concept);
                    _negation = Negation.AfterItem;
                }
                else
                {
                    builder.Apply(concept);
                    NarrowTopic(concept, at, length);
                    _negation = Negation.Off;
                }
                return length;
            }
            if (meaning.Era is { } era)
            {
                if (_negation == Negation.Off)
                {
                    builder.SetNamedEra(era);
                }
                return length;
            }
            if (meaning.RuntimeMax is { } max)
            {
                if (_negation == Negation.Off)
                {
                    builder.LimitRuntime(max);
                }
                return length;
            }
            if (meaning.Has(PhraseRole.Negator))
            {
                _negation = Negation.Active;
            }
            // Fillers, triggers without a title, comparators without a number: nothing to add.
            return length;
        }

        // ---- the catalogue's own labels ("psychological thriller", "alien invasion", "dog") --------------------

        /// <summary>Longest phrase a label can be, in words.</summary>
        private const int MaxLabelWords = 4;

        /// <summary>
        /// A run of two to four words that films carry as a label is taken as that label, whatever else its words
        /// mean: "psychological thriller" is a thriller and the films filed under "psychological thriller". The
        /// words are not consumed, so the genre, mood or topic they name still applies.
        /// </summary>
        private void TryLabel(int at)
        {
            if (context.Labels is not { } labels)
            {
                return;
            }
            var words = 0;
            while (at + words < query.Count && words < MaxLabelWords && query[at + words].Kind == QueryTokenKind.Word)
            {
                words++;
            }
            for (var length = words; length >= 2; length--)
            {
                if (IsFunctionWord(at) || IsFunctionWord(at + length - 1))
                {
                    continue;
                }
                var phrase = query.Text(at, length);
                if (labels.IsLabel(phrase))
                {
                    builder.AddLabel(phrase);
                    _labelEnd = at + length;
                    _recognised = true;
                    return;
                }
            }
        }

        /// <summary>
        /// A topic named by one of its narrower words ("dog" for animals, "shark" for the sea) keeps that word as a
        /// label when films carry it: a dog movie is not a cat movie.
        /// </summary>
        private void NarrowTopic(IntentConcept concept, int at, int length)
        {
            if (concept.Kind != ConceptKind.Topic || length != 1 || context.Labels is not { } labels)
            {
                return;
            }
            var word = query[at].Text;
            if (word.TrimEnd('s') != QueryText.Normalize(concept.Name).TrimEnd('s') && labels.IsLabel(word))
            {
                builder.AddLabel(word);
            }
        }

        private bool IsFunctionWord(int at) =>
            query[at].Text.Length < 3 || (vocabulary.Phrases.TryMatch(query, at, out var meaning, out var length) && length == 1
                                          && meaning.Has(PhraseRole.Filler));

        // ---- names ("tarantino", "meryl streep", "studio ghibli", "isn't marvel") ----------------------------

        private bool TryName(int at, out int used)
        {
            used = 0;
            if (context.Names is not { } names || !names.TryMatch(query, at, out var entity, out used))
            {
                return false;
            }
            var negated = _negation == Negation.Active;
            foreach (var name in entity.Names)
            {
                if (entity.Kind == Catalog.NamedEntityKind.Company)
                {
                    builder.AddCompany(name, negated);
                }
                else if (!negated)
                {
                    builder.AddPerson(name);
                }
            }
            _negation = negated ? Negation.AfterItem : Negation.Off;
            _recognised = true;
            return true;
        }

        // ---- references ("like The Matrix", "similar to Toy Story or Shrek") -------------------------------

        private bool TryReferences(int start, out int used)
        {
            used = 0;
            if (context.Titles is null || !TryReference(start, exactOnly: false, out var first))
            {
                return false;
            }
            used = first;
            while (true)
            {
                var next = start + used;
                var skip = 0;
                while (next + skip < query.Count && (query[next + skip].Text is "," or "or" or "and" or "nor"))
                {
                    skip++;
                }
                if (skip == 0 || !TryReference(next + skip, exactOnly: true, out var more))
                {
                    return true;
                }
                used += skip + more;
            }
        }

        private bool TryReference(int start, bool exactOnly, out int used)
        {
            used = 0;
            var titles = context.Titles!;
            if (start >= query.Count || vocabulary.ReferenceBlockers.TryMatch(query, start, out _, out _))
            {
                return false;
            }
            var maxLength = 0;
            while (start + maxLength < query.Count && maxLength < 12 && query[start + maxLength].Kind != QueryTokenKind.Break)
            {
                maxLength++;
            }
            for (var length = maxLength; length >= 1; length--)
            {
                if (query[start + length - 1].Kind == QueryTokenKind.Joiner)
                {
                    continue;
                }
                if (titles.ResolveExact(query.Text(start, length)) is not { } match)
                {
                    continue;
                }
                if (AllKnownWords(start, length) && !(match.IsFullTitle && match.RatingCount >= MinRatingsForCommonWordTitle))
                {
                    continue;
                }
                builder.AddReference(match.MovieId, match.Franchise);
                _recognised = true;
                used = length;
                return true;
            }
            if (exactOnly)
            {
                return false;
            }
            var spans = new List<string>();
            var lengths = new List<int>();
            for (var length = Math.Min(maxLength, 8); length >= 1; length--)
            {
                var span = query.Text(start, length);
                if (span.Length >= 4 && !AllKnownWords(start, length))
                {
                    spans.Add(span);
                    lengths.Add(length);
                }
            }
            if (spans.Count == 0 || titles.ResolveFuzzy(spans) is not { } best)
            {
                return false;
            }
            builder.AddReference(best.Match.MovieId);
            _recognised = true;
            used = lengths[best.Span];
            return true;
        }

        private bool AllKnownWords(int start, int length)
        {
            for (var i = start; i < start + length; i++)
            {
                if (query[i].Kind == QueryTokenKind.Word && !vocabulary.Phrases.TryGetExact(query.Span(i, 1), out _))
                {
                    return false;
                }
            }
            return true;
        }

        // ---- numbers: years, decades, runtimes ---------------------------------------------------------------

        private bool TryNumeric(int at, out int used)
        {
            used = 0;
            for (var length = Math.Min(vocabulary.Phrases.MaxWords, query.Count - at); length >= 1; length--)
            {
                if (!vocabulary.Phrases.TryGetExact(query.Span(at, length), out var meaning))
                {
                    continue;
                }
                if ((meaning.IsYearComparator || meaning.Has(PhraseRole.RuntimeUpper) || meaning.Has(PhraseRole.RuntimeLower))
                    && TryComparison(meaning, at + length, out var target))
                {
                    used = length + target;
                    return true;
                }
                if (meaning.DecadePart is { } part && TryDecade(SkipThe(at + length), out var decade, out var decadeLength))
                {
                    AddRange(decade + part.From, decade + part.To);
                    used = SkipThe(at + length) - at + decadeLength;
                    return true;
                }
                if (meaning.Decade is { } named)
                {
                    AddRange(named, named + 9);
                    used = length;
                    return true;
                }
            }
            if (TryAge(at, out var ageLength))
            {
                used = ageLength;
                return true;
            }
            if (TryDuration(at, out var minutes, out var durationLength))
            {
                if (_negation == Negation.Off)
                {
                    builder.LimitRuntime(minutes);
                }
                used = durationLength + SuffixLength(vocabulary.RuntimeSuffixUpper, at + durationLength);
                return true;
            }
            if (TryDecade(at, out var start, out var tokens))
            {
                AddRange(start, start + 9);
                used = tokens;
                return true;
            }
            if (TryYear(at, out var year))
            {
                used = 1 + YearTail(year, at + 1, PhraseRole.YearExact);
                return true;
            }
            return false;
        }

        /// <summary>What follows a comparator: a year, a decade or a duration. Returns the tokens it used.</summary>
        private bool TryComparison(PhraseMeaning comparator, int at, out int used)
        {
            used = 0;
            var target = SkipThe(at);
            var skipped = target - at;
            if (comparator.IsYearComparator && TryYear(target, out var year))
            {
                var role = comparator.Roles & ~(PhraseRole.Filler | PhraseRole.RuntimeUpper | PhraseRole.RuntimeLower);
                used = skipped + 1 + YearTail(year, target + 1, role);
                return true;
            }
            if (comparator.IsYearComparator && TryDecade(target, out var decade, out var decadeLength))
            {
                ApplyYearComparison(comparator.Roles, decade, decade + 9);
                used = skipped + decadeLength;
                return true;
            }
            if (comparator.Has(PhraseRole.RuntimeUpper) || comparator.Has(PhraseRole.RuntimeLower))
            {
                int minutes;
                int length;
                if (TryDuration(at, out minutes, out length))
                {
                    length += SuffixLength(vocabulary.RuntimeSuffixUpper, at + length);
                }
                else if (at < query.Count && query[at].Kind == QueryTokenKind.Number
                         && int.TryParse(query[at].Text, NumberStyles.None, CultureInfo.InvariantCulture, out minutes)
                         && minutes is >= 30 and <= 400)
                {
                    // "under 100" is minutes: no year or star rating reads that way.
                    length = 1 + SuffixLength(vocabulary.RuntimeSuffixUpper, at + 1);
                }
                else
                {
                    return false;
                }
                var upper = comparator.Has(PhraseRole.RuntimeUpper);
                // "nothing over two hours" is an upper bound too, "not under three hours" a lower one.
                if (upper ? _negation == Negation.Off : _negation == Negation.Active)
                {
                    builder.LimitRuntime(minutes);
                }
                else
                {
                    builder.RequireRuntime(minutes);
                }
                used = length;
                return true;
            }
            return false;
        }

        /// <summary>Reads what follows a year ("-1999", "to 1999", "or later", "+") and applies it.</summary>
        private int YearTail(int year, int at, PhraseRole role)
        {
            if (at < query.Count)
            {
                var joiner = query[at].Kind == QueryTokenKind.Joiner && query[at].Text == "-" ? 1
                    : vocabulary.RangeJoiners.TryMatch(query, at, out _, out var joinerLength) ? joinerLength : 0;
                if (joiner > 0 && TryRangeEnd(year, at + joiner, out var end))
                {
                    if (_negation == Negation.Off)
                    {
                        builder.AddYearRange(Math.Min(year, end), Math.Max(year, end));
                    }
                    return joiner + 1;
                }
                if (query[at].Kind == QueryTokenKind.Joiner && query[at].Text == "+")
                {
                    ApplyYearComparison(PhraseRole.YearAfterInclusive, year, year);
                    return 1;
                }
                if (vocabulary.YearSuffixAfter.TryMatch(query, at, out _, out var after))
                {
                    ApplyYearComparison(PhraseRole.YearAfterInclusive, year, year);
                    return after;
                }
                if (vocabulary.YearSuffixBefore.TryMatch(query, at, out _, out var before))
                {
                    ApplyYearComparison(PhraseRole.YearBeforeInclusive, year, year);
                    return before;
                }
            }
            ApplyYearComparison(role, year, year);
            return 0;
        }

        private void ApplyYearComparison(PhraseRole roles, int first, int last)
        {
            var negated = _negation == Negation.Active;
            if (negated)
            {
                _negation = Negation.AfterItem;
            }
            if ((roles & PhraseRole.YearAfterExclusive) != 0)
            {
                Bound(from: last + 1, to: null, negated);
            }
            else if ((roles & PhraseRole.YearAfterInclusive) != 0)
            {
                Bound(from: first, to: null, negated);
            }
            else if ((roles & PhraseRole.YearBeforeExclusive) != 0)
            {
                Bound(from: null, to: first - 1, negated);
            }
            else if ((roles & PhraseRole.YearBeforeInclusive) != 0)
            {
                Bound(from: null, to: last, negated);
            }
            else if (!negated)
            {
                if ((roles & PhraseRole.YearApproximate) != 0)
                {
                    builder.AddYearRange(first - 2, last + 2);
                }
                else
                {
                    builder.AddYearRange(first, last);
                }
            }
        }

        /// <summary>A one-sided bound; negated it flips ("nothing before 1980" = from 1980).</summary>
        private void Bound(int? from, int? to, bool negated)
        {
            if (!negated)
            {
                builder.AddYearBound(from, to);
            }
            else if (from is { } f)
            {
                builder.AddYearBound(null, f - 1);
            }
            else if (to is { } t)
            {
                builder.AddYearBound(t + 1, null);
            }
        }

        private void AddRange(int from, int to)
        {
            if (_negation == Negation.Active)
            {
                // "not the 80s" cannot be expressed as one range: better to ignore it than to invert it wrongly.
                _negation = Negation.AfterItem;
                return;
            }
            builder.AddYearRange(from, to);
        }

        private bool TryRangeEnd(int start, int at, out int end)
        {
            end = 0;
            if (at >= query.Count || query[at].Kind != QueryTokenKind.Number
                || !int.TryParse(query[at].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }
            if (value is >= 1870 and <= 2100)
            {
                end = value;
                return true;
            }
            if (query[at].Text.Length == 2)
            {
                // "1990-95": the century of the first year.
                end = (start / 100 * 100) + value;
                return end >= start;
            }
            return false;
        }

        private bool TryYear(int at, out int year)
        {
            year = 0;
            return at < query.Count && query[at].Kind == QueryTokenKind.Number && query[at].Text.Length == 4
                   && int.TryParse(query[at].Text, NumberStyles.None, CultureInfo.InvariantCulture, out year)
                   && year is >= 1870 and <= 2100;
        }

        private bool TryDecade(int at, out int start, out int used)
        {
            start = 0;
            used = 0;
            if (at >= query.Count)
            {
                return false;
            }
            if (query[at].Kind == QueryTokenKind.Number && DecadeToken().Match(query[at].Text) is { Success: true } match)
            {
                var digits = int.Parse(match.Groups["d"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
                if (digits >= 100)
                {
                    start = digits;
                }
                else if (digits % 10 == 0)
                {
                    // "20s" is the 1920s until the catalogue reaches the 2020s.
                    start = 2000 + digits <= context.ReferenceYear ? 2000 + digits : 1900 + digits;
                }
                else
                {
                    return false;
                }
                used = 1;
                return start is >= 1870 and <= 2100;
            }
            for (var length = Math.Min(vocabulary.Phrases.MaxWords, query.Count - at); length >= 1; length--)
            {
                if (vocabulary.Phrases.TryGetExact(query.Span(at, length), out var meaning) && meaning.Decade is { } decade)
                {
                    start = decade;
                    used = length;
                    return true;
                }
            }
            return false;
        }

        /// <summary>"8 year old", "8-year-old", "5 yo", "10 años", "8 ans", "6 jahre": the age of a viewer.</summary>
        private bool TryAge(int at, out int used)
        {
            used = 0;
            if (at + 1 >= query.Count || query[at].Kind != QueryTokenKind.Number
                || !int.TryParse(query[at].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age is < 1 or > 17)
            {
                return false;
            }
            var next = at + 1;
            if (query[next] is { Kind: QueryTokenKind.Joiner, Text: "-" })
            {
                next++;
            }
            if (!vocabulary.AgeUnits.TryMatch(query, next, out _, out var unitLength))
            {
                return false;
            }
            if (_negation == Negation.Off)
            {
                builder.LimitAge(age);
            }
            used = next + unitLength - at;
            return true;
        }

        /// <summary>"90 minutes", "90min", "1h30", "2 hours", "an hour and a half", "half an hour".</summary>
        private bool TryDuration(int at, out int minutes, out int used)
        {
            minutes = 0;
            used = 0;
            if (at >= query.Count)
            {
                return false;
            }
            var token = query[at];
            if (token.Kind == QueryTokenKind.Number)
            {
                if (HoursAndMinutes().Match(token.Text) is { Success: true } hm)
                {
                    minutes = (int.Parse(hm.Groups["h"].ValueSpan, CultureInfo.InvariantCulture) * 60)
                              + int.Parse(hm.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
                    used = 1;
                    return Plausible(minutes);
                }
                if (GluedDuration().Match(token.Text) is { Success: true } glued
                    && vocabulary.RuntimeUnits.TryGet(glued.Groups["unit"].Value, out var gluedUnit))
                {
                    minutes = (int)Math.Round(double.Parse(glued.Groups["n"].ValueSpan, CultureInfo.InvariantCulture) * gluedUnit);
                    used = 1;
                    return Plausible(minutes);
                }
                if (double.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return WithUnit(number, at + 1, 1, out minutes, out used);
                }
                return false;
            }
            if (vocabulary.RuntimeHalf.TryMatch(query, at, out _, out var half))
            {
                // "half an hour", "half hour".
                var next = at + half;
                if (vocabulary.NumberWords.TryMatch(query, next, out var one, out var article) && one == 1)
                {
                    next += article;
                }
                if (vocabulary.RuntimeUnits.TryMatch(query, next, out var unit, out var unitLength) && unit == 60)
                {
                    minutes = 30;
                    used = next + unitLength - at;
                    return true;
                }
                return false;
            }
            if (vocabulary.NumberWords.TryMatch(query, at, out var value, out var wordLength))
            {
                return WithUnit(value, at + wordLength, wordLength, out minutes, out used);
            }
            return false;
        }

        private bool WithUnit(double number, int at, int numberLength, out int minutes, out int used)
        {
            minutes = 0;
            used = 0;
            var position = at;
            if (position < query.Count && query[position] is { Kind: QueryTokenKind.Joiner, Text: "-" })
            {
                // "90-minute movie".
                position++;
            }
            var half = vocabulary.RuntimeHalf.TryMatch(query, position, out _, out var halfLength);
            if (half)
            {
                position += halfLength;
            }
            if (!vocabulary.RuntimeUnits.TryMatch(query, position, out var unit, out var unitLength))
            {
                return false;
            }
            position += unitLength;
            if (!half && vocabulary.RuntimeHalf.TryMatch(query, position, out _, out halfLength))
            {
                half = true;
                position += halfLength;
            }
            var total = (number + (half ? 0.5 : 0)) * unit;
            minutes = (int)Math.Round(total);
            used = numberLength + (position - at);
            return Plausible(minutes);
        }

        private static bool Plausible(int minutes) => minutes is >= 1 and <= 1000;

        private int SkipThe(int at) => at < query.Count && query[at].Text == "the" ? at + 1 : at;

        private int SuffixLength(PhraseTable<bool> table, int at) =>
            at < query.Count && table.TryMatch(query, at, out _, out var length) ? length : 0;

        // ---- leftover words → keywords -----------------------------------------------------------------------

        private void AddLeftover(int at)
        {
            if (at < _labelEnd)
            {
                return;
            }
            var negated = _negation == Negation.Active;
            if (_leftovers.Count > 0 && _leftovers[^1] is var last && last.Start + last.Length == at && last.Negated == negated)
            {
                _leftovers[^1] = last with { Length = last.Length + 1 };
            }
            else
            {
                _leftovers.Add((at, 1, negated));
            }
            if (negated)
            {
                _negation = Negation.AfterItem;
            }
        }

        private void ResolveLeftovers()
        {
            if (_leftovers.Count == 1 && !_recognised && context.Titles is { } titles
                && _leftovers[0] is { Negated: false } only
                && titles.ResolveExact(query.Text(only.Start, only.Length)) is { RatingCount: >= MinRatingsForBareTitle } bare)
            {
                // A query that is just a title ("Heat", "toy story") asks for films like it.
                builder.AddReference(bare.MovieId, bare.Franchise);
                return;
            }
            foreach (var (start, length, negated) in _leftovers)
            {
                var words = new List<string>(length);
                for (var i = start; i < start + length; i++)
                {
                    if (query[i].Kind == QueryTokenKind.Word && query[i].Text.Length >= 2)
                    {
                        words.Add(query[i].Text);
                    }
                }
                if (words.Count >= 2 && IsUseful(string.Join(' ', words), phrase: true))
                {
                    Keyword(string.Join(' ', words), negated);
                    continue;
                }
                foreach (var word in words)
                {
                    if (!negated && context.Labels?.IsLabel(word) == true)
                    {
                        // A word films are filed under ("loneliness", "chess") names those films, not every overview that uses it.
                        builder.AddLabel(word);
                    }
                    else if (IsUseful(word, phrase: false))
                    {
                        Keyword(word, negated);
                    }
                }
            }
        }

        private bool IsUseful(string text, bool phrase) => context.Lexicon is { } lexicon
            ? lexicon.IsUseful(text)
            : !phrase && text.Length >= 3;

        private void Keyword(string keyword, bool negated)
        {
            if (negated)
            {
                builder.ExcludeKeyword(keyword);
            }
            else
            {
                builder.AddKeyword(keyword);
            }
        }
    }
}
