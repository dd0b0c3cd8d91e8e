using Marquee.Core.Catalog;
using Marquee.Core.Content;
using Marquee.Core.Intent;

namespace Marquee.Core.Ranking;

/// <summary>
/// How each film answers the names in a wish: the people it credits (directing counts most, the top of
/// the cast next), the studios that made it, and where it comes from and is spoken. Built per request
/// from the catalogue's name index, so a film is looked up, never scanned.
/// </summary>
public sealed class CatalogNameMatch
{
    // Per film, the best credit of each named person it credits, best first.
    private readonly Dictionary<int, List<PersonCredit>> _people = [];
    private readonly int _named;
    private readonly Dictionary<int, string> _companies = [];
    private readonly HashSet<int> _excluded = [];
    private readonly HashSet<int> _excludedPeople = [];
    private readonly HashSet<string> _languages;
    private readonly HashSet<string> _countries;

    private CatalogNameMatch(MovieIntent intent, CatalogNames names)
    {
        foreach (var person in intent.People)
        {
            var best = new Dictionary<int, PersonCredit>();
            foreach (var credit in names.FilmsOf(person))
            {
                if (!best.TryGetValue(credit.Index, out var current) || current.Score < credit.Score)
                {
                    best[credit.Index] = credit;
                }
            }
            foreach (var (index, credit) in best)
            {
                if (!_people.TryGetValue(index, out var credits))
                {
                    _people[index] = credits = [];
                }
                credits.Add(credit);
            }
        }
        foreach (var credits in _people.Values)
        {
            credits.Sort((a, b) => b.Score.CompareTo(a.Score));
        }
        _named = intent.People.Count;
        foreach (var company in intent.Companies)
        {
            foreach (var (index, name) in names.FilmsOfCompany(company))
            {
                _companies.TryAdd(index, name);
            }
        }
        foreach (var company in intent.ExcludeCompanies)
        {
            foreach (var (index, _) in names.FilmsOfCompany(company))
            {
                _excluded.Add(index);
            }
        }
        foreach (var person in intent.ExcludePeople)
        {
            foreach (var credit in names.FilmsOf(person))
            {
                _excludedPeople.Add(credit.Index);
            }
        }
        HasPeople = intent.People.Count > 0;
        HasCompanies = intent.Companies.Count > 0;
        _languages = intent.Languages.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _countries = intent.Countries.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _placeWords = PlaceWords(_languages, _countries);
    }

    // The names a story uses for the wished places: "Japan", "Japanese". English says nothing of where a film is from.
    private readonly string[] _placeWords;

