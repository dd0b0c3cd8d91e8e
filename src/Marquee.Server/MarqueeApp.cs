using System.Text.Json;
using Marquee.Core.Intent;
using Marquee.Core.Ranking;
using Marquee.Server.Auth;
using Marquee.Server.Endpoints;
using Marquee.Server.Hubs;
using Marquee.Server.Services;
using Marquee.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;

namespace Marquee.Server;

/// <summary>Builds the Marquee web application; shared by <c>Program</c>, the CLI's <c>serve</c> and the tests.</summary>
public static class MarqueeApp
{
    private static readonly Dictionary<string, string> EnvironmentOverrides = new()
    {
        ["MARQUEE_DATA_DIR"] = "Marquee:DataDir",
        ["MARQUEE_ARTIFACTS_DIR"] = "Marquee:ArtifactsDir",
        ["MARQUEE_DB"] = "Marquee:Database",
        ["MARQUEE_ADMIN_KEY"] = "Marquee:AdminApiKey",
        ["MARQUEE_UI_DIR"] = "Marquee:UiDir",
        ["MARQUEE_LLM_PROVIDER"] = "Marquee:Llm:Provider",
        ["MARQUEE_LLM_ENDPOINT"] = "Marquee:Llm:Endpoint",
        ["MARQUEE_LLM_MODEL"] = "Marquee:Llm:Model",
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var overrides = EnvironmentOverrides
            .Select(kv => (Key: kv.Value, Value: Environment.GetEnvironmentVariable(kv.Key)))
            .Where(kv => !string.IsNullOrEmpty(kv.Value))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        builder.Configuration.AddInMemoryCollection(overrides);
        // The framework's per-request Information lines (six per request) cost more than a cheap
        // request itself; keep its warnings and errors, as the ASP.NET Core templates do.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Every Marquee body is a small JSON object; endpoints set tighter limits of their own (BodyLimit).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = BodyLimit.Default);
        configure?.Invoke(builder);
        AddServices(builder.Services, builder.Configuration);
        var app = builder.Build();
        UseMarquee(app);
        return app;
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MarqueeOptions>().BindConfiguration(MarqueeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ValidationProblems.InRequestTerms);
        // Request contracts and [AsParameters] queries carry DataAnnotations; a request that breaks them gets a 400
        // problem naming the fields before the endpoint runs.
        services.AddValidation();
        services.AddExceptionHandler<StorageExceptionHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddOpenApi();
        services.AddOutputCache();
        services.AddMarqueeRateLimits(configuration);
        services.AddMarqueeForwardedHeaders(configuration);
        services.AddMarqueeAuth();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MarqueeMetrics>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(MarqueeMetrics.MeterName)
            .AddPrometheusExporter());
        services.AddMarqueeStorage(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MarqueeOptions>>().Value;
            return new StorageSettings(options.Database, options.ArtifactsDir, TimeSpan.FromDays(options.SessionTokenDays));
        });
        services.AddSingleton<SessionTokens>();
        services.AddSingleton<QueryEmbedder>();
        services.AddSingleton<RecommenderHost>();
        services.AddHostedService(sp => sp.GetRequiredService<RecommenderHost>());
        services.AddSingleton<MonitoringService>();
        services.AddHostedService<MonitoringRefresher>();
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.Model), "Marquee:Llm:Model is required when Marquee:Llm:Provider is set")
            .Validate(o => string.IsNullOrWhiteSpace(o.Endpoint) || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "Marquee:Llm:Endpoint must be an absolute URL")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var llm = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            return new WishReader(llm.CreateClient(), llm.Timeout, llm.ExplainTop,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<WishReader>(), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new PageRecommender(sp.GetRequiredService<WishReader>(), sp.GetRequiredService<QueryEmbedder>()));
        services.AddSingleton<RecommendService>();
        services.AddSingleton<TrainingJobs>();
        services.AddOptions<RoomOptions>().BindConfiguration(RoomOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RoomPresence>();
        services.AddSingleton<RoomEvents>();
        services.AddSingleton<RoomDeckService>();
        // Pings every 5 s (default 15 s) so a phone whose connection silently died notices within the client's
        // 10 s server timeout, shows "Reconnecting…" and catches up, instead of sitting on a dead feed for 30 s.
        services.AddSignalR(o =>
        {
            o.KeepAliveInterval = TimeSpan.FromSeconds(5);
            o.ClientTimeoutInterval = TimeSpan.FromSeconds(20);
        }).AddJsonProtocol(o => o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
    }

    public static void UseMarquee(WebApplication app)
    {
        if (ForwardedHeadersSetup.IsConfigured(app.Configuration))
        {
            app.UseForwardedHeaders();
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Authentication first: the write limits count per session.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.UseAuthorization();

        // Built once, then served from memory; what still costs (the reference page) is rate-limited.
        app.MapOpenApi("/openapi/{documentName}.json")
            .CacheOutput(PublicDocumentCachePolicy.Instance)
            .RequireRateLimiting(RateLimits.Documents);
        app.MapScalarApiReference("/docs", o => o.WithTitle("Marquee API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .RequireRateLimiting(RateLimits.Documents);

        app.MapHealthApi();
        app.MapMovieSearchApi();
        app.MapCatalogApi();
        app.MapMoodsApi();
        app.MapRecommendApi();
        app.MapSessionsApi();
        app.MapFeedbackApi();
        app.MapWatchlistApi();
        app.MapAdminApi();
        app.MapRoomsApi();
        app.MapHub<RoomHub>(RoomHub.Path).WithSession();
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(MarqueePolicies.Admin);

        ServeUi(app);
    }

    /// <summary>
    /// The paths the API owns; everything else may be the UI. The UI dev server proxies the same list
    /// (ui/vite.config.ts reads it from ui/src/lib/api-contract.json, which a test keeps equal to this).
    /// </summary>
    internal static readonly string[] ApiPrefixes =
        ["/health", "/genres", "/recommend", "/feedback", "/sessions", "/movies", "/users", "/moods", "/rooms", "/admin", "/metrics", "/openapi", "/docs"];

    /// <summary>The UI's admin page lives at <c>/admin</c> itself; the admin API is everything below it.</summary>
    private static bool IsApiPath(PathString path) =>
        !path.Equals("/admin", StringComparison.OrdinalIgnoreCase)
        && ApiPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static void ServeUi(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MarqueeOptions>>().Value;
        var uiDir = Path.GetFullPath(options.UiDir ?? Path.Combine("ui", "dist"));
        if (!File.Exists(Path.Combine(uiDir, "index.html")))
        {
            app.MapGet("/", () => TypedResults.Text(
                "Marquee API is running. The UI is not built: run ./marquee up, or see /docs for the API.", "text/plain"))
                .ExcludeFromDescription();
            return;
        }
        var files = new PhysicalFileProvider(uiDir);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        // Client-side routes (/watchlist, /movie/42) load the app shell; an unknown API path stays a 404
        // problem, so clients never mistake the app shell for a JSON answer.
        var shell = Path.Combine(uiDir, "index.html");
        app.MapFallback((HttpContext context, EndpointDataSource endpoints) =>
            HttpMethods.IsGet(context.Request.Method) && !IsApiPath(context.Request.Path)
                ? Results.File(shell, "text/html; charset=utf-8")
                : NoEndpoint(context, endpoints))
            .ExcludeFromDescription();
    }

    /// <summary>
    /// The fallback also catches requests the routing turned away for a body that is not JSON (an endpoint
    /// that accepts JSON is skipped, and the fallback outranks ASP.NET's own 415): say so instead of 404.
    /// </summary>
    private static IResult NoEndpoint(HttpContext context, EndpointDataSource endpoints)
    {
        var request = context.Request;
        if (AllowedMethods(endpoints, request.Path) is { Count: > 0 } allowed && !allowed.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.Headers.Allow = string.Join(", ", allowed);
            return Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: $"{request.Path} answers {string.Join(", ", allowed)}, not {request.Method}.");
        }
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (hasBody && !request.HasJsonContentType() && AcceptsJson(endpoints, request.Method, request.Path))
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"{request.Method} {request.Path} takes a JSON body: send it with Content-Type: application/json (got '{request.ContentType}').");
        }
        return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: $"No endpoint {request.Method} {request.Path}; see /docs for the API.");
    }

    private static List<string> AllowedMethods(EndpointDataSource endpoints, PathString path) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 }
                && !endpoint.RoutePattern.RawText!.Contains("{*", StringComparison.Ordinal)
                && new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), []).TryMatch(path, []))
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static bool AcceptsJson(EndpointDataSource endpoints, string method, PathString path) =>
        endpoints.Endpoints.OfType<RouteEndpoint>().Any(endpoint =>
            endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase) == true
            && endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Any(type => type.Contains("json", StringComparison.OrdinalIgnoreCase)) == true
            && new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), []).TryMatch(path, []));
}
