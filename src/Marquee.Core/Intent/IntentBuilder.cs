namespace Marquee.Core.Intent;

/// <summary>
/// Accumulates what a query, mood chips and request filters say, then resolves conflicts the way a
/// person means them: an explicit "no horror" beats everything; a mood's implied exclusion ("cozy" is
/// never Horror) gives way to a genre the person asked for; explicit year or runtime numbers beat
/// vague words ("recent movies, 2010 or later" means from 2010).
/// </summary>
public sealed class IntentBuilder(IntentVocabulary vocabulary)
{
    private readonly List<string> _genres = [];
    private readonly List<string> _excludedGenres = [];
    private readonly List<string> _impliedExclusions = [];
    private readonly HashSet<string> _viewerMoods = new(StringComparer.Ordinal);

    /// <summary>A viewer's mood weighing a wished genre this much is made of it and stays (cozy: Comedy 1.0, Romance 0.85).</summary>
    private const double ViewerMoodGenre = 0.5;
    // Genres the wish's own words rule out, apart from those an LLM or a filter does: "a musical for people who hate
    // musicals" wishes the genre it rules out.
    private readonly List<string> _negatedGenres = [];
    // Moods ruled out, with the genres each rules out: kept apart until Build, since "scary but not too scary"
    // wishes the mood in moderation and rules out nothing.
    private readonly List<IntentConcept> _negatedMoods = [];
    // Kinds within a genre ruled out ("space", "gangster"): with their genre wished ("sci-fi but not space") they rule
    // out the kind, as a topic, not the genre asked for; alone ("no space movies") the genre.
    private readonly List<IntentConcept> _negatedKinds = [];
    private readonly List<IntentConcept> _negatedPairs = [];
    private readonly List<string> _moods = [];
    private readonly List<int> _references = [];

    /// <summary>The films the wish is like so far ("like The Matrix"): "but not the sequels" refers to them.</summary>
    public IReadOnlyList<int> References => _references;
    private readonly List<int> _franchises = [];
    private readonly List<int> _excludedMovies = [];
    private readonly List<string> _keywords = [];
    private readonly List<string> _labels = [];
    private readonly List<string> _unused = [];
    private readonly List<string> _excludedKeywords = [];
    // A ruled-out topic's own words, for when the wish asks for the topic too ("a sports movie that isn't about football").
    private readonly List<(string Topic, string Said)> _negatedTopicWords = [];
    private int? _rangeFrom;
    private int? _rangeTo;
    private int? _boundFrom;
    private int? _boundTo;
    private readonly List<NamedEra> _namedEras = [];
    private int? _maxRuntime;
    private int? _minRuntime;
    private int? _maxAge;
    private int? _assumedAge;

    /// <summary>
    /// The certificate a ruled-out subject asks for ("no swearing": PG-13 at most), which says what the films hold, not
    /// who watches: it keeps to those films without making the page one for teenagers or children.
    /// </summary>
    private int? _certificateAge;
    private bool _includeShorts;
    private readonly List<string> _languages = [];
    private readonly List<string> _countries = [];
    private readonly List<string> _excludedLanguages = [];
    private readonly List<string> _excludedCountries = [];
    private readonly List<string> _people = [];
    private readonly List<string> _companies = [];
    private readonly List<string> _excludedCompanies = [];
    private readonly List<string> _excludedPeople = [];

    public IntentVocabulary Vocabulary { get; } = vocabulary;

    /// <summary>The mood a young audience implies.</summary>
    public const string FamilyMood = "family";

    /// <summary>
    /// The best-loved films of a kind: what a wish for a genre by someone who dislikes it gets, and what praise before a
    /// part of a film ("a killer soundtrack") asks for.
    /// </summary>
    public const string AcclaimedMood = "acclaimed";

    /// <summary>Viewers this young or younger make it a family pick.</summary>
    public const int FamilyAge = 12;

    private const string ScaryMood = "scary";

    /// <summary>The topic a scary wish for a child becomes: ghosts, witches and friendly monsters.</summary>
    private const string ChildrensScare = "spooky";

    /// <summary>The gore a scare in moderation rules out ("something scary but not too scary").</summary>
    private const string GoryMood = "gory";

    /// <summary>The mood a subject made of horror takes when the wish says it should not scare (see Build).</summary>
    private const string FunnyMood = "funny";

