using System.Globalization;
using System.Text.RegularExpressions;

namespace Marquee.Core.Intent;

/// <summary>The rule parser, part: numbers — years, decades, eras and runtimes.</summary>
public sealed partial class RuleIntentParser
{
    private sealed partial class Run
    {
        // ---- numbers: years, decades, runtimes ---------------------------------------------------------------

        /// <summary>
        /// "A movie set in the 1920s" asks for the years a film shows, not the years it was made (Metropolis and The
        /// General came first): after "set in", "takes place in" or "set during", a decade is the label TMDB files films
        /// under ("1920s": The Great Gatsby, Midnight in Paris), when films carry it.
        /// </summary>
        private bool TrySettingDecade(int at, int decade) =>
            FollowsSettingWords(at) && TryTakeLabel(decade.ToString(CultureInfo.InvariantCulture) + "s");

        /// <summary>Wishes the label when films carry it; false, and nothing wished, when none do.</summary>
        private bool TryTakeLabel(string label)
        {
            if (context.Labels?.IsLabel(label) != true)
            {
                return false;
            }
            builder.AddLabel(label);
            _recognised = true;
            return true;
        }

        /// <summary>Whether "set in", "takes place in", "located in" or "set during" (and "the") come just before <paramref name="at"/>.</summary>
        private bool FollowsSettingWords(int at)
        {
            var before = at - 1;
            if (before >= 0 && query[before].Text == "the")
            {
                before--;
            }
            return before >= 1 && query[before].Text is "in" or "during" && query[before - 1].Text is "set" or "place" or "located";
        }

        /// <summary>
        /// "A movie set in mexico", "a story set in india": a country after "set in" is where the story is, the label TMDB
        /// files films under (Desperado, Man on Fire; Slumdog Millionaire, Life of Pi), not where they were made (Pan's
        /// Labyrinth, a Mexican production set in Spain, opened the page). Without such a label the country stays.
        /// </summary>
        private bool TrySettingPlace(int at, int length) =>
            _negation != Negation.Active && FollowsSettingWords(at) && TryTakeLabel(query.Text(at, length));