    private static string[] PlaceWords(IEnumerable<string> languages, IEnumerable<string> countries) =>
        countries.Select(IsoNames.CountryName)
            .Concat(languages.Where(code => !code.Equals("en", StringComparison.OrdinalIgnoreCase)).Select(IsoNames.LanguageName))
            .OfType<string>().Where(name => !name.Contains(',', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Whether the story names a wished place as a word of its own ("in 17th-century Japan", "the Japanese feudal system").</summary>
    private bool IsSetThere(string? overview) =>
        !string.IsNullOrEmpty(overview) && _placeWords.Any(word => WholeWords.In(overview, word, StringComparison.Ordinal));

    public static CatalogNameMatch For(MovieIntent intent, CatalogNames names) => new(intent, names);

    public bool HasPeople { get; }
    public bool HasCompanies { get; }
    public bool HasPlaces => _languages.Count > 0 || _countries.Count > 0;

    /// <summary>The production countries the wish named (ISO codes, any case).</summary>
    public IReadOnlySet<string> Countries => _countries;

    /// <summary>
    /// The best credit a named person has on the film, or null; when the wish names several people, its score counts in
    /// proportion to how many of them the film credits ("tom hanks and meg ryan": Sleepless in Seattle and You've Got
    /// Mail before Toy Story 2), half of it for one of them.
    /// </summary>
    public PersonCredit? PersonMatch(CatalogMovie movie)
    {
        if (!_people.TryGetValue(movie.Index, out var credits))
        {
            return null;
        }
        var best = credits[0];
        return _named <= 1 ? best : best with { Score = best.Score * (0.5f + (0.5f * Math.Min(credits.Count, _named) / _named)) };
    }

    /// <summary>Every named person the film credits, each with their best credit, best first (for reasons).</summary>
    public IReadOnlyList<PersonCredit> PersonCredits(CatalogMovie movie) => _people.TryGetValue(movie.Index, out var credits) ? credits : [];

    /// <summary>The film's production company that a named studio refers to, or null.</summary>
    public string? CompanyMatch(CatalogMovie movie) => _companies.GetValueOrDefault(movie.Index);

    /// <summary>Whether a studio the person ruled out made the film.</summary>
    public bool IsExcluded(CatalogMovie movie) => _excluded.Contains(movie.Index);

    /// <summary>Whether a person the wish ruled out directed, wrote or leads the film.</summary>
    public bool IsByExcludedPerson(int index) => _excludedPeople.Contains(index);

    /// <summary>
    /// How much the film is of the wished place: its original language wished and (when the wish names countries) made
    /// in one of them 1; a wished production country 0.8, times <see cref="MadeThereShare"/> when the wish names no
    /// language; the wished language made elsewhere 0.5 ("british" is English, but an American film is not British); a
    /// film in another language, made in a wished country and speaking the wished language in places, 0.4 (Inglourious
    /// Basterds, a German co-production, is among German war films); made there only 0.25 times
    /// <see cref="MadeThereShare"/> (The Ring and Silent Hill, English-language films with Japanese money, are not
    /// Japanese horror; Cube, made in Canada in English, is not French horror); spoken there only 0.2. Neither of the
    /// last two meets the place (<see cref="RankingOptions.FacetMatchThreshold"/>): "swedish crime movies" went on with
    /// Minority Report and The Mask, American crime films with a line of Swedish, as if they were Swedish crime films,
    /// and never said that only two were. A film with no place on record at all (about a third of the catalogue: no dump
    /// has it) is of the wished place 0.4 when MovieLens lists it under a title in another language and its story names
    /// the place (<see cref="IsSetThere"/>): Harakiri, "in 17th-century Japan", came 61st for "japanese samurai films".
    /// </summary>
    public double PlaceMatch(CatalogMovie movie)
    {
        if (movie.Details is not { } details)
        {
            return 0;
        }
        if (details.OriginalLanguage is null && details.ProductionCountries is not { Count: > 0 } && details.SpokenLanguages is not { Count: > 0 })
        {
            return movie.HasOriginalTitle && IsSetThere(details.Overview) ? StoryPlace : 0;
        }
        var country = details.ProductionCountries?.Any(_countries.Contains) == true;
        var madeSomewhereKnown = details.ProductionCountries is { Count: > 0 };
        var spoken = details.SpokenLanguages?.Any(language => _languages.Contains(IsoNames.WishedAs(language))) == true;
        if (details.OriginalLanguage is { } original)
        {
            var language = IsoNames.WishedAs(original);
            if (_languages.Contains(language))
            {
                return country || _countries.Count == 0 || !madeSomewhereKnown ? 1 : LanguageMadeElsewhere;
            }
            if (country)
            {
                return _languages.Count == 0 ? CountryMatch * MadeThereShare(details.ProductionCountries!)
                    : spoken ? MadeThereAndSpoken : MadeThereOnly * MadeThereShare(details.ProductionCountries!);
            }
        }
        else if (country)
        {
            return CountryMatch * MadeThereShare(details.ProductionCountries!);
        }
        return spoken ? SpokenOnly : 0;
    }

    /// <summary>
    /// Whether the card may say where the film is from: it is of the wished place by language and country (0.8 and up),
    /// or, when the wish names places alone, made in one of them at all (a Danish co-production on a Scandinavian page).
    /// </summary>
    public bool IsOfWishedPlace(CatalogMovie movie) =>
        PlaceMatch(movie) >= CountryMatch
        || (_languages.Count == 0 && movie.Details?.ProductionCountries?.Any(_countries.Contains) == true);

    /// <summary>
    /// A wish of places alone ("european", "asian", "scandinavian") weighs how much of where the film was made they are:
    /// half for being among its countries, half by their share. Fight Club, made in the United States with German money,
    /// opened "european films" as fully as Amélie.
    /// </summary>
    private double MadeThereShare(IReadOnlyList<string> countries) =>
        0.5 + (0.5 * countries.Count(_countries.Contains) / countries.Count);

    private const double CountryMatch = 0.8;
    // Enough to meet the place (FacetMatchThreshold), not to be a true match that lends its neighbours: it is read, not recorded.
    private const double StoryPlace = 0.4;
    private const double LanguageMadeElsewhere = 0.5;
    private const double MadeThereAndSpoken = 0.4;
    private const double MadeThereOnly = 0.25;
    private const double SpokenOnly = 0.2;
}