    /// <summary>The genre a subject made of horror is made of ("zombies", "ghosts").</summary>
    private const string HorrorGenre = "Horror";

    /// <summary>The holiday's topic, which for a child is <see cref="ChildrensScare"/> as well.</summary>
    private const string Halloween = "halloween";

    /// <summary>The mood a teenage audience implies (13 to 17).</summary>
    public const string TeenMood = "teen-friendly";

    /// <summary>The youngest viewer the teen mood assumes when no age is given: no film certified for adults only.</summary>
    public const int TeenAge = 15;

    public void WishGenre(string genre)
    {
        AddDistinct(_genres, genre);
    }

    public void ExcludeGenre(string genre)
    {
        AddDistinct(_excludedGenres, genre);
    }

    /// <summary>
    /// Applies a concept the wish asks for; <paramref name="forAViewer"/> when the words name who watches ("for my dad"):
    /// a mood said only so is dropped when the wish also names what they like (see <see cref="Build"/>).
    /// </summary>
    public void Apply(IntentConcept concept, bool forAViewer = false)
    {
        if (concept.Kind == ConceptKind.Mood)
        {
            if (forAViewer && !_moods.Contains(concept.Name))
            {
                _viewerMoods.Add(concept.Name);
            }
            else if (!forAViewer)
            {
                _viewerMoods.Remove(concept.Name);
            }
        }
        switch (concept.Kind)
        {
            case ConceptKind.Genre:
                foreach (var genre in concept.GenreWeights.Keys)
                {
                    AddDistinct(_genres, genre);
                }
                if (concept.Terms.Count > 0)
                {
                    // "gangster" is Crime and, more precisely, films about the mob.
                    AddDistinct(_keywords, concept.Name);
                }
                break;
            case ConceptKind.Mood:
                AddDistinct(_moods, concept.Name);
                foreach (var genre in concept.ExcludeGenres)
                {
                    AddDistinct(_impliedExclusions, genre);
                }
                break;
            case ConceptKind.Topic:
                AddDistinct(_keywords, concept.Name);
                break;
        }
    }

    /// <summary>Wishes the best-loved films (<see cref="AcclaimedMood"/>), as "great" does.</summary>
    public void ApplyAcclaimed()
    {
        if (Vocabulary.Find(AcclaimedMood) is { Kind: ConceptKind.Mood } acclaimed)
        {
            Apply(acclaimed);
        }
    }

    /// <summary>
    /// Applies a concept the person ruled out ("no horror", "nothing sad", "no zombies"); <paramref name="said"/> is the
    /// wish's words for it, ruled out themselves when the wish also asks for the concept ("sports but not football").
    /// </summary>
    public void ApplyNegated(IntentConcept concept, string? said = null)
    {
        switch (concept.Kind)
        {
            case ConceptKind.Genre when concept.Terms.Count > 0:
                // A kind within a genre ("space" within Sci-Fi): which it rules out is settled in Build.
                _negatedKinds.Add(concept);
                break;
            case ConceptKind.Genre when concept.GenreWeights.Count > 1:
                // A pair of genres ("romantic comedy"): which of them it rules out is settled in Build.
                _negatedPairs.Add(concept);
                break;
            case ConceptKind.Genre:
                foreach (var genre in concept.GenreWeights.Keys)
                {
                    AddDistinct(_excludedGenres, genre);
                    AddDistinct(_negatedGenres, genre);
                }
                break;
            case ConceptKind.Mood:
                _negatedMoods.Add(concept);
                AddDistinct(_excludedKeywords, concept.Name);
                KeepToCertificate(concept);
                break;
            case ConceptKind.Topic:
                AddDistinct(_excludedKeywords, concept.Name);
                KeepToCertificate(concept);
                if (said is not null && !string.Equals(said, concept.Name, StringComparison.OrdinalIgnoreCase))
                {
                    _negatedTopicWords.Add((concept.Name, said));
                }
                break;
        }
    }

    private void KeepToCertificate(IntentConcept ruledOut)
    {
        if (ruledOut.RuledOutMaxAge is { } age)
        {
            _certificateAge = Youngest(_certificateAge, age);
        }
    }

    /// <summary>The lower of two age limits, either of which may be unset.</summary>
    private static int? Youngest(int? a, int? b) => a is { } x && b is { } y ? Math.Min(x, y) : a ?? b;

