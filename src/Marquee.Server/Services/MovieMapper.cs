using System.Globalization;
using Marquee.Core.Catalog;
using Marquee.Core.Ranking;
using Marquee.Server.Contracts;

namespace Marquee.Server.Services;

public static class MovieMapper
{
    /// <summary>Cards carry only the first few of the cast: enough to recognise a film, little to send.</summary>
    public const int CardCastCount = 3;

    public static MovieResponse ToResponse(CatalogMovie movie) => new()
    {
        MovieId = movie.MovieId,
        TmdbId = movie.TmdbId,
        ImdbId = movie.ImdbId,
        Title = movie.Title,
        Year = movie.ReleaseYear,
        Genres = Genres.Shown(movie.Genres),
        Overview = movie.Details?.Overview,
        Tagline = movie.Details?.Tagline,
        PosterUrl = movie.PosterUrl,
        BackdropUrl = movie.BackdropUrl,
        RuntimeMinutes = movie.RuntimeMinutes,
        IsShort = movie.RuntimeMinutes is null ? null : movie.IsShort,
        ReleaseDate = movie.Details?.ReleaseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        OriginalLanguage = NonEmpty(movie.Details?.OriginalLanguage),
        ProductionCountries = NonEmpty(movie.Details?.ProductionCountries),
        Certification = Certification(movie.Details),
        Directors = Names(movie.Details?.Directors),
        Cast = Names(movie.Details?.Cast, CardCastCount),
        Rating = movie.RatingMean is { } mean ? Math.Round(mean, 2) : null,
        RatingCount = movie.RatingCount,
        TmdbRating = movie.Details?.TmdbRating is { } tmdb ? Math.Round(tmdb, 1) : null,
    };

    public static MovieResponse ToResponse(RecommendedMovie pick) => ToResponse(pick.Movie) with
    {
        Score = Math.Round(pick.Score, 4),
        PredictedRating = pick.PredictedRating is { } predicted ? Math.Round(predicted, 1) : null,
        Reasons = pick.Reasons,
    };

    public static MovieDetailResponse ToDetailResponse(CatalogMovie movie)
    {
        var details = movie.Details;
        return new MovieDetailResponse(ToResponse(movie))
        {
            Directors = People(details?.Directors),
            Cast = People(details?.Cast),
            OriginalTitle = NonEmpty(details?.OriginalTitle),
            AlsoKnownAs = NonEmpty(movie.AlsoKnownAs),
            Keywords = NonEmpty(details?.Keywords),
            SpokenLanguages = NonEmpty(details?.SpokenLanguages),
            ProductionCompanies = NonEmpty(details?.ProductionCompanies),
            Collection = details?.CollectionName is { Length: > 0 } name ? new CollectionResponse(details.CollectionId, name) : null,
            Writers = People(details?.Writers),
            TmdbVoteCount = details?.TmdbVoteCount,
        };
    }

    private static CertificationResponse? Certification(MovieDetails? details) =>
        details?.Certification is { Length: > 0 } rating ? new CertificationResponse(rating, NonEmpty(details.CertificationCountry)) : null;

    private static List<PersonResponse>? People(IReadOnlyList<CreditedPerson>? people) =>
        people is { Count: > 0 } ? people.Select(p => new PersonResponse(p.Name, p.TmdbId)).ToList() : null;

    private static List<string>? Names(IReadOnlyList<CreditedPerson>? people, int limit = int.MaxValue) =>
        people is { Count: > 0 } ? people.Take(limit).Select(p => p.Name).ToList() : null;

    // The contract has no empty placeholders: a list nothing is known about is null, like a missing string.
    private static IReadOnlyList<string>? NonEmpty(IReadOnlyList<string>? values) => values is { Count: > 0 } ? values : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
