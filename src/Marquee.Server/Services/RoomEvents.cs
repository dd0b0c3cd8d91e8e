using Marquee.Server.Contracts;
using Marquee.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace Marquee.Server.Services;

/// <summary>Tells every screen in a room that something changed (SignalR group per room).</summary>
public sealed class RoomEvents(IHubContext<RoomHub> hub)
{
    public const string ChangedMethod = "changed";

    public static string Group(string code) => "room:" + code;

    public Task PublishAsync(RoomEventResponse change) =>
        hub.Clients.Group(Group(change.Code)).SendAsync(ChangedMethod, change);
}
