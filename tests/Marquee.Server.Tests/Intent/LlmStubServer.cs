using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marquee.Server.Tests.Intent;

/// <summary>How the stub LLM behaves on the next requests.</summary>
public enum StubMode
{
    /// <summary>Answers with <see cref="LlmStubServer.IntentAnswer"/> (and explanations when asked for them).</summary>
    Answer,
    /// <summary>Waits far longer than any budget before answering.</summary>
    Slow,
    /// <summary>Answers promptly with prose instead of the JSON schema.</summary>
    Garbage,
    /// <summary>Fails with HTTP 500.</summary>
    Error,
}

/// <summary>
/// A local LLM provider on a loopback port speaking the OpenAI chat-completions wire format
/// (<c>POST /v1/chat/completions</c>) and Ollama's (<c>POST /api/chat</c>, streamed or not).
/// </summary>
public sealed partial class LlmStubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SemaphoreSlim _arrived = new(0);
    private int _requests;

    private LlmStubServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The address the stub listens on: a port the system chose when it started (port 0), so no two runs collide.</summary>
    public string BaseUrl => _app.Urls.First();

    public StubMode Mode { get; set; } = StubMode.Answer;

    /// <summary>The JSON the stub returns for an intent request.</summary>
    public string IntentAnswer { get; set; } = """{"genres": ["Western"], "moods": ["classic"], "keywords": []}""";

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Returns once <paramref name="count"/> requests have arrived (answered or still held).</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        while (Requests < count)
        {
            if (!await _arrived.WaitAsync(TimeSpan.FromMinutes(1)))
            {
                throw new TimeoutException($"the stub LLM got {Requests} requests, not {count}");
            }
        }
    }

    /// <summary>The system prompts received, in order.</summary>
    public List<string> SystemPrompts { get; } = [];

    public static async Task<LlmStubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new LlmStubServer(app);
        app.MapPost("/v1/chat/completions", stub.OpenAiAsync);
        app.MapPost("/api/chat", stub.OllamaAsync);
        await app.StartAsync();
        return stub;
    }

    private async Task OpenAiAsync(HttpContext context)
    {
        var (content, failed) = await AnswerAsync(context);
        if (failed)
        {
            return;
        }
        var body = new JsonObject
        {
            ["id"] = "chatcmpl-stub",
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = "stub-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private async Task OllamaAsync(HttpContext context)
    {
        var (content, failed) = await AnswerAsync(context);
        if (failed)
        {
            return;
        }
        var stream = context.Items["stream"] is true;
        static JsonObject Chunk(string text, bool done)
        {
            var chunk = new JsonObject
            {
                ["model"] = "stub-model",
                ["created_at"] = "2026-11-26T10:00:00Z",
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
                ["done"] = done,
            };
            if (done)
            {
                chunk["done_reason"] = "stop";
                chunk["total_duration"] = 1000;
                chunk["prompt_eval_count"] = 10;
                chunk["eval_count"] = 10;
            }
            return chunk;
        }
        if (!stream)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Chunk(content, done: true).ToJsonString());
            return;
        }
        context.Response.ContentType = "application/x-ndjson";
        var half = content.Length / 2;
        await context.Response.WriteAsync(Chunk(content[..half], done: false).ToJsonString() + "\n");
        await context.Response.WriteAsync(Chunk(content[half..], done: false).ToJsonString() + "\n");
        await context.Response.WriteAsync(Chunk("", done: true).ToJsonString() + "\n");
    }

    private async Task<(string Content, bool Failed)> AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        _arrived.Release();
        var request = await JsonNode.ParseAsync(context.Request.Body);
        context.Items["stream"] = request?["stream"]?.GetValue<bool>() ?? true;
        var messages = request?["messages"]?.AsArray() ?? [];
        var system = Text(messages.FirstOrDefault(m => m?["role"]?.GetValue<string>() == "system"));
        var user = Text(messages.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user"));
        lock (SystemPrompts)
        {
            SystemPrompts.Add(system);
        }
        switch (Mode)
        {
            case StubMode.Slow:
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            case StubMode.Garbage:
                return ("Sure! I think you would love Jaws and maybe some cozy comedies.", false);
            case StubMode.Error:
                context.Response.StatusCode = (int)HttpStatusCode.InternalServerError;
                await context.Response.WriteAsync("""{"error": {"message": "the stub is down", "type": "server_error"}}""");
                return ("", true);
        }
        if (system.Contains("explanations", StringComparison.Ordinal))
        {
            var ids = MovieIds().Matches(user).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            var lines = new JsonArray(ids.Select(id => (JsonNode)new JsonObject { ["movie_id"] = id, ["text"] = $"The stub vouches for movie {id}." }).ToArray());
            return (new JsonObject { ["explanations"] = lines }.ToJsonString(), false);
        }
        return (IntentAnswer, false);
    }

    /// <summary>Message content as plain text, whether sent as a string or as OpenAI content parts.</summary>
    private static string Text(JsonNode? message) => message?["content"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    [GeneratedRegex(@"movie_id (\d+)")]
    private static partial Regex MovieIds();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
