using System.Globalization;
using System.Text.RegularExpressions;

namespace Marquee.Core.Intent;

/// <summary>The rule parser, part: words nothing else claimed, turned into labels or keywords.</summary>
public sealed partial class RuleIntentParser
{
    private sealed partial class Run
    {
        // ---- leftover words → keywords -----------------------------------------------------------------------

        /// <summary>
        /// The film the wish names when it is nothing but a known title (rated by enough people to be the film meant),
        /// nothing else in it was understood and no word of it is ruled out; else null.
        /// </summary>
        private TitleMatch? WholeWishIsATitle()
        {
            if (_recognised || _leftovers.Any(l => l.Negated) || context.Titles is not { } titles)
            {
                return null;
            }
            var end = WordsEnd();
            // One run of leftovers that is the whole wish is a bare title the caller reads with more care ("heat movies").
            var oneRun = _leftovers.Count == 1 && _leftovers[0].Start == 0 && _leftovers[0].Length == end;
            return end > 0 && !oneRun && titles.ResolveExact(query.Text(0, end)) is { RatingCount: >= MinRatingsForBareTitle } match ? match : null;
        }

        /// <summary>Where the wish's words end: trailing punctuation ("toy story!", "the godfather?") is no part of a title.</summary>
        private int WordsEnd()
        {
            var end = query.Count;
            while (end > 0 && query[end - 1].Kind == QueryTokenKind.Break)
            {
                end--;
            }
            return end;
        }

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
            if (WholeWishIsATitle() is { } named)
            {
                // "toy story", "beauty and the beast", "how to train your dragon": the whole wish is a title whose
                // small words are fillers, so no single run of leftovers spelt it ("toy" was a label).
                builder.AddReference(named.MovieId, named.Franchise);
                return;
            }
            if (_leftovers.Count == 1 && !_recognised && context.Titles is { } titles
                && _leftovers[0] is { Negated: false } only && !AfterSubjectMarker(only.Start)
                && titles.ResolveExact(query.Text(only.Start, only.Length)) is { RatingCount: >= MinRatingsForBareTitle } bare
                && !(only.Length == 1 && bare.Franchise is null && NamesItsOwnKind(bare.MovieId, only.Start)))
            {
                // A query that is just a title ("Heat", "toy story") asks for films like it.
                builder.AddReference(bare.MovieId, bare.Franchise);
                return;
            }
            var protagonists = new List<string>();
            foreach (var (start, length, negated) in _leftovers)
            {
                var words = new List<string>(length);
                for (var i = start; i < start + length; i++)
                {
                    if (query[i].Kind == QueryTokenKind.Word && query[i].Text.Length >= 2 && i != _careerAt)
                    {
                        // "A dying man's last wish": whose wish is "man", not the word "mans".
                        words.Add(query[i].Noun);
                    }
                }
                if (start == _crewNameAt)
                {
                    // A composer or cinematographer: the catalogue credits none, and their words are no subject ("music by
                    // hans zimmer" searched "hans": Die Hard). Said back, so the page says it could not use them.
                    if (words.Count > 0)
                    {
                        builder.AddUnused(string.Join(' ', words));
                    }
                    continue;
                }
                if (words.Count >= 2 && IsUseful(string.Join(' ', words), phrase: true))
                {
                    Keyword(string.Join(' ', words), negated);
                    continue;
                }
                foreach (var word in words)
                {
                    if (vocabulary.NumberWords.TryGetExact(word, out _))
                    {
                        // "Two best friends", "three sisters": a count says how many, not what the films are about
                        // ("two" was searched, and matched every overview that counts).
                        continue;
                    }
                    if (!negated && vocabulary.Protagonists.TryGetExact(word, out _))
                    {
                        protagonists.Add(word);
                    }
                    else if (!negated && context.Labels?.IsLabel(word) == true)
                    {
                        // A word films are filed under ("loneliness", "chess") names those films, not every overview that uses it.
                        builder.AddLabel(word);
                    }
                    else if (IsUseful(word, phrase: false))
                    {
                        Keyword(word, negated);
                    }
                    else if (context.Lexicon is not null && word.Length >= 3)
                    {
                        // Said back to the person ("couldn't use: zxqv"), so a wish never loses a word silently.
                        builder.AddUnused(word);
                    }
                }
            }
            // "A boy and his horse", "a girl who wants to be a dancer": the person is who the story follows, a subject
            // only when the wish names nothing else ("movies about a girl"). As labels they put Toy Story first.
            if (!builder.HasSubject)
            {
                foreach (var word in protagonists)
                {
                    if (context.Labels?.IsLabel(word) == true)
                    {
                        builder.AddLabel(word);
                    }
                    else if (IsUseful(word, phrase: false))
                    {
                        Keyword(word, negated: false);
                    }
                }
            }
        }

        /// <summary>
        /// The words at <paramref name="at"/> follow straight on from leftover words that follow a subject marker: the
        /// family of "a story about an immigrant family" is the story's, as the family of "a story about a family" is.
        /// </summary>
        private bool FollowsSubjectWords(int at) =>
            _leftovers.Count > 0 && _leftovers[^1] is { Negated: false } last && last.Start + last.Length == at && AfterSubjectMarker(last.Start);

        /// <summary>
        /// "About a lost child", "about a lonely kid": one word between the article and the noun still makes the noun the
        /// subject's. Without an article ("about dragons kids will love") the next noun may start a new phrase.
        /// </summary>
        private bool IsQualifiedSubject(int at) =>
            at >= 3 && query[at - 1].Kind == QueryTokenKind.Word && IsDeterminer(query[at - 2].Text)
            && vocabulary.WordHas(query, at - 3, PhraseRole.SubjectMarker);

        /// <summary>
        /// "Movies about twins" names a subject, not the film Twins: a word that follows a subject marker ("about") is
        /// what films are about, whatever title it also is.
        /// </summary>
        private bool AfterSubjectMarker(int at) => AfterMarker(at, PhraseRole.SubjectMarker);

        /// <summary>
        /// Whether the word before <paramref name="at"/> plays <paramref name="role"/>: "about an artist", "about my grandpa",
        /// "for a first date": an article or a possessive between still belongs to what follows.
        /// </summary>
        private bool AfterMarker(int at, PhraseRole role)
        {
            var before = at - 1;
            while (before > 0 && IsDeterminer(query[before].Text))
            {
                before--;
            }
            return before >= 0 && vocabulary.WordHas(query, before, role);
        }

        // An article or a possessive: what stands between a subject marker and the subject's own words.
        private static bool IsDeterminer(string word) => word is "a" or "an" or "the" or "my" or "his" or "her" or "their" or "our" or "your";

        /// <summary>
        /// "Volcano movies" names films of a kind, not the film Volcano: a title that is its own film's subject (Volcano
        /// is filed under "volcano", Gladiator under "gladiator") and a label of other films too, followed by "movies"
        /// or "films". "Matrix movies" and "heat movies" stay the films: neither is filed under its own title word; so
        /// do franchises and titles of several words ("toy story movies").
        /// </summary>
        private bool NamesItsOwnKind(int movieId, int at)
        {
            var after = at + 1;
            var words = query.Text(at, 1);
            return after < query.Count && vocabulary.WordHas(query, after, PhraseRole.KindNoun)
                   && context.Labels is { } labels && labels.IsLabel(words) && labels.Carries(movieId, words);
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
