using System.Security.Claims;
using Marquee.Server.Auth;
using Marquee.Server.Contracts;
using Marquee.Server.Services;
using Marquee.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Marquee.Server.Endpoints;

/// <summary>Watch-together rooms (docs/rooms.md): create, join by code, swipe a shared deck, match, choose.</summary>
public static class RoomsApi
{
    public static IEndpointRouteBuilder MapRoomsApi(this IEndpointRouteBuilder app)
    {
        // Every room endpoint needs a session: 401 without one.
        var rooms = app.MapGroup("/rooms").WithTags("Rooms").WithSession().RequireAuthorization(MarqueePolicies.Session).LimitBody(BodyLimit.Recommend);
        rooms.MapPost("/", CreateRoom).WithName("CreateRoom").RequireRateLimiting(RateLimits.RoomJoins);
        rooms.MapGet("/{code}", GetRoom).WithName("GetRoom");
        rooms.MapPost("/{code}/members", JoinRoom).WithName("JoinRoom").RequireRateLimiting(RateLimits.RoomJoins);
        rooms.MapDelete("/{code}/members/me", LeaveRoom).WithName("LeaveRoom");
        rooms.MapGet("/{code}/deck", GetDeck).WithName("GetRoomDeck");
        rooms.MapPost("/{code}/votes", Vote).WithName("VoteInRoom").LimitWrites();
        rooms.MapGet("/{code}/matches", ListMatches).WithName("ListRoomMatches");
        rooms.MapPost("/{code}/choice", Choose).WithName("ChooseRoomFilm");
        rooms.MapPost("/{code}/close", CloseRoom).WithName("CloseRoom");
        return app;
    }

    public static async Task<Results<Created<RoomResponse>, ValidationProblem, ProblemHttpResult>> CreateRoom(
        CreateRoomRequest request, ClaimsPrincipal caller, RoomStore store, RecommenderHost host, RoomPresence presence,
        CancellationToken cancellationToken)
    {
        var userId = caller.UserId()!;
        var settings = new RoomSettings
        {
            Moods = request.Moods ?? [], Genres = request.Genres ?? [], ExcludeGenres = request.ExcludeGenres ?? [],
            MinRating = request.MinRating, YearFrom = request.YearFrom, YearTo = request.YearTo, MaxRuntime = request.MaxRuntime,
        };
        var room = await store.CreateAsync(userId, request.DisplayName!.Trim(), string.IsNullOrWhiteSpace(request.Query) ? null : request.Query.Trim(),
            settings, request.MatchRule ?? MatchRules.All, cancellationToken);
        return TypedResults.Created($"/rooms/{room.Room.Code}", ToResponse(room, room.Members[0], host, presence));
    }

    public static async Task<Results<Ok<RoomResponse>, ProblemHttpResult>> GetRoom(
        string code, ClaimsPrincipal caller, RoomStore store, RecommenderHost host, RoomPresence presence, CancellationToken cancellationToken)
    {
        var (room, member, problem) = await MemberViewAsync(code, caller, store, cancellationToken);
        return problem ?? (Results<Ok<RoomResponse>, ProblemHttpResult>)TypedResults.Ok(ToResponse(room!, member!, host, presence));
    }