    /// <summary>
    /// The wish names what films are about or whose they are: a subject, a film, a person, a studio, a genre. "A girl
    /// who wants to be a dancer" is about dancing once "dancer" is read; the girl is only who it follows.
    /// </summary>
    public bool HasSubject => _keywords.Count > 0 || _labels.Count > 0 || _references.Count > 0 || _people.Count > 0
                              || _companies.Count > 0 || _genres.Count > 0 || _franchises.Count > 0;

    /// <summary>
    /// A mood of the wish rules children's films out ("for adults", "grown-up"): the audience is grown-ups, whatever
    /// the films named were made for.
    /// </summary>
    public bool WishesForGrownUps => _moods.Any(m => Vocabulary.Find(m)?.ExcludeGenres.Contains(ChildrenGenre, StringComparer.Ordinal) == true);

    private const string ChildrenGenre = "Children";

    /// <summary>A mood's weight for a genre from which the genre is what the mood is made of (Horror for scary).</summary>
    internal const double CoreGenreWeight = 0.8;

    /// <summary>
    /// A mood or subject the wish asks for is made of the genre (Horror for scary, Romance for romantic, War for World
    /// War II: "ww2 movies that aren't too graphic" ruled War out and opened on Casablanca).
    /// </summary>
    private bool MadeOfAWish(string genre) => MadeOfAWishedMood(genre) || _keywords.Any(name => MadeOf(name, genre));

    /// <summary>
    /// A genre only an audience mood rules out ("for adults": Children) while the wish names a studio: the studio's films
    /// are what it asks for and the audience says which of them come first. Ruled out, "pixar movies for adults" kept
    /// three films (Monsters University, Finding Dory, Cars 3) and filled the page with others.
    /// </summary>
    private bool OnlyAnAudienceOfAStudio(string genre) =>
        _companies.Count > 0
        && _moods.Select(Vocabulary.Find).OfType<IntentConcept>().Where(mood => mood.ExcludeGenres.Contains(genre, StringComparer.Ordinal))
            .All(mood => mood.IsAudience);

    private bool MadeOfAWishedMood(string genre) => _moods.Any(name => MadeOf(name, genre));

    private bool MadeOf(string concept, string genre) => Vocabulary.Find(concept)?.GenreWeights.GetValueOrDefault(genre) >= CoreGenreWeight;

    public void AddKeyword(string keyword) => AddDistinct(_keywords, keyword);

    /// <summary>A label the catalogue gives films, named word for word in the wish (see <see cref="MovieIntent.Labels"/>).</summary>
    public void AddLabel(string label) => AddDistinct(_labels, label);

    /// <summary>A word of the wish nothing could use (see <see cref="MovieIntent.Unused"/>).</summary>
    public void AddUnused(string word) => AddDistinct(_unused, word);

    public void ExcludeKeyword(string keyword) => AddDistinct(_excludedKeywords, keyword);

    /// <summary>A film the wish names as known, not wished (see <see cref="MovieIntent.ExcludeMovieIds"/>).</summary>
    public void ExcludeMovie(int movieId) => AddDistinct(_excludedMovies, movieId);

    /// <summary>A film the wish is "like"; with a franchise, the franchise's films are wished themselves.</summary>
    public void AddReference(int movieId, int? franchise = null)
    {
        AddDistinct(_references, movieId);
        if (franchise is { } id)
        {
            AddDistinct(_franchises, id);
        }
    }

    /// <summary>
    /// A franchise the wish rules out ("but not Star Wars", "not the sequels"): its films are known, not wished, even
    /// when "like Harry Potter" first named the franchise as a whole.
    /// </summary>
    public void RuleOutFranchise(IEnumerable<int> members, int? franchise)
    {
        foreach (var member in members)
        {
            ExcludeMovie(member);
        }
        if (franchise is { } id)
        {
            _franchises.Remove(id);
        }
    }

    /// <summary>A span of years the person named (a decade, "1990-1995", "in 1994"); several spans unite.</summary>
    public void AddYearRange(int from, int to)
    {
        _rangeFrom = _rangeFrom is { } f ? Math.Min(f, from) : from;
        _rangeTo = _rangeTo is { } t ? Math.Max(t, to) : to;
    }

