using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;

namespace Marquee.Storage;

/// <summary>What a room's deck is planned from besides its members: the wish's chips and filters.</summary>
public sealed record RoomSettings
{
    public IReadOnlyList<string> Moods { get; init; } = [];
    public IReadOnlyList<string> Genres { get; init; } = [];
    public IReadOnlyList<string> ExcludeGenres { get; init; } = [];
    public double? MinRating { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public int? MaxRuntime { get; init; }
}

public static class MatchRules
{
    public const string All = "all";
    public const string Majority = "majority";
    public static readonly IReadOnlyList<string> Known = [All, Majority];

    /// <summary>Whether <paramref name="likes"/> of <paramref name="present"/> members make a match; a room needs two people.</summary>
    public static bool IsMatch(string rule, int likes, int present) =>
        present >= 2 && (rule == Majority ? likes * 2 > present : likes >= present);
}

public static class RoomStatus
{
    public const string Open = "open";
    public const string Closed = "closed";
}

public sealed record Room(long Id, string Code, string HostUserId, string? Query, RoomSettings Settings, string MatchRule,
    string Status, int? ChosenMovieId, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt)
{
    public bool IsOpen => Status == RoomStatus.Open;
}

public sealed record RoomMember(int MemberNo, string UserId, string DisplayName, DateTimeOffset JoinedAt, bool Present);

public sealed record RoomMatch(int MovieId, int Likes, DateTimeOffset MatchedAt);

public sealed record RoomVote(int MemberNo, int MovieId, string Vote);

/// <summary>A dealt film and why the room got it ("Fits all 3 of you").</summary>
public sealed record RoomCard(int Position, int MovieId, IReadOnlyList<string> Reasons);

/// <summary>Everything a member's screen shows, read in one go.</summary>
public sealed record RoomSnapshot(Room Room, IReadOnlyList<RoomMember> Members, IReadOnlyList<RoomCard> Deck,
    IReadOnlyList<RoomVote> Votes, IReadOnlyList<RoomMatch> Matches)
{
    public RoomMember? MemberOf(string userId) => Members.FirstOrDefault(m => m.UserId == userId);
}

/// <summary>Why a room operation did not happen (<see cref="None"/> when it did).</summary>
public enum RoomRefusal
{
    None,
    NotFound,
    Closed,
    NotMember,
    Full,
    NotInDeck,
    NotHost,
    NotMatched,
}

public sealed record JoinResult(RoomRefusal Refusal, RoomMember? Member = null, bool Created = false);

public sealed record VoteResult(RoomRefusal Refusal, RoomMember? Member = null, RoomMatch? NewMatch = null);

public sealed record LeaveResult(RoomRefusal Refusal, IReadOnlyList<RoomMatch>? NewMatches = null);

/// <summary>
/// Watch-together rooms, their members, shared deck, votes and matches. Every change to a room runs in one
/// transaction that first locks the room (PostgreSQL <c>FOR UPDATE</c>; SQLite's write transactions are
/// serial anyway), so concurrent votes cannot both miss the match they make together.
/// </summary>
public sealed class RoomStore(Database database, TimeProvider clock)
{
    // Changes to one room queue here before they take a connection: a burst of votes in one room then holds one
    // pooled connection instead of a hundred waiting on the same row lock (PostgreSQL ran out of clients without it).
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _roomGates = new(StringComparer.Ordinal);

    /// <summary>Crockford-like alphabet: no 0/O, 1/I, so a code read aloud is typed right.</summary>
    public const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /// <summary>8 symbols of 32: 2^40 codes, so guessing one (rate-limited) is hopeless.</summary>
    public const int CodeLength = 8;

    public static string NewCode() => new(RandomNumberGenerator.GetItems<char>(CodeAlphabet, CodeLength));

