using Marquee.Server.Contracts;
using Marquee.Server.Services;

namespace Marquee.Server.Endpoints;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithTags("Health").WithName("GetHealth");
        return app;
    }

    public static HealthResponse GetHealth(RecommenderHost host)
    {
        var snapshot = host.State.Snapshot;
        var hasCf = snapshot.Personalizer is not null;
        return new HealthResponse
        {
            Status = hasCf ? "ok" : "degraded",
            CatalogMovies = snapshot.Catalog.Count,
            ModelVersion = snapshot.ModelVersion,
            Recommenders = hasCf ? ["baseline", "cf"] : ["baseline"],
        };
    }
}
