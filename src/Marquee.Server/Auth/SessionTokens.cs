using Marquee.Server.Services;
using Marquee.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Marquee.Server.Auth;

/// <summary>
/// Bearer token → user, remembered for a short while (unknown tokens too), so a client repeating a token costs
/// one database lookup per half minute instead of one per request. A token revoked or rotated here is
/// forgotten at once; another instance notices within <see cref="Remember"/>.
/// </summary>
public sealed class SessionTokens(UserStore users, MarqueeMetrics metrics) : IDisposable
{
    public static readonly TimeSpan Remember = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async Task<string?> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        var key = UserStore.Hash(token);
        if (_cache.TryGetValue(key, out string? known))
        {
            return known!.Length == 0 ? null : known;
        }
        var userId = await users.FindByTokenAsync(token, cancellationToken);
        metrics.SessionLookedUp(userId is not null);
        _cache.Set(key, userId ?? "", new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Remember, Size = 1 });
        return userId;
    }

    public void Forget(string token) => _cache.Remove(UserStore.Hash(token));

    public void Dispose() => _cache.Dispose();
}

/// <summary>Endpoint metadata: the endpoint reads the caller's session. Elsewhere a bearer token is not even looked up.</summary>
public sealed class UsesSession
{
    public static readonly UsesSession Instance = new();
}

public static class UsesSessionExtensions
{
    public static TBuilder WithSession<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(UsesSession.Instance);
}
