using Marquee.Server.Contracts;
using Marquee.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marquee.Server.Endpoints;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithTags("Health").WithName("GetHealth");
        return app;
    }

    /// <summary>
    /// <c>ok</c> when a CF model serves, <c>degraded</c> (still 200) when only the baseline can or an artifact built
    /// for another dataset was refused (listed in <c>problems</c>), and
    /// 503 <c>unhealthy</c> when the database does not answer (feedback could not be stored).
    /// </summary>
    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealth(
        RecommenderHost host, HealthCheckService checks, CancellationToken cancellationToken)
    {
        var state = host.State;
        var snapshot = state.Snapshot;
        var report = await checks.CheckHealthAsync(cancellationToken);
        var hasCf = snapshot.Personalizer is not null;
        var response = new HealthResponse
        {
            Status = report.Status == HealthStatus.Unhealthy ? "unhealthy" : hasCf && state.Refused.Count == 0 ? "ok" : "degraded",
            CatalogMovies = snapshot.Catalog.Count,
            ModelVersion = snapshot.ModelVersion,
            Recommenders = hasCf ? ["baseline", "cf"] : ["baseline"],
            Problems = state.Refused.Count > 0 ? state.Refused : null,
        };
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }
}
