using Marquee.Core.Training;
using Marquee.Server.Auth;
using Marquee.Server.Contracts;
using Marquee.Server.Services;
using Marquee.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marquee.Server.Endpoints;

public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithTags("Admin").RequireAuthorization(MarqueePolicies.Admin).LimitBody(BodyLimit.Small);
        admin.MapPost("/retrain", Retrain).WithName("Retrain");
        admin.MapGet("/jobs/{id}", GetJob).WithName("GetTrainingJob");
        admin.MapGet("/models", ListModels).WithName("ListModels");
        admin.MapPost("/models/{version}/promote", Promote).WithName("PromoteModel");
        admin.MapPost("/models/rollback", Rollback).WithName("RollbackModel");
        admin.MapGet("/monitoring", GetMonitoring).WithName("GetMonitoring");
        admin.MapPut("/experiment", StartExperiment).WithName("StartExperiment");
        admin.MapDelete("/experiment", StopExperiment).WithName("StopExperiment");
        return app;
    }

    public static Results<Accepted<TrainingJobResponse>, ValidationProblem, ProblemHttpResult> Retrain(
        [FromBody] RetrainRequest? request, TrainingJobs jobs)
    {
        var algorithm = request?.Algorithm ?? "auto";
        if (!ModelTrainer.Algorithms.Contains(algorithm))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["algorithm"] = [$"must be one of {string.Join(", ", ModelTrainer.Algorithms)}"],
            });
        }
        var job = jobs.Start(algorithm);
        return job is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Training already running",
                detail: "One retraining runs at a time; poll its job and try again when it is done.")
            : TypedResults.Accepted($"/admin/jobs/{job.Id}", job);
    }

    public static Results<Ok<TrainingJobResponse>, ProblemHttpResult> GetJob(string id, TrainingJobs jobs) =>
        jobs.Get(id) is { } job
            ? TypedResults.Ok(job)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Job not found", detail: $"No training job '{id}'.");

    public static async Task<Ok<IReadOnlyList<ModelResponse>>> ListModels(ModelRegistry registry, RecommenderHost host, CancellationToken cancellationToken)
    {
        var serving = host.State.Snapshot.ModelVersion;
        var models = await registry.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ModelResponse>>(models.Select(m => ToResponse(m, serving)).ToList());
    }

    public static async Task<Results<Ok<ModelResponse>, ProblemHttpResult>> Promote(
        string version, ModelRegistry registry, RecommenderHost host, CancellationToken cancellationToken)
    {
        if (await registry.GetAsync(version, cancellationToken) is not { } model)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Model not found", detail: $"No model version '{version}'.");
        }
        // A model that cannot serve never becomes current: the next start would have nothing good to load.
        if (await host.ValidateAsync(model, cancellationToken) is { } problem)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Model failed validation",
                detail: $"Not promoted: {problem}. The serving model is unchanged.");
        }
        await registry.PromoteAsync(version, "promoted over the admin API", cancellationToken);
        await host.ReloadAsync(cancellationToken: cancellationToken);
        return TypedResults.Ok(ToResponse((await registry.GetAsync(version, cancellationToken))!, host.State.Snapshot.ModelVersion));
    }

    public static async Task<Results<Ok<ModelResponse>, ProblemHttpResult>> Rollback(
        ModelRegistry registry, RecommenderHost host, CancellationToken cancellationToken)
    {
        var previous = await registry.RollbackAsync(cancellationToken);
        if (previous is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to roll back to",
                detail: "No earlier promotion of another version is on record.");
        }
        await host.ReloadAsync(cancellationToken: cancellationToken);
        return TypedResults.Ok(ToResponse(previous, host.State.Snapshot.ModelVersion));
    }

    public static async Task<Results<Ok<MonitoringResponse>, ValidationProblem>> GetMonitoring(
        string? bucket, MonitoringService monitoring, CancellationToken cancellationToken)
    {
        bucket ??= "hour";
        if (!MonitoringService.Buckets.ContainsKey(bucket))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["bucket"] = [$"must be one of {string.Join(", ", MonitoringService.Buckets.Keys)}"],
            });
        }
        return TypedResults.Ok(await monitoring.ReportAsync(bucket, cancellationToken));
    }

    public static async Task<Results<Ok<ExperimentResponse>, ValidationProblem, ProblemHttpResult>> StartExperiment(
        [FromBody] StartExperimentRequest? request, ModelRegistry registry, ExperimentStore experiments, RecommenderHost host, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        request ??= new StartExperimentRequest();
        var errors = new ValidationErrors();
        var share = request.CandidateShare ?? 0.5;
        if (double.IsNaN(share) || share is <= 0 or >= 1)
        {
            errors.Add("candidate_share", "must be between 0 and 1 (exclusive)");
        }
        if (request.Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > 100))
        {
            errors.Add("name", "must be 1 to 100 characters");
        }
        foreach (var (field, version) in new[] { ("control_version", request.ControlVersion), ("candidate_version", request.CandidateVersion) })
        {
            if (string.IsNullOrWhiteSpace(version))
            {
                errors.Add(field, "is required");
            }
            else if (await registry.GetAsync(version, cancellationToken) is not { Kind: ModelKind.TopN })
            {
                errors.Add(field, $"no top-N model version '{version}' (GET /admin/models lists them)");
            }
        }
        if (request.ControlVersion is { } a && a == request.CandidateVersion)
        {
            errors.Add("candidate_version", "must differ from control_version");
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The experiment is not valid");
        }
        var experimentName = request.Name?.Trim() ?? $"{request.CandidateVersion}-vs-{request.ControlVersion}-{clock.GetUtcNow():yyyyMMddTHHmmss}";
        var started = await experiments.StartAsync(experimentName, request.ControlVersion!, request.CandidateVersion!, share, cancellationToken);
        if (started is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Experiment name taken",
                detail: $"An experiment named '{experimentName}' ran before; its sessions' feedback is on record under that name. Pick another name.");
        }
        await host.ReloadAsync(cancellationToken: cancellationToken);
        return TypedResults.Ok(ExperimentResponse.From(started));
    }

    public static async Task<Results<Ok<ExperimentResponse>, ProblemHttpResult>> StopExperiment(
        ExperimentStore experiments, RecommenderHost host, CancellationToken cancellationToken)
    {
        var stopped = await experiments.StopAsync(cancellationToken);
        if (stopped is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No experiment running",
                detail: "There is no running experiment to stop.");
        }
        await host.ReloadAsync(cancellationToken: cancellationToken);
        return TypedResults.Ok(ExperimentResponse.From(stopped));
    }

    public static ModelResponse ToResponse(RegisteredModel m, string serving) => new()
    {
        Version = m.Version,
        Algorithm = m.Algorithm,
        IsCurrent = m.IsCurrent,
        IsServing = m.Version == serving,
        CreatedAt = m.CreatedAt,
        PromotedAt = m.PromotedAt,
        Parameters = m.Manifest.Parameters,
        Validation = m.Manifest.Validation,
        Data = m.Manifest.Data,
    };
}
