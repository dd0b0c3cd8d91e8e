using Marquee.Core.Content;
using Marquee.Core.Intent;
using Marquee.Core.Tests.Ranking;
using Microsoft.Extensions.AI;

namespace Marquee.Core.Tests.Intent;

public class LlmIntentParserTests
{
    private static readonly ContentIndex Content = ContentIndex.Build(TestCatalog.Catalog());
    private static readonly IntentParseContext Context = new(2018, Content, Content);

    private static LlmIntentResult Read(string text) => LlmIntentParser.Read(text, IntentVocabulary.Default, Context);

    [Fact]
    public void Read_ValidAnswer_BecomesAnLlmIntent()
    {
        var result = Read("""
            {"genres": ["Science Fiction", "action"], "exclude_genres": ["Horror"], "moods": ["mind-bending", "Cozy"],
             "year_from": 1990, "year_to": 2005, "max_runtime": 140, "reference_titles": ["The Matrx"],
             "keywords": ["heist", "balloons", "zzyzx"], "exclude_keywords": ["gore"]}
            """);

        var intent = Assert.IsType<MovieIntent>(result.Intent);
        Assert.Equal(IntentSource.Llm, intent.Source);
        Assert.Equal(["Sci-Fi", "Action"], intent.Genres);
        Assert.Equal(["Horror", "War"], intent.ExcludeGenres);
        Assert.Equal(["mind-bending", "cozy"], intent.Moods);
        Assert.Equal((1990, 2005, 140), (intent.YearFrom, intent.YearTo, intent.MaxRuntime));
        Assert.Equal([4], intent.ReferenceMovieIds);
        Assert.Equal(["heist", "balloons"], intent.Keywords);
        Assert.Equal(["gory"], intent.ExcludeKeywords);
    }

    [Fact]
    public void Read_NullsAndEmptyLists_AreAccepted()
    {
        var result = Read("""{"genres": [], "moods": null, "year_from": null, "max_runtime": null}""");

        Assert.NotNull(result.Intent);
        Assert.False(result.Intent.HasSoftSignals);
    }

    [Fact]
    public void Read_JsonInACodeFence_IsAccepted()
    {
        Assert.Equal(["Comedy"], Read("```json\n{\"genres\": [\"Comedy\"]}\n```").Intent!.Genres);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Sure! Here are some cozy movies: ...")]
    [InlineData("[\"Comedy\"]")]
    [InlineData("{}")]
    [InlineData("{\"genres\": \"Comedy\"}")]
    [InlineData("{\"genres\": [1, 2]}")]
    [InlineData("{\"genre\": [\"Comedy\"]}")]
    [InlineData("{\"year_from\": 1700}")]
    [InlineData("{\"year_from\": \"1990\"}")]
    [InlineData("{\"year_from\": 2005, \"year_to\": 1990}")]
    [InlineData("{\"max_runtime\": 0}")]
    [InlineData("{\"max_runtime\": 95.5}")]
    [InlineData("{\"genres\": [\"Comedy\"]")]
    public void Read_OffSchemaAnswer_IsRejectedWithAReason(string text)
    {
        var result = Read(text);

        Assert.Null(result.Intent);
        Assert.False(string.IsNullOrWhiteSpace(result.Problem));
    }

    [Fact]
    public void Read_UnknownGenreAndMoodNames_AreDropped_NotTrusted()
    {
        var intent = Read("""{"genres": ["Vaporwave", "Comedy"], "moods": ["glorbulent"]}""").Intent!;

        Assert.Equal(["Comedy"], intent.Genres);
        Assert.Empty(intent.Moods);
    }

    [Fact]
    public async Task ParseAsync_SendsTheSchemaAndReadsTheAnswer()
    {
        var chat = new ScriptedChatClient("""{"genres": ["Western"], "moods": ["classic"]}""");
        var parser = new LlmIntentParser(chat, IntentVocabulary.Default);

        var result = await parser.ParseAsync("an old cowboy film", Context, CancellationToken.None);

        Assert.Equal(["Western"], result.Intent!.Genres);
        var system = chat.LastMessages!.First(m => m.Role == ChatRole.System).Text;
        Assert.Contains("Film-Noir", system, StringComparison.Ordinal);
        Assert.Contains("cozy", system, StringComparison.Ordinal);
        Assert.Contains("2014 or later", system, StringComparison.Ordinal);
        Assert.Equal("an old cowboy film", chat.LastMessages!.Last().Text);
    }

    /// <summary>The prompt, the structured-output schema and the keys the reader accepts are one list.</summary>
    [Fact]
    public async Task ParseAsync_PromptAndSchema_NameExactlyTheKeysTheReaderAccepts()
    {
        var chat = new ScriptedChatClient("""{"genres": ["Western"]}""");

        await new LlmIntentParser(chat, IntentVocabulary.Default).ParseAsync("a western", Context, CancellationToken.None);

        var format = Assert.IsType<ChatResponseFormatJson>(chat.LastOptions!.ResponseFormat);
        var schemaKeys = format.Schema!.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(LlmIntentAnswer.Keys.Order(), schemaKeys);
        var system = chat.LastMessages!.First(m => m.Role == ChatRole.System).Text;
        var promptKeys = System.Text.RegularExpressions.Regex.Matches(system, @"^- ([a-z_]+(?:, [a-z_]+)*):", System.Text.RegularExpressions.RegexOptions.Multiline)
            .SelectMany(m => m.Groups[1].Value.Split(", ")).Order().ToList();
        Assert.Equal(schemaKeys, promptKeys);
    }

    [Fact]
    public void ExplainerRead_OneLinePerMovie_IsAccepted()
    {
        var lines = LlmExplainer.Read("""{"explanations": [{"movie_id": 1, "text": "Warm  and\nfunny."}, {"movie_id": 2, "text": "More toys."}]}""", new HashSet<int> { 1, 2 });

        Assert.Equal("Warm and funny.", lines![1]);
        Assert.Equal("More toys.", lines[2]);
    }

    [Theory]
    [InlineData("""{"explanations": [{"movie_id": 1, "text": "Only one."}]}""")]
    [InlineData("""{"explanations": [{"movie_id": 1, "text": "a"}, {"movie_id": 3, "text": "b"}]}""")]
    [InlineData("""{"explanations": [{"movie_id": 1, "text": "a"}, {"movie_id": 1, "text": "b"}]}""")]
    [InlineData("""{"explanations": [{"movie_id": "1", "text": "a"}, {"movie_id": 2, "text": "b"}]}""")]
    [InlineData("""{"lines": []}""")]
    [InlineData("not json")]
    public void ExplainerRead_OffSchema_IsRejected(string text)
    {
        Assert.Null(LlmExplainer.Read(text, new HashSet<int> { 1, 2 }));
    }

    [Fact]
    public void ExplainerRead_TooLongALine_IsRejected()
    {
        var text = $$"""{"explanations": [{"movie_id": 1, "text": "{{new string('a', LlmExplainer.MaxLineLength + 1)}}"}]}""";

        Assert.Null(LlmExplainer.Read(text, new HashSet<int> { 1 }));
    }

    /// <summary>An <see cref="IChatClient"/> double that answers with a fixed text and records what it was sent.</summary>
    private sealed class ScriptedChatClient(string answer) : IChatClient
    {
        public List<ChatMessage>? LastMessages { get; private set; }
        public ChatOptions? LastOptions { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            LastMessages = messages.ToList();
            LastOptions = options;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
