using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Tests.Support;

namespace Marquee.Server.Tests.Rooms;

/// <summary>
/// Twenty members vote on the same ten cards at once: no vote may be lost and the room must hold exactly the
/// matches the votes imply, each announced once. Run against a real SQLite file and a real PostgreSQL.
/// </summary>
public abstract class RoomConcurrencyTests<TFactory>(TFactory factory) where TFactory : RoomsFactory
{
    private const int Members = 20;
    private const int Cards = 10;

    [Theory]
    [InlineData("all")]
    [InlineData("majority")]
    public async Task TwentyMembersVotingAtOnce_LoseNoVote_AndMatchExactlyWhatTheVotesImply(string rule)
    {
        var (host, code) = await factory.CreateRoomAsync(new { display_name = "Host", match_rule = rule });
        var clients = new List<HttpClient> { host };
        clients.AddRange(await Task.WhenAll(Enumerable.Range(2, Members - 1).Select(n => factory.JoinAsync(code, $"Friend {n}"))));
        var deck = await host.GetFromJsonAsync<JsonElement>($"/rooms/{code}/deck?count={Cards}", MarqueeFactory.Json);
        var cards = deck.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("movie").GetProperty("movie_id").GetInt32()).ToArray();
        Assert.Equal(Cards, cards.Length);

        // Who likes what: card 0 and 5 everyone, card 1 all but one, the rest a fixed scatter of likes.
        static bool Likes(int member, int card) => card switch
        {
            0 or 5 => true,
            1 => member != 7,
            2 => member % 2 == 0,
            3 => member < 11,
            _ => (member * 7 + card * 3) % 5 != 0,
        };
        var votes = (from member in Enumerable.Range(0, Members) from card in Enumerable.Range(0, Cards) select (member, card))
            .OrderBy(v => (v.member * 31 + v.card * 17) % 97).ToList();
        var responses = await Task.WhenAll(votes.Select(async v =>
        {
            var response = await clients[v.member].PostAsJsonAsync($"/rooms/{code}/votes",
                new { movie_id = cards[v.card], vote = Likes(v.member, v.card) ? "like" : "dislike" }, MarqueeFactory.Json);
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>(MarqueeFactory.Json));
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var likes = Enumerable.Range(0, Cards).Select(card => Enumerable.Range(0, Members).Count(m => Likes(m, card))).ToArray();
        var expected = Enumerable.Range(0, Cards).Where(card => rule == "all" ? likes[card] == Members : likes[card] * 2 > Members)
            .Select(card => cards[card]).Order().ToArray();
        var announced = responses.Where(r => r.Body.GetProperty("match").ValueKind == JsonValueKind.Object)
            .Select(r => r.Body.GetProperty("match").GetProperty("movie_id").GetInt32()).Order().ToArray();
        Assert.Equal(expected, announced);

        var room = await clients[3].GetFromJsonAsync<JsonElement>($"/rooms/{code}", MarqueeFactory.Json);
        var members = room.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(Members, members.Count);
        Assert.All(members, m => Assert.Equal(Cards, m.GetProperty("votes").GetInt32()));
        var matches = room.GetProperty("matches").EnumerateArray().ToList();
        Assert.Equal(expected, matches.Select(m => m.GetProperty("movie_id").GetInt32()).Order().ToArray());
        foreach (var match in matches)
        {
            var card = Array.IndexOf(cards, match.GetProperty("movie_id").GetInt32());
            Assert.Equal(likes[card], match.GetProperty("likes").GetInt32());
        }
        // Every member has voted on every dealt card, so each one's next cards are new ones.
        var next = await clients[5].GetFromJsonAsync<JsonElement>($"/rooms/{code}/deck?count=3", MarqueeFactory.Json);
        Assert.DoesNotContain(next.GetProperty("cards").EnumerateArray(), c => cards.Contains(c.GetProperty("movie").GetProperty("movie_id").GetInt32()));
    }
}

public sealed class SqliteRoomConcurrencyTests(RoomsFactory factory) : RoomConcurrencyTests<RoomsFactory>(factory), IClassFixture<RoomsFactory>;

public sealed class PostgresRoomConcurrencyTests(PostgresRoomsFactory factory)
    : RoomConcurrencyTests<PostgresRoomsFactory>(factory), IClassFixture<PostgresRoomsFactory>;
