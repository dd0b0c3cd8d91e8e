using System.Globalization;
using System.Text.RegularExpressions;

namespace Marquee.Core.Intent;

/// <summary>A catalogue title found for a span of a query ("like the matrx" → The Matrix).</summary>
/// <param name="Similarity">1 for an exact match of the normalised title, lower for typo-tolerant matches.</param>
/// <param name="IsFullTitle">True when the span is the whole title, not a shortened form such as "star wars".</param>
/// <param name="RatingCount">The film's MovieLens ratings.</param>
/// <param name="KnownRatings">How many people know the film: its ratings, or its TMDB votes in ratings when those say
/// more (a 2018 film has a few ratings in a dataset that ends that year); 0 when unknown.</param>
/// <param name="Franchise">Set when the span names a franchise rather than one film ("lord of the rings"): the collection id.</param>
public sealed record TitleMatch(int MovieId, string Title, double Similarity, bool IsFullTitle, int RatingCount, int? Franchise = null, int KnownRatings = 0);

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

    /// <summary>The TMDB collection (franchise) the movie belongs to, if any: "toy story movies" wants all of it.</summary>
    int? CollectionOf(int movieId) => null;

    /// <summary>Who directed the movie, as the catalogue credits them ("by the director of Inception"); empty when unknown.</summary>
    IReadOnlyList<string> DirectorsOf(int movieId) => [];

    /// <summary>The year the movie came out ("tom hanks before forrest gump"); null when unknown.</summary>
    int? YearOf(int movieId) => null;

    /// <summary>How long the movie runs in minutes ("like the godfather but shorter"); null when unknown.</summary>
    int? RuntimeOf(int movieId) => null;

    /// <summary>The movie's title as MovieLens files it ("Star Wars: Episode IV - A New Hope (1977)"); null when unknown.</summary>
    string? TitleOf(int movieId) => null;

    /// <summary>
    /// The movie and the rest of its franchise ("like Star Wars but not Star Wars", "not the sequels"), or of the
    /// TMDB collection <paramref name="franchise"/> and the titles holding <paramref name="name"/> when the wish named
    /// one as a whole ("not harry potter").
    /// </summary>
    IReadOnlyList<int> FranchiseOf(int movieId, int? franchise = null, string? name = null) => [movieId];
}

/// <summary>Tells whether a leftover word is worth searching for (implemented by the content index).</summary>
public interface IKeywordLexicon
{
    /// <summary>True when the word or phrase occurs in the catalogue's text but is not so common that it says nothing.</summary>
    bool IsUseful(string phrase);

    /// <summary>
    /// True when the word is one the catalogue's own prose uses often (or a word that analysis drops, like "the"): a
    /// correctly spelled word, not a typo of a title ("the crown" is not a misspelt The Crow; "forest gump" is Forrest Gump).
    /// </summary>
    bool IsCommonWord(string word) => false;

    /// <summary>
    /// True when some film's text holds the word, however often (or analysis drops it, like "the"): a word the catalogue
    /// holds is spelt as meant, and only a word it does not is read as a typo. A lexicon that cannot tell knows every word.
    /// </summary>
    bool Knows(string word) => true;
}

/// <summary>The labels the catalogue gives its films (TMDB keywords, MovieLens tags), looked up by phrase.</summary>
public interface ILabelLexicon
{
    /// <summary>True when enough films, but not too many, carry this phrase as a label ("psychological thriller").</summary>
    bool IsLabel(string phrase);

    /// <summary>True when the film carries this phrase as one of its own labels (Volcano is filed under "volcano").</summary>
    bool Carries(int movieId, string phrase);

    /// <summary>How many films carry exactly this label (0 when it is none).</summary>
    int FilmCount(string phrase);

    /// <summary>The films (movie ids) that carry exactly this label ("james bond" on Die Another Day).</summary>
    IReadOnlyList<int> FilmsCarrying(string phrase) => [];
}

