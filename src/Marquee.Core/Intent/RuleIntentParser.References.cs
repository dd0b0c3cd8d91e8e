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
        /// A wish that opens on a known title and goes on with "meets" and another ("alien meets jaws") or with "but"
        /// ("the godfather but funny") or with where it is moved to ("die hard on a train", "the godfather in japan") asks
        /// for films like them, as "like" would: the words were searched ("godfather", "meets"; "hard" and the label
        /// "train", which put Schindler's List on the page) and the page was any comedy. A title of one word needs the
        /// second title to be read so: "heat but not too long" may be the word. Returns where the rest of the wish starts
        /// (0 when it opens on no such title).
        /// </summary>
        private int TryOpeningTitles()
        {
            if (context.Titles is null || ResolveTitle(0, exactOnly: true, out var used) is not { RatingCount: >= MinRatingsForBareTitle } first
                || used >= query.Count)
            {
                return 0;
            }
            var next = query[used].Text;
            if (next == "meets"
                && ResolveTitle(used + 1, exactOnly: true, out var secondUsed) is { RatingCount: >= MinRatingsForBareTitle } second)
            {
                builder.AddReference(first.MovieId, first.Franchise);
                builder.AddReference(second.MovieId, second.Franchise);
                _recognised = true;
                return used + 1 + secondUsed;
            }
            if ((next == "but" || (next is "on" or "in" or "set" or "from" && used + 1 < query.Count && !SaysItsOwnYear(first.MovieId, used + 1))) && used >= 2)
            {
                builder.AddReference(first.MovieId, first.Franchise);
                _recognised = true;
                return used;
            }
            return 0;
        }

        /// <summary>A title typed whole is the film when it has at least this many words, its article counted.</summary>
        private const int MinWordsForWholeTitle = 3;

        /// <summary>"the matrix from 1999" says which film, not films like it from that year.</summary>
        private bool SaysItsOwnYear(int movieId, int at) =>
            query[at].Kind == QueryTokenKind.Number && int.TryParse(query[at].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && context.Titles!.YearOf(movieId) == year;

        /// <summary>
        /// A wish that is nothing but a known film's full title of three words or more asks for films like it, whatever
        /// its words would say on their own: "the war of the worlds" was the War genre, "a quiet place" the quiet mood,
        /// "the best years of our lives" the acclaimed. Shorter titles ("date night", "heat") are left to the rest of
        /// the parser, which reads them as a title only when no word of them means something else. A recent film is
        /// known by its TMDB votes too: "a quiet place" has four ratings in a dataset that ends the year it came out.
        /// </summary>
        private bool TryWholeTitle()
        {
            var end = WordsEnd();
            if (context.Titles is not { } titles || end < MinWordsForWholeTitle || !AllWords(0, end)
                || titles.ResolveExact(query.Text(0, end)) is not { IsFullTitle: true } title
                || Math.Max(title.RatingCount, title.KnownRatings) < MinRatingsForBareTitle)
            {
                return false;
            }
            builder.AddReference(title.MovieId, title.Franchise);
            _recognised = true;
            return true;
        }

        private bool AllWords(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (query[i].Kind != QueryTokenKind.Word)
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// A wish that is one series by name: "toy story movies", "all the back to the future films", "the godfather
        /// trilogy". Read word by word these were the label "toy", the word "back" and Sci-Fi, or a search for
        /// "godfather trilogy"; they name a film and ask for its whole TMDB collection, the film included. A title
        /// made of words the vocabulary knows ("alien movies") is a subject unless the wish says "the" or "all the"
        /// or a word that only a series takes ("the alien franchise"), and so is a one-word title filed under its own
        /// word ("volcano movies"); a film without a collection is left to the rest of the parser ("heat movies" are
        /// films like Heat).
        /// </summary>
        private bool TryWholeSeries()
        {
            if (context.Titles is null)
            {
                return false;
            }
            var end = WordsEnd();
            var opener = vocabulary.SeriesOpeners.TryMatch(query, 0, out _, out var openerLength) ? openerLength : 0;
            if (TrySequels(opener, end) || TryEndOfSeries(end))
            {
                return true;
            }
            // The series noun first, as Spanish, French and German say it: "todas las películas de harry potter".
            if (vocabulary.SeriesNouns.TryMatch(query, opener, out var leadingSeries, out var leadingLength))
            {
                var title = opener + leadingLength;
                if (vocabulary.SeriesConnectors.TryMatch(query, title, out _, out var connector))
                {
                    title += connector;
                }
                return title < end && TrySeriesTitle(title, end, opener > 0 || leadingSeries);
            }
            // "a star wars movie", "a batman film": one film of the series, which is the series to choose from (read as
            // the label "star wars" it opened on Fanboys and two Family Guy parodies).
            if (opener == 0 && end >= 3 && query[0].Text is "a" or "an" && vocabulary.WordHas(query, end - 1, PhraseRole.KindNoun) && TrySeriesTitle(1, end - 1, said: false))
            {
                return true;
            }
            for (var close = 1; close < end; close++)
            {
                if (vocabulary.SeriesNouns.TryMatch(query, close, out var onlySeries, out var nounLength) && close + nounLength == end)
                {
                    // The longest reading first: "the godfather" is a title as it stands.
                    return TrySeriesTitle(0, close, opener > 0 || onlySeries)
                           || (opener > 0 && opener < close && TrySeriesTitle(opener, close, said: true));
                }
            }
            // A series by its name alone ("indiana jones", "lord of the rings", "lotr"), perhaps with the edition after it
            // ("lotr extended editions"). Such a name is often also a label (Fanboys is about Star Wars fans): read as the
            // label, "indiana jones" went on with Schindler's List, close to the films named, before The Last Crusade.
            var named = EndBeforeFillers(end);
            return named > 0 && (TrySeriesTitle(0, named, said: false) || (named < end && TrySeriesTitle(0, end, said: false)));
        }

        /// <summary>
        /// "The sequel to the dark knight", "toy story sequels", "la secuela de shrek": the films of the series made after
        /// the one named. Read word by word these were the labels "sequel" and "knight" and the dark mood (Die Hard: With
        /// a Vengeance), or "toy" (Ted 2).
        /// </summary>
        private bool TrySequels(int opener, int end)
        {
            if (vocabulary.SequelNouns.TryMatch(query, 0, out _, out var nounLength))
            {
                var title = nounLength;
                if (vocabulary.SequelConnectors.TryMatch(query, title, out _, out var connector))
                {
                    title += connector;
                }
                return title < end && TrySequelsOf(title, end);
            }
            for (var close = 1; close < end; close++)
            {
                if (vocabulary.SequelNouns.TryMatch(query, close, out _, out var length) && close + length == end)
                {
                    return TrySequelsOf(0, close) || (opener > 0 && opener < close && TrySequelsOf(opener, close));
                }
            }
            return false;
        }

        /// <summary>
        /// "The original star wars", "the first alien movie", "the last harry potter movie": the film the series began
        /// with, or the one it has come to, and the rest of the series. "Original" had read the quirky mood, "first" and
        /// "last" words to search (Men in Black II, tagged "first was much better"). A title that begins so ("the last
        /// samurai") is that film.
        /// </summary>
        private bool TryEndOfSeries(int end)
        {
            var first = vocabulary.FirstOfSeries.TryMatch(query, 0, out _, out var start);
            if (!first && !vocabulary.LastOfSeries.TryMatch(query, 0, out _, out start))
            {
                return false;
            }
            var titleEnd = end - 1 > start && vocabulary.WordHas(query, end - 1, PhraseRole.KindNoun) ? end - 1 : end;
            if (start >= titleEnd
                || context.Titles!.ResolveExact(query.Text(0, titleEnd)) is not null
                || SeriesTitled(start, titleEnd) is not (var match, var collection))
            {
                return false;
            }
            // The series always holds the film itself, so there is a first and a last.
            var members = context.Titles.FranchiseOf(match.MovieId, collection);
            var chosen = first
                ? members.MinBy(id => context.Titles.YearOf(id) ?? int.MaxValue)
                : members.MaxBy(id => context.Titles.YearOf(id) ?? int.MinValue);
            builder.AddReference(chosen, collection);
            _recognised = true;
            return true;
        }

        /// <summary>The films of the title's series released after it are wished; it and those before are known.</summary>
        private bool TrySequelsOf(int start, int end)
        {
            if (SeriesTitled(start, end) is not (var match, var collection) || context.Titles!.YearOf(match.MovieId) is not { } year)
            {
                return false;
            }
            var members = context.Titles.FranchiseOf(match.MovieId, collection);
            var later = members.Where(id => context.Titles.YearOf(id) > year).ToList();
            if (later.Count == 0)
            {
                return false;
            }
            foreach (var id in members)
            {
                if (later.Contains(id))
                {
                    builder.AddReference(id, collection);
                }
                else
                {
                    builder.ExcludeMovie(id);
                }
            }
            _recognised = true;
            return true;
        }

        /// <summary>Where the wish's words end once the fillers closing it are set aside ("lotr extended editions", "star wars please").</summary>
        private int EndBeforeFillers(int end)
        {
            for (var cut = 1; cut < end; cut++)
            {
                if (OnlyFillers(cut, end))
                {
                    return cut;
                }
            }
            return end;
        }

        private bool OnlyFillers(int start, int end) => AllPhrases(start, end, PhraseRole.Filler);

        /// <param name="said">The wish says it means a series ("the", "all the", "trilogy"), so a title of vocabulary words counts.</param>
        private bool TrySeriesTitle(int start, int end, bool said)
        {
            if (SeriesTitled(start, end) is not (var match, var collection)
                || (!said && (AllKnownWords(start, end - start) || (end - start == 1 && NamesItsOwnKind(match.MovieId, start)))))
            {
                return false;
            }
            builder.AddReference(match.MovieId, collection);
            _recognised = true;
            return true;
        }

        /// <summary>The film the words from <paramref name="start"/> to <paramref name="end"/> name and its series, if it has one.</summary>
        private (TitleMatch Match, int Collection)? SeriesTitled(int start, int end) =>
            context.Titles!.ResolveExact(query.Text(start, end - start)) is { RatingCount: >= MinRatingsForBareTitle } match
            && (match.Franchise ?? context.Titles.CollectionOf(match.MovieId)) is { } collection
                ? (match, collection)
                : null;

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
                used = wordLength;
                if (query.Text(start, wordLength).Contains("prequel", StringComparison.Ordinal))
                {
                    // "Star wars but not the prequels" keeps the rest of the saga (it ruled out every Star Wars film).
                    foreach (var reference in builder.References)
                    {
                        builder.RuleOutFranchise(titles.FranchiseOf(reference).Where(member => IsPrequel(titles, member, reference)), null);
                    }
                    _negation = Negation.AfterItem;
                    _recognised = true;
                    return true;
                }
                ruledOut = [.. builder.References.Select(id => (id, (int?)null, (string?)null))];
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
                if (name is not null && context.Labels is { } labels)
                {
                    // A film filed under the franchise's name is of it though the dumps left it out of the collection
                    // ("james bond" on Die Another Day).
                    builder.RuleOutFranchise(labels.FilmsCarrying(name), franchise);
                }
            }
            _negation = Negation.AfterItem;
            _recognised = true;
            return true;
        }

        /// <summary>
        /// A film of the reference's franchise made after it but set before it: numbered lower ("Episode I" before
        /// "Episode IV") or filed under "prequel" (Rogue One, Prometheus).
        /// </summary>
        private bool IsPrequel(ITitleResolver titles, int member, int reference)
        {
            if (member == reference || titles.YearOf(member) is not { } made || titles.YearOf(reference) is not { } referenceMade || made <= referenceMade)
            {
                return false;
            }
            if (SequenceNumber(titles.TitleOf(member)) is { } number && SequenceNumber(titles.TitleOf(reference)) is { } referenceNumber)
            {
                return number < referenceNumber;
            }
            return context.Labels?.Carries(member, "prequel") == true;
        }

        /// <summary>The number a title gives its place in a series ("Episode IV", "Part 2", "Chapter III"), or null.</summary>
        private static int? SequenceNumber(string? title)
        {
            if (title is null || SequenceMark().Match(title) is not { Success: true } match)
            {
                return null;
            }
            var text = match.Groups["n"].Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var arabic))
            {
                return arabic;
            }
            var total = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var value = RomanValue(text[i]);
                total += i + 1 < text.Length && value < RomanValue(text[i + 1]) ? -value : value;
            }
            return total;
        }

        private static int RomanValue(char c) => c switch { 'I' => 1, 'V' => 5, 'X' => 10, _ => 0 };

        [GeneratedRegex(@"\b(?:Episode|Part|Chapter)\s+(?<n>[IVX]+|\d+)\b")]
        private static partial Regex SequenceMark();

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

        /// <summary>
        /// "Something like breaking bad", "like peaky blinders": after "like", words the catalogue has no title for and
        /// nothing else reads are a title it does not hold (a series, a film it lacks), not subjects. Read word by
        /// word they were the label "bad" (Pulp Fiction for "bad ass") and the word "breaking"; said back whole
        /// ("couldn't use: breaking bad"), the page is the rest of the wish. One word keeps its reading ("like the
        /// office" is films about offices).
        /// </summary>
        private bool TryUnknownTitle(int start, out int used)
        {
            used = 0;
            // "like a video game", "like a dream": after "like a", a kind of thing, not a title the catalogue lacks (it
            // searched "a video game", article and all).
            if (context.Lexicon is null || start >= query.Count || vocabulary.ReferenceBlockers.TryMatch(query, start, out _, out _)
                || query[start].Text is "a" or "an")
            {
                return false;
            }
            var end = start;
            var last = start;
            var words = 0;
            // A little-known film's name opening a longer one ("stranger things"): its function words count as title words.
            var opensOnCutShortTitle = context.Titles?.ResolveExact(query.Text(start, 1)) is { } opening && CutsShortALongerTitle(start + 1, opening);
            while (end < query.Count && query[end].Kind is not (QueryTokenKind.Break or QueryTokenKind.Joiner)
                   && !vocabulary.NegationBreakers.TryMatch(query, end, out _, out _))
            {
                if (vocabulary.Phrases.TryMatch(query, end, out var meaning, out var length))
                {
                    // Function words belong inside a title ("game of thrones"); a word that means something ends it.
                    if (MeansSomething(meaning))
                    {
                        break;
                    }
                    if (opensOnCutShortTitle && words > 0 && !vocabulary.SeriesNouns.TryMatch(query, end, out _, out _))
                    {
                        words++;
                        last = end + length;
                    }
                    end += length;
                    continue;
                }
                if (query[end].Kind is QueryTokenKind.Word or QueryTokenKind.Number)
                {
                    words++;
                    last = end + 1;
                }
                end++;
            }
            if (words < 2)
            {
                return false;
            }
            // Kept whole either way: a phrase the catalogue files or writes finds those films (a tag naming the series),
            // and one it does not know is said back.
            var text = query.Text(start, last - start);
            if (context.Labels?.IsLabel(text) == true)
            {
                builder.AddLabel(text);
            }
            else if (IsUseful(text, phrase: true))
            {
                builder.AddKeyword(text);
            }
            else
            {
                builder.AddUnused(text);
            }
            used = last - start;
            return true;
        }

        /// <summary>
        /// A title that starts with a word that usually means something else after "like" ("this", "when", "to") is
        /// read only whole, exactly and at least this long: "this is spinal tap", not "this one".
        /// </summary>
        private const int MinTitleWordsAfterBlocker = 3;

        private bool TryReference(int start, bool exactOnly, out int used)
        {
            if (ResolveTitle(start, exactOnly, out used) is not { } match || IsAFilmmakerMoreThanAFilm(start, used, match))
            {
                used = 0;
                return false;
            }
            builder.AddReference(match.MovieId, match.Franchise);
            _recognised = true;
            var tail = TitleTail(start + used);
            if (tail > 0)
            {
                builder.AddUnused(query.Text(start + used, tail));
                used += tail;
            }
            return true;
        }

        /// <summary>
        /// "Films in the style of hitchcock", "something like chaplin": a name the catalogue credits on films, and a film
        /// of that name few have rated (Hitchcock, 2012), is the filmmaker: the page was like the biopic.
        /// </summary>
        private bool IsAFilmmakerMoreThanAFilm(int start, int length, TitleMatch match) =>
            match.RatingCount < MinRatingsForCommonWordTitle && context.Names is { } names
            && names.TryMatch(query, start, out var entity, out var nameLength) && nameLength == length && entity.Kind == NamedEntityKind.Person;

        /// <summary>
        /// Words straight after a title that nothing reads are the rest of a name the catalogue lacks, a sequel or a
        /// remake: "like top gun maverick" is films like Top Gun, and "maverick" is said back rather than searched (Maverick,
        /// the 1994 western, opened the page), and "like alien romulus" no longer reads the studio Romulus Films.
        /// </summary>
        private int TitleTail(int at)
        {
            var length = 0;
            while (at + length < query.Count && query[at + length].Kind is QueryTokenKind.Word or QueryTokenKind.Number
                   && !vocabulary.Phrases.TryMatch(query, at + length, out _, out _) && !vocabulary.NegationBreakers.TryMatch(query, at + length, out _, out _))
            {
                length++;
            }
            return length;
        }

        /// <summary>
        /// The title starting at <paramref name="start"/>: the longest exact one, else (unless exact only) the closest by
        /// typo distance; null when none. <paramref name="used"/> receives its length in tokens.
        /// </summary>
        private TitleMatch? ResolveTitle(int start, bool exactOnly, out int used)
        {
            used = 0;
            var titles = context.Titles!;
            if (start >= query.Count)
            {
                return null;
            }
            // "Like this", "like something fun" are no titles; "like when harry met sally", "like how to train your
            // dragon" are, whole and word for word.
            var blocked = vocabulary.ReferenceBlockers.TryMatch(query, start, out _, out _);
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
                if (titles.ResolveExact(query.Text(start, length)) is not { } exact || ContinuesTitle(start + length)
                    || (blocked && (length < MinTitleWordsAfterBlocker || !exact.IsFullTitle)))
                {
                    continue;
                }
                if (AllKnownWords(start, length) && !(exact.IsFullTitle && exact.RatingCount >= MinRatingsForCommonWordTitle))
                {
                    continue;
                }
                if (CutsShortALongerTitle(start + length, exact))
                {
                    continue;
                }
                // A longer typo'd title wins over a short exact one inside it ("toy storey" is Toy Story, not The Toy),
                // unless what it adds is only words the wish goes on with ("jurassic park but scarier" read "but" as a
                // typo of "III": Jurassic Park III).
                if (!exactOnly && !blocked && ResolveFuzzy(start, maxLength, length, out var longerUsed) is { } longer
                    && !AllKnownWords(start + length, longerUsed - length) && !AllCommonWords(start + length, longerUsed - length))
                {
                    used = longerUsed;
                    return longer;
                }
                used = length;
                return exact;
            }
            return exactOnly || blocked ? null : ResolveFuzzy(start, maxLength, 0, out used);
        }

        /// <summary>
        /// The closest title by typo distance over the spans starting at <paramref name="start"/> longer than
        /// <paramref name="longerThan"/> tokens; <paramref name="used"/> receives the winning span's length in tokens.
        /// </summary>
        private TitleMatch? ResolveFuzzy(int start, int maxLength, int longerThan, out int used)
        {
            used = 0;
            var spans = new List<string>();
            var lengths = new List<int>();
            for (var length = Math.Min(maxLength, 8); length > longerThan; length--)
            {
                var span = query.Text(start, length);
                if (span.Length >= 4 && !AllKnownWords(start, length) && !AllCommonWords(start, length) && !ContinuesTitle(start + length))
                {
                    spans.Add(span);
                    lengths.Add(length);
                }
            }
            if (spans.Count == 0 || context.Titles!.ResolveFuzzy(spans) is not { } best)
            {
                return null;
            }
            if (CutsShortALongerTitle(start + lengths[best.Span], best.Match))
            {
                return null;
            }
            used = lengths[best.Span];
            // A typo'd title names one film, never its franchise.
            return best.Match with { Franchise = null };
        }

        /// <summary>
        /// A film few know, read from the first words of a longer name that goes on with a word nothing reads: "like
        /// stranger things" is the series, not The Stranger (1946, one rating) and a leftover "things". A film people
        /// know keeps its reading ("like alien romulus" is films like Alien), and so does a title followed by a word the
        /// vocabulary reads ("like heat but shorter").
        /// </summary>
        private bool CutsShortALongerTitle(int next, TitleMatch match) =>
            match.RatingCount < MinRatingsForBareTitle && next < query.Count && query[next].Kind == QueryTokenKind.Word
            && !vocabulary.SeriesNouns.TryMatch(query, next, out _, out _) && !vocabulary.NegationBreakers.TryMatch(query, next, out _, out _)
            && (!vocabulary.Phrases.TryMatch(query, next, out var meaning, out _) || !MeansSomething(meaning));

        /// <summary>A phrase that is more than a function word (which a title may hold: "game of thrones", "stranger things").</summary>
        private static bool MeansSomething(PhraseMeaning meaning) =>
            !meaning.Has(PhraseRole.Filler) || meaning.Concept is not null || meaning.Era is not null || meaning.Language is not null
            || meaning.MaxAge is not null || meaning.Has(PhraseRole.Negator) || meaning.Has(PhraseRole.SubjectMarker);

        /// <summary>
        /// The title read so far goes on: "of" then a word nothing reads ("like game of thrones" is not The Game and a
        /// search for "thrones").
        /// </summary>
        private bool ContinuesTitle(int at) =>
            at + 1 < query.Count && query[at].Text == "of" && query[at + 1].Kind == QueryTokenKind.Word
            && !vocabulary.Phrases.TryMatch(query, at + 1, out _, out _);

        /// <summary>Every word is spelled as the catalogue's prose spells it often: nothing there is a typo to correct.</summary>
        private bool AllCommonWords(int start, int length)
        {
            if (context.Lexicon is not { } lexicon)
            {
                return false;
            }
            for (var i = start; i < start + length; i++)
            {
                if (query[i].Kind is QueryTokenKind.Word && !lexicon.IsCommonWord(query[i].Text))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// The vocabulary reads every word of the span, alone or in a phrase that ends inside it: "alien", and "road
        /// trip" whose words it knows only together ("road trip movies" had read the comedy Road Trip and its series).
        /// </summary>
        private bool AllKnownWords(int start, int length) => AllPhrases(start, start + length, role: null);

        /// <summary>Every word from <paramref name="start"/> to <paramref name="end"/> is in a vocabulary phrase ending inside the span, of the role when one is given.</summary>
        private bool AllPhrases(int start, int end, PhraseRole? role)
        {
            for (var i = start; i < end;)
            {
                if (query[i].Kind != QueryTokenKind.Word && !(role is not null && query[i].Kind == QueryTokenKind.Number))
                {
                    // Punctuation and emoji are passed over; a number is no filler ("star wars in the 80s" is not
                    // "star wars" and nothing more), though it may be a title's word ("2001").
                    i++;
                }
                else if (vocabulary.Phrases.TryMatch(query, i, end - i, out var meaning, out var phrase) && (role is not { } wanted || meaning.Has(wanted)))
                {
                    i += phrase;
                }
                else
                {
                    return false;
                }
            }
            return true;
        }
    }
}