    /// <summary>A one-sided bound ("after 2005", "before 1980"); bounds intersect with ranges.</summary>
    public void AddYearBound(int? from, int? to)
    {
        if (from is { } f)
        {
            _boundFrom = _boundFrom is { } existing ? Math.Max(existing, f) : f;
        }
        if (to is { } t)
        {
            _boundTo = _boundTo is { } existing ? Math.Min(existing, t) : t;
        }
    }

    /// <summary>A vague era word ("recent", "old"); used only when no number says otherwise. Several narrow each other.</summary>
    public void SetNamedEra(NamedEra era) => _namedEras.Add(era);

    public void LimitRuntime(int maxMinutes)
    {
        _maxRuntime = _maxRuntime is { } existing ? Math.Min(existing, maxMinutes) : maxMinutes;
    }

    /// <summary>"Over three hours": the shortest runtime wanted; several keep the longest.</summary>
    public void RequireRuntime(int minMinutes)
    {
        _minRuntime = _minRuntime is { } existing ? Math.Max(existing, minMinutes) : minMinutes;
    }

    /// <summary>
    /// The youngest viewer's age; several keep the youngest. An <paramref name="assumed"/> age ("the whole family")
    /// applies only when the wish states none ("a family movie night with teenagers" is for teenagers).
    /// </summary>
    public void LimitAge(int age, bool assumed = false)
    {
        if (assumed)
        {
            _assumedAge = Youngest(_assumedAge, age);
            return;
        }
        _maxAge = Youngest(_maxAge, age);
    }

    public void IncludeShorts() => _includeShorts = true;

    /// <summary>A language or country wished ("korean"), or ruled out when negated ("not french").</summary>
    public void ApplyLanguage(LanguageConcept language, bool negated)
    {
        if (negated)
        {
            if (language.RuledOutByCountry)
            {
                foreach (var country in language.Countries)
                {
                    AddDistinct(_excludedCountries, country);
                }
                return;
            }
            if (language.Language is { } ruledOut)
            {
                AddDistinct(_excludedLanguages, ruledOut);
            }
            // "Nothing with subtitles", "not foreign": ruling out every other language wishes for this one.
            if (language.NotLanguage is { } only)
            {
                AddDistinct(_languages, only);
            }
            return;
        }
        if (language.Language is { } wished)
        {
            AddDistinct(_languages, wished);
        }
        foreach (var country in language.Countries)
        {
            AddDistinct(_countries, country);
        }
        if (language.NotLanguage is { } not)
        {
            AddDistinct(_excludedLanguages, not);
        }
    }

    public void AddPerson(string name) => AddDistinct(_people, name);

    /// <summary>The people the wish named so far ("not by him" refers to them).</summary>
    public IReadOnlyList<string> People => _people;

    /// <summary>The studios the wish named so far ("not by them" refers to them).</summary>
    public IReadOnlyList<string> Companies => _companies;

    /// <summary>A person the wish rules out ("without jim carrey", "but not nolan").</summary>
    public void ExcludePerson(string name) => AddDistinct(_excludedPeople, name);

    public void AddCompany(string name, bool negated) => AddDistinct(negated ? _excludedCompanies : _companies, name);

