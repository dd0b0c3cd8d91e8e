using System.Globalization;
using System.Text.RegularExpressions;

namespace Marquee.Core.Intent;

/// <summary>The rule parser, part: reference titles ("like The Matrix").</summary>
public sealed partial class RuleIntentParser
{
    private sealed partial class Run
    {
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

        /// <summary>
        /// "Something by the director of Inception": the title names its directors as people of the wish (not a film
        /// to be like), and the film itself as one the person knows. Falls back to nothing when the catalogue does not
        /// know who directed it.
        /// </summary>
        private bool TryDirectorOf(int start, out int used)
        {
            used = 0;
            if (context.Titles is not { } titles || ResolveTitle(start, exactOnly: false, out var length) is not { } match)
            {
                return false;
            }
            var directors = titles.DirectorsOf(match.MovieId);
            if (directors.Count == 0)
            {
                return false;
            }
            foreach (var director in directors)
            {
                builder.AddPerson(director);
            }
            builder.ExcludeMovie(match.MovieId);
            _recognised = true;
            used = length;
            return true;
        }

        /// <summary>
        /// A film ruled out by name, or the references' own franchise ruled out by a word for it: "like Star Wars but
        /// not Star Wars" wants Star Wars's kind without its episodes, "like The Matrix but not the sequels" without
        /// Reloaded and Revolutions. The franchise's films are known and not wished.
        /// </summary>
        private bool TryRuledOutFranchise(int start, out int used)
        {
            used = 0;
            if (context.Titles is not { } titles)
            {
                return false;
            }
            // Each film ruled out with the franchise the wish named and the words it used, when it named one.
            List<(int MovieId, int? Franchise, string? Name)> ruledOut;
            if (builder.References.Count > 0 && vocabulary.FranchiseWords.TryMatch(query, start, out _, out var wordLength))
            {
                ruledOut = [.. builder.References.Select(id => (id, (int?)null, (string?)null))];
                used = wordLength;
            }
            else if ((ResolveTitle(start, exactOnly: true, out var titleLength) ?? ResolveFranchise(start, out titleLength)) is { } match
                     && !IsVocabularyWord(start, titleLength))
            {
                ruledOut = [(match.MovieId, match.Franchise, query.Text(start, titleLength))];
                used = titleLength;
            }
            else
            {
                return false;
            }
            foreach (var (movieId, franchise, name) in ruledOut)
            {
                builder.RuleOutFranchise(titles.FranchiseOf(movieId, franchise, name), franchise);
            }
            _negation = Negation.AfterItem;
            _recognised = true;
            return true;
        }

        /// <summary>
        /// One word that is both a film and something the vocabulary knows is that meaning when ruled out: "a sci-fi
        /// movie without aliens" wants no aliens, not no Alien films, and "a feel good movie that isn't a kids movie"
        /// no children's films, not no Kids (1995). A title of more words ("jurassic park") is the films.
        /// </summary>
        private bool IsVocabularyWord(int start, int titleLength) =>
            titleLength == 1 && vocabulary.Phrases.TryMatch(query, start, out var meaning, out _) && meaning.Concept is not null;

        /// <summary>A franchise named as a whole ("harry potter", "james bond"), even in words the vocabulary also knows.</summary>
        private TitleMatch? ResolveFranchise(int start, out int used)
        {
            used = 0;
            for (var length = Math.Min(query.Count - start, 6); length >= 2; length--)
            {
                if (context.Titles!.ResolveExact(query.Text(start, length)) is { Franchise: not null } franchise)
                {
                    used = length;
                    return franchise;
                }
            }
            return null;
        }

        private bool TryReference(int start, bool exactOnly, out int used)
        {
            if (ResolveTitle(start, exactOnly, out used) is not { } match)
            {
                return false;
            }
            builder.AddReference(match.MovieId, match.Franchise);
            _recognised = true;
            return true;
        }

        /// <summary>
        /// The title starting at <paramref name="start"/>: the longest exact one, else (unless exact only) the closest by
        /// typo distance; null when none. <paramref name="used"/> receives its length in tokens.
        /// </summary>
        private TitleMatch? ResolveTitle(int start, bool exactOnly, out int used)
        {
            used = 0;
            var titles = context.Titles!;
            if (start >= query.Count || vocabulary.ReferenceBlockers.TryMatch(query, start, out _, out _))
            {
                return null;
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
                if (titles.ResolveExact(query.Text(start, length)) is not { } exact)
                {
                    continue;
                }
                if (AllKnownWords(start, length) && !(exact.IsFullTitle && exact.RatingCount >= MinRatingsForCommonWordTitle))
                {
                    continue;
                }
                used = length;
                return exact;
            }
            if (exactOnly)
            {
                return null;
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
                return null;
            }
            used = lengths[best.Span];
            // A typo'd title names one film, never its franchise.
            return best.Match with { Franchise = null };
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
    }
}
