using Marquee.Server.Auth;
using Marquee.Server.Contracts;
using Marquee.Server.Services;
using Marquee.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Server.Endpoints;

public static class WatchlistApi
{
    public static IEndpointRouteBuilder MapWatchlistApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/users/{userId}/watchlist").WithTags("Watchlist").WithSession().RequireAuthorization(MarqueePolicies.SameUser).LimitBody(BodyLimit.Small);
        group.MapGet("/", ListWatchlist).WithName("ListWatchlist");
        group.MapGet("/{movieId:int}", GetWatchlistItem).WithName("GetWatchlistItem");
        group.MapPut("/{movieId:int}", PutWatchlistItem).WithName("PutWatchlistItem").LimitWrites();
        group.MapDelete("/{movieId:int}", DeleteWatchlistItem).WithName("DeleteWatchlistItem").LimitWrites();
        return app;
    }

    public static async Task<Ok<WatchlistResponse>> ListWatchlist(
        string userId, WatchlistStore store, RecommenderHost host, CancellationToken cancellationToken)
    {
        var catalog = host.State.Catalog;
        var entries = await store.ListAsync(userId, cancellationToken);
        return TypedResults.Ok(new WatchlistResponse(userId, entries
            .Select(e => new WatchlistItemResponse(e.MovieId, e.AddedAt, catalog.Find(e.MovieId) is { } m ? MovieMapper.ToResponse(m) : null))
            .ToList()));
    }

    public static async Task<Results<Ok<WatchlistItemResponse>, ProblemHttpResult>> GetWatchlistItem(
        string userId, int movieId, WatchlistStore store, RecommenderHost host, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(userId, movieId, cancellationToken);
        return entry is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not on the watchlist",
                detail: $"Movie {movieId} is not on the watchlist of '{userId}'.")
            : TypedResults.Ok(ToItem(entry, host));
    }

    public static async Task<Results<Created<WatchlistItemResponse>, Ok<WatchlistItemResponse>, ProblemHttpResult>> PutWatchlistItem(
        string userId, int movieId, WatchlistStore store, RecommenderHost host, CancellationToken cancellationToken)
    {
        if (!host.State.Catalog.Contains(movieId))
        {
            return CatalogProblems.MovieNotFound(movieId);
        }
        var (entry, created) = await store.PutAsync(userId, movieId, cancellationToken);
        var item = ToItem(entry, host);
        return created ? TypedResults.Created($"/users/{userId}/watchlist/{movieId}", item) : TypedResults.Ok(item);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteWatchlistItem(
        string userId, int movieId, WatchlistStore store, CancellationToken cancellationToken)
    {
        return await store.DeleteAsync(userId, movieId, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not on the watchlist",
                detail: $"Movie {movieId} is not on the watchlist of '{userId}'.");
    }

    private static WatchlistItemResponse ToItem(WatchlistEntry entry, RecommenderHost host) =>
        new(entry.MovieId, entry.AddedAt, host.State.Catalog.Find(entry.MovieId) is { } m ? MovieMapper.ToResponse(m) : null);
}
