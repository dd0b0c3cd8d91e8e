using Microsoft.AspNetCore.OutputCaching;

namespace Marquee.Server;

/// <summary>
/// Output caching for documents that are the same for every caller of a host (the OpenAPI document): built
/// once, then served from memory. Unlike the framework's default policy it also serves callers that send an
/// Authorization header, so adding one does not force a rebuild (~10 ms of CPU each).
/// </summary>
internal sealed class PublicDocumentCachePolicy : IOutputCachePolicy
{
    public static readonly PublicDocumentCachePolicy Instance = new();

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var cacheable = HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
        // The document names the server it was fetched from.
        context.CacheVaryByRules.VaryByHost = true;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
