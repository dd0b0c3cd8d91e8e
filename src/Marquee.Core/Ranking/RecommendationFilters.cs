using Marquee.Core.Catalog;

namespace Marquee.Core.Ranking;

/// <summary>Hard constraints: a movie that fails one is never recommended.</summary>
public sealed record RecommendationFilters
{
    /// <summary>A candidate needs at least one of these genres (empty: any genre).</summary>
    public GenreSet AnyGenres { get; init; }
    public GenreSet ExcludeGenres { get; init; }
    /// <summary>Minimum mean community rating (0.5–5); unrated movies fail it.</summary>
    public double? MinRating { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    /// <summary>Maximum runtime in minutes; movies with unknown runtime fail it.</summary>
    public int? MaxRuntime { get; init; }
    /// <summary>Minimum runtime in minutes; movies with unknown runtime fail it.</summary>
    public int? MinRuntime { get; init; }
    /// <summary>Short films (under 40 minutes) fail unless asked for: they are not what "a film" means.</summary>
    public bool ExcludeShorts { get; init; }
    /// <summary>Age of the youngest viewer: films certified for older viewers fail.</summary>
    public int? MaxAge { get; init; }
    /// <summary>Original languages that fail (ISO 639-1); films of unknown language pass.</summary>
    public IReadOnlySet<string> ExcludeLanguages { get; init; } = new HashSet<string>();
    /// <summary>
    /// Production countries that fail (ISO 3166-1), each with the languages it makes its films in: a film made there
    /// fails unless its original language is none of them (American money in a Chinese film leaves it Chinese). Films
    /// of unknown countries pass.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ExcludeCountries { get; init; } = new Dictionary<string, IReadOnlySet<string>>();
    public IReadOnlySet<int> ExcludeMovieIds { get; init; } = new HashSet<int>();

    /// <summary>Whether any constraint other than the excluded ids is set (most requests have none).</summary>
    public bool HasAttributeConstraints =>
        !AnyGenres.IsEmpty || !ExcludeGenres.IsEmpty || MinRating is not null || YearFrom is not null || YearTo is not null || MaxRuntime is not null
        || MinRuntime is not null || ExcludeShorts || MaxAge is not null || ExcludeLanguages.Count > 0 || ExcludeCountries.Count > 0;

    public bool Accepts(CatalogMovie movie) => AcceptsAttributes(movie) && !ExcludeMovieIds.Contains(movie.MovieId);

    /// <summary>Every constraint except <see cref="ExcludeMovieIds"/>.</summary>
    public bool AcceptsAttributes(CatalogMovie movie)
    {
        if (!AnyGenres.IsEmpty && !movie.GenreMask.Overlaps(AnyGenres))
        {
            return false;
        }
        if (movie.GenreMask.Overlaps(ExcludeGenres))
        {
            return false;
        }
        if (MinRating is { } min && (movie.RatingMean is not { } mean || mean < min))
        {
            return false;
        }
        if ((YearFrom is not null || YearTo is not null) && movie.ReleaseYear is not { } year)
        {
            return false;
        }
        if (YearFrom is { } from && movie.ReleaseYear < from)
        {
            return false;
        }
        if (YearTo is { } to && movie.ReleaseYear > to)
        {
            return false;
        }
        if (ExcludeShorts && movie.IsShort)
        {
            return false;
        }
        if (MaxAge is { } age && !Certifications.Admits(movie, age))
        {
            return false;
        }
        if (ExcludeLanguages.Count > 0 && movie.Details?.OriginalLanguage is { } language && ExcludeLanguages.Contains(IsoNames.WishedAs(language)))
        {
            return false;
        }
        if (ExcludeCountries.Count > 0 && movie.Details?.ProductionCountries is { Count: > 0 } countries && IsFromExcludedCountry(countries, movie.Details.OriginalLanguage))
        {
            return false;
        }
        if (MinRuntime is { } shortest && (movie.RuntimeMinutes is not { } length || length < shortest))
        {
            return false;
        }
        return MaxRuntime is not { } max || (movie.RuntimeMinutes is { } runtime && runtime <= max);
    }

    private bool IsFromExcludedCountry(IReadOnlyList<string> countries, string? language)
    {
        foreach (var country in countries)
        {
            if (ExcludeCountries.TryGetValue(country, out var spoken) && (language is null || spoken.Count == 0 || spoken.Contains(IsoNames.WishedAs(language))))
            {
                return true;
            }
        }
        return false;
    }
}
