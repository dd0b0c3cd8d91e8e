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
        app.MapGet("/movies/search", Search).WithTags("Catalog").WithName("SearchMovies");
        return app;
    }

    /// <summary>Typo-tolerant title search for the "like …" picker: "matirx" finds The Matrix.</summary>
    public static Results<Ok<MovieSearchResponse>, ValidationProblem> Search(string? q, int? limit, RecommenderHost host)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(q))
        {
            errors.Add("q", "is required: part of a movie title");
        }
        else if (q.Length > MaxQueryLength)
        {
            errors.Add("q", $"must be at most {MaxQueryLength} characters (got {q.Length})");
        }
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}");
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The search is not valid");
        }
        var snapshot = host.State.Snapshot;
        var hits = snapshot.Content.SearchTitles(q!, limit ?? 10);
        return TypedResults.Ok(new MovieSearchResponse(q!, hits.Select(h => MovieMapper.ToResponse(snapshot.Catalog.Movies[h.Index])).ToList()));
    }
}
