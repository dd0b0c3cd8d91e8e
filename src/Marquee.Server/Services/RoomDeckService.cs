using System.Collections.Concurrent;
using Marquee.Core.Catalog;
using Marquee.Core.Groups;
using Marquee.Core.Intent;
using Marquee.Core.Ranking;
using Marquee.Server.Contracts;
using Marquee.Storage;
using Microsoft.Extensions.Options;

namespace Marquee.Server.Services;

/// <summary>
/// Deals a room's next cards: gathers the present members' tastes (their own feedback and their votes in the
/// room) and what any of them has seen or disliked, reads the room's wish, and asks Core's
/// <see cref="GroupRecommender"/> once for the films that suit the group.
/// </summary>
public sealed class RoomDeckService(RecommenderHost host, FeedbackStore feedback, RoomStore rooms, PageRecommender pages,
    IOptions<RoomOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _dealing = new(StringComparer.Ordinal);

    public static IReadOnlyList<RoomCard> Unvoted(RoomSnapshot room, int memberNo)
    {
        var voted = room.Votes.Where(v => v.MemberNo == memberNo).Select(v => v.MovieId).ToHashSet();
        return room.Deck.Where(c => !voted.Contains(c.MovieId)).ToList();
    }

    /// <summary>
    /// Makes sure the member has <paramref name="wanted"/> cards to vote on, dealing more for the whole room when
    /// not. Returns the room as it stands afterwards and whether the room has run out of films.
    /// </summary>
    public async Task<(RoomSnapshot Room, bool Dealt, bool Exhausted)> EnsureCardsAsync(RoomSnapshot room, int memberNo, int wanted,
        CancellationToken cancellationToken)
    {
        if (!room.Room.IsOpen || Unvoted(room, memberNo).Count >= wanted)
        {
            return (room, false, false);
        }
        // One dealer per room in this instance; the deck's unique (room, film) keeps other instances honest.
        var gate = _dealing.GetOrAdd(room.Room.Code, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            room = await rooms.GetAsync(room.Room.Code, cancellationToken) ?? room;
            if (Unvoted(room, memberNo).Count >= wanted)
            {
                return (room, false, false);
            }
            if (room.Deck.Count >= options.Value.MaxDeck)
            {
                return (room, false, true);
            }
            var picks = await PlanAsync(room, Math.Min(options.Value.DealSize, options.Value.MaxDeck - room.Deck.Count), cancellationToken);
            if (picks.Count == 0)
            {
                return (room, false, true);
            }
            await rooms.DealAsync(room.Room.Code, picks.Select(p => (p.Movie.MovieId, p.Reasons)).ToList(), cancellationToken);
            return ((await rooms.GetAsync(room.Room.Code, cancellationToken))!, true, false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyList<RecommendedMovie>> PlanAsync(RoomSnapshot room, int count, CancellationToken cancellationToken)
    {
        var snapshot = host.State.Snapshot;
        var excluded = room.Deck.Select(c => c.MovieId).ToHashSet();
        var members = new List<GroupMember>();
        foreach (var member in room.Members.Where(m => m.Present))
        {
            var taste = new Dictionary<int, float>();
            foreach (var (movieId, action) in await feedback.LatestActionsAsync(member.UserId, cancellationToken))
            {
                if (action is FeedbackActions.Seen or FeedbackActions.Dislike)
                {
                    excluded.Add(movieId);
                }
                if (FeedbackActions.TasteWeight(action) is var weight && weight != 0)
                {
                    taste[movieId] = weight;
                }
            }
            foreach (var vote in room.Votes.Where(v => v.MemberNo == member.MemberNo))
            {
                taste[vote.MovieId] = FeedbackActions.TasteWeight(vote.Vote == RoomVotes.Like ? FeedbackActions.Like : FeedbackActions.Dislike);
            }
            var history = taste.Select(kv => (kv.Key, kv.Value)).ToList();
            members.Add(new GroupMember(history, PageRecommender.AsStars(history)));
        }

        var settings = room.Room.Settings;
        var wish = await pages.ReadAsync(snapshot, new Wish
        {
            Text = room.Room.Query,
            Moods = settings.Moods,
            Genres = settings.Genres,
            ExcludeGenres = settings.ExcludeGenres,
            YearFrom = settings.YearFrom,
            YearTo = settings.YearTo,
            MaxRuntime = settings.MaxRuntime,
            MinRating = settings.MinRating,
        }, excluded, cancellationToken);
        var result = GroupRecommender.Recommend(snapshot, new GroupRecommendationRequest
        {
            Intent = wish.Intent,
            Filters = wish.Filters,
            K = count,
            Members = members,
            QueryEmbedding = wish.QueryEmbedding,
        });
        return result.Items;
    }
}

public static class RoomVotes
{
    public const string Like = "like";
    public const string Dislike = "dislike";
    public static readonly IReadOnlyList<string> All = [Like, Dislike];
}