        /// <summary>
        /// "Movies set in the 1800s": no film was made then, so a century's years are where a story is set, the label TMDB
        /// files films under ("19th century": Dances with Wolves, The Prestige), when films carry it.
        /// </summary>
        private bool TryCentury(int at, out int used)
        {
            used = 0;
            if (query[at].Kind != QueryTokenKind.Number)
            {
                return false;
            }
            // "the 19th century" as typed: a label of a number and a word, which labels of words alone never are.
            if (at + 1 < query.Count && query[at + 1].Text is "century" or "centuries" && OrdinalToken().IsMatch(query[at].Text)
                && TryTakeLabel(query[at].Text + " century"))
            {
                used = 2;
                return true;
            }
            if (CenturyToken().Match(query[at].Text) is not { Success: true } match)
            {
                return false;
            }
            var hundreds = int.Parse(match.Groups["c"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            if (hundreds > LastCenturyOfNoFilms || !TryTakeLabel(string.Create(CultureInfo.InvariantCulture, $"{hundreds + 1}th century")))
            {
                return false;
            }
            used = 1;
            return true;
        }

        /// <summary>The 1800s are the last hundred years no film was made in: "the 1900s" may be when a film was made.</summary>
        private const int LastCenturyOfNoFilms = 18;

        private bool TryNumeric(int at, out int used)
        {
            used = 0;
            if (TryRecentSpan(at, out used))
            {
                return true;
            }
            if (TryCentury(at, out used))
            {
                return true;
            }
            // Whether a longer phrase than the comparator starts here: "after the kids go to bed" is no year.
            var longerPhrase = false;
            for (var length = Math.Min(vocabulary.Phrases.MaxWords, query.Count - at); length >= 1; length--)
            {
                if (!vocabulary.Phrases.TryGetExact(query.Span(at, length), out var meaning))
                {
                    continue;
                }
                if (meaning.IsYearComparator && SkipThe(at + length) is var shownAt && TryDecade(shownAt, out var shown, out var shownLength)
                    && TrySettingDecade(shownAt, shown))
                {
                    used = shownAt - at + shownLength;
                    return true;
                }
                if ((meaning.IsYearComparator || meaning.Has(PhraseRole.RuntimeUpper) || meaning.Has(PhraseRole.RuntimeLower))
                    && TryComparison(meaning, at + length, titles: !longerPhrase, out var target))
                {
                    used = length + target;
                    return true;
                }
                if (meaning.DecadePart is { } part && TryDecade(SkipThe(at + length), out var decade, out var decadeLength, bareNumber: true))
                {
                    AddRange(decade + part.From, decade + part.To);
                    used = SkipThe(at + length) - at + decadeLength;
                    return true;
                }
                if (meaning.Decade is { } named)
                {
                    if (!TrySettingDecade(at, named))
                    {
                        AddRange(named, named + 9);
                    }
                    used = length;
                    return true;
                }
                longerPhrase = true;
            }
            if (TryAge(at, out var ageLength))
            {
                used = ageLength;
                return true;
            }
            if (TryRuntimeRange(at, out var rangeLength))
            {
                used = rangeLength;
                return true;
            }
            if (TryDuration(at, out var minutes, out var durationLength))
            {
                var suffix = SuffixLength(vocabulary.RuntimeSuffixUpper, at + durationLength);
                if (_negation == Negation.Off)
                {
                    builder.LimitRuntime(minutes);
                    // A length said plainly ("a 3 hour movie", "about 2 hours long") is about that long, not anything
                    // shorter: "a 3 hour movie" opened on The Shawshank Redemption. "2 hours max" stays a bound alone.
                    if (suffix == 0 || SaysHowLong(at + durationLength, suffix))
                    {
                        builder.RequireRuntime((int)Math.Round(minutes * PlainLengthFloor));
                    }
                }
                used = durationLength + suffix;
                return true;
            }
            if (TryDecade(at, out var start, out var tokens))
            {
                if (!TrySettingDecade(at, start))
                {
                    AddRange(start, start + 9);
                }
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

        /// <summary>The share of a plainly said length a film may fall short by: "a 3 hour movie" runs 2 h 15 or more.</summary>
        private const double PlainLengthFloor = 0.75;

        /// <summary>"long" after a length ("2 hours long") says how long, not "at most" as "max" does.</summary>
        private bool SaysHowLong(int at, int length) => query.Text(at, length) is "long" or "runtime" or "run time";

        /// <summary>
        /// "between 90 and 120 minutes", "90-120 min", "1 to 2 hours": a runtime with both bounds. Read as a duration
        /// alone, the first number was lost and only "at most 120" remained.
        /// </summary>
        private bool TryRuntimeRange(int at, out int used)
        {
            used = 0;
            if (at + 2 >= query.Count || query[at].Kind != QueryTokenKind.Number)
            {
                return false;
            }
            // A first bound with its own unit ("between 1h30 and 2h", "90min to 2 hours") is minutes already; it was read
            // as a runtime of its own, and "between 1h30 and 2h" asked for exactly 90 minutes.
            var firstInMinutes = !int.TryParse(query[at].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var first);
            if (firstInMinutes && !(TryDuration(at, out first, out var firstLength) && firstLength == 1))
            {
                return false;
            }
            var joiner = RangeJoinerLength(at + 1);
            if (joiner == 0 || !TryDuration(at + 1 + joiner, out var last, out var length))
            {
                return false;
            }
            // A bare first number shares the second's unit: "1 to 2 hours" is 60 to 120 minutes.
            var from = firstInMinutes || first is >= 30 and <= 400 ? first : last >= 60 && first is >= 1 and <= 6 ? first * 60 : 0;
            if (from == 0 || from >= last)
            {
                return false;
            }
            if (_negation == Negation.Off)
            {
                builder.RequireRuntime(from);
                builder.LimitRuntime(last);
            }
            used = 1 + joiner + length;
            return true;
        }

        /// <summary>
        /// "From the last 5 years", "the past decade", "los últimos diez años", "der letzten 20 Jahre": the years
        /// counted back from the catalogue's newest, that year included. Read word by word, "a comedy from the last 5
        /// years" searched for the words "last years".
        /// </summary>
        private bool TryRecentSpan(int at, out int used)
        {
            used = 0;
            if (!vocabulary.RecentOpeners.TryMatch(query, at, out _, out var openerLength))
            {
                return false;
            }
            var next = at + openerLength;
            var count = 1;
            if (next < query.Count && query[next].Kind == QueryTokenKind.Number
                && int.TryParse(query[next].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                count = number;
                next++;
            }
            else if (vocabulary.NumberWords.TryMatch(query, next, out var word, out var wordLength))
            {
                count = word;
                next += wordLength;
            }
            if (!vocabulary.RecentUnits.TryMatch(query, next, out var unit, out var unitLength) || count is < 1 or > 100)
            {
                return false;
            }
            var years = count * unit;
            AddRange(context.ReferenceYear - years + 1, context.ReferenceYear);
            used = next + unitLength - at;
            return true;
        }

        /// <summary>
        /// What follows a comparator: a year, a decade, a film's title (when <paramref name="titles"/>) or a duration.
        /// Returns the tokens it used.
        /// </summary>
        private bool TryComparison(PhraseMeaning comparator, int at, bool titles, out int used)
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
            // Only before and after: "a movie about twins" is no year near Twins (1988).
            if (titles && (comparator.Roles & (PhraseRole.YearAfterInclusive | PhraseRole.YearAfterExclusive | PhraseRole.YearBeforeInclusive
                    | PhraseRole.YearBeforeExclusive)) != 0 && TryTitleYear(at, out var titleYear, out var titleLength))
            {
                ApplyYearComparison(comparator.Roles, titleYear, titleYear);
                used = titleLength;
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

        /// <summary>Longest title a year comparison may name, in words ("before the silence of the lambs").</summary>
        private const int MaxComparedTitleWords = 6;

        /// <summary>
        /// "Tom Hanks before Forrest Gump", "pixar movies after toy story 3": a film named after a year comparison is the
        /// year it came out (Forrest Gump was read as the film's subject and came first). Only a film rated by enough
        /// people to be the one meant, and never words the vocabulary reads ("after the war", "before bed").
        /// </summary>
        private bool TryTitleYear(int at, out int year, out int length)
        {
            year = 0;
            length = 0;
            if (context.Titles is not { } titles)
            {
                return false;
            }
            var words = 0;
            while (at + words < query.Count && words < MaxComparedTitleWords && query[at + words].Kind is QueryTokenKind.Word or QueryTokenKind.Number)
            {
                words++;
            }
            var start = SkipThe(at);
            for (var n = words; n > start - at; n--)
            {
                if (vocabulary.Phrases.TryGetExact(query.Span(at, n), out _) || vocabulary.Phrases.TryGetExact(query.Span(start, at + n - start), out _))
                {
                    continue;
                }
                if (titles.ResolveExact(query.Text(at, n)) is { RatingCount: >= MinRatingsForBareTitle } match && titles.YearOf(match.MovieId) is { } released)
                {
                    year = released;
                    length = n;
                    return true;
                }
            }
            return false;
        }

        /// <summary>How many tokens join the two ends of a range at <paramref name="at"/> ("-", "to", "and"), 0 when none do.</summary>
        private int RangeJoinerLength(int at) =>
            query[at] is { Kind: QueryTokenKind.Joiner, Text: "-" } ? 1
            : vocabulary.RangeJoiners.TryMatch(query, at, out _, out var length) ? length : 0;

        /// <summary>Reads what follows a year ("-1999", "to 1999", "or later", "+") and applies it.</summary>
        private int YearTail(int year, int at, PhraseRole role)
        {
            if (at < query.Count)
            {
                var joiner = RangeJoinerLength(at);
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

        /// <param name="bareNumber">
        /// After a word that introduces a decade ("los años 80", "les années 90", "late 80"), a bare 20–90 or a year
        /// ending in 0 ("les années 2000") is one; "los 10 mejores" keeps its number.
        /// </param>
        private bool TryDecade(int at, out int start, out int used, bool bareNumber = false)
        {
            start = 0;
            used = 0;
            if (at >= query.Count)
            {
                return false;
            }
            // "los años 80", and "les années 2000": the whole decade, not the year 2000.
            if (bareNumber && query[at].Kind == QueryTokenKind.Number && query[at].Text.Length is 2 or 4
                && int.TryParse(query[at].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var bare) && bare % 10 == 0
                && (query[at].Text.Length == 2 ? bare is >= 20 and <= 90 : bare is >= 1880 and <= 2090))
            {
                start = query[at].Text.Length == 2 ? DecadeOfTwoDigits(bare) : bare;
                used = 1;
                return true;
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
                    start = DecadeOfTwoDigits(digits);
                }
                else
                {
                    return false;
                }
                // "die 80er Jahre": the German decade takes the word for years after it.
                used = match.Groups["er"].Success && at + 1 < query.Count && query[at + 1].Text == "jahre" ? 2 : 1;
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

        /// <summary>"20s" (or "los 20") is the 1920s until the catalogue reaches the 2020s.</summary>
        private int DecadeOfTwoDigits(int digits) => 2000 + digits <= context.ReferenceYear ? 2000 + digits : 1900 + digits;

        /// <summary>"8 year old", "8-year-old son", "5 yo", "10 años", "8 ans", "6 jahre": the age of a viewer.</summary>
        private bool TryAge(int at, out int used)
        {
            used = 0;
            // "Kinder ab 6", "ages 8 and up", "à partir de 10 ans": the number after an opener is the youngest viewer's age.
            if (vocabulary.AgeOpeners.TryMatch(query, at, out _, out var openerLength) && IsAge(at + openerLength, out var from))
            {
                if (_negation != Negation.Active)
                {
                    builder.LimitAge(from);
                }
                var after = at + openerLength + 1;
                if (vocabulary.AgeUnits.TryMatch(query, after, out _, out var trailingUnit))
                {
                    after += trailingUnit;
                }
                used = after - at;
                return true;
            }
            if (!TryYearsOld(at, out var age, out var next))
            {
                return false;
            }
            if (age >= 18)
            {
                // "My 70 year old mom", "a 65 year old": a grown-up's age says who watches, not a year ("old" read films
                // before 1980, and "mom" was searched). A grown-up named after it is read as "for my mom" reads.
                if (vocabulary.GrownViewers.TryMatch(query, next, out _, out var grownUpLength))
                {
                    if (_negation == Negation.Off && ViewersMood(query.Text(next, grownUpLength)) is { } viewersMood)
                    {
                        builder.Apply(viewersMood, forAViewer: true);
                    }
                    next += grownUpLength;
                }
                used = next - at;
                return true;
            }
            // Only an age itself ruled out is no viewer: after "not too scary" the child still watches.
            if (_negation != Negation.Active)
            {
                builder.LimitAge(age);
            }
            // "my 4 year old daughter" is the viewer: "daughter" is not a subject to search for.
            if (vocabulary.AgeViewers.TryMatch(query, next, out _, out var viewerLength))
            {
                next += viewerLength;
            }
            used = next - at;
            return true;
        }

        /// <summary>"8 year old", "8-year-old", "70 years old": a person's age (1 to 110), and where the words after it begin.</summary>
        private bool TryYearsOld(int at, out int age, out int next)
        {
            next = at + 1;
            if (!IsNumberIn(at, 1, 110, out age) || next >= query.Count)
            {
                return false;
            }
            if (query[next] is { Kind: QueryTokenKind.Joiner, Text: "-" })
            {
                next++;
            }
            if (!vocabulary.AgeUnits.TryMatch(query, next, out _, out var unitLength))
            {
                return false;
            }
            next += unitLength;
            return true;
        }

        /// <summary>The mood "for my grandpa" or "grandpa" names, if any.</summary>
        private IntentConcept? ViewersMood(string viewer) =>
            vocabulary.Phrases.TryGet($"for my {viewer}", out var forMy) && forMy.Concept is { } mood ? mood
            : vocabulary.Phrases.TryGet(viewer, out var named) ? named.Concept : null;

        /// <summary>Whether the token at <paramref name="at"/> is a number a viewer's age can be (1–17).</summary>
        private bool IsAge(int at, out int age) => IsNumberIn(at, 1, 17, out age);

        /// <summary>Whether the token at <paramref name="at"/> is a whole number from <paramref name="min"/> to <paramref name="max"/>; 0 when not.</summary>
        private bool IsNumberIn(int at, int min, int max, out int value)
        {
            if (at < query.Count && query[at].Kind == QueryTokenKind.Number
                && int.TryParse(query[at].Text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
            {
                return true;
            }
            value = 0;
            return false;
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
    }
}
