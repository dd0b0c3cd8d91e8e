using System.Collections.Concurrent;

namespace Marquee.Server.Services;

/// <summary>Which members have a screen connected to a room's live feed right now (this instance's connections).</summary>
public sealed class RoomPresence
{
    private readonly ConcurrentDictionary<string, (string Code, int MemberId)> _connections = new(StringComparer.Ordinal);

    public void Add(string connectionId, string code, int memberId) => _connections[connectionId] = (code, memberId);

    /// <summary>Forgets a connection; returns the room it watched, if any.</summary>
    public (string Code, int MemberId)? Remove(string connectionId) =>
        _connections.TryRemove(connectionId, out var watched) ? watched : null;

    public IReadOnlySet<int> Online(string code) =>
        _connections.Values.Where(c => c.Code == code).Select(c => c.MemberId).ToHashSet();
}
