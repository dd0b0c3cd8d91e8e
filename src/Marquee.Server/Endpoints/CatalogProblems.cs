using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Server.Endpoints;

/// <summary>The answer for a movie id the catalogue does not have, wherever a request names one.</summary>
internal static class CatalogProblems
{
    public static ProblemHttpResult MovieNotFound(int movieId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Movie not found",
            detail: $"No movie with id {movieId} is in the catalogue.");
}
