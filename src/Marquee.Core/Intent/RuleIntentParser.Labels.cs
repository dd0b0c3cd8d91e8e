using System.Globalization;
using System.Text.RegularExpressions;

namespace Marquee.Core.Intent;

/// <summary>The rule parser, part: the catalogue's own labels a wish names word for word.</summary>
public sealed partial class RuleIntentParser
{
    private sealed partial class Run
    {
        // ---- the catalogue's own labels ("psychological thriller", "alien invasion", "dog") --------------------

        /// <summary>Longest phrase a label can be, in words.</summary>
        private const int MaxLabelWords = 4;

        /// <summary>
        /// Films a label ending in a part of a film must be filed under: "twist ending" (16 films) is a kind of film,
        /// "happy ending" (2) a chance keyword that put Happiness and Don Jon on a feel-good page, and "love story" (5) only
        /// says Romance while outranking it: "a love story set in war" opened on Eternal Sunshine and WALL·E.
        /// </summary>
        private const int MinPartLabelFilms = 10;

        /// <summary>
        /// Films a label opening on a function word must be filed under: "los angeles" (130 films), "on the run" (31)
        /// are places and plots, "in the closet" (6) and "in netflix queue" a chance tag's words.
        /// </summary>
        private const int MinFunctionWordLabelFilms = 10;

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
            if (TryRelationship(at, labels))
            {
                return;
            }
            var words = 0;
            while (at + words < query.Count && words < MaxLabelWords && query[at + words].Kind == QueryTokenKind.Word)
            {
                words++;
            }
            var startsWithFunctionWord = IsFunctionWord(at);
            for (var length = words; length >= 2; length--)
            {
                var endsInFiller = IsFunctionWord(at + length - 1);
                if (endsInFiller && !IsPartNoun(at + length - 1))
                {
                    continue;
                }
                var phrase = query.Text(at, length);
                // "los angeles" and "las vegas" were searched as "angeles" and "vegas", "on the run" as "run"; "the
                // ending" and "a story" are a part of any film, however many carry them.
                if (startsWithFunctionWord && (labels.FilmCount(phrase) < MinFunctionWordLabelFilms || IsPartNoun(at + length - 1)))
                {
                    continue;
                }
                if (labels.IsLabel(phrase) && !IsEra(at, length) && !IsGenreName(at, length) && !IsGenresSideBySide(at, length) && !IsVerdict(phrase)
                    && !IsCreditedName(at, length) && !IsViewer(at, length) && !IsOccasion(at, length)
                    && (!endsInFiller || labels.FilmCount(phrase) >= MinPartLabelFilms))
                {
                    builder.AddLabel(phrase);
                    _labelStart = at;
                    _labelEnd = at + length;
                    _recognised = true;
                    return;
                }
            }
        }

        /// <summary>
        /// Two people side by side or joined by "and" ("a father and son", "mother-daughter", "brothers and sisters") name
        /// the relationship TMDB files films under ("father son relationship", on 96 films), not the label "father"
        /// (Daddy Day Care, Daddy's Home).
        /// </summary>
        private bool TryRelationship(int at, ILabelLexicon labels)
        {
            var second = at + 1;
            if (second < query.Count && (query[second].Kind == QueryTokenKind.Joiner || query[second].Text is "and" or "&"))
            {
                second++;
            }
            if (second >= query.Count || query[at].Kind != QueryTokenKind.Word || query[second].Kind != QueryTokenKind.Word)
            {
                return false;
            }
            var phrase = $"{query[at].Text} {query[second].Text} relationship";
            // "A movie my parents and kids can watch together" names who watches, not a relationship (Donnie Darko).
            if (!labels.IsLabel(phrase) || IsViewer(at, second + 1 - at))
            {
                return false;
            }
            builder.AddLabel(phrase);
            _labelStart = at;
            _labelEnd = second + 1;
            _recognised = true;
            return true;
        }

