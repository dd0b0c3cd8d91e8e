using Marquee.Server.Contracts;
using Marquee.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Server.Endpoints;

public static class MovieSearchApi
{
    public const int MaxQueryLength = 200;
    public const int MaxLimit = 50;

    public static IEndpointRouteBuilder MapMovieSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/movies/search", Search).WithTags("Catalog").WithName("SearchMovies").ProducesValidationProblem();
        return app;
    }

    /// <summary>Typo-tolerant title search for the "like …" picker: "matirx" finds The Matrix.</summary>
    public static Ok<MovieSearchResponse> Search([AsParameters] MovieSearchQuery query, RecommenderHost host)
    {
        var snapshot = host.State.Snapshot;
        var hits = snapshot.Content.SearchTitles(query.Q!, query.Limit ?? 10);
        return TypedResults.Ok(new MovieSearchResponse(query.Q!, hits.Select(h => MovieMapper.ToResponse(snapshot.Catalog.Movies[h.Index])).ToList()));
    }
}
