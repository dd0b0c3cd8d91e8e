using Marquee.Server.Contracts;
using Marquee.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marquee.Server.Endpoints;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        // HEAD too: load balancers and uptime checks probe with it.
        app.MapMethods("/health", [HttpMethods.Get, HttpMethods.Head], GetHealth).WithTags("Health").WithName("GetHealth");
        return app;
    }

    /// <summary>
    /// <c>ok</c> when the promoted CF model serves, <c>degraded</c> (still 200) when only the baseline can, the
    /// promoted model failed validation or an artifact built for another dataset was refused (listed in
    /// <c>problems</c>), and 503 <c>unhealthy</c> when the database cannot store writes.
    /// </summary>
    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealth(
        RecommenderHost host, HealthCheckService checks, CancellationToken cancellationToken)
    {
        var state = host.State;
        var snapshot = state.Snapshot;
        var report = await checks.CheckHealthAsync(cancellationToken);
        var hasCf = snapshot.Personalizer is not null;
        var modelProblem = host.ModelProblem;
        var response = new HealthResponse
        {
            Status = report.Status == HealthStatus.Unhealthy ? "unhealthy"
                : hasCf && modelProblem is null && state.Refused.Count == 0 ? "ok" : "degraded",
            ModelProblem = modelProblem,
            DatabaseProblem = report.Status == HealthStatus.Unhealthy
                ? string.Join("; ", report.Entries.Values.Select(e => e.Description).Where(d => !string.IsNullOrEmpty(d)))
                : null,
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
