using Marquee.Server.Contracts;
using Marquee.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Server.Endpoints;

public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/genres", GetGenres).WithTags("Catalog").WithName("GetGenres");
        var movies = app.MapGroup("/movies").WithTags("Catalog");
        movies.MapGet("/{id:int}", GetMovie).WithName("GetMovie");
        movies.MapGet("/{id:int}/similar", GetSimilar).WithName("GetSimilarMovies");
        return app;
    }

    public static IReadOnlyList<GenreResponse> GetGenres(RecommenderHost host) =>
        host.State.Catalog.GenreCounts.Select(g => new GenreResponse(g.Genre, g.Count)).ToList();

    /// <summary>
    /// "More like this": the CF model's answer for someone who loved this movie; without a model,
    /// the best-rated movies sharing the most genres.
    /// </summary>
    public static Results<Ok<SimilarMoviesResponse>, ValidationProblem, ProblemHttpResult> GetSimilar(int id, int? k, RecommenderHost host)
    {
        if (k is < 1 or > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["k"] = ["must be between 1 and 100"] });
        }
        var snapshot = host.State.Snapshot;
        var catalog = snapshot.Catalog;
        if (catalog.Find(id) is not { } movie)
        {
            return UserGuard.MovieNotFound(id);
        }
        var count = k ?? 12;
        if (snapshot.Personalizer?.Similar(id, count) is { Count: > 0 } similar)
        {
            var items = similar.Select(s => catalog.Find(s.MovieId)).OfType<Marquee.Core.Catalog.CatalogMovie>()
                .Select(m => MovieMapper.ToResponse(m) with { Reasons = [$"Fans of {movie.Title} loved it"] }).ToList();
            return TypedResults.Ok(new SimilarMoviesResponse(id, snapshot.Personalizer.Algorithm, items));
        }
        var baseline = snapshot.Baseline;
        var byGenre = catalog.Movies
            .Where(m => m.MovieId != id && m.GenreMask.Overlaps(movie.GenreMask))
            .OrderByDescending(m => m.GenreMask.CountShared(movie.GenreMask)).ThenByDescending(m => baseline.Scores[m.Index]).ThenBy(m => m.MovieId)
            .Take(count)
            .Select(m => MovieMapper.ToResponse(m) with { Reasons = [$"Shares {string.Join(", ", m.Genres.Intersect(movie.Genres))}"] })
            .ToList();
        return TypedResults.Ok(new SimilarMoviesResponse(id, "genres", byGenre));
    }

    public static Results<Ok<MovieResponse>, ProblemHttpResult> GetMovie(int id, RecommenderHost host) =>
        host.State.Catalog.Find(id) is { } movie
            ? TypedResults.Ok(MovieMapper.ToResponse(movie))
            : UserGuard.MovieNotFound(id);
}
