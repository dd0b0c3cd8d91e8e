using System.Text.Json;
using System.Text.Json.Serialization;
using Marquee.Core.Catalog;

namespace Marquee.Core.Intent;

/// <summary>How a vocabulary concept shapes the intent.</summary>
public enum ConceptKind
{
    /// <summary>A genre or an everyday name for one ("whodunit" → Mystery): wished genres.</summary>
    Genre,
    /// <summary>A mood chip ("cozy"): weighted genres, MovieLens tags and sometimes excluded genres.</summary>
    Mood,
    /// <summary>A subject ("heist", "time travel"): searched in titles, overviews and tags.</summary>
    Topic,
}

/// <summary>One entry of the vocabulary: a genre synonym, a mood or a topic, and the phrases that name it.</summary>
public sealed class IntentConcept
{
    internal IntentConcept(ConceptKind kind, string name, string? label, string? emoji, string? description,
        IReadOnlyList<string> phrases, IReadOnlyDictionary<string, double> genreWeights, IReadOnlyList<string> tags,
        IReadOnlyList<string> terms, IReadOnlyList<string> excludeGenres, IReadOnlyList<string> negatedExcludeGenres,
        double qualityBoost, double popularityBoost, IReadOnlyDictionary<string, double> avoidGenres, int minRatings, int? releasedTo = null,
        IReadOnlyList<string>? avoidTags = null, bool audience = false, IReadOnlyList<string>? ruledOutBy = null, int? ruledOutMaxAge = null,
        bool notAsQualifier = false, bool isTurn = false, IReadOnlyList<string>? releasedToExcept = null)
    {
        ReleasedTo = releasedTo;
        ReleasedToExcept = GenreSet.From(releasedToExcept ?? []);
        IsTurn = isTurn;
        NotAsQualifier = notAsQualifier;
        RuledOutMaxAge = ruledOutMaxAge;
        IsAudience = audience;
        RuledOutBy = ruledOutBy ?? [];
        AvoidTags = avoidTags ?? [];
        Kind = kind;
        Name = name;
        Label = label;
        Emoji = emoji;
        Description = description;
        Phrases = phrases;
        GenreWeights = genreWeights;
        GenreMask = GenreSet.From(genreWeights.Keys);
        Tags = tags;
        Terms = terms;
        ExcludeGenres = excludeGenres;
        NegatedExcludeGenres = negatedExcludeGenres;
        QualityBoost = qualityBoost;
        PopularityBoost = popularityBoost;
        AvoidGenres = avoidGenres;
        MinRatings = minRatings;
        WeightByGenreBit = new float[Catalog.Genres.All.Count];
        AvoidByGenreBit = new float[Catalog.Genres.All.Count];
        for (var i = 0; i < Catalog.Genres.All.Count; i++)
        {
            WeightByGenreBit[i] = (float)genreWeights.GetValueOrDefault(Catalog.Genres.All[i]);
            AvoidByGenreBit[i] = (float)avoidGenres.GetValueOrDefault(Catalog.Genres.All[i]);
        }
    }

    public ConceptKind Kind { get; }
    /// <summary>Canonical name, used in <see cref="MovieIntent.Moods"/> and <see cref="MovieIntent.Keywords"/>.</summary>
    public string Name { get; }
    /// <summary>Display label for UI chips (moods only).</summary>
    public string? Label { get; }
    public string? Emoji { get; }
    public string? Description { get; }
    public IReadOnlyList<string> Phrases { get; }
    /// <summary>Canonical genre → how strongly it fits, 0–1.</summary>
    public IReadOnlyDictionary<string, double> GenreWeights { get; }
    public GenreSet GenreMask { get; }

    /// <summary>A kind of film its genres make ("romantic comedy", "space opera"): a genre concept of two genres or more.</summary>
    public bool IsKindOfGenres => Kind == ConceptKind.Genre && GenreMask.Count >= 2;
    /// <summary>Genre weights indexed like <see cref="Catalog.Genres.All"/>, for the ranking loop.</summary>
    internal float[] WeightByGenreBit { get; }

    /// <summary>The weight of the best-fitting of a film's genres (<see cref="GenreSet"/> bits); 0 when none fits.</summary>
    internal float BestGenreWeight(uint genreBits)
    {
        var best = 0f;
        while (genreBits != 0)
        {
            best = Math.Max(best, WeightByGenreBit[System.Numerics.BitOperations.TrailingZeroCount(genreBits)]);
            genreBits &= genreBits - 1;
        }
        return best;
    }
    /// <summary>
    /// Genres that work against a mood, 0–1 ("cozy" and Thriller): a Comedy|Crime|Thriller film is funny but not cozy.
    /// </summary>
    public IReadOnlyDictionary<string, double> AvoidGenres { get; }
    internal float[] AvoidByGenreBit { get; }
    /// <summary>Fewer ratings than this and a film cannot be the mood ("hidden gem", "acclaimed" need evidence).</summary>
    public int MinRatings { get; }

    /// <summary>
    /// For a topic that is a form of its time ("silent film"): every film released up to this year is about it,
    /// labelled or not; later films only by their labels and text (Modern Times is silent in 1936).
    /// </summary>
    public int? ReleasedTo { get; }

