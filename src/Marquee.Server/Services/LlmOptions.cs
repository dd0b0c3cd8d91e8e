using System.ClientModel;
using System.ClientModel.Primitives;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace Marquee.Server.Services;

/// <summary>
/// The optional LLM, section <c>Marquee:Llm</c>. Without a provider the rule-based parser answers alone.
/// The API key is read from the environment variable named by <see cref="ApiKeyVariable"/>, never from files.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Marquee:Llm";
    public const string None = "none";
    public const string OpenAi = "openai";
    public const string Ollama = "ollama";

    /// <summary><c>openai</c> (any OpenAI-compatible chat-completions server), <c>ollama</c>, or <c>none</c>.</summary>
    [RegularExpression("^(none|openai|ollama)$", ErrorMessage = "Marquee:Llm:Provider must be none, openai or ollama")]
    public string Provider { get; set; } = None;

    /// <summary>
    /// Base address: for <c>openai</c> the API root that <c>/chat/completions</c> is appended to
    /// (default https://api.openai.com/v1); for <c>ollama</c> the server (default http://localhost:11434).
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>Model name, e.g. <c>gpt-4o-mini</c> or <c>llama3.2</c>; required with a provider.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// Budget for all LLM calls of one request (intent, then explanations); when it runs out the rules
    /// answer. Default 3 seconds.
    /// </summary>
    [Range(0.1, 120)]
    public double TimeoutSeconds { get; set; } = 3;

    /// <summary>How many top items get an LLM-written line; 0 turns explanations off.</summary>
    [Range(0, 20)]
    public int ExplainTop { get; set; } = 3;

    /// <summary>Environment variable holding the API key (default <c>MARQUEE_LLM_API_KEY</c>).</summary>
    [Required]
    public string ApiKeyVariable { get; set; } = "MARQUEE_LLM_API_KEY";

    public bool Enabled => !string.Equals(Provider, None, StringComparison.OrdinalIgnoreCase);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>The chat client for the configured provider, or null for <c>none</c>.</summary>
    public IChatClient? CreateClient()
    {
        switch (Provider.ToLowerInvariant())
        {
            case OpenAi:
                var key = Environment.GetEnvironmentVariable(ApiKeyVariable);
                var openAi = new OpenAIClientOptions
                {
                    Endpoint = new Uri(string.IsNullOrWhiteSpace(Endpoint) ? "https://api.openai.com/v1" : Endpoint),
                    // The request's own budget decides; retries would only spend it.
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    NetworkTimeout = Timeout + TimeSpan.FromSeconds(1),
                };
                // Local OpenAI-compatible servers accept any key; api.openai.com rejects a wrong one with 401.
                return new OpenAI.Chat.ChatClient(Model, new ApiKeyCredential(string.IsNullOrEmpty(key) ? "unset" : key), openAi).AsIChatClient();
            case Ollama:
                var http = new HttpClient
                {
                    BaseAddress = new Uri(string.IsNullOrWhiteSpace(Endpoint) ? "http://localhost:11434" : Endpoint),
                    Timeout = Timeout + TimeSpan.FromSeconds(1),
                };
                return new OllamaApiClient(http, Model ?? "");
            default:
                return null;
        }
    }
}
