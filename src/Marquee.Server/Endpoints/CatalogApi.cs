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
        return app;
    }

    public static IReadOnlyList<GenreResponse> GetGenres(RecommenderHost host) =>
        host.State.Catalog.GenreCounts.Select(g => new GenreResponse(g.Genre, g.Count)).ToList();

    public static Results<Ok<MovieResponse>, ProblemHttpResult> GetMovie(int id, RecommenderHost host) =>
        host.State.Catalog.Find(id) is { } movie
            ? TypedResults.Ok(MovieMapper.ToResponse(movie))
            : UserGuard.MovieNotFound(id);
}
