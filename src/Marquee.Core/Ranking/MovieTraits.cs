using Marquee.Core.Catalog;

namespace Marquee.Core.Ranking;

/// <summary>
/// The facts <see cref="ReferenceSimilarity"/> compares between two films, flat by catalogue index: franchise, year,
/// original language and the first three directors, actors and writers as small integers. A wish whose few true
/// matches lend their neighbours compares every candidate with up to eight of them; read from the film records that
/// was half a million walks through objects and strings, here it is a few array reads.
/// </summary>
public sealed class MovieTraits
{
    /// <summary>How many names of each credit list count (the leads).</summary>
    public const int TopCredits = 3;

    private const int None = -1;
    private readonly int[] _collection;
    private readonly int[] _year;
    private readonly int[] _language;
    private readonly uint[] _genres;
    private readonly int[] _directors;
    private readonly int[] _cast;
    private readonly int[] _writers;

    public MovieTraits(MovieCatalog catalog)
    {
        var count = catalog.Count;
        _collection = new int[count];
        _year = new int[count];
        _language = new int[count];
        _genres = new uint[count];
        _directors = new int[count * TopCredits];
        _cast = new int[count * TopCredits];
        _writers = new int[count * TopCredits];
        // Languages compare ignoring case, names exactly, as the records' strings did.
        var languages = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var movie in catalog.Movies)
        {
            var i = movie.Index;
            var details = movie.Details;
            _collection[i] = details?.CollectionId ?? None;
            _year[i] = movie.ReleaseYear ?? int.MinValue;
            _language[i] = details?.OriginalLanguage is { } language ? Intern(languages, language) : None;
            _genres[i] = movie.GenreMask.Bits;
            Credits(details?.Directors, _directors.AsSpan(i * TopCredits, TopCredits), people);
            Credits(details?.Cast, _cast.AsSpan(i * TopCredits, TopCredits), people);
            Credits(details?.Writers, _writers.AsSpan(i * TopCredits, TopCredits), people);
        }
    }

    /// <summary>Both films belong to one TMDB collection (a franchise).</summary>
    public bool SameCollection(int reference, int movie) => _collection[reference] != None && _collection[reference] == _collection[movie];

    /// <summary>Years between the releases, or null when either year is unknown.</summary>
    public int? YearsApart(int reference, int movie) =>
        _year[reference] == int.MinValue || _year[movie] == int.MinValue ? null : Math.Abs(_year[reference] - _year[movie]);

    /// <summary>Both films are known to be in one original language.</summary>
    public bool SameLanguage(int reference, int movie) => _language[reference] != None && _language[reference] == _language[movie];

    public GenreSet Genres(int index) => new(_genres[index]);

    /// <summary>1 for a shared director, 0.5 for a shared lead actor or writer, 0 otherwise (leads: the first three credited).</summary>
    public double SharedPeople(int reference, int movie)
    {
        if (Meet(_directors, reference, movie))
        {
            return 1;
        }
        return Meet(_cast, reference, movie) || Meet(_writers, reference, movie) ? 0.5 : 0;
    }

    private static bool Meet(int[] credits, int reference, int movie)
    {
        var x = credits.AsSpan(reference * TopCredits, TopCredits);
        var y = credits.AsSpan(movie * TopCredits, TopCredits);
        foreach (var person in x)
        {
            if (person != None && y.Contains(person))
            {
                return true;
            }
        }
        return false;
    }

    private static void Credits(IReadOnlyList<CreditedPerson>? credited, Span<int> ids, Dictionary<string, int> people)
    {
        ids.Fill(None);
        for (var i = 0; i < Math.Min(TopCredits, credited?.Count ?? 0); i++)
        {
            ids[i] = credited![i].Name is { } name ? Intern(people, name) : None;
        }
    }

    private static int Intern(Dictionary<string, int> ids, string value)
    {
        if (!ids.TryGetValue(value, out var id))
        {
            ids[value] = id = ids.Count;
        }
        return id;
    }
}