    /// <summary>The canonical form of a typed code ("k7qm-3xpd" → "K7QM3XPD"), or null when it cannot be one.</summary>
    public static string? NormalizeCode(string? typed)
    {
        if (typed is null || typed.Length > 32)
        {
            return null;
        }
        var code = new string(typed.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
        return code.Length == CodeLength && code.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    public async Task<RoomSnapshot> CreateAsync(string hostUserId, string displayName, string? query, RoomSettings settings, string matchRule,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        for (var attempt = 0; ; attempt++)
        {
            var code = NewCode();
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM rooms WHERE code = @code", new { code }, transaction, cancellationToken: cancellationToken)) > 0)
            {
                continue; // one chance in 10^12 per room that exists: draw again
            }
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO rooms (code, host_user_id, query, settings_json, match_rule, status, created_at_ms) " +
                "VALUES (@code, @hostUserId, @query, @settings, @matchRule, @status, @now) RETURNING id",
                new { code, hostUserId, query, settings = JsonSerializer.Serialize(settings), matchRule, status = RoomStatus.Open, now },
                transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO room_members (room_id, member_no, user_id, display_name, joined_at_ms) VALUES (@id, 1, @hostUserId, @displayName, @now)",
                new { id, hostUserId, displayName, now }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return (await GetAsync(code, cancellationToken))!;
        }
    }

    public async Task<RoomSnapshot?> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var room = await FindRoomAsync(connection, null, code, false, cancellationToken);
        if (room is null)
        {
            return null;
        }
        var members = await MembersAsync(connection, null, room.Id, cancellationToken);
        var deck = (await connection.QueryAsync<(long Position, long MovieId, string? ReasonsJson)>(new CommandDefinition(
                "SELECT position, movie_id, reasons_json FROM room_cards WHERE room_id = @id ORDER BY position", new { id = room.Id },
                cancellationToken: cancellationToken)))
            .Select(c => new RoomCard((int)c.Position, (int)c.MovieId,
                c.ReasonsJson is null ? [] : JsonSerializer.Deserialize<List<string>>(c.ReasonsJson) ?? []))
            .ToList();
        var votes = (await connection.QueryAsync<(long MemberNo, long MovieId, string Vote)>(new CommandDefinition(
                "SELECT member_no, movie_id, vote FROM room_votes WHERE room_id = @id ORDER BY voted_at_ms, member_no", new { id = room.Id },
                cancellationToken: cancellationToken)))
            .Select(v => new RoomVote((int)v.MemberNo, (int)v.MovieId, v.Vote)).ToList();
        var matches = await MatchesAsync(connection, null, room.Id, cancellationToken);
        return new RoomSnapshot(room, members, deck, votes, matches);
    }

    public async Task<JoinResult> JoinAsync(string code, string userId, string displayName, int maxMembers, CancellationToken cancellationToken = default) =>
        await InRoomAsync(code, async (connection, transaction, room) =>
        {
            if (!room.IsOpen)
            {
                return new JoinResult(RoomRefusal.Closed);
            }
            var members = await MembersAsync(connection, transaction, room.Id, cancellationToken);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            if (members.FirstOrDefault(m => m.UserId == userId) is { } existing)
            {
                // Joining again (a second tab, or after leaving) takes the new name and counts as present again.
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE room_members SET display_name = @displayName, left_at_ms = NULL WHERE room_id = @id AND member_no = @no",
                    new { displayName, id = room.Id, no = existing.MemberNo }, transaction, cancellationToken: cancellationToken));
                return new JoinResult(RoomRefusal.None, existing with { DisplayName = displayName, Present = true });
            }
            if (members.Count >= maxMembers)
            {
                return new JoinResult(RoomRefusal.Full);
            }
            var memberNo = members.Count == 0 ? 1 : members.Max(m => m.MemberNo) + 1;
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO room_members (room_id, member_no, user_id, display_name, joined_at_ms) VALUES (@id, @memberNo, @userId, @displayName, @now)",
                new { id = room.Id, memberNo, userId, displayName, now }, transaction, cancellationToken: cancellationToken));
            return new JoinResult(RoomRefusal.None, new RoomMember(memberNo, userId, displayName, DateTimeOffset.FromUnixTimeMilliseconds(now), true), true);
        }, new JoinResult(RoomRefusal.NotFound), cancellationToken);

    /// <summary>A member leaves: the rest may now agree on films the leaver held back, so matches are recounted.</summary>
    public async Task<LeaveResult> LeaveAsync(string code, string userId, CancellationToken cancellationToken = default) =>
        await InRoomAsync(code, async (connection, transaction, room) =>
        {
            var members = await MembersAsync(connection, transaction, room.Id, cancellationToken);
            if (members.FirstOrDefault(m => m.UserId == userId && m.Present) is not { } member)
            {
                return new LeaveResult(RoomRefusal.NotMember);
            }
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE room_members SET left_at_ms = @now WHERE room_id = @id AND member_no = @no",
                new { now = clock.GetUtcNow().ToUnixTimeMilliseconds(), id = room.Id, no = member.MemberNo }, transaction, cancellationToken: cancellationToken));
            if (!room.IsOpen)
            {
                return new LeaveResult(RoomRefusal.None, []);
            }
            var voted = await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT DISTINCT movie_id FROM room_votes WHERE room_id = @id", new { id = room.Id }, transaction, cancellationToken: cancellationToken));
            var matches = new List<RoomMatch>();
            foreach (var movieId in voted)
            {
                if (await MatchIfAgreedAsync(connection, transaction, room, (int)movieId, cancellationToken) is { } match)
                {
                    matches.Add(match);
                }
            }
            return new LeaveResult(RoomRefusal.None, matches);
        }, new LeaveResult(RoomRefusal.NotFound), cancellationToken);

    /// <summary>Stores (or changes) a member's vote on a dealt card and, in the same transaction, records the match it completes.</summary>
    public async Task<VoteResult> VoteAsync(string code, string userId, int movieId, string vote, CancellationToken cancellationToken = default) =>
        await InRoomAsync(code, async (connection, transaction, room) =>
        {
            if (!room.IsOpen)
            {
                return new VoteResult(RoomRefusal.Closed);
            }
            var member = await PresentMemberAsync(connection, transaction, room.Id, userId, cancellationToken);
            if (member is null)
            {
                return new VoteResult(RoomRefusal.NotMember);
            }
            var dealt = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM room_cards WHERE room_id = @id AND movie_id = @movieId", new { id = room.Id, movieId },
                transaction, cancellationToken: cancellationToken));
            if (dealt == 0)
            {
                return new VoteResult(RoomRefusal.NotInDeck, member);
            }
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO room_votes (room_id, member_no, movie_id, vote, voted_at_ms) VALUES (@id, @no, @movieId, @vote, @now) " +
                "ON CONFLICT (room_id, member_no, movie_id) DO UPDATE SET vote = excluded.vote, voted_at_ms = excluded.voted_at_ms",
                new { id = room.Id, no = member.MemberNo, movieId, vote, now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
                transaction, cancellationToken: cancellationToken));
            var match = await MatchIfAgreedAsync(connection, transaction, room, movieId, cancellationToken);
            return new VoteResult(RoomRefusal.None, member, match);
        }, new VoteResult(RoomRefusal.NotFound), cancellationToken);

    /// <summary>Appends films to the shared deck in order; films already dealt are skipped. Returns those added.</summary>
    public async Task<IReadOnlyList<int>> DealAsync(string code, IReadOnlyList<(int MovieId, IReadOnlyList<string> Reasons)> cards,
        CancellationToken cancellationToken = default) =>
        await InRoomAsync(code, async (connection, transaction, room) =>
        {
            var next = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT MAX(position) FROM room_cards WHERE room_id = @id", new { id = room.Id }, transaction, cancellationToken: cancellationToken)) ?? 0;
            var added = new List<int>();
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var (movieId, reasons) in cards)
            {
                var inserted = await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO room_cards (room_id, position, movie_id, reasons_json, added_at_ms) VALUES (@id, @position, @movieId, @reasons, @now) " +
                    "ON CONFLICT (room_id, movie_id) DO NOTHING",
                    new { id = room.Id, position = next + 1, movieId, reasons = JsonSerializer.Serialize(reasons), now }, transaction, cancellationToken: cancellationToken));
                if (inserted > 0)
                {
                    next++;
                    added.Add(movieId);
                }
            }
            return (IReadOnlyList<int>)added;
        }, [], cancellationToken);

    /// <summary>"We're watching this": a member picks one of the matches and the room closes with it.</summary>
    public async Task<RoomRefusal> ChooseAsync(string code, string userId, int movieId, CancellationToken cancellationToken = default) =>
        await InRoomAsync(code, async (connection, transaction, room) =>
        {
            if (!room.IsOpen)
            {
                return RoomRefusal.Closed;
            }
            if (await PresentMemberAsync(connection, transaction, room.Id, userId, cancellationToken) is null)
            {
                return RoomRefusal.NotMember;
            }
            var matched = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM room_matches WHERE room_id = @id AND movie_id = @movieId", new { id = room.Id, movieId },
                transaction, cancellationToken: cancellationToken));
            if (matched == 0)
            {
                return RoomRefusal.NotMatched;
            }
            await CloseRoomAsync(connection, transaction, room.Id, movieId, cancellationToken);
            return RoomRefusal.None;
        }, RoomRefusal.NotFound, cancellationToken);

    /// <summary>The host ends the room without a choice.</summary>
    public async Task<RoomRefusal> CloseAsync(string code, string userId, CancellationToken cancellationToken = default) =>
        await InRoomAsync(code, async (connection, transaction, room) =>
        {
            if (room.HostUserId != userId)
            {
                return await PresentMemberAsync(connection, transaction, room.Id, userId, cancellationToken) is null ? RoomRefusal.NotMember : RoomRefusal.NotHost;
            }
            if (!room.IsOpen)
            {
                return RoomRefusal.Closed;
            }
            await CloseRoomAsync(connection, transaction, room.Id, null, cancellationToken);
            return RoomRefusal.None;
        }, RoomRefusal.NotFound, cancellationToken);

    private async Task CloseRoomAsync(DbConnection connection, DbTransaction transaction, long roomId, int? movieId, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE rooms SET status = @closed, chosen_movie_id = @movieId, closed_at_ms = @now WHERE id = @roomId",
            new { closed = RoomStatus.Closed, movieId, now = clock.GetUtcNow().ToUnixTimeMilliseconds(), roomId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Counts the present members' likes of one film and records the match when the room's rule is met (once).</summary>
    private async Task<RoomMatch?> MatchIfAgreedAsync(DbConnection connection, DbTransaction transaction, Room room, int movieId, CancellationToken cancellationToken)
    {
        var (likes, present) = await connection.QuerySingleAsync<(long Likes, long Present)>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM room_votes v JOIN room_members m ON m.room_id = v.room_id AND m.member_no = v.member_no " +
            "        WHERE v.room_id = @id AND v.movie_id = @movieId AND v.vote = 'like' AND m.left_at_ms IS NULL), " +
            "       (SELECT COUNT(*) FROM room_members WHERE room_id = @id AND left_at_ms IS NULL)",
            new { id = room.Id, movieId }, transaction, cancellationToken: cancellationToken));
        if (!MatchRules.IsMatch(room.MatchRule, (int)likes, (int)present))
        {
            return null;
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO room_matches (room_id, movie_id, likes, matched_at_ms) VALUES (@id, @movieId, @likes, @now) ON CONFLICT (room_id, movie_id) DO NOTHING",
            new { id = room.Id, movieId, likes, now }, transaction, cancellationToken: cancellationToken));
        return inserted > 0 ? new RoomMatch(movieId, (int)likes, DateTimeOffset.FromUnixTimeMilliseconds(now)) : null;
    }

    private async Task<T> InRoomAsync<T>(string code, Func<DbConnection, DbTransaction, Room, Task<T>> work, T notFound, CancellationToken cancellationToken)
    {
        var gate = _roomGates.GetOrAdd(code, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var room = await FindRoomAsync(connection, transaction, code, true, cancellationToken);
            if (room is null)
            {
                return notFound;
            }
            var result = await work(connection, transaction, room);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Room?> FindRoomAsync(DbConnection connection, DbTransaction? transaction, string code, bool forUpdate, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RoomRow>(new CommandDefinition(
            "SELECT id AS Id, code AS Code, host_user_id AS HostUserId, query AS Query, settings_json AS SettingsJson, match_rule AS MatchRule, " +
            "status AS Status, chosen_movie_id AS ChosenMovieId, created_at_ms AS CreatedAtMs, closed_at_ms AS ClosedAtMs FROM rooms WHERE code = @code" +
            (forUpdate && database.Provider == DatabaseProvider.PostgreSql ? " FOR UPDATE" : ""),
            new { code }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : new Room(row.Id, row.Code, row.HostUserId, row.Query,
            JsonSerializer.Deserialize<RoomSettings>(row.SettingsJson) ?? new RoomSettings(), row.MatchRule, row.Status,
            row.ChosenMovieId is { } chosen ? (int)chosen : null, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs),
            row.ClosedAtMs is { } closed ? DateTimeOffset.FromUnixTimeMilliseconds(closed) : null);
    }

    private static async Task<List<RoomMember>> MembersAsync(DbConnection connection, DbTransaction? transaction, long roomId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(long MemberNo, string UserId, string DisplayName, long JoinedAtMs, long? LeftAtMs)>(new CommandDefinition(
            "SELECT member_no, user_id, display_name, joined_at_ms, left_at_ms FROM room_members WHERE room_id = @roomId ORDER BY member_no",
            new { roomId }, transaction, cancellationToken: cancellationToken)))
        .Select(m => new RoomMember((int)m.MemberNo, m.UserId, m.DisplayName, DateTimeOffset.FromUnixTimeMilliseconds(m.JoinedAtMs), m.LeftAtMs is null))
        .ToList();

    private static async Task<RoomMember?> PresentMemberAsync(DbConnection connection, DbTransaction transaction, long roomId, string userId, CancellationToken cancellationToken) =>
        (await MembersAsync(connection, transaction, roomId, cancellationToken)).FirstOrDefault(m => m.UserId == userId && m.Present);

    private static async Task<List<RoomMatch>> MatchesAsync(DbConnection connection, DbTransaction? transaction, long roomId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(long MovieId, long Likes, long MatchedAtMs)>(new CommandDefinition(
            "SELECT m.movie_id, (SELECT COUNT(*) FROM room_votes v WHERE v.room_id = m.room_id AND v.movie_id = m.movie_id AND v.vote = 'like'), " +
            "m.matched_at_ms FROM room_matches m WHERE m.room_id = @roomId ORDER BY m.matched_at_ms, m.movie_id",
            new { roomId }, transaction, cancellationToken: cancellationToken)))
        .Select(m => new RoomMatch((int)m.MovieId, (int)m.Likes, DateTimeOffset.FromUnixTimeMilliseconds(m.MatchedAtMs)))
        .ToList();

    private sealed class RoomRow
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string HostUserId { get; init; } = "";
        public string? Query { get; init; }
        public string SettingsJson { get; init; } = "{}";
        public string MatchRule { get; init; } = MatchRules.All;
        public string Status { get; init; } = RoomStatus.Open;
        public long? ChosenMovieId { get; init; }
        public long CreatedAtMs { get; init; }
        public long? ClosedAtMs { get; init; }
    }
}
