using System.ComponentModel.DataAnnotations;
using Marquee.Server.Services;
using Marquee.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Marquee.Server.Contracts;

/// <summary>Body of <c>POST /rooms</c>: who hosts, and the room's wish and filters (all optional but the name).</summary>
/// <remarks>The wish (<c>query</c>, moods, filters) reads as the same fields of <c>POST /recommend</c>.</remarks>
public sealed record CreateRoomRequest : WishRequest
{
    /// <summary>The host's name as the others see it, 1–40 characters.</summary>
    [Required(ErrorMessage = RoomDisplayNameAttribute.Missing), RoomDisplayName]
    public string? DisplayName { get; init; }
    /// <summary><c>all</c> (default: every present member likes the film) or <c>majority</c> (more than half do).</summary>
    [OneOf(MatchRules.All, MatchRules.Majority)]
    public string? MatchRule { get; init; }
}

/// <summary>Body of <c>POST /rooms/{code}/members</c>.</summary>
public sealed record JoinRoomRequest
{
    /// <summary>1–40 characters.</summary>
    [Required(ErrorMessage = RoomDisplayNameAttribute.Missing), RoomDisplayName]
    public string? DisplayName { get; init; }
}

/// <summary>Body of <c>POST /rooms/{code}/votes</c>.</summary>
public sealed record RoomVoteRequest
{
    /// <summary>A film dealt in this room's deck.</summary>
    [Required(ErrorMessage = "is required")]
    public int? MovieId { get; init; }
    /// <summary><c>like</c> or <c>dislike</c>; voting again on the same film changes the vote.</summary>
    [Required(ErrorMessage = "is required"), OneOf(RoomVotes.Like, RoomVotes.Dislike)]
    public string? Vote { get; init; }
}

/// <summary>Body of <c>POST /rooms/{code}/choice</c>: "we're watching this".</summary>
public sealed record RoomChoiceRequest
{
    /// <summary>One of the room's matches.</summary>
    [Required(ErrorMessage = "is required")]
    public int? MovieId { get; init; }
}

/// <param name="MemberId">The member's number in this room (1 = the host); stable for the room's life.</param>
/// <param name="Present">False once the member left: their votes no longer count toward matches.</param>
/// <param name="Online">A screen of this member is connected to the live feed right now.</param>
/// <param name="Votes">How many films this member has voted on.</param>
public sealed record RoomMemberResponse(int MemberId, string DisplayName, bool IsHost, bool Present, bool Online, int Votes);

public sealed record RoomMatchResponse(int MovieId, int Likes, DateTimeOffset MatchedAt, MovieResponse? Movie);

public sealed record RoomResponse
{
    /// <summary>8 characters from 23456789ABCDEFGHJKLMNPQRSTUVWXYZ; typed codes may be lower case and carry a dash.</summary>
    public required string Code { get; init; }
    /// <summary>The UI page that joins this room, relative to the server ("/together/K7QM3XPD").</summary>
    public required string JoinPath { get; init; }
    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public required string Status { get; init; }
    public required string MatchRule { get; init; }
    public string? Query { get; init; }
    public required IReadOnlyList<string> Moods { get; init; }
    public required IReadOnlyList<string> Genres { get; init; }
    public required IReadOnlyList<string> ExcludeGenres { get; init; }
    public double? MinRating { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public int? MaxRuntime { get; init; }
    /// <summary>The caller's member id.</summary>
    public required int You { get; init; }
    public required IReadOnlyList<RoomMemberResponse> Members { get; init; }
    /// <summary>Films the room agreed on, oldest first.</summary>
    public required IReadOnlyList<RoomMatchResponse> Matches { get; init; }
    /// <summary>Films dealt so far.</summary>
    public required int DeckSize { get; init; }
    /// <summary>The film the room ended with ("we're watching this"); null while open or when the host closed it without one.</summary>
    public MovieResponse? Chosen { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
}

/// <summary>Query of <c>GET /rooms/{code}/deck</c>.</summary>
public sealed class RoomDeckQuery
{
    /// <summary>Cards to show, 1–50 (default 5).</summary>
    [FromQuery(Name = "count"), Range(1, 50, ErrorMessage = "must be between {1} and {2}")]
    public int? Count { get; init; }
}

/// <param name="Position">The card's place in the room's shared deck (1 = first dealt).</param>
/// <param name="VotedBy">Member ids that voted on this film (how they voted stays secret until a match).</param>
public sealed record RoomCardResponse(int Position, MovieResponse Movie, IReadOnlyList<int> VotedBy);

/// <param name="Cards">The caller's next cards: dealt films the caller has not voted on, in deck order.</param>
/// <param name="Strategy">How the members' tastes were combined for the newest cards.</param>
/// <param name="Exhausted">True when no more films fit the room (its filters, or everything seen).</param>
public sealed record RoomDeckResponse(string Code, IReadOnlyList<RoomCardResponse> Cards, string Strategy, bool Exhausted);

/// <param name="Match">The match this vote completed, if it did.</param>
public sealed record RoomVoteResponse(int MovieId, string Vote, RoomMatchResponse? Match);

/// <summary>What the live feed (<c>/rooms/live</c>, SignalR) sends as <c>changed</c>: clients re-read the room.</summary>
/// <param name="Kind"><c>joined</c>, <c>left</c>, <c>voted</c>, <c>dealt</c>, <c>matched</c> or <c>closed</c>.</param>
public sealed record RoomEventResponse(string Code, string Kind, int? MemberId = null, int? MovieId = null, RoomMatchResponse? Match = null);
