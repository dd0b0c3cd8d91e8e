using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Marquee.Server;

/// <summary>
/// Behind a reverse proxy the client's address arrives in <c>X-Forwarded-For</c>. It is believed only from the
/// proxies named in <c>Marquee:ForwardedHeaders:KnownProxies</c> (addresses) or <c>KnownNetworks</c> (CIDR),
/// comma-separated; with neither set the header is ignored, so a client cannot pick its own rate-limit bucket.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "Marquee:ForwardedHeaders";

    public static IServiceCollection AddMarqueeForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration[$"{Section}:KnownProxies"]);
        var networks = List(configuration[$"{Section}:KnownNetworks"]);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; only what is configured is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is not an IP address"));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' is not a CIDR network such as 10.0.0.0/8"));
            }
        });
        return services;
    }

    /// <summary>True when some proxy is trusted, so the middleware has anything to do.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        List(configuration[$"{Section}:KnownProxies"]).Length + List(configuration[$"{Section}:KnownNetworks"]).Length > 0;

    private static string[] List(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