    /// <summary>
    /// Genres whose films of those years did not have the form: animated features were in colour from Snow White (1937)
    /// on, so Pinocchio and Bambi are not black and white for being old.
    /// </summary>
    public GenreSet ReleasedToExcept { get; }
    /// <summary>MovieLens user tags that signal the mood.</summary>
    public IReadOnlyList<string> Tags { get; }
    /// <summary>
    /// Tags and keywords that work against a mood whatever the genres say: American Beauty is a comedy and a romance,
    /// and its adultery and midlife crisis make it nobody's cozy Sunday film.
    /// </summary>
    public IReadOnlyList<string> AvoidTags { get; }
    /// <summary>Words and phrases searched in titles, overviews and tags for a topic.</summary>
    public IReadOnlyList<string> Terms { get; }
    /// <summary>Genres a mood rules out ("cozy" is never Horror) unless the person asks for them.</summary>
    public IReadOnlyList<string> ExcludeGenres { get; }
    /// <summary>Genres ruled out when the mood is negated ("not scary" → no Horror).</summary>
    public IReadOnlyList<string> NegatedExcludeGenres { get; }
    /// <summary>Extra weight of the quality (damped mean) term while this mood is active.</summary>
    public double QualityBoost { get; }

    /// <summary>
    /// The mood says who watches ("for adults"), not what the films are like: with a film to be like, that film's kind
    /// decides ("like harry potter for adults" is fantasy without the children's films, not the grown-up mood's dramas).
    /// </summary>
    public bool IsAudience { get; }

    /// <summary>Phrases that say the concept is not wished in their own words ("the dog doesn't die").</summary>
    public IReadOnlyList<string> RuledOutBy { get; }

    /// <summary>
    /// The age a film's certificate must admit when the concept is ruled out: what a certificate measures ("no swearing",
    /// "no sex scenes") is labelled on a few films only, and an R says it of the rest. Films of unknown certificate stay.
    /// </summary>
    public int? RuledOutMaxAge { get; }

    /// <summary>
    /// The topic's words mean something else when they qualify a label's last word: "killer" in "killer robot" or
    /// "killer whale" says deadly, not a serial killer.
    /// </summary>
    public bool NotAsQualifier { get; }

    /// <summary>
    /// A turn of the story ("gone wrong"), not a subject: "a science experiment gone wrong" is a film about an experiment
    /// that goes wrong, so the turn orders the films of the other subject rather than bringing films of its own.
    /// </summary>
    public bool IsTurn { get; }
    /// <summary>Extra weight of popularity while this mood is active; negative favours lesser-known films.</summary>
    public double PopularityBoost { get; }
}

/// <summary>
/// Where films come from or what they are spoken in ("korean", "en français", "no subtitles"): an original
/// language (ISO 639-1), production countries (ISO 3166-1), or a language films should not be in ("foreign").
/// </summary>
/// <param name="RuledOutByCountry">
/// Negated, the concept rules out where films are made, not a language: "not american" names no language at all, and
/// "not british" is not "not in English" (English is also the language of American films). True for a concept without
/// a language, and for one country's share of a language other concepts speak too (British, Mexican).
/// </param>
public sealed record LanguageConcept(string Name, string? Language, IReadOnlyList<string> Countries, string? NotLanguage, bool RuledOutByCountry = false);

/// <summary>What a phrase means to the parser. One phrase may play several parts ("from": a filler, or "from 1995").</summary>
[Flags]
public enum PhraseRole
{
    None = 0,
    Filler = 1 << 0,
    Negator = 1 << 1,
    ReferenceTrigger = 1 << 2,
    YearAfterInclusive = 1 << 3,
    YearAfterExclusive = 1 << 4,
    YearBeforeInclusive = 1 << 5,
    YearBeforeExclusive = 1 << 6,
    YearExact = 1 << 7,
    YearApproximate = 1 << 8,
    YearRangeStart = 1 << 9,
    RuntimeUpper = 1 << 10,
    RuntimeLower = 1 << 11,
    /// <summary>"By the director of", "du réalisateur de": the title after it names a director, not a film to be like.</summary>
    DirectorOfTrigger = 1 << 12,
    /// <summary>"About", "involving": the word after it is what films are about, even when it is also a title.</summary>
    SubjectMarker = 1 << 13,
    /// <summary>"Movies", "films": after a word films are filed under, that word names a kind ("volcano movies"), not the film Volcano.</summary>
    KindNoun = 1 << 14,
    /// <summary>"Ending", "story": a filler alone, yet the last word of a label films carry ("twist ending", "love story").</summary>
    PartNoun = 1 << 15,
    /// <summary>
    /// "Music by", "shot by": the name after it is a composer's or a cinematographer's, whom the catalogue does not credit.
    /// </summary>
    CrewTrigger = 1 << 16,
    /// <summary>"For", "pour": a mood after it ("for a first date", "for valentine's day") is the occasion, not a label films carry.</summary>
    OccasionMarker = 1 << 17,
}

/// <summary>A named era ("recent", "golden age"): fixed years or years relative to the catalogue's newest film.</summary>
public sealed record NamedEra(int? From, int? To, int? FromOffset);

/// <summary>Everything a phrase can stand for.</summary>
public sealed class PhraseMeaning
{
    public PhraseRole Roles { get; internal set; }
    public IntentConcept? Concept { get; internal set; }
    /// <summary>The phrase rules <see cref="Concept"/> out by itself ("the dog doesn't die"), no negator needed.</summary>
    public bool RulesOutConcept { get; internal set; }
    public NamedEra? Era { get; internal set; }
    public int? RuntimeMax { get; internal set; }
    /// <summary>The shortest runtime a phrase asks for ("a long movie").</summary>
    public int? RuntimeMin { get; internal set; }
    /// <summary>
    /// A comparison ("shorter", "longer"): with a film to be like, the bound is this share of its runtime ("like the
    /// godfather but shorter" is under 140 minutes, not a 90-minute film); without one, the bound above.
    /// </summary>
    public double? RuntimeShareOfReference { get; internal set; }
    /// <summary>A film language or country ("french", "korean").</summary>
    public LanguageConcept? Language { get; internal set; }
    /// <summary>The age of the youngest viewer the phrase implies ("kids" → 10, "toddler" → 4).</summary>
    public int? MaxAge { get; internal set; }
    /// <summary>
    /// <see cref="MaxAge"/> is a guess ("the whole family" has children of some age): an age the wish states wins.
    /// </summary>
    public bool AgeAssumed { get; internal set; }
    /// <summary>The phrase asks for short films ("shorts", "court métrage").</summary>
    public bool IncludesShorts { get; internal set; }
    /// <summary>First year of the decade a word names ("eighties" → 1980).</summary>
    public int? Decade { get; internal set; }
    /// <summary>Offsets into a decade for "early" (0–3), "mid" (3–6), "late" (6–9).</summary>
    public (int From, int To)? DecadePart { get; internal set; }

