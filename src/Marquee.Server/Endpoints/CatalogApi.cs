using Marquee.Core.Catalog;
using Marquee.Core.Ranking;
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
        movies.MapGet("/{id:int}/similar", GetSimilar).WithName("GetSimilarMovies").ProducesValidationProblem();
        return app;
    }

    public static IReadOnlyList<GenreResponse> GetGenres(RecommenderHost host) =>
        host.State.Catalog.GenreCounts.Select(g => new GenreResponse(g.Genre, g.Count)).ToList();

    /// <summary>
    /// "More like this": the CF model's item-item similarity (when a model serves) blended with content
    /// similarity (genres, overview and tag text, era), a little quality breaking ties.
    /// </summary>
    public static Results<Ok<SimilarMoviesResponse>, ProblemHttpResult> GetSimilar(int id, [AsParameters] SimilarMoviesQuery query, RecommenderHost host)
    {
        var snapshot = host.State.Snapshot;
        if (snapshot.Catalog.Find(id) is not { } movie)
        {
            return CatalogProblems.MovieNotFound(id);
        }
        var items = ReferenceSimilarity.SimilarMovies(snapshot, id, query.K ?? 12)
            .Select(s => MovieMapper.ToResponse(s.Movie) with
            {
                Score = Math.Round(s.Similarity, 4),
                Reasons = [LikeReasons.For(snapshot, movie, s.Movie) ?? $"Fans of {movie.Title} love it too"],
            })
            .ToList();
        var method = snapshot.Personalizer is { } personalizer ? $"{personalizer.Algorithm}+content" : "content";
        return TypedResults.Ok(new SimilarMoviesResponse(id, method, items));
    }

    public static Results<Ok<MovieDetailResponse>, ProblemHttpResult> GetMovie(int id, RecommenderHost host) =>
        host.State.Catalog.Find(id) is { } movie
            ? TypedResults.Ok(MovieMapper.ToDetailResponse(movie))
            : CatalogProblems.MovieNotFound(id);
}