/// <summary>What the parser needs to know about the catalogue it parses for.</summary>
/// <param name="ReferenceYear">Newest release year in the catalogue; "recent" counts back from it.</param>
/// <param name="Titles">Title look-up for "like …"; without it, reference titles are not recognised.</param>
/// <param name="Lexicon">Keyword check; without it, every leftover word of three letters or more is a keyword.</param>
/// <param name="Names">People and studios of the catalogue; without it, names are ordinary words.</param>
/// <param name="Labels">The catalogue's labels; without them, a wish names no label.</param>
public sealed record IntentParseContext(int ReferenceYear, ITitleResolver? Titles = null, IKeywordLexicon? Lexicon = null,
    INameResolver? Names = null, ILabelLexicon? Labels = null);

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

    [GeneratedRegex(@"^(?<d>\d\d|\d\d\d0)(s|(?<er>ern?))$")]
    private static partial Regex DecadeToken();

    [GeneratedRegex(@"^(?<c>1\d)00s$")]
    private static partial Regex CenturyToken();

    [GeneratedRegex(@"^(1\d|2[01]|[1-9])(st|nd|rd|th)$")]
    private static partial Regex OrdinalToken();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<unit>h|hr|hrs|hour|hours|m|min|mins|minute|minutes)$")]
    private static partial Regex GluedDuration();

    [GeneratedRegex(@"^(?<h>\d)h(?<m>\d\d?)m?$")]
    private static partial Regex HoursAndMinutes();

    private sealed partial class Run(IntentVocabulary vocabulary, TokenizedQuery query, IntentParseContext context, IntentBuilder builder)
    {
        private readonly List<(int Start, int Length, bool Negated)> _leftovers = [];
        /// <summary>Tokens before this index belong to a catalogue label already taken: their words are not leftovers.</summary>
        private int _labelEnd;
        /// <summary>Where the catalogue label ending at <see cref="_labelEnd"/> begins.</summary>
        private int _labelStart;
        /// <summary>The token that said "early" or "late" of a person's films (see TryCareer); -1 when none did.</summary>
        private int _careerAt = -1;
        /// <summary>Where the name after "music by" or "shot by" begins (see <see cref="PhraseRole.CrewTrigger"/>); -1 when none.</summary>
        private int _crewNameAt = -1;
        private Negation _negation;
        private bool _recognised;
        /// <summary>A runtime said by comparison ("shorter"), bounded once the film it compares with is known.</summary>
        private PhraseMeaning? _comparedRuntime;

        public void Execute()
        {
            if (TryWholeSeries() || TryWholeTitle())
            {
                return;
            }
            var i = TryOpeningTitles();
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
                if (_negation == Negation.Active && TryRuledOutByPronoun(i, out var pronounLength))
                {
                    i += pronounLength;
                    continue;
                }
                if (_negation == Negation.Active && TryRuledOutFranchise(i, out var franchiseLength))
                {
                    i += franchiseLength;
                    continue;
                }
                if (TryPraise(i, out var praiseLength))
                {
                    i += praiseLength;
                    continue;
                }
                if (IsRatherThan(i))
                {
                    _negation = Negation.Active;
                    i++;
                    continue;
                }
                if (vocabulary.Phrases.TryMatch(query, i, out var meaning, out var length))
                {
                    if (ArticleGivesWay(i, length))
                    {
                        i++;
                        continue;
                    }
                    // A one-word phrase ("time", a filler) may be the first word of a two-word one mistyped ("time travle").
                    i += length == 1 && token.Kind == QueryTokenKind.Word && TryPairTypo(i, out var pair) ? pair : Interpret(meaning, i, length);
                    continue;
                }
                if (token.Kind == QueryTokenKind.Word && (TryPairTypo(i, out var corrected) || TryTypo(i, out corrected)))
                {
                    i += corrected;
                    continue;
                }
                if (token.Kind is QueryTokenKind.Word or QueryTokenKind.Number)
                {
                    AddLeftover(i);
                }
                i++;
            }
            ResolveLeftovers();
            BoundComparedRuntime();
            RuleOutTheReferencesForAnotherAudience();
        }

        /// <summary>How far back "more" may stand from the "than" it pairs with ("more of a slow drama than").</summary>
        private const int MoreThanSpan = 5;

        /// <summary>
        /// "More drama than action": what follows "than" is what the wish puts second, as "rather than" does. It read both
        /// genres as wished, and "an alien movie that's more drama than action" opened on Aliens and Independence Day.
        /// </summary>
        private bool IsRatherThan(int at)
        {
            if (_negation != Negation.Off || query[at].Text != "than")
            {
                return false;
            }
            for (var before = at - 1; before >= Math.Max(0, at - MoreThanSpan) && query[before].Kind != QueryTokenKind.Break; before--)
            {
                if (query[before].Text == "more")
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// A phrase that begins with an article ("a laugh", "the south") gives way to a longer one that begins after it:
        /// "a laugh out loud comedy" is laughing out loud (it searched "out loud"), "the south korean thriller" is Korean
        /// (it also searched the American South), "a classic hollywood musical" is old Hollywood.
        /// </summary>
        private bool ArticleGivesWay(int at, int length) =>
            length > 1 && query[at].Text is "a" or "an" or "the"
            && vocabulary.Phrases.TryMatch(query, at + 1, out _, out var next) && at + 1 + next > at + length;

        /// <summary>
        /// "A movie with a killer soundtrack" wants a great soundtrack, as "a great soundtrack" does, not serial killers
        /// (seven of its ten films were): a word of praise before a part of a film is the acclaimed mood, and the part
        /// praised is read on its own ("soundtrack", a label).
        /// </summary>
        private bool TryPraise(int at, out int used)
        {
            used = 0;
            if (_negation != Negation.Off || !vocabulary.PraiseWords.TryMatch(query, at, out _, out var length)
                || !vocabulary.FilmAspects.TryMatch(query, at + length, out _, out _))
            {
                return false;
            }
            builder.ApplyAcclaimed();
            _recognised = true;
            used = length;
            return true;
        }

        /// <summary>
        /// "Something like harry potter for adults": the films named are what the person wants a grown-up version of,
        /// so their own series is not on the page (it was all seven Harry Potter films, then Stardust).
        /// </summary>
        private void RuleOutTheReferencesForAnotherAudience()
        {
            if (context.Titles is not { } titles || builder.References.Count == 0 || !builder.WishesForGrownUps)
            {
                return;
            }
            foreach (var reference in builder.References.ToList())
            {
                var collection = titles.CollectionOf(reference);
                builder.RuleOutFranchise(titles.FranchiseOf(reference, collection), collection);
            }
        }

        /// <summary>The years an era leaves when ruled out, for an era bounded on one side; null for others.</summary>
        private static NamedEra? RuledOutEra(NamedEra era) => era switch
        {
            { From: null, FromOffset: null, To: { } to } => new NamedEra(to + 1, null, null),
            { From: { } from, To: null, FromOffset: null } => new NamedEra(null, from - 1, null),
            _ => null,
        };

        /// <summary>
        /// A phrase that rules a concept out still wishes the subject its other words name: "a movie where the dog doesn't
        /// die" is a dog film without a dog's death. Not a genre: "live action" is no action film.
        /// </summary>
        private void WishedWithin(int at, int length, IntentConcept ruledOut)
        {
            for (var i = at; i < at + length; i++)
            {
                for (var inner = at + length - i; inner >= 1 && query[i].Kind == QueryTokenKind.Word; inner--)
                {
                    if (vocabulary.Phrases.TryGetExact(query.Span(i, inner), out var meaning)
                        && meaning.Concept is { Kind: ConceptKind.Topic } wished && wished != ruledOut && !meaning.RulesOutConcept)
                    {
                        builder.Apply(wished);
                        i += inner - 1;
                        break;
                    }
                }
            }
        }

        /// <summary>
        /// "Like the godfather but shorter": shorter than The Godfather (under 140 minutes), not a short film; "a
        /// shorter movie" with no film to compare is the named bound.
        /// </summary>
        private void BoundComparedRuntime()
        {
            if (_comparedRuntime is not { } meaning)
            {
                return;
            }
            ApplyNamedRuntime(meaning, builder.References.Count > 0 ? context.Titles?.RuntimeOf(builder.References[0]) : null);
        }

        /// <summary>
        /// A named runtime's one bound ("short" a maximum, "a long movie" a minimum), or for a comparison its share of
        /// <paramref name="comparedWith"/>, the runtime of the film the wish is like, when known.
        /// </summary>
        private void ApplyNamedRuntime(PhraseMeaning meaning, int? comparedWith)
        {
            int Bound(int named) =>
                comparedWith is { } minutes && meaning.RuntimeShareOfReference is { } share ? (int)Math.Round(minutes * share) : named;
            if (meaning.RuntimeMax is { } max)
            {
                builder.LimitRuntime(Bound(max));
            }
            if (meaning.RuntimeMin is { } min)
            {
                builder.RequireRuntime(Bound(min));
            }
        }

        /// <summary>
        /// The nationality or the genre's subject at <paramref name="at"/> is part of a longer catalogue label whose other
        /// words name no kind of film: "the french revolution", "russian roulette", "a mexican standoff", "a german
        /// shepherd" are subjects, and their films are not French, Russian, Mexican or German (a film about the French
        /// Revolution read as any French film); "ancient greece" is a setting, not Greek films; "the space race" is no
        /// science fiction (it was Alien and Independence Day). A label that names a kind ("british comedy", "french
        /// noir", "space western") keeps the place or the genre.
        /// </summary>
        private bool NamesASubject(int at, int length)
        {
            if (_labelStart > at || _labelEnd < at + length || _labelEnd - _labelStart <= length)
            {
                return false;
            }
            for (var i = _labelStart; i < _labelEnd; i++)
            {
                if (i >= at && i < at + length)
                {
                    continue;
                }
                if (vocabulary.Phrases.TryMatch(query, i, out var meaning, out _)
                    && (meaning.Concept is { Kind: ConceptKind.Genre } || meaning.Era is not null || meaning.Has(PhraseRole.KindNoun)))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// A word nothing else read and no film's text holds is the phrase it is a typo of: "somthing funy", "a scarry
        /// movie", "romantc comedies" were left unread and gave everyone's favourites. Titles forgave typos; words did not.
        /// </summary>
        private bool TryTypo(int at, out int used)
        {
            used = 0;
            var word = query[at].Text;
            if (!IsUnknown(word) || vocabulary.Correct(word) is not { } meaning)
            {
                return false;
            }
            used = Interpret(meaning, at, 1);
            return true;
        }

        /// <summary>
        /// Two words that are a two-word phrase but for a typo in one of them: "sci fi with time travle" read Sci-Fi and
        /// left "travle" unread, so time travel was lost; a one-word correction finds nothing when the phrase has two.
        /// </summary>
        private bool TryPairTypo(int at, out int used)
        {
            used = 0;
            if (at + 1 >= query.Count || query[at + 1].Kind != QueryTokenKind.Word)
            {
                return false;
            }
            var first = query[at].Text;
            var second = query[at + 1].Text;
            var firstIsTypo = IsUnknown(first);
            if (firstIsTypo == IsUnknown(second) || vocabulary.CorrectPair(first, second, firstIsTypo) is not { } meaning)
            {
                return false;
            }
            used = Interpret(meaning, at, 2);
            return true;
        }

        /// <summary>
        /// A word no film's text, label or title knows: a typo, when it is near a phrase's word. A title's initials are no
        /// misspelling: "lotr" was corrected to "lot" and the page was the favourites. Without a catalogue nothing is a typo.
        /// </summary>
        private bool IsUnknown(string word) =>
            context.Lexicon is { } lexicon && !lexicon.Knows(word) && context.Labels?.IsLabel(word) != true
            && context.Titles?.ResolveExact(word) is not { RatingCount: >= MinRatingsForBareTitle };

        /// <summary>Applies a vocabulary phrase; returns how many tokens it consumed.</summary>
        private int Interpret(PhraseMeaning meaning, int at, int length)
        {
            _recognised |= meaning.Concept is not null || meaning.Era is not null || meaning.RuntimeMax is not null || meaning.RuntimeMin is not null
                           || meaning.Language is not null || meaning.MaxAge is not null || meaning.IncludesShorts;
            if (meaning.Has(PhraseRole.DirectorOfTrigger) && TryDirectorOf(at + length, out var directorLength))
            {
                return length + directorLength;
            }
            if (meaning.Has(PhraseRole.CrewTrigger))
            {
                _crewNameAt = at + length;
                return length;
            }
            if (meaning.Has(PhraseRole.ReferenceTrigger) && (TryReferences(at + length, out var referenceLength) || TryUnknownTitle(at + length, out referenceLength)))
            {
                return length + referenceLength;
            }
            // "Date night with my girlfriend", "for my 70 year old mom": a mood named by who watches.
            var namesAGrownViewer = meaning.Concept is { Kind: ConceptKind.Mood } && vocabulary.NamesAGrownViewer(query, at, length);
            // "For teenagers" says who watches wherever it stands: "a film about the holocaust for teenagers" searched it.
            if ((meaning.MaxAge is not null || meaning.Concept is { Name: IntentBuilder.FamilyMood } || namesAGrownViewer)
                && query[at].Text != "for"
                && (AfterSubjectMarker(at) || FollowsSubjectWords(at) || (at > _labelStart && at + length <= _labelEnd) || IsQualifiedSubject(at)))
            {
                // "A movie about a kid who wants to be a dancer", "a dysfunctional family at christmas", "a film about a
                // grandmother", "about a lost child": the kid, the family or the grandmother is who the story follows, not
                // who watches (they read a children's page: The Lion King, Aladdin; It's a Wonderful Life and Home Alone; a
                // cozy page: Amélie). Outside a label taken already, the words are the story's person.
                for (var i = at; i < at + length; i++)
                {
                    AddLeftover(i);
                }
                return length;
            }
            if (meaning.MaxAge is { } age && _negation != Negation.Active)
            {
                // "kids" is an audience as well as a mood: both apply.
                builder.LimitAge(age, meaning.AgeAssumed);
            }
            if (meaning.IncludesShorts && _negation == Negation.Off)
            {
                builder.IncludeShorts();
            }
            if (meaning.Language is not null && meaning.Concept is null && TrySettingPlace(at, length))
            {
                return length;
            }
            if (meaning.Language is { } language && !NamesASubject(at, length))
            {
                // "anime" is Japanese as well as animation: the language applies, then the genre below.
                var negated = _negation == Negation.Active;
                builder.ApplyLanguage(language, negated);
                if (meaning.Concept is null)
                {
                    if (meaning.Era is { } movement && !negated)
                    {
                        // "La nouvelle vague", "neorealism": a movement is its country's films of its years.
                        builder.SetNamedEra(movement);
                    }
                    _negation = negated ? Negation.AfterItem : Negation.Off;
                    return length;
                }
            }
            if (meaning.Concept is { } concept)
            {
                if (meaning.RulesOutConcept)
                {
                    builder.ApplyNegated(concept, query.Text(at, length));
                    WishedWithin(at, length, concept);
                    _negation = Negation.Off;
                    return length;
                }
                if (_negation == Negation.Active)
                {
                    builder.ApplyNegated(concept, query.Text(at, length));
                    _negation = Negation.AfterItem;
                }
                else if (concept is { Kind: ConceptKind.Genre, Terms.Count: > 0 } && NamesASubject(at, length))
                {
                    // "The space race" is The Right Stuff and Hidden Figures, dramas: the label says it, and the genre's
                    // subject would rank every spaceship film above them.
                    _negation = Negation.Off;
                }
                else if (concept is { Kind: ConceptKind.Topic, NotAsQualifier: true } && at >= _labelStart && at + length < _labelEnd)
                {
                    // A word that qualifies the rest of a label taken already and means something else there: a killer robot
                    // is a robot, not a serial killer ("a movie about a killer robot" had Basic Instinct and The Silence of
                    // the Lambs third and sixth, "a killer whale movie" Se7en and Fargo).
                    _negation = Negation.Off;
                }
                else
                {
                    builder.Apply(concept, namesAGrownViewer);
                    NarrowTopic(concept, at, length);
                    NamedKind(concept);
                    if (meaning.RuntimeMin is not null || meaning.RuntimeMax is not null)
                    {
                        // "A long epic" is an epic, and a long one.
                        ApplyNamedRuntime(meaning, comparedWith: null);
                    }
                    _negation = Negation.Off;
                }
                return length;
            }
            if (meaning.Era is { } era)
            {
                if (at >= _labelStart && at + length < _labelEnd)
                {
                    // A word that qualifies the rest of a label taken already: "a heartwarming movie about an old man" is
                    // about an old man (TMDB's "old man"), not a film from before 1980 (Monty Python and the Holy Grail, The
                    // Graduate). An era the label ends on is what it names ("german expressionism") and stays the era.
                    return length;
                }
                if (_negation == Negation.Off)
                {
                    builder.SetNamedEra(era);
                }
                else if (_negation == Negation.Active && RuledOutEra(era) is { } rest)
                {
                    // "A western that isn't too old" is one from after "old" ends, not any western.
                    builder.SetNamedEra(rest);
                    _negation = Negation.AfterItem;
                }
                return length;
            }
            if (meaning.RuntimeMax is not null || meaning.RuntimeMin is not null)
            {
                if (meaning.RuntimeShareOfReference is not null)
                {
                    // Compared with the film the wish is like, which may come later ("shorter, like the godfather").
                    _comparedRuntime = _negation == Negation.Off ? meaning : null;
                    return length;
                }
                if (_negation == Negation.Off)
                {
                    ApplyNamedRuntime(meaning, comparedWith: null);
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
    }
}
