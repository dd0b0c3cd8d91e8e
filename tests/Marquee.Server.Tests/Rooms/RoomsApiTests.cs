using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Marquee.Server.Tests.Rooms;

/// <summary>The room endpoints end to end on the trained server: the happy path, the live feed, and every refusal as a problem detail.</summary>
public sealed class RoomsApiTests(RoomsFactory factory) : IClassFixture<RoomsFactory>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(MarqueeFactory.Json);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    private static async Task<int[]> DeckAsync(HttpClient client, string code, int count = 5)
    {
        var deck = await client.GetFromJsonAsync<JsonElement>($"/rooms/{code}/deck?count={count}", MarqueeFactory.Json);
        return deck.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("movie").GetProperty("movie_id").GetInt32()).ToArray();
    }

    [Fact]
    public async Task CreateJoinVote_ThreePeopleLikeOneFilm_MatchThenChoiceClosesTheRoom()
    {
        var (host, code) = await factory.CreateRoomAsync(new { display_name = "Ana", query = "a feel-good comedy", moods = new[] { "funny" } });
        var ben = await factory.JoinAsync(code.ToLowerInvariant().Insert(4, "-"), "Ben");
        var cy = await factory.JoinAsync(code, "Cy");

        var cards = await DeckAsync(host, code);
        Assert.Equal(cards, await DeckAsync(ben, code));
        var film = cards[0];
        var votes = new List<JsonElement>();
        foreach (var client in new[] { host, ben, cy })
        {
            var response = await client.PostAsJsonAsync($"/rooms/{code}/votes", new { movie_id = film, vote = "like" }, MarqueeFactory.Json);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            votes.Add(await response.Content.ReadFromJsonAsync<JsonElement>(MarqueeFactory.Json));
        }

        Assert.Equal(JsonValueKind.Null, votes[1].GetProperty("match").ValueKind);
        Assert.Equal(film, votes[2].GetProperty("match").GetProperty("movie_id").GetInt32());
        var matches = await ben.GetFromJsonAsync<JsonElement>($"/rooms/{code}/matches", MarqueeFactory.Json);
        Assert.Equal(film, matches[0].GetProperty("movie").GetProperty("movie_id").GetInt32());
        Assert.DoesNotContain(film, await DeckAsync(host, code));

        var chosen = await cy.PostAsJsonAsync($"/rooms/{code}/choice", new { movie_id = film }, MarqueeFactory.Json);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var room = await host.GetFromJsonAsync<JsonElement>($"/rooms/{code}", MarqueeFactory.Json);
        Assert.Equal("closed", room.GetProperty("status").GetString());
        Assert.Equal(film, room.GetProperty("chosen").GetProperty("movie_id").GetInt32());
        Assert.Equal(["Ana", "Ben", "Cy"], room.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("display_name").GetString()));
    }

    [Fact]
    public async Task Deck_LeavesOutFilmsAnyMemberMarkedSeenOrDisliked()
    {
        var (host, code) = await factory.CreateRoomAsync(new { display_name = "Ana", genres = new[] { "Animation" } });
        var (ben, benId) = await factory.CreateSessionClientAsync();
        // Ben has seen or disliked the films the room would otherwise get first.
        var (probe, probeCode) = await factory.CreateRoomAsync(new { display_name = "Probe", genres = new[] { "Animation" } });
        var wouldGet = await DeckAsync(probe, probeCode, 6);
        for (var i = 0; i < wouldGet.Length; i++)
        {
            var feedback = await ben.PostAsJsonAsync("/feedback", new { user_id = benId, movie_id = wouldGet[i], action = i % 2 == 0 ? "seen" : "dislike" }, MarqueeFactory.Json);
            Assert.Equal(HttpStatusCode.Created, feedback.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Created, (await ben.PostAsJsonAsync($"/rooms/{code}/members", new { display_name = "Ben" }, MarqueeFactory.Json)).StatusCode);

        var cards = await DeckAsync(host, code, 10);

        Assert.NotEmpty(cards);
        Assert.Empty(cards.Intersect(wouldGet));
    }

    [Fact]
    public async Task LiveFeed_AnotherMembersVoteAndTheMatch_ReachTheWatchingScreen()
    {
        var (host, code) = await factory.CreateRoomAsync();
        var (ben, _) = await factory.CreateSessionClientAsync();
        await ben.PostAsJsonAsync($"/rooms/{code}/members", new { display_name = "Ben" }, MarqueeFactory.Json);
        var benToken = ben.DefaultRequestHeaders.Authorization!.Parameter!;
        var events = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/rooms/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(benToken);
            })
            .WithAutomaticReconnect()
            .Build();
        connection.On<JsonElement>("changed", change => events.Writer.TryWrite(change));
        await connection.StartAsync();
        Assert.Equal(2, await connection.InvokeAsync<int>("Watch", code.ToLowerInvariant()));

        var film = (await DeckAsync(host, code))[0];
        await host.PostAsJsonAsync($"/rooms/{code}/votes", new { movie_id = film, vote = "like" }, MarqueeFactory.Json);
        await ben.PostAsJsonAsync($"/rooms/{code}/votes", new { movie_id = film, vote = "like" }, MarqueeFactory.Json);

        var kinds = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!kinds.Contains("matched"))
        {
            var change = await events.Reader.ReadAsync(timeout.Token);
            kinds.Add(change.GetProperty("kind").GetString()!);
            if (change.GetProperty("kind").GetString() == "matched")
            {
                Assert.Equal(film, change.GetProperty("match").GetProperty("movie").GetProperty("movie_id").GetInt32());
            }
        }
        Assert.Contains("voted", kinds);
    }

    [Fact]
    public async Task LiveFeed_NonMember_IsRefused()
    {
        var (_, code) = await factory.CreateRoomAsync();
        var (stranger, _) = await factory.CreateSessionClientAsync();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/rooms/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(stranger.DefaultRequestHeaders.Authorization!.Parameter);
            })
            .Build();
        await connection.StartAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<int>("Watch", code));
        Assert.Contains("not a member", refused.Message);
    }

    [Theory]
    [InlineData("ZZZZZZZZ")]
    [InlineData("not-a-code")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    public async Task UnknownCode_Returns404Problem_OnEveryEndpoint(string code)
    {
        var (client, _) = await factory.CreateSessionClientAsync();

        await ProblemAsync(await client.GetAsync($"/rooms/{code}"), HttpStatusCode.NotFound);
        await ProblemAsync(await client.PostAsJsonAsync($"/rooms/{code}/members", new { display_name = "Eve" }, MarqueeFactory.Json), HttpStatusCode.NotFound);
        await ProblemAsync(await client.PostAsJsonAsync($"/rooms/{code}/votes", new { movie_id = 1, vote = "like" }, MarqueeFactory.Json), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync($"/rooms/{code}/deck"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ClosedRoom_RefusesJoinsVotesAndDeck_With410_ButStillReads()
    {
        var (host, code) = await factory.CreateRoomAsync();
        var ben = await factory.JoinAsync(code, "Ben");
        var film = (await DeckAsync(host, code))[0];
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync($"/rooms/{code}/close", null)).StatusCode);
        var (late, _) = await factory.CreateSessionClientAsync();

        await ProblemAsync(await late.PostAsJsonAsync($"/rooms/{code}/members", new { display_name = "Late" }, MarqueeFactory.Json), HttpStatusCode.Gone);
        await ProblemAsync(await ben.PostAsJsonAsync($"/rooms/{code}/votes", new { movie_id = film, vote = "like" }, MarqueeFactory.Json), HttpStatusCode.Gone);
        await ProblemAsync(await ben.GetAsync($"/rooms/{code}/deck"), HttpStatusCode.Gone);
        Assert.Equal("closed", (await ben.GetFromJsonAsync<JsonElement>($"/rooms/{code}", MarqueeFactory.Json)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task JoiningAFullRoom_Returns409_AndRejoiningKeepsTheSeat()
    {
        var (host, code) = await factory.CreateRoomAsync();
        var members = await Task.WhenAll(Enumerable.Range(2, 49).Select(n => factory.JoinAsync(code, $"Friend {n}")));
        var (late, _) = await factory.CreateSessionClientAsync();

        var problem = await ProblemAsync(await late.PostAsJsonAsync($"/rooms/{code}/members", new { display_name = "Late" }, MarqueeFactory.Json), HttpStatusCode.Conflict);
        var again = await members[0].PostAsJsonAsync($"/rooms/{code}/members", new { display_name = "Renamed" }, MarqueeFactory.Json);

        Assert.Contains("50 members", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var room = await host.GetFromJsonAsync<JsonElement>($"/rooms/{code}", MarqueeFactory.Json);
        Assert.Equal(50, room.GetProperty("members").GetArrayLength());
        Assert.Contains(room.GetProperty("members").EnumerateArray(), m => m.GetProperty("display_name").GetString() == "Renamed");
    }

    [Fact]
    public async Task VoteForAFilmNotInTheDeck_Returns400NamingMovieId()
    {
        var (host, code) = await factory.CreateRoomAsync();
        var cards = await DeckAsync(host, code);
        var notDealt = Enumerable.Range(1, 500).First(id => !cards.Contains(id));

        var problem = await ProblemAsync(await host.PostAsJsonAsync($"/rooms/{code}/votes", new { movie_id = notDealt, vote = "like" }, MarqueeFactory.Json),
            HttpStatusCode.BadRequest);

        Assert.Contains("not in the deck", problem.GetProperty("errors").GetProperty("movie_id")[0].GetString());
        var bad = await ProblemAsync(await host.PostAsJsonAsync($"/rooms/{code}/votes", new { movie_id = cards[0], vote = "love" }, MarqueeFactory.Json),
            HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("vote", out _));
    }

    [Fact]
    public async Task NonMember_Gets403_AndNoToken_Gets401()
    {
        var (host, code) = await factory.CreateRoomAsync();
        var film = (await DeckAsync(host, code))[0];
        var (stranger, _) = await factory.CreateSessionClientAsync();

        await ProblemAsync(await stranger.PostAsJsonAsync($"/rooms/{code}/votes", new { movie_id = film, vote = "like" }, MarqueeFactory.Json), HttpStatusCode.Forbidden);
        await ProblemAsync(await stranger.GetAsync($"/rooms/{code}"), HttpStatusCode.Forbidden);
        await ProblemAsync(await stranger.GetAsync($"/rooms/{code}/deck"), HttpStatusCode.Forbidden);
        await ProblemAsync(await factory.CreateClient().PostAsJsonAsync("/rooms", new { display_name = "Anon" }, MarqueeFactory.Json), HttpStatusCode.Unauthorized);
        var ben = await factory.JoinAsync(code, "Ben");
        await ProblemAsync(await ben.PostAsync($"/rooms/{code}/close", null), HttpStatusCode.Forbidden);
        await ProblemAsync(await ben.PostAsJsonAsync($"/rooms/{code}/choice", new { movie_id = film }, MarqueeFactory.Json), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\u0007b")]
    public async Task BadDisplayName_Returns400NamingTheField(string name)
    {
        var (client, _) = await factory.CreateSessionClientAsync();

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/rooms", new { display_name = name }, MarqueeFactory.Json), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("display_name", out _));
    }

    [Fact]
    public async Task HugeDisplayName_Returns400_OnCreateAndJoin()
    {
        var (_, code) = await factory.CreateRoomAsync();
        var (client, _) = await factory.CreateSessionClientAsync();
        var huge = new string('x', 100_000);

        var create = await ProblemAsync(await client.PostAsJsonAsync("/rooms", new { display_name = huge }, MarqueeFactory.Json), HttpStatusCode.BadRequest);
        var join = await ProblemAsync(await client.PostAsJsonAsync($"/rooms/{code}/members", new { display_name = huge }, MarqueeFactory.Json), HttpStatusCode.BadRequest);

        Assert.Contains("at most 40 characters", create.GetProperty("errors").GetProperty("display_name")[0].GetString());
        Assert.True(join.GetProperty("errors").TryGetProperty("display_name", out _));
    }

    [Fact]
    public async Task BadWish_Returns400NamingTheField()
    {
        var (client, _) = await factory.CreateSessionClientAsync();

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/rooms",
            new { display_name = "Ana", genres = new[] { "Cartoons" }, match_rule = "most", query = new string('q', 600) }, MarqueeFactory.Json), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("genres", out _));
        Assert.True(errors.TryGetProperty("match_rule", out _));
        Assert.True(errors.TryGetProperty("query", out _));
    }

    [Fact]
    public async Task Leaving_LetsTheRestMatchOnWhatTheyAllLike()
    {
        var (host, code) = await factory.CreateRoomAsync();
        var ben = await factory.JoinAsync(code, "Ben");
        var cy = await factory.JoinAsync(code, "Cy");
        var film = (await DeckAsync(host, code))[0];
        await host.PostAsJsonAsync($"/rooms/{code}/votes", new { movie_id = film, vote = "like" }, MarqueeFactory.Json);
        await ben.PostAsJsonAsync($"/rooms/{code}/votes", new { movie_id = film, vote = "like" }, MarqueeFactory.Json);
        Assert.Empty((await host.GetFromJsonAsync<JsonElement>($"/rooms/{code}/matches", MarqueeFactory.Json)).EnumerateArray());

        Assert.Equal(HttpStatusCode.NoContent, (await cy.DeleteAsync($"/rooms/{code}/members/me")).StatusCode);

        var matches = await host.GetFromJsonAsync<JsonElement>($"/rooms/{code}/matches", MarqueeFactory.Json);
        Assert.Equal(film, matches[0].GetProperty("movie_id").GetInt32());
        await ProblemAsync(await cy.PostAsJsonAsync($"/rooms/{code}/votes", new { movie_id = film, vote = "like" }, MarqueeFactory.Json), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RoomsEndpoints_AreInTheOpenApiDocument()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        foreach (var path in new[] { "/rooms", "/rooms/{code}", "/rooms/{code}/members", "/rooms/{code}/members/me", "/rooms/{code}/deck",
                     "/rooms/{code}/votes", "/rooms/{code}/matches", "/rooms/{code}/choice", "/rooms/{code}/close" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
    }
}

/// <summary>The shipped limits: a thousand joins from one address are turned away with 429s, and a full room with 409.</summary>
public sealed class RoomAbuseTests(RateLimitedRoomsFactory factory) : IClassFixture<RateLimitedRoomsFactory>
{
    [Fact]
    public async Task AThousandJoins_FromOneAddress_AreRateLimitedWith429Problems()
    {
        var (_, code) = await factory.CreateRoomAsync();
        var (client, _) = await factory.CreateSessionClientAsync();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 1000; i++)
        {
            last = await client.PostAsJsonAsync($"/rooms/{(i % 2 == 0 ? code : "ABCDEFGH")}/members", new { display_name = $"Bot {i}" }, MarqueeFactory.Json);
            statuses.Add(last.StatusCode);
        }

        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 1000 - 30);
        Assert.DoesNotContain(statuses, s => (int)s >= 500);
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
    }
}
