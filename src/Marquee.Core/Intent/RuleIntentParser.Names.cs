using System.Globalization;
using System.Text.RegularExpressions;

namespace Marquee.Core.Intent;

/// <summary>The rule parser, part: people and studios named in a wish.</summary>
public sealed partial class RuleIntentParser
{
    private sealed partial class Run
    {
        // ---- names ("tarantino", "meryl streep", "studio ghibli", "isn't marvel") ----------------------------

        private bool TryName(int at, out int used)
        {
            used = 0;
            if (context.Names is not { } names || !names.TryMatch(query, at, out var entity, out used))
            {
                return false;
            }
            // A longer phrase of the vocabulary starting here is what the words mean: "nouvelle vague" is the era, not
            // a studio whose name begins with "nouvelle".
            if (vocabulary.Phrases.TryMatch(query, at, out _, out var phraseLength) && phraseLength > used)
            {
                used = 0;
                return false;
            }
            // A part of a longer label is no one's name: "an agatha christie style mystery" is the label "agatha christie",
            // and its "christie" is not Julie Christie; "spelling bee movie" is the label, not the studio Spelling.
            if (_labelStart <= at && at + used <= _labelEnd && (_labelStart < at || at + used < _labelEnd))
            {
                used = 0;
                return false;
            }
            var negated = _negation == Negation.Active;
            foreach (var name in entity.Names)
            {
                if (entity.Kind == NamedEntityKind.Company)
                {
                    builder.AddCompany(name, negated);
                }
                else if (negated)
                {
                    builder.ExcludePerson(name);
                }
                else
                {
                    builder.AddPerson(name);
                }
            }
            if (!negated)
            {
                TryCareer(entity, names);
            }
            _negation = negated ? Negation.AfterItem : Negation.Off;
            _recognised = true;
            return true;
        }

        /// <summary>
        /// "Something like a wes anderson movie but not by him": a pronoun ruled out is the people (or studio) the wish
        /// named, so both stand, their style without their own films (the pronoun was a keyword ruled out, and the page
        /// was Wes Anderson's films).
        /// </summary>
        private bool TryRuledOutByPronoun(int at, out int used)
        {
            used = 0;
            if ((builder.People.Count == 0 && builder.Companies.Count == 0) || !vocabulary.NamedPronouns.TryMatch(query, at, out _, out used))
            {
                return false;
            }
            foreach (var person in builder.People)
            {
                builder.ExcludePerson(person);
            }
            foreach (var company in builder.Companies)
            {
                builder.AddCompany(company, negated: true);
            }
            _negation = Negation.AfterItem;
            _recognised = true;
            return true;
        }

        /// <summary>A person or studio named in the wish needs this many films of their own before it has an early and a late part.</summary>
        private const int MinCareerFilms = 4;

        /// <summary>The share of a person's or studio's films, by release, that "early" or "late" means.</summary>
        private const double CareerShare = 0.4;

        /// <summary>
        /// "early scorsese", "late hitchcock", "spielberg's early films", "early pixar": a career word anywhere in the wish
        /// that opens no decade ("early 90s") narrows the years to the first or last two fifths of the person's own films
        /// (Mean Streets to The Color of Money; Vertigo to Family Plot) or of the studio's (Toy Story to Finding Nemo;
        /// "early pixar" had opened on WALL·E and Up). The word is spent: no leftover, no search.
        /// </summary>
        private void TryCareer(NamedEntity name, INameResolver names)
        {
            if (_careerAt >= 0)
            {
                return;
            }
            for (var i = 0; i < query.Count; i++)
            {
                var early = vocabulary.CareerEarly.TryGetExact(query[i].Text, out _);
                if (!early && !vocabulary.CareerLate.TryGetExact(query[i].Text, out _))
                {
                    continue;
                }
                if (i + 1 < query.Count && (query[i + 1].Kind == QueryTokenKind.Number || DecadeToken().IsMatch(query[i + 1].Text)))
                {
                    continue;
                }
                var years = names.YearsOf(name);
                if (years.Count < MinCareerFilms)
                {
                    return;
                }
                var share = (int)Math.Ceiling(years.Count * CareerShare);
                if (early)
                {
                    builder.AddYearRange(years[0], years[share - 1]);
                }
                else
                {
                    builder.AddYearRange(years[^share], years[^1]);
                }
                _careerAt = i;
                return;
            }
        }
    }
}
