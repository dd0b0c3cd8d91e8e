using System.Globalization;
using Marquee.Core.Catalog;
using Marquee.Core.Ranking;
using Marquee.Server.Contracts;

namespace Marquee.Server.Services;

public static class MovieMapper
{
    public static MovieResponse ToResponse(CatalogMovie movie) => new()
    {
        MovieId = movie.MovieId,
        TmdbId = movie.TmdbId,
        ImdbId = movie.ImdbId,
        Title = movie.Title,
        Year = movie.ReleaseYear,
        Genres = movie.Genres,
        Overview = movie.Details?.Overview,
        Tagline = movie.Details?.Tagline,
        PosterUrl = movie.PosterUrl,
        BackdropUrl = movie.BackdropUrl,
        RuntimeMinutes = movie.RuntimeMinutes,
        ReleaseDate = movie.Details?.ReleaseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
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
}