    /// <summary>Resolves conflicts and produces the intent.</summary>
    /// <param name="referenceYear">Newest release year of the catalogue; "recent" counts back from it.</param>
    public MovieIntent Build(int referenceYear, string source = IntentSource.Rules)
    {
        // "A movie for my dad who loves war films": the dad is who watches, the war films what he likes. The cozy mood of
        // "for my dad" works against War and opened the page on Mediterraneo and Renaissance Man, and made "a western my
        // dad would like" Blazing Saddles and City Slickers. A mood said only by naming the viewer gives way to the genres
        // the wish names, unless it is made of one of them ("a comedy with my parents" stays cozy).
        var givesWay = _viewerMoods.Where(name => Vocabulary.Find(name) is { } mood && _genres.Count > 0
            && !_genres.Any(genre => mood.GenreWeights.GetValueOrDefault(genre) >= ViewerMoodGenre)).ToList();
        if (givesWay.Count > 0)
        {
            _moods.RemoveAll(givesWay.Contains);
            var kept = _moods.Select(Vocabulary.Find).OfType<IntentConcept>().SelectMany(m => m.ExcludeGenres).ToHashSet(StringComparer.Ordinal);
            _impliedExclusions.RemoveAll(genre => !kept.Contains(genre));
        }
        _maxAge ??= _assumedAge;
        if (_maxAge is null && _moods.Contains(TeenMood))
        {
            // The "For teens" chip is an audience too: Pulp Fiction topped it.
            _maxAge = TeenAge;
        }
        if (_maxAge <= FamilyAge && Vocabulary.Find(FamilyMood) is { Kind: ConceptKind.Mood } family)
        {
            // "with my 8-year-old" is a family evening even when the word "family" is not said.
            Apply(family);
            // A child's scary is ghosts, witches, skeletons and friendly monsters, and a child's Halloween the same
            // spooky evening: the scary mood's horror is ruled out for them, "a spooky movie for kids" was the family
            // page with nothing spooky on it, and Halloween alone found four films, then Home Alone and Toy Story.
            var scary = _moods.Remove(ScaryMood);
            if ((scary || _keywords.Contains(Halloween)) && Vocabulary.Find(ChildrensScare) is { Kind: ConceptKind.Topic } spooky)
            {
                Apply(spooky);
            }
            if (scary)
            {
                // "Scary but not too scary for a 12 year old" is the scare in moderation, as it is for a grown-up:
                // ruling the word out as well took the spooky films off the page (Toy Story, The Lion King).
                _excludedKeywords.Remove(ScaryMood);
            }
        }
        else if (_maxAge is null && _genres.Contains(ChildrenGenre) && _moods.Contains(ScaryMood)
                 && Vocabulary.Find(ChildrensScare) is { Kind: ConceptKind.Topic } childrensScare)
        {
            // "A creepy kids movie" is a children's film with a child's scare: the scary mood's genres are none a
            // children's film has, so the page was the children's favourites (Toy Story, The Lion King, WALL·E).
            _moods.Remove(ScaryMood);
            Apply(childrensScare);
        }
        else if (_maxAge is > FamilyAge and < 18 && Vocabulary.Find(TeenMood) is { Kind: ConceptKind.Mood } teen)
        {
            // "With my 14-year-old", "a family movie night with teenagers": adventures and comedies teenagers enjoy,
            // not the children's films of the family mood (its ruled-out genres stand). A wish that names its subject
            // keeps to it, within the age: "a film about the holocaust for teenagers" was Raiders of the Lost Ark.
            _moods.Remove(FamilyMood);
            if (_keywords.Count == 0 && _labels.Count == 0 && _references.Count == 0)
            {
                Apply(teen);
            }
        }
        if (_maxAge is null && _negatedMoods.Find(m => m.Name == ScaryMood) is { } scare
            && (_moods.Contains(ScaryMood) || scare.GenreWeights.Any(g => g.Value >= CoreGenreWeight && _genres.Contains(g.Key)))
            && Vocabulary.Find(ChildrensScare) is { Kind: ConceptKind.Topic } moderate)
        {
            // "Something scary but not too scary", "a horror movie that isn't too scary": the scare in moderation,
            // ghosts, haunted houses and friendly monsters (Ghostbusters, Beetlejuice, The Sixth Sense), not the scary
            // mood's page (The Silence of the Lambs, The Shining, The Exorcist). A young viewer's age already keeps
            // the scare in measure.
            _moods.Remove(ScaryMood);
            _negatedMoods.Remove(scare);
            Apply(moderate);
            _excludedKeywords.Remove(ScaryMood);
            AddDistinct(_excludedKeywords, GoryMood);
        }
        else if (_maxAge is null && _negatedMoods.Find(m => m.Name == ScaryMood) is { } unscary && MadeOfAWish(HorrorGenre)
                 && Vocabulary.Find(FunnyMood) is { Kind: ConceptKind.Mood } funny)
        {
            // A subject made of horror that is "not scary" ("a zombie movie that isn't scary", "ghosts but not scary") is
            // its comic side, Shaun of the Dead and Ghostbusters: ruling horror out would lose them, and keeping it was
            // The Sixth Sense, The Blair Witch Project and Poltergeist.
            _negatedMoods.Remove(unscary);
            Apply(funny);
            AddDistinct(_excludedKeywords, GoryMood);
        }
        foreach (var pair in _negatedPairs)
        {
            // "A comedy but not a romantic comedy" is a comedy without romance, and "a romantic movie that's not a
            // romcom" romance without the comedy: the genre the wish asks for, by name or by a mood made of it, stays.
            foreach (var genre in pair.GenreWeights.Keys.Where(g => (!_genres.Contains(g) && !MadeOfAWish(g)) || pair.GenreWeights.Keys.All(_genres.Contains)))
            {
                AddDistinct(_excludedGenres, genre);
            }
        }
        foreach (var kind in _negatedKinds)
        {
            if (kind.GenreWeights.Keys.Any(_genres.Contains))
            {
                AddDistinct(_excludedKeywords, kind.Name);
            }
            else
            {
                foreach (var genre in kind.GenreWeights.Keys)
                {
                    AddDistinct(_excludedGenres, genre);
                }
            }
        }
        var yearFrom = Max(_rangeFrom, _boundFrom);
        var yearTo = Min(_rangeTo, _boundTo);
        if (yearFrom is null && yearTo is null)
        {
            foreach (var era in _namedEras)
            {
                yearFrom = Max(yearFrom, era.FromOffset is { } offset ? referenceYear + offset : era.From);
                yearTo = Min(yearTo, era.To);
            }
        }
        if (yearFrom is { } from && yearTo is { } to && from > to)
        {
            // Contradictory words ("recent 80s"): keep the explicit part rather than promise nothing.
            (yearFrom, yearTo) = (Min(from, to), Max(from, to));
        }
        foreach (var doubted in _genres.Where(_negatedGenres.Contains).ToList())
        {
            // "A musical for people who hate musicals", "a horror movie for someone who doesn't like horror": the genre
            // wished and ruled out in one wish is its best-loved films, the ones its doubters come round to (ruling it
            // out left the favourites of everyone, Shawshank first).
            _excludedGenres.Remove(doubted);
            ApplyAcclaimed();
        }
        var excluded = new List<string>(_excludedGenres);
        // "Scary but no gore" rules out the gore, not the horror the scary mood is made of.
        var ruledOutByMoods = _negatedMoods.Where(m => !_moods.Contains(m.Name)).SelectMany(m => m.NegatedExcludeGenres).Where(g => !MadeOfAWish(g));
        // One wished mood does not rule out what another is made of: "a scary movie for date night" ruled Horror out
        // (date night's exclusion) and opened on Amélie.
        var impliedByMoods = _impliedExclusions.Where(g => !MadeOfAWishedMood(g) && !OnlyAnAudienceOfAStudio(g));
        foreach (var genre in impliedByMoods.Concat(ruledOutByMoods))
        {
            if (!_genres.Contains(genre))
            {
                AddDistinct(excluded, genre);
            }
        }
        var genres = _genres.Where(g => !excluded.Contains(g)).ToList();
        var excludedKeywords = _excludedKeywords.Where(k => !_keywords.Contains(k) && !_moods.Contains(k)).ToList();
        foreach (var (topic, said) in _negatedTopicWords)
        {
            if (_keywords.Contains(topic))
            {
                AddDistinct(excludedKeywords, said);
            }
        }
        return new MovieIntent
        {
            Source = source,
            Genres = genres,
            ExcludeGenres = excluded,
            Moods = [.. _moods],
            YearFrom = yearFrom,
            YearTo = yearTo,
            MaxRuntime = _maxRuntime,
            MinRuntime = _minRuntime is { } min && !(_maxRuntime < min) ? min : null,
            Languages = [.. _languages],
            Countries = [.. _countries],
            ExcludeLanguages = _excludedLanguages.Where(l => !_languages.Contains(l)).ToList(),
            ExcludeCountries = _excludedCountries.Where(c => !_countries.Contains(c)).ToList(),
            People = [.. _people],
            Companies = [.. _companies],
            // A studio or person wished and ruled out at once ("like pixar but not pixar") is a style: both stand.
            ExcludeCompanies = [.. _excludedCompanies],
            ExcludePeople = [.. _excludedPeople],
            MaxAge = Youngest(_maxAge, _certificateAge),
            IncludeShorts = _includeShorts,
            ReferenceMovieIds = [.. _references],
            Franchises = [.. _franchises],
            ExcludeMovieIds = _excludedMovies.Where(id => !_references.Contains(id)).ToList(),
            Keywords = [.. _keywords],
            Labels = [.. _labels],
            Unused = [.. _unused],
            ExcludeKeywords = excludedKeywords,
        };
    }

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static void AddDistinct(List<int> list, int value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            list.Add(value);
        }
    }
}