    public static async Task<Results<Created<RoomResponse>, Ok<RoomResponse>, ValidationProblem, ProblemHttpResult>> JoinRoom(
        string code, JoinRoomRequest request, ClaimsPrincipal caller, RoomStore store, RecommenderHost host, RoomPresence presence,
        RoomEvents events, IOptions<RoomOptions> options, CancellationToken cancellationToken)
    {
        var userId = caller.UserId()!;
        if (RoomStore.NormalizeCode(code) is not { } canonical)
        {
            return NotFound(code);
        }
        var joined = await store.JoinAsync(canonical, userId, request.DisplayName!.Trim(), options.Value.MaxMembers, cancellationToken);
        if (joined.Refusal != RoomRefusal.None)
        {
            return Refused(joined.Refusal, canonical, options.Value);
        }
        var room = (await store.GetAsync(canonical, cancellationToken))!;
        await events.PublishAsync(new RoomEventResponse(canonical, "joined", joined.Member!.MemberNo));
        var body = ToResponse(room, room.MemberOf(userId)!, host, presence);
        return joined.Created ? TypedResults.Created($"/rooms/{canonical}", body) : TypedResults.Ok(body);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> LeaveRoom(
        string code, ClaimsPrincipal caller, RoomStore store, RecommenderHost host, RoomEvents events, CancellationToken cancellationToken)
    {
        var userId = caller.UserId()!;
        if (RoomStore.NormalizeCode(code) is not { } canonical)
        {
            return NotFound(code);
        }
        var left = await store.LeaveAsync(canonical, userId, cancellationToken);
        if (left.Refusal != RoomRefusal.None)
        {
            return Refused(left.Refusal, canonical, null);
        }
        foreach (var match in left.NewMatches ?? [])
        {
            await events.PublishAsync(new RoomEventResponse(canonical, "matched", null, match.MovieId, ToMatch(match, host)));
        }
        await events.PublishAsync(new RoomEventResponse(canonical, "left"));
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<RoomDeckResponse>, ValidationProblem, ProblemHttpResult>> GetDeck(
        string code, [AsParameters] RoomDeckQuery query, ClaimsPrincipal caller, RoomStore store, RoomDeckService deck, RecommenderHost host,
        RoomEvents events, CancellationToken cancellationToken)
    {
        var (room, member, problem) = await MemberViewAsync(code, caller, store, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (!room!.Room.IsOpen)
        {
            return Refused(RoomRefusal.Closed, room.Room.Code, null);
        }
        var wanted = query.Count ?? 5;
        var (current, dealt, exhausted) = await deck.EnsureCardsAsync(room, member!.MemberNo, wanted, cancellationToken);
        if (dealt)
        {
            await events.PublishAsync(new RoomEventResponse(current.Room.Code, "dealt"));
        }
        var votersOf = current.Votes.GroupBy(v => v.MovieId).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(v => v.MemberNo).Order().ToList());
        var catalog = host.State.Catalog;
        var cards = RoomDeckService.Unvoted(current, member.MemberNo).Take(wanted)
            .Select(c => catalog.Find(c.MovieId) is { } movie
                ? new RoomCardResponse(c.Position, MovieMapper.ToResponse(movie) with { Reasons = c.Reasons }, votersOf.GetValueOrDefault(c.MovieId) ?? [])
                : null)
            .OfType<RoomCardResponse>().ToList();
        return TypedResults.Ok(new RoomDeckResponse(current.Room.Code, cards, Core.Groups.GroupStrategies.Name(Core.Groups.GroupStrategies.Serving),
            exhausted && cards.Count == 0));
    }

    public static async Task<Results<Created<RoomVoteResponse>, ValidationProblem, ProblemHttpResult>> Vote(
        string code, RoomVoteRequest request, ClaimsPrincipal caller, RoomStore store, RecommenderHost host, RoomEvents events,
        CancellationToken cancellationToken)
    {
        var userId = caller.UserId()!;
        if (RoomStore.NormalizeCode(code) is not { } canonical)
        {
            return NotFound(code);
        }
        var movieId = request.MovieId!.Value;
        var result = await store.VoteAsync(canonical, userId, movieId, request.Vote!, cancellationToken);
        if (result.Refusal == RoomRefusal.NotInDeck)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["movie_id"] = [$"movie {movieId} is not in the deck of room {canonical}: vote on the cards of GET /rooms/{canonical}/deck"] },
                title: "The vote is not valid");
        }
        if (result.Refusal != RoomRefusal.None)
        {
            return Refused(result.Refusal, canonical, null);
        }
        await events.PublishAsync(new RoomEventResponse(canonical, "voted", result.Member!.MemberNo, movieId));
        var match = result.NewMatch is { } made ? ToMatch(made, host) : null;
        if (match is not null)
        {
            await events.PublishAsync(new RoomEventResponse(canonical, "matched", null, movieId, match));
        }
        return TypedResults.Created($"/rooms/{canonical}/votes", new RoomVoteResponse(movieId, request.Vote!, match));
    }

    public static async Task<Results<Ok<IReadOnlyList<RoomMatchResponse>>, ProblemHttpResult>> ListMatches(
        string code, ClaimsPrincipal caller, RoomStore store, RecommenderHost host, CancellationToken cancellationToken)
    {
        var (room, _, problem) = await MemberViewAsync(code, caller, store, cancellationToken);
        return problem ?? (Results<Ok<IReadOnlyList<RoomMatchResponse>>, ProblemHttpResult>)TypedResults.Ok(
            (IReadOnlyList<RoomMatchResponse>)room!.Matches.Select(m => ToMatch(m, host)).ToList());
    }

    public static async Task<Results<Ok<RoomResponse>, ValidationProblem, ProblemHttpResult>> Choose(
        string code, RoomChoiceRequest request, ClaimsPrincipal caller, RoomStore store, RecommenderHost host, RoomPresence presence,
        RoomEvents events, CancellationToken cancellationToken)
    {
        var movieId = request.MovieId!.Value;
        var userId = caller.UserId()!;
        if (RoomStore.NormalizeCode(code) is not { } canonical)
        {
            return NotFound(code);
        }
        var refusal = await store.ChooseAsync(canonical, userId, movieId, cancellationToken);
        if (refusal == RoomRefusal.NotMatched)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["movie_id"] = [$"movie {movieId} is not one of the matches of room {canonical}"] },
                title: "The choice is not valid");
        }
        if (refusal != RoomRefusal.None)
        {
            return Refused(refusal, canonical, null);
        }
        await events.PublishAsync(new RoomEventResponse(canonical, "closed", null, movieId));
        var room = (await store.GetAsync(canonical, cancellationToken))!;
        return TypedResults.Ok(ToResponse(room, room.MemberOf(userId)!, host, presence));
    }

    public static async Task<Results<Ok<RoomResponse>, ProblemHttpResult>> CloseRoom(
        string code, ClaimsPrincipal caller, RoomStore store, RecommenderHost host, RoomPresence presence, RoomEvents events,
        CancellationToken cancellationToken)
    {
        var userId = caller.UserId()!;
        if (RoomStore.NormalizeCode(code) is not { } canonical)
        {
            return NotFound(code);
        }
        var refusal = await store.CloseAsync(canonical, userId, cancellationToken);
        if (refusal != RoomRefusal.None)
        {
            return Refused(refusal, canonical, null);
        }
        await events.PublishAsync(new RoomEventResponse(canonical, "closed"));
        var room = (await store.GetAsync(canonical, cancellationToken))!;
        return TypedResults.Ok(ToResponse(room, room.MemberOf(userId)!, host, presence));
    }

    /// <summary>A room as one of its members may see it (members who left may still read it); otherwise the problem why not.</summary>
    private static async Task<(RoomSnapshot? Room, RoomMember? Member, ProblemHttpResult? Problem)> MemberViewAsync(
        string code, ClaimsPrincipal caller, RoomStore store, CancellationToken cancellationToken)
    {
        var userId = caller.UserId()!;
        if (RoomStore.NormalizeCode(code) is not { } canonical || await store.GetAsync(canonical, cancellationToken) is not { } room)
        {
            return (null, null, NotFound(code));
        }
        return room.MemberOf(userId) is { } member ? (room, member, null) : (null, null, Refused(RoomRefusal.NotMember, canonical, null));
    }

    private static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Room not found",
            detail: $"No room with code '{(code.Length > 40 ? code[..40] + "…" : code)}': check the code (8 letters and digits) with whoever shared it.");

    private static ProblemHttpResult Refused(RoomRefusal refusal, string code, RoomOptions? options) => refusal switch
    {
        RoomRefusal.NotFound => NotFound(code),
        RoomRefusal.Closed => TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Room closed",
            detail: $"Room {code} is closed: it no longer takes members or votes (GET /rooms/{code} still shows how it ended)."),
        RoomRefusal.NotMember => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not a member",
            detail: $"You are not a member of room {code}: join it first with POST /rooms/{code}/members."),
        RoomRefusal.Full => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Room full",
            detail: $"Room {code} already has {options?.MaxMembers} members, the most a room takes."),
        RoomRefusal.NotHost => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the host",
            detail: $"Only the host of room {code} can close it without a choice."),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };

    private static RoomMatchResponse ToMatch(RoomMatch match, RecommenderHost host) =>
        new(match.MovieId, match.Likes, match.MatchedAt, host.State.Catalog.Find(match.MovieId) is { } movie ? MovieMapper.ToResponse(movie) : null);

    private static RoomResponse ToResponse(RoomSnapshot room, RoomMember you, RecommenderHost host, RoomPresence presence)
    {
        var online = presence.Online(room.Room.Code);
        var votes = room.Votes.GroupBy(v => v.MemberNo).ToDictionary(g => g.Key, g => g.Count());
        var settings = room.Room.Settings;
        return new RoomResponse
        {
            Code = room.Room.Code,
            JoinPath = $"/together/{room.Room.Code}",
            Status = room.Room.Status,
            MatchRule = room.Room.MatchRule,
            Query = room.Room.Query,
            Moods = settings.Moods,
            Genres = settings.Genres,
            ExcludeGenres = settings.ExcludeGenres,
            MinRating = settings.MinRating,
            YearFrom = settings.YearFrom,
            YearTo = settings.YearTo,
            MaxRuntime = settings.MaxRuntime,
            You = you.MemberNo,
            Members = room.Members.Select(m => new RoomMemberResponse(m.MemberNo, m.DisplayName, m.UserId == room.Room.HostUserId, m.Present,
                online.Contains(m.MemberNo), votes.GetValueOrDefault(m.MemberNo))).ToList(),
            Matches = room.Matches.Select(m => ToMatch(m, host)).ToList(),
            DeckSize = room.Deck.Count,
            Chosen = room.Room.ChosenMovieId is { } chosen && host.State.Catalog.Find(chosen) is { } movie ? MovieMapper.ToResponse(movie) : null,
            CreatedAt = room.Room.CreatedAt,
            ClosedAt = room.Room.ClosedAt,
        };
    }
}
