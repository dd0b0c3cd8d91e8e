using Marquee.Server.Auth;
using Marquee.Server.Contracts;
using Marquee.Server.Services;
using Marquee.Storage;
using Microsoft.AspNetCore.SignalR;

namespace Marquee.Server.Hubs;

/// <summary>
/// The live feed of a room (<c>/rooms/live</c>): a member's screen calls <c>Watch(code)</c> after connecting and
/// after every reconnect, then receives <c>changed</c> events (<see cref="RoomEventResponse"/>). The session token
/// comes as <c>access_token</c> (browsers cannot set headers on WebSockets).
/// </summary>
public sealed class RoomHub(RoomStore rooms, RoomPresence presence) : Hub
{
    public const string Path = "/rooms/live";

    /// <summary>Subscribes this connection to a room the caller is a member of; returns the caller's member id.</summary>
    public async Task<int> Watch(string code)
    {
        var userId = Context.User?.UserId() ?? throw new HubException("Connect with the session token (access_token) of a room member.");
        var canonical = RoomStore.NormalizeCode(code) ?? throw new HubException($"No room with code '{code}'.");
        var room = await rooms.GetAsync(canonical, Context.ConnectionAborted) ?? throw new HubException($"No room with code '{code}'.");
        var member = room.MemberOf(userId) ?? throw new HubException($"You are not a member of room {canonical}: join it first.");
        presence.Add(Context.ConnectionId, canonical, member.MemberNo);
        await Groups.AddToGroupAsync(Context.ConnectionId, RoomEvents.Group(canonical), Context.ConnectionAborted);
        await Clients.Group(RoomEvents.Group(canonical)).SendAsync(RoomEvents.ChangedMethod, new RoomEventResponse(canonical, "online", member.MemberNo));
        return member.MemberNo;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (presence.Remove(Context.ConnectionId) is { } watched)
        {
            await Clients.Group(RoomEvents.Group(watched.Code)).SendAsync(RoomEvents.ChangedMethod, new RoomEventResponse(watched.Code, "offline", watched.MemberId));
        }
        await base.OnDisconnectedAsync(exception);
    }
}