        /// <summary>
        /// A kind within genres, named in any of its words ("romcom", "una comedia romántica", "chick flick"), is also
        /// the films filed under its own name when films carry it ("romantic comedy"): "a romantic comedy" found them
        /// word for word, "romcom" read Comedy and Romance alone and opened on Forrest Gump.
        /// </summary>
        private void NamedKind(IntentConcept concept)
        {
            if (concept.Kind == ConceptKind.Genre && concept.Name.Contains(' ', StringComparison.Ordinal)
                && context.Labels is { } labels && labels.IsLabel(concept.Name))
            {
                builder.AddLabel(concept.Name);
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

        /// <summary>
        /// The words are a named era ("black and white", "golden age"): the years say it, and as a label they would rank
        /// the few films tagged so (Dr. Strangelove, Some Like It Hot) above the horror films of "black and white horror".
        /// </summary>
        private bool IsEra(int at, int length) =>
            vocabulary.Phrases.TryMatch(query, at, out var meaning, out var matched) && matched == length && meaning.Era is not null;

        /// <summary>
        /// The words are a genre's own name ("science fiction", "film noir"): the genre says it, and as a label they would
        /// rank the few films that also carry their genre as a keyword (Timecop, The Butterfly Effect) first. A kind of a
        /// genre ("psychological thriller") is a label.
        /// </summary>
        private bool IsGenreName(int at, int length) => GenreNames.Contains(query.Text(at, length));

        /// <summary>
        /// A mood's own words after "for" name the occasion ("a movie for a first date", "for valentine's day"): as labels
        /// they ranked the films about one (50 First Dates, RED and Despicable Me 2 for a first date).
        /// </summary>
        private bool IsOccasion(int at, int length) =>
            vocabulary.Phrases.TryMatch(query, at, out var meaning, out var phraseLength) && phraseLength >= length
            && meaning.Concept is { Kind: ConceptKind.Mood } && AfterMarker(at, PhraseRole.OccasionMarker);

        /// <summary>
        /// The words say who watches ("my teenage daughter", "for my kids"): an audience, not the films about it ("something
        /// my teenage daughter and I can both enjoy" put What Women Want and Taken 2, filed under "teenage daughter", first).
        /// After "about" they are who the story follows, and the label stands.
        /// </summary>
        private bool IsViewer(int at, int length) =>
            vocabulary.Phrases.TryMatch(query, at, out var meaning, out var phraseLength) && phraseLength >= length && meaning.MaxAge is not null
            && !AfterSubjectMarker(at);

        /// <summary>
        /// The words are genres side by side ("horror comedy", "sci-fi thriller"), each one genre: the genres say it
        /// (both, as a soft AND), and as a label they ranked the few films keyworded so (Bad Milo, one 1★ rating) above
        /// Shaun of the Dead. So are the words of a pair of genres ("romantic drama": The Longest Ride, one 1.8★ rating,
        /// opened the page). A kind ("romantic comedy", "dramedy"), whose own name films carry, or a genre's kind
        /// ("psychological thriller") stays a label, and so does a genre named by its subject side by side with another
        /// ("space western": Serenity and Stargate, where the two genres put Star Wars and Avatar first).
        /// </summary>
        private bool IsGenresSideBySide(int at, int length)
        {
            if (vocabulary.Phrases.TryMatch(query, at, out var whole, out var wholeLength) && wholeLength == length
                && whole.Concept is { IsKindOfGenres: true } pair && context.Labels?.IsLabel(pair.Name) != true)
            {
                return true;
            }
            var genres = 0;
            for (var i = at; i < at + length;)
            {
                if (!vocabulary.Phrases.TryMatch(query, i, out var meaning, out var matched) || i + matched > at + length
                    || meaning.Concept is not { Kind: ConceptKind.Genre, GenreMask.Count: 1, Terms.Count: 0 })
                {
                    return false;
                }
                genres++;
                i += matched;
            }
            return genres >= 2;
        }

        /// <summary>
        /// The words are the name of a person or studio the catalogue credits ("tom hanks", "coen brothers", "studio
        /// ghibli"): the credits say it. As a label (a MovieLens tag) it ranked the films tagged with the name over those
        /// that credit both people of "tom hanks and meg ryan" (Toy Story 2 before Sleepless in Seattle), and made the two
        /// Ghibli films tagged "studio ghibli" its only true matches ("only 2 films match", Akira on the page).
        /// </summary>
        private bool IsCreditedName(int at, int length) =>
            context.Names is { } names && names.TryMatch(query, at, out _, out var used) && used == length;

        /// <summary>
        /// The words are a viewers' verdict ("cult classic", "masterpiece"): the moods that name it rank by it, and as a
        /// label it ranked films whose overview merely says so ("a cult classic from the 80s" held Gleaming the Cube, one
        /// rating of 2★, with no reason).
        /// </summary>
        private bool IsVerdict(string phrase) => vocabulary.IsVerdictPhrase(phrase);

        // MovieLens's genre names and TMDB's name for Sci-Fi, in the wish's normalised words.
        private static readonly HashSet<string> GenreNames = [.. Catalog.Genres.All.Append("Science Fiction").Select(QueryText.Normalize)];

        /// <summary>
        /// A part of a film ("ending", "story"): a filler on its own ("a story about…"), the last word of a label films carry
        /// ("twist ending" is on sixteen films; "a movie with a twist ending" read only the mind-bending mood and opened on
        /// Pulp Fiction and Back to the Future).
        /// </summary>
        private bool IsPartNoun(int at) => vocabulary.WordHas(query, at, PhraseRole.PartNoun);

        private bool IsFunctionWord(int at) =>
            query[at].Text.Length < 3 || (vocabulary.Phrases.TryMatch(query, at, out var meaning, out var length) && length == 1
                                          && meaning.Has(PhraseRole.Filler));
    }
}