    public bool Has(PhraseRole role) => (Roles & role) != 0;

    public bool IsYearComparator => (Roles & (PhraseRole.YearAfterInclusive | PhraseRole.YearAfterExclusive
        | PhraseRole.YearBeforeInclusive | PhraseRole.YearBeforeExclusive | PhraseRole.YearExact
        | PhraseRole.YearApproximate | PhraseRole.YearRangeStart)) != 0;
}

/// <summary>
/// The parser's vocabulary, loaded from <c>Intent/vocabulary.json</c> (an embedded resource): moods,
/// genre synonyms, topics, negations, eras and runtime words. Data, so extending it needs no code.
/// </summary>
public sealed class IntentVocabulary
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<IntentVocabulary> DefaultVocabulary = new(LoadEmbedded);

    private readonly Dictionary<string, IntentConcept> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<LanguageConcept> _languages = [];

    private IntentVocabulary(VocabularyFile file)
    {
        var concepts = new List<IntentConcept>();
        foreach (var entry in file.Concepts)
        {
            var concept = ToConcept(entry);
            if (!_byName.TryAdd(concept.Name, concept))
            {
                throw new InvalidDataException($"vocabulary: concept name '{concept.Name}' is used twice");
            }
            concepts.Add(concept);
        }
        Concepts = concepts;
        Moods = concepts.Where(c => c.Kind == ConceptKind.Mood).ToList();

        foreach (var concept in concepts)
        {
            foreach (var phrase in concept.Phrases)
            {
                var meaning = MeaningOf(phrase);
                if (meaning.Concept is { } other && other != concept)
                {
                    throw new InvalidDataException($"vocabulary: phrase '{phrase}' names both '{other.Name}' and '{concept.Name}'");
                }
                meaning.Concept = concept;
            }
            foreach (var phrase in concept.RuledOutBy)
            {
                CheckFree(phrase, concept.Name);
                MeaningOf(phrase).Concept = concept;
                MeaningOf(phrase).RulesOutConcept = true;
            }
            // A mood chip's own name always reaches it ("feel-good", "date-night").
            if (concept.Kind == ConceptKind.Mood && MeaningOf(concept.Name).Concept is null)
            {
                MeaningOf(concept.Name).Concept = concept;
            }
        }
        AddRole(file.Fillers, PhraseRole.Filler);
        AddRole(file.Negators, PhraseRole.Negator);
        AddRole(file.ReferenceTriggers, PhraseRole.ReferenceTrigger);
        AddRole(file.DirectorOfTriggers, PhraseRole.DirectorOfTrigger);
        AddRole(file.CrewTriggers, PhraseRole.CrewTrigger);
        AddRole(file.SubjectMarkers, PhraseRole.SubjectMarker);
        AddRole(file.OccasionMarkers, PhraseRole.OccasionMarker);
        AddRole(file.KindNouns, PhraseRole.KindNoun);
        AddRole(file.PartNouns, PhraseRole.PartNoun);
        VerdictLabels = file.VerdictLabels;
        _verdictPhrases = [.. file.VerdictLabels.Select(QueryText.Normalize).SelectMany(verdict => new[] { verdict, verdict + "s" })];
        var eras = file.Eras;
        AddRole(eras.AfterInclusive, PhraseRole.YearAfterInclusive);
        AddRole(eras.AfterExclusive, PhraseRole.YearAfterExclusive);
        AddRole(eras.BeforeInclusive, PhraseRole.YearBeforeInclusive);
        AddRole(eras.BeforeExclusive, PhraseRole.YearBeforeExclusive);
        AddRole(eras.Exact, PhraseRole.YearExact);
        AddRole(eras.Approximate, PhraseRole.YearApproximate);
        AddRole(eras.RangeStarts, PhraseRole.YearRangeStart);
        AddRole(file.Runtime.Upper, PhraseRole.RuntimeUpper);
        AddRole(file.Runtime.Lower, PhraseRole.RuntimeLower);
        foreach (var (word, year) in eras.DecadeWords)
        {
            if (year % 10 != 0 || year is < 1870 or > 2100)
            {
                throw new InvalidDataException($"vocabulary: decade word '{word}' must name the first year of a decade");
            }
            MeaningOf(word).Decade = year;
        }
        foreach (var (word, range) in eras.DecadeModifiers)
        {
            if (range is not [var from, var to] || from < 0 || to > 9 || from > to)
            {
                throw new InvalidDataException($"vocabulary: decade modifier '{word}' needs [from, to] offsets within 0–9");
            }
            MeaningOf(word).DecadePart = (from, to);
        }
        foreach (var era in eras.Named)
        {
            var named = new NamedEra(era.From, era.To, era.FromOffset);
            foreach (var phrase in era.Phrases)
            {
                CheckFree(phrase, "era");
                MeaningOf(phrase).Era = named;
            }
        }
        foreach (var runtime in file.Runtime.Named)
        {
            if ((runtime.Max is null) == (runtime.Min is null) || runtime.Max is < 1 or > 1000 || runtime.Min is < 1 or > 1000)
            {
                throw new InvalidDataException("vocabulary: a named runtime has either a max or a min, of 1–1000 minutes");
            }
            if (runtime.ShareOfReference is { } share && (runtime.Max is not null ? share is <= 0 or >= 1 : share <= 1))
            {
                throw new InvalidDataException("vocabulary: a named runtime's share of the reference's is under 1 for a max, over 1 for a min");
            }
            var mood = runtime.Mood is null ? null
                : Find(runtime.Mood) is { Kind: ConceptKind.Mood } named ? named
                : throw new InvalidDataException($"vocabulary: a named runtime's mood '{runtime.Mood}' is no mood");
            foreach (var phrase in runtime.Phrases)
            {
                if (mood is null)
                {
                    CheckFree(phrase, "runtime");
                }
                else if (MeaningOf(phrase).Concept is { } other && other != mood)
                {
                    throw new InvalidDataException($"vocabulary: runtime phrase '{phrase}' names both '{other.Name}' and '{mood.Name}'");
                }
                else
                {
                    MeaningOf(phrase).Concept = mood;
                }
                MeaningOf(phrase).RuntimeMax = runtime.Max;
                MeaningOf(phrase).RuntimeMin = runtime.Min;
                MeaningOf(phrase).RuntimeShareOfReference = runtime.ShareOfReference;
            }
        }

        var speakers = file.Languages.Where(e => e.Language is not null).GroupBy(e => e.Language!).ToDictionary(g => g.Key, g => g.Count());
        foreach (var entry in file.Languages)
        {
            var countries = entry.Countries ?? [];
            var byCountry = countries.Count > 0 && (entry.Language is null || (countries.Count == 1 && speakers[entry.Language] > 1));
            var language = new LanguageConcept(entry.Name, entry.Language, countries, entry.NotLanguage, byCountry);
            if (language.Language is null && language.Countries.Count == 0 && language.NotLanguage is null)
            {
                throw new InvalidDataException($"vocabulary: language '{entry.Name}' names no language or country");
            }
            _languages.Add(language);
            if (language.Language is { } spoken)
            {
                foreach (var country in countries)
                {
                    AddLanguageOf(country, spoken);
                }
            }
            foreach (var phrase in entry.Phrases)
            {
                MeaningOf(phrase).Language = language;
            }
        }
        foreach (var audience in file.Audiences)
        {
            if (audience.MaxAge is < 1 or > 17)
            {
                throw new InvalidDataException($"vocabulary: audience '{audience.Name}' needs a max_age of 1–17");
            }
            foreach (var phrase in audience.Phrases)
            {
                MeaningOf(phrase).MaxAge = audience.MaxAge;
                MeaningOf(phrase).AgeAssumed = audience.Assumed;
            }
        }
        foreach (var phrase in file.Runtime.Shorts)
        {
            MeaningOf(phrase).IncludesShorts = true;
        }
        AgeUnits = Table(file.AgeUnits);
        AgeOpeners = Table(file.AgeOpeners);
        AgeViewers = Table(file.AgeViewers);
        GrownViewers = Table(file.GrownViewers);
        NegationBreakers = Table(file.NegationBreakers);
        NegationContinuers = Table(file.NegationContinuers);
        ReferenceBlockers = Table(file.ReferenceBlockers);
        PraiseWords = Table(file.PraiseWords);
        FilmAspects = Table(file.FilmAspects);
        FranchiseWords = Table(file.FranchiseWords);
        SeriesOpeners = Table(file.SeriesOpeners);
        Protagonists = Table(file.Protagonists);
        CareerEarly = Table(file.CareerEarly);
        CareerLate = Table(file.CareerLate);
        NamedPronouns = Table(file.NamedPronouns);
        SeriesConnectors = Table(file.SeriesConnectors);
        SequelNouns = Table(file.SequelNouns);
        SequelConnectors = Table(file.SequelConnectors);
        FirstOfSeries = Table(file.FirstOfSeries);
        LastOfSeries = Table(file.LastOfSeries);
        SeriesNouns = new PhraseTable<bool>();
        foreach (var phrase in file.SeriesNouns.Plural)
        {
            SeriesNouns.Set(phrase, false);
        }
        foreach (var phrase in file.SeriesNouns.Series)
        {
            SeriesNouns.Set(phrase, true);
        }
        YearSuffixAfter = Table(eras.SuffixAfter);
        YearSuffixBefore = Table(eras.SuffixBefore);
        RecentOpeners = Table(eras.RecentOpeners);
        RecentUnits = new PhraseTable<int>();
        foreach (var (unit, years) in eras.RecentUnits)
        {
            RecentUnits.Set(unit, years);
        }
        RangeJoiners = Table(eras.RangeJoiners);
        RuntimeSuffixUpper = Table(file.Runtime.SuffixUpper);
        RuntimeHalf = Table(file.Runtime.Half);
        RuntimeUnits = new PhraseTable<int>();
        foreach (var (unit, minutes) in file.Runtime.Units)
        {
            RuntimeUnits.Set(unit, minutes);
        }
        NumberWords = new PhraseTable<int>();
        foreach (var (word, value) in file.NumberWords)
        {
            NumberWords.Set(word, value);
        }
    }

    /// <summary>The vocabulary shipped with Marquee.</summary>
    public static IntentVocabulary Default => DefaultVocabulary.Value;

    public IReadOnlyList<IntentConcept> Concepts { get; }

    /// <summary>The moods, in file order: what <c>GET /moods</c> offers as chips.</summary>
    public IReadOnlyList<IntentConcept> Moods { get; }

    public PhraseTable<PhraseMeaning> Phrases { get; } = new();

    /// <summary>Whether the word at <paramref name="at"/> on its own plays <paramref name="role"/> ("movie" a kind noun, "about" a subject marker).</summary>
    public bool WordHas(TokenizedQuery query, int at, PhraseRole role) =>
        Phrases.TryGetExact(query.Span(at, 1), out var meaning) && meaning.Has(role);

    /// <summary>Fewer letters than this and a word is nobody's typo ("fun" is not "gun").</summary>
    private const int MinTypoLetters = 4;

    private (string Phrase, PhraseMeaning Meaning)[]? _typoTargets;

    /// <summary>
    /// What a mistyped word stands for ("funy" → funny, "scarry" → scary, "documentry" → documentary): the one-word
    /// phrase nearest within typo distance (<see cref="EditDistance.Allowed"/>), when every phrase as near means the
    /// same; null otherwise.
    /// </summary>
    public PhraseMeaning? Correct(string word)
    {
        if (word.Length < MinTypoLetters || EditDistance.Allowed(word.Length) == 0)
        {
            return null;
        }
        // Built on the first typo; two requests racing only build the same list twice.
        var targets = _typoTargets ??= [.. Phrases.Entries.Where(e => e.Key.Length >= MinTypoLetters && !e.Key.Contains(' ', StringComparison.Ordinal))
            .Select(e => (e.Key, e.Value))];
        return Nearest(word, targets);
    }

    /// <summary>
    /// The meaning of the candidate nearest to <paramref name="typo"/> within typo distance, when every candidate as near
    /// means the same; null otherwise. Candidates shorter than <see cref="MinTypoLetters"/> are nobody's typo.
    /// </summary>
    private static PhraseMeaning? Nearest(string typo, IEnumerable<(string Target, PhraseMeaning Meaning)> candidates)
    {
        var allowed = EditDistance.Allowed(typo.Length);
        PhraseMeaning? best = null;
        var bestDistance = allowed + 1;
        var ambiguous = false;
        foreach (var (target, meaning) in candidates)
        {
            if (target.Length < MinTypoLetters || Math.Abs(target.Length - typo.Length) > allowed)
            {
                continue;
            }
            var distance = EditDistance.Between(typo, target);
            if (distance > allowed || distance > bestDistance)
            {
                continue;
            }
            if (distance < bestDistance)
            {
                (best, bestDistance, ambiguous) = (meaning, distance, false);
            }
            else if (!SameMeaning(best!, meaning))
            {
                ambiguous = true;
            }
        }
        return ambiguous ? null : best;
    }

    private (string First, string Second, PhraseMeaning Meaning)[]? _pairTargets;

    /// <summary>
    /// What a two-word phrase with one mistyped word stands for ("time travle" → time travel, "romantc comedy"): the
    /// phrase whose other word is the same and whose mistyped word is nearest within typo distance, when every phrase as
    /// near means the same; null otherwise. <paramref name="firstIsTypo"/> says which of the two words is the typo.
    /// </summary>
    public PhraseMeaning? CorrectPair(string first, string second, bool firstIsTypo)
    {
        var typo = firstIsTypo ? first : second;
        if (typo.Length < MinTypoLetters || EditDistance.Allowed(typo.Length) == 0)
        {
            return null;
        }
        var targets = _pairTargets ??= [.. Phrases.Entries
            .Select(e => (Words: e.Key.Split(' '), e.Value))
            .Where(e => e.Words.Length == 2)
            .Select(e => (e.Words[0], e.Words[1], e.Value))];
        // The phrases whose other word is the one spelt right, by the word the typo stands for.
        var candidates = firstIsTypo
            ? targets.Where(t => t.Second == second).Select(t => (t.First, t.Meaning))
            : targets.Where(t => t.First == first).Select(t => (t.Second, t.Meaning));
        return Nearest(typo, candidates);
    }

    private static bool SameMeaning(PhraseMeaning a, PhraseMeaning b) =>
        a.Roles == b.Roles && a.Concept == b.Concept && a.Language == b.Language && a.MaxAge == b.MaxAge && a.Era == b.Era
        && a.Decade == b.Decade;

    /// <summary>
    /// Labels that judge a film or say where someone listed it ("imdb top 250", "great acting", "in netflix queue")
    /// rather than what it is: two films sharing one are no more alike.
    /// </summary>
    public IReadOnlyList<string> VerdictLabels { get; }

    private readonly HashSet<string> _verdictPhrases;

    /// <summary>Whether a wish's normalised words are a verdict label, singular or plural ("cult classics").</summary>
    public bool IsVerdictPhrase(string normalized) => _verdictPhrases.Contains(normalized);

    public PhraseTable<bool> NegationBreakers { get; }
    public PhraseTable<bool> NegationContinuers { get; }
    public PhraseTable<bool> ReferenceBlockers { get; }

    /// <summary>
    /// Words that are praise before a part of a film and something else alone: "a killer soundtrack" is a great one,
    /// "a killer" a murderer (see <see cref="FilmAspects"/>).
    /// </summary>
    public PhraseTable<bool> PraiseWords { get; }

    /// <summary>What a film has that can be praised: "soundtrack", "twist", "cast", "ending".</summary>
    public PhraseTable<bool> FilmAspects { get; }

    /// <summary>Words for a reference's own franchise when ruled out: "like The Matrix but not the sequels".</summary>
    public PhraseTable<bool> FranchiseWords { get; }

    /// <summary>
    /// Words for who a story follows ("boy", "woman"): a subject only when the wish names no other ("a boy and his
    /// horse" is about a horse).
    /// </summary>
    public PhraseTable<bool> Protagonists { get; }

    /// <summary>Words for the first part of a person's films: "early scorsese", "young de niro".</summary>
    public PhraseTable<bool> CareerEarly { get; }

    /// <summary>Words for the last part of a person's films: "late hitchcock", "later woody allen".</summary>
    public PhraseTable<bool> CareerLate { get; }

    /// <summary>Pronouns that stand for the people or studio a wish named: "like wes anderson but not by him".</summary>
    public PhraseTable<bool> NamedPronouns { get; }

    /// <summary>What opens a wish for a whole series: "all the", "the whole" (in "all the toy story movies").</summary>
    public PhraseTable<bool> SeriesOpeners { get; }

    /// <summary>What joins a series noun to the title after it: "las películas de harry potter", "les films de star wars".</summary>
    public PhraseTable<bool> SeriesConnectors { get; }

    /// <summary>What names the films after one: "the sequel" (to the dark knight), "sequels" (toy story), "la secuela" (de shrek).</summary>
    public PhraseTable<bool> SequelNouns { get; }

    /// <summary>What joins a sequel noun to the title after it: "the sequel to", "la secuela de", "die Fortsetzung von".</summary>
    public PhraseTable<bool> SequelConnectors { get; }

    /// <summary>What asks for the film a series began with: "the original" (star wars), "the first" (alien movie).</summary>
    public PhraseTable<bool> FirstOfSeries { get; }

    /// <summary>What asks for the film a series has come to: "the last" (harry potter movie), "the newest" (star wars).</summary>
    public PhraseTable<bool> LastOfSeries { get; }

    /// <summary>
    /// What closes one: plural kind nouns ("toy story movies", false) and words that can only mean a series ("the
    /// godfather trilogy", true).
    /// </summary>
    public PhraseTable<bool> SeriesNouns { get; }
    public PhraseTable<bool> YearSuffixAfter { get; }
    public PhraseTable<bool> YearSuffixBefore { get; }

    /// <summary>"the last", "past", "últimos", "letzten": a span of years counted back from the catalogue's newest.</summary>
    public PhraseTable<bool> RecentOpeners { get; }

    /// <summary>Units of such a span, in years ("years" 1, "decade" 10).</summary>
    public PhraseTable<int> RecentUnits { get; }
    public PhraseTable<bool> RangeJoiners { get; }
    public PhraseTable<bool> RuntimeSuffixUpper { get; }
    public PhraseTable<bool> RuntimeHalf { get; }
    public PhraseTable<int> RuntimeUnits { get; }
    public PhraseTable<int> NumberWords { get; }
    /// <summary>What follows a number that is an age: "8 year old", "5 ans", "10 años".</summary>
    public PhraseTable<bool> AgeUnits { get; }

    /// <summary>What comes before a number that is an age: "ab 6", "ages 8", "a partir de 10 años".</summary>
    public PhraseTable<bool> AgeOpeners { get; }

    /// <summary>Who the age is of ("8 year old daughter"): part of the age, not a subject to search for.</summary>
    public PhraseTable<bool> AgeViewers { get; }

    /// <summary>
    /// Grown-ups a film is picked for ("for my dad", "with my grandparents"): a phrase naming one says who watches, and its
    /// mood (cozy) stands only when the wish names nothing they like.
    /// </summary>
    public PhraseTable<bool> GrownViewers { get; }

    /// <summary>Whether the phrase at <paramref name="at"/> names a grown-up viewer (<see cref="GrownViewers"/>).</summary>
    public bool NamesAGrownViewer(TokenizedQuery query, int at, int length)
    {
        for (var i = at; i < at + length; i++)
        {
            if (GrownViewers.TryMatch(query, i, at + length - i, out _, out _))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Film languages and countries the parser knows, in file order.</summary>
    public IReadOnlyList<LanguageConcept> Languages => _languages;

    private readonly Dictionary<string, HashSet<string>> _languagesOfCountry = new(StringComparer.Ordinal);

    private void AddLanguageOf(string country, string language)
    {
        if (!_languagesOfCountry.TryGetValue(country, out var languages))
        {
            _languagesOfCountry[country] = languages = new HashSet<string>(StringComparer.Ordinal);
        }
        languages.Add(language);
    }

    /// <summary>The languages the vocabulary says a country makes its films in (ISO 3166-1 → ISO 639-1; "CA" → en, fr); empty when it names none.</summary>
    public IReadOnlySet<string> LanguagesOf(string country) =>
        _languagesOfCountry.TryGetValue(country, out var languages) ? languages : EmptyLanguages;

    private static readonly HashSet<string> EmptyLanguages = [];

    /// <summary>The concept with this canonical name (any kind), or null.</summary>
    public IntentConcept? Find(string name) => _byName.GetValueOrDefault(name.Trim());

    /// <summary>
    /// The mood a chip or an LLM names: by canonical name, label or any of its phrases ("cosy" → cozy).
    /// </summary>
    public IntentConcept? FindMood(string nameOrPhrase)
    {
        if (Find(nameOrPhrase) is { Kind: ConceptKind.Mood } byName)
        {
            return byName;
        }
        if (Phrases.TryGet(nameOrPhrase, out var meaning) && meaning.Concept is { Kind: ConceptKind.Mood } byPhrase)
        {
            return byPhrase;
        }
        return Moods.FirstOrDefault(m => string.Equals(m.Label, nameOrPhrase.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The canonical genres a genre name or synonym stands for ("science fiction" → Sci-Fi).</summary>
    public IReadOnlyList<string> GenresFor(string nameOrSynonym)
    {
        if (Catalog.Genres.Normalize(nameOrSynonym) is { } canonical)
        {
            return [canonical];
        }
        return Phrases.TryGet(nameOrSynonym, out var meaning) && meaning.Concept is { Kind: ConceptKind.Genre } genre
            ? genre.GenreWeights.Keys.ToList()
            : [];
    }

    /// <summary>Parses and checks a vocabulary document; throws <see cref="InvalidDataException"/> naming the problem.</summary>
    public static IntentVocabulary Parse(string json)
    {
        VocabularyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<VocabularyFile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"vocabulary: {e.Message}", e);
        }
        return new IntentVocabulary(file ?? throw new InvalidDataException("vocabulary: empty document"));
    }

    private static IntentVocabulary LoadEmbedded()
    {
        using var stream = typeof(IntentVocabulary).Assembly.GetManifestResourceStream("Marquee.Core.Intent.vocabulary.json")
            ?? throw new InvalidOperationException("the embedded intent vocabulary is missing from Marquee.Core");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private PhraseMeaning MeaningOf(string phrase)
    {
        if (Phrases.TryGet(phrase, out var meaning))
        {
            return meaning;
        }
        meaning = new PhraseMeaning();
        if (Phrases.Set(phrase, meaning).Length == 0)
        {
            throw new InvalidDataException($"vocabulary: phrase '{phrase}' has no words after normalisation");
        }
        return meaning;
    }

    private void AddRole(IEnumerable<string> phrases, PhraseRole role)
    {
        foreach (var phrase in phrases)
        {
            var meaning = MeaningOf(phrase);
            if (meaning.Concept is { } concept && role is PhraseRole.Filler or PhraseRole.Negator)
            {
                throw new InvalidDataException($"vocabulary: '{phrase}' is both a {role.ToString().ToLowerInvariant()} and part of '{concept.Name}'");
            }
            meaning.Roles |= role;
        }
    }

    private void CheckFree(string phrase, string what)
    {
        if (Phrases.TryGet(phrase, out var meaning) && meaning.Concept is { } concept)
        {
            throw new InvalidDataException($"vocabulary: {what} phrase '{phrase}' already names '{concept.Name}'");
        }
    }

    private static PhraseTable<bool> Table(IEnumerable<string> phrases)
    {
        var table = new PhraseTable<bool>();
        foreach (var phrase in phrases)
        {
            table.Set(phrase, true);
        }
        return table;
    }

    private static IntentConcept ToConcept(ConceptEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            throw new InvalidDataException("vocabulary: every concept needs a name");
        }
        var kind = entry.Kind switch
        {
            "genre" => ConceptKind.Genre,
            "mood" => ConceptKind.Mood,
            "topic" => ConceptKind.Topic,
            _ => throw new InvalidDataException($"vocabulary: concept '{entry.Name}' has unknown kind '{entry.Kind}'"),
        };
        if (kind == ConceptKind.Mood && (string.IsNullOrWhiteSpace(entry.Label) || string.IsNullOrWhiteSpace(entry.Description)))
        {
            throw new InvalidDataException($"vocabulary: mood '{entry.Name}' needs a label and a description");
        }
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var avoid = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (genre, weight) in entry.AvoidGenres ?? [])
        {
            if (weight is < 0 or > 1)
            {
                throw new InvalidDataException($"vocabulary: '{entry.Name}' avoid weight of {genre} must be within 0–1");
            }
            avoid[CanonicalGenre(genre, entry.Name)] = weight;
        }
        if (entry.Genres is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var genre in list.EnumerateArray())
            {
                weights[CanonicalGenre(genre.GetString(), entry.Name)] = 1.0;
            }
        }
        else if (entry.Genres is { ValueKind: JsonValueKind.Object } map)
        {
            foreach (var property in map.EnumerateObject())
            {
                var weight = property.Value.GetDouble();
                if (weight is < 0 or > 1)
                {
                    throw new InvalidDataException($"vocabulary: '{entry.Name}' weight of {property.Name} must be within 0–1");
                }
                weights[CanonicalGenre(property.Name, entry.Name)] = weight;
            }
        }
        if (kind == ConceptKind.Genre && weights.Count == 0)
        {
            throw new InvalidDataException($"vocabulary: genre concept '{entry.Name}' names no genre");
        }
        return new IntentConcept(kind, entry.Name.Trim(), entry.Label, entry.Emoji, entry.Description,
            entry.Phrases, weights, entry.Tags ?? [], entry.Terms ?? [],
            (entry.ExcludeGenres ?? []).Select(g => CanonicalGenre(g, entry.Name)).ToList(),
            (entry.NegatedExcludeGenres ?? []).Select(g => CanonicalGenre(g, entry.Name)).ToList(),
            entry.QualityBoost ?? 0, entry.PopularityBoost ?? 0, avoid, entry.MinRatings ?? 0, entry.ReleasedTo, entry.AvoidTags, entry.Audience, entry.RuledOutBy,
            entry.RuledOutMaxAge, entry.NotAsQualifier, entry.Turn,
            (entry.ReleasedToExcept ?? []).Select(g => CanonicalGenre(g, entry.Name)).ToList());
    }

    private static string CanonicalGenre(string? genre, string concept) =>
        Catalog.Genres.Normalize(genre ?? "") ?? throw new InvalidDataException($"vocabulary: '{concept}' names unknown genre '{genre}'");

    private sealed record VocabularyFile
    {
        public string? About { get; init; }
        public List<string> Fillers { get; init; } = [];
        public List<string> Negators { get; init; } = [];
        public List<string> NegationBreakers { get; init; } = [];
        public List<string> NegationContinuers { get; init; } = [];
        public List<string> ReferenceTriggers { get; init; } = [];
        public List<string> DirectorOfTriggers { get; init; } = [];
        public List<string> CrewTriggers { get; init; } = [];
        public List<string> SubjectMarkers { get; init; } = [];
        public List<string> OccasionMarkers { get; init; } = [];
        public List<string> KindNouns { get; init; } = [];
        public List<string> PartNouns { get; init; } = [];
        public List<string> VerdictLabels { get; init; } = [];
        public List<string> ReferenceBlockers { get; init; } = [];
        public List<string> PraiseWords { get; init; } = [];
        public List<string> FilmAspects { get; init; } = [];
        public List<string> FranchiseWords { get; init; } = [];
        public List<string> SeriesOpeners { get; init; } = [];
        public List<string> Protagonists { get; init; } = [];
        public List<string> CareerEarly { get; init; } = [];
        public List<string> CareerLate { get; init; } = [];
        public List<string> NamedPronouns { get; init; } = [];
        public List<string> SeriesConnectors { get; init; } = [];
        public List<string> SequelNouns { get; init; } = [];
        public List<string> SequelConnectors { get; init; } = [];
        public List<string> FirstOfSeries { get; init; } = [];
        public List<string> LastOfSeries { get; init; } = [];
        public SeriesNounsEntry SeriesNouns { get; init; } = new();
        public List<ConceptEntry> Concepts { get; init; } = [];
        public ErasEntry Eras { get; init; } = new();
        public RuntimeEntry Runtime { get; init; } = new();
        public Dictionary<string, int> NumberWords { get; init; } = [];
        public List<LanguageEntry> Languages { get; init; } = [];
        public List<AudienceEntry> Audiences { get; init; } = [];
        public List<string> AgeUnits { get; init; } = [];
        public List<string> AgeOpeners { get; init; } = [];
        public List<string> AgeViewers { get; init; } = [];
        public List<string> GrownViewers { get; init; } = [];
    }

    private sealed record LanguageEntry
    {
        public string Name { get; init; } = "";
        public string? Language { get; init; }
        public List<string>? Countries { get; init; }
        public string? NotLanguage { get; init; }
        public List<string> Phrases { get; init; } = [];
    }

    private sealed record AudienceEntry
    {
        public string Name { get; init; } = "";
        public int MaxAge { get; init; }
        public bool Assumed { get; init; }
        public List<string> Phrases { get; init; } = [];
    }

    private sealed record ConceptEntry
    {
        public string Kind { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Label { get; init; }
        public string? Emoji { get; init; }
        public string? Description { get; init; }
        public List<string> Phrases { get; init; } = [];
        public JsonElement? Genres { get; init; }
        public List<string>? Tags { get; init; }
        public List<string>? Terms { get; init; }
        public List<string>? ExcludeGenres { get; init; }
        public List<string>? NegatedExcludeGenres { get; init; }
        public double? QualityBoost { get; init; }
        public double? PopularityBoost { get; init; }
        public Dictionary<string, double>? AvoidGenres { get; init; }
        public List<string>? AvoidTags { get; init; }
        public int? MinRatings { get; init; }
        public int? ReleasedTo { get; init; }
        public List<string>? ReleasedToExcept { get; init; }
        public bool Audience { get; init; }
        public List<string>? RuledOutBy { get; init; }
        public int? RuledOutMaxAge { get; init; }
        public bool NotAsQualifier { get; init; }
        public bool Turn { get; init; }
    }

    private sealed record ErasEntry
    {
        public Dictionary<string, int> DecadeWords { get; init; } = [];
        public Dictionary<string, int[]> DecadeModifiers { get; init; } = [];
        public List<NamedEraEntry> Named { get; init; } = [];
        public List<string> AfterInclusive { get; init; } = [];
        public List<string> AfterExclusive { get; init; } = [];
        public List<string> BeforeInclusive { get; init; } = [];
        public List<string> BeforeExclusive { get; init; } = [];
        public List<string> Exact { get; init; } = [];
        public List<string> Approximate { get; init; } = [];
        public List<string> RangeStarts { get; init; } = [];
        public List<string> RangeJoiners { get; init; } = [];
        public List<string> SuffixAfter { get; init; } = [];
        public List<string> SuffixBefore { get; init; } = [];
        public List<string> RecentOpeners { get; init; } = [];
        public Dictionary<string, int> RecentUnits { get; init; } = [];
    }

    private sealed record NamedEraEntry
    {
        public List<string> Phrases { get; init; } = [];
        public int? From { get; init; }
        public int? To { get; init; }
        public int? FromOffset { get; init; }
    }

    private sealed record SeriesNounsEntry
    {
        public List<string> Plural { get; init; } = [];
        public List<string> Series { get; init; } = [];
    }

    private sealed record RuntimeEntry
    {
        public List<NamedRuntimeEntry> Named { get; init; } = [];
        public List<string> Upper { get; init; } = [];
        public List<string> Lower { get; init; } = [];
        public List<string> SuffixUpper { get; init; } = [];
        public Dictionary<string, int> Units { get; init; } = [];
        public List<string> Half { get; init; } = [];
        public List<string> Shorts { get; init; } = [];
    }

    private sealed record NamedRuntimeEntry
    {
        public List<string> Phrases { get; init; } = [];
        public int? Max { get; init; }
        public int? Min { get; init; }
        public double? ShareOfReference { get; init; }
        /// <summary>A mood the phrase names as well as a length ("a long epic").</summary>
        public string? Mood { get; init; }
    }
}
