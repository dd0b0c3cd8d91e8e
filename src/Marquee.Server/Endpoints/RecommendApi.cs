using System.Security.Claims;
using System.Security.Cryptography;
using Marquee.Server.Auth;
using Marquee.Server.Contracts;
using Marquee.Server.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Server.Endpoints;

public static class RecommendApi
{
    public static IEndpointRouteBuilder MapRecommendApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/recommend", Recommend).WithTags("Recommendations").WithName("Recommend")
            .WithSession().LimitBody(BodyLimit.Recommend);
        return app;
    }

    public static async Task<Results<Ok<RecommendResponse>, ValidationProblem, ProblemHttpResult>> Recommend(
        RecommendRequest? request, RecommendService service, RecommenderHost host, MarqueeMetrics metrics, ClaimsPrincipal caller,
        IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        // Validated before the endpoint ran (the attributes of RecommendRequest); an empty body asks for the defaults.
        request ??= new RecommendRequest();
        // Unknown and existing session ids are answered alike (401 or 403), so ids cannot be probed.
        if (!string.IsNullOrWhiteSpace(request.UserId) && !RecommendService.IsMovieLensUser(request.UserId)
            && await authorization.DenyUnlessSameUserAsync(caller, request.UserId) is { } denied)
        {
            return denied;
        }
        if (await service.HistoryAsync(request.UserId, cancellationToken) is not { } history)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "User not found",
                detail: $"No user '{request.UserId}': use an id from POST /sessions or a MovieLens user id.");
        }
        var response = await service.RecommendAsync(request, history, cancellationToken);
        metrics.Recommended(response.Recommender, response.FallbackReason is not null);
        return TypedResults.Ok(response with { PageId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) });
    }
}
