using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Marquee.Server.Tests.Intent;

/// <summary>
/// The optional LLM against a local stub of each provider's wire format: its answer is used when valid
/// and on time; slow, failing or off-schema answers leave the rules in charge within the budget.
/// </summary>
[Collection(LlmBudgetCollection.Name)]
public sealed class LlmIntentTests(MarqueeFactory factory, ITestOutputHelper output) : IAsyncLifetime
{
    private const double TimeoutSeconds = 1.0;

    private LlmStubServer _stub = null!;

    public async Task InitializeAsync() => _stub = await LlmStubServer.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private WebApplicationFactory<Program> WithLlm(string provider, int explainTop = 3, TimeProvider? clock = null) => factory.WithWebHostBuilder(builder =>
    {
        if (clock is { } fixedClock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(fixedClock));
        }
        builder.UseSetting("Marquee:Llm:Provider", provider);
        builder.UseSetting("Marquee:Llm:Endpoint", provider == "openai" ? $"{_stub.BaseUrl}/v1" : _stub.BaseUrl);
        builder.UseSetting("Marquee:Llm:Model", "stub-model");
        builder.UseSetting("Marquee:Llm:TimeoutSeconds", TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Marquee:Llm:ExplainTop", explainTop.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    private static async Task<JsonElement> RecommendAsync(HttpClient client, string query)
    {
        var response = await client.PostAsJsonAsync("/recommend", new { query, k = 10 }, MarqueeFactory.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();

    [Theory]
    [InlineData("openai")]
    [InlineData("ollama")]
    public async Task Recommend_StubAnswers_IntentComesFromTheLlm(string provider)
    {
        await using var app = WithLlm(provider);
        using var client = app.CreateClient();

        var body = await RecommendAsync(client, "something my grandpa would enjoy");

        var intent = body.GetProperty("intent");
        Assert.Equal("llm", intent.GetProperty("source").GetString());
        Assert.Equal(["Western"], Strings(intent, "genres"));
        Assert.Equal(["classic"], Strings(intent, "moods"));
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        Assert.Contains(_stub.SystemPrompts, p => p.Contains("exclude_genres", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("ollama")]
    public async Task Recommend_StubAnswers_TopItemsGetTheLlmLine(string provider)
    {
        await using var app = WithLlm(provider, explainTop: 2);
        using var client = app.CreateClient();

        var body = await RecommendAsync(client, "a western");

        var items = body.GetProperty("items").EnumerateArray().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var reasons = Strings(items[i], "reasons");
            var line = $"The stub vouches for movie {items[i].GetProperty("movie_id").GetInt32()}.";
            Assert.Equal(i < 2, reasons.Contains(line));
            Assert.Contains(reasons, r => r.Contains("ratings", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("openai", StubMode.Slow)]
    [InlineData("ollama", StubMode.Slow)]
    [InlineData("openai", StubMode.Garbage)]
    [InlineData("ollama", StubMode.Garbage)]
    [InlineData("openai", StubMode.Error)]
    [InlineData("ollama", StubMode.Error)]
    public async Task Recommend_StubSlowOrWrong_RulesAnswerWithinTheBudget(string provider, StubMode mode)
    {
        // The budget runs on this clock, which moves only when told: what is asserted is what the server waits for,
        // not how long a busy machine took.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = WithLlm(provider, clock: clock);
        using var client = app.CreateClient();
        await RecommendAsync(client, "a western");
        _stub.Mode = mode;
        var before = _stub.Requests;

        var answer = RecommendAsync(client, "a scary movie from the 80s");
        if (mode == StubMode.Slow)
        {
            await _stub.WaitForRequestsAsync(before + 1);
            Assert.False(answer.IsCompleted, "answered while the LLM was still thinking and the budget not spent");
            clock.Advance(TimeSpan.FromSeconds(TimeoutSeconds));
        }
        // A wrong answer is dropped at once: with the clock standing still, waiting out the budget would hang here.
        var body = await answer.WaitAsync(TimeSpan.FromMinutes(2));

        output.WriteLine($"{provider}, stub {mode}: the stub got {_stub.Requests - before} request(s)");
        var intent = body.GetProperty("intent");
        Assert.Equal("rules", intent.GetProperty("source").GetString());
        Assert.Equal(["scary"], Strings(intent, "moods"));
        Assert.Equal(1980, intent.GetProperty("year_from").GetInt32());
        Assert.Equal(10, body.GetProperty("items").GetArrayLength());
        Assert.True(_stub.Requests > before, "the LLM was not even asked");
        Assert.All(body.GetProperty("items").EnumerateArray(), item =>
            Assert.DoesNotContain(Strings(item, "reasons"), r => r.StartsWith("The stub vouches", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Recommend_NoQuery_NeverAsksTheLlm()
    {
        await using var app = WithLlm("openai");
        using var client = app.CreateClient();
        var before = _stub.Requests;

        var response = await client.PostAsJsonAsync("/recommend", new { moods = new[] { "cozy" }, k = 5 }, MarqueeFactory.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, _stub.Requests);
    }

    [Fact]
    public async Task Recommend_LlmIntent_KeepsTheMoodChips()
    {
        await using var app = WithLlm("openai");
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/recommend", new { query = "an old film", moods = new[] { "funny" }, k = 5 }, MarqueeFactory.Json);
        var intent = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("intent");

        Assert.Equal("llm", intent.GetProperty("source").GetString());
        Assert.Contains("funny", Strings(intent, "moods"));
        Assert.Contains("classic", Strings(intent, "moods"));
    }

    [Fact]
    public async Task Recommend_LlmIntent_KeepsWhatOnlyTheRulesRead_PlacesAgesAndPeopleRuledOut()
    {
        // The model's schema has no key for languages, ages or people: they come from the rules' reading of the text.
        await using var app = WithLlm("openai");
        using var client = app.CreateClient();

        var korean = (await RecommendAsync(client, "a korean western")).GetProperty("intent");
        var child = (await RecommendAsync(client, "a western for my 8-year-old, nothing american")).GetProperty("intent");

        Assert.Equal("llm", korean.GetProperty("source").GetString());
        Assert.Equal(["Western"], Strings(korean, "genres"));
        Assert.Equal(["ko"], Strings(korean, "languages"));
        Assert.Equal(8, child.GetProperty("max_age").GetInt32());
        Assert.Equal(["US"], Strings(child, "exclude_countries"));
    }

    [Fact]
    public void Startup_ProviderWithoutModel_FailsValidation()
    {
        using var app = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Marquee:Llm:Provider", "openai");
            builder.UseSetting("Marquee:Llm:Model", "");
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Marquee:Llm:Model", error.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>The LLM tests share one imported data set; their budget runs on a fake clock, so they need not run alone.</summary>
[CollectionDefinition(Name)]
public sealed class LlmBudgetCollection : ICollectionFixture<MarqueeFactory>
{
    public const string Name = "llm budget";
}
