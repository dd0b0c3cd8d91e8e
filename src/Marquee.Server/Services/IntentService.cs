using Marquee.Core.Intent;
using Marquee.Core.Ranking;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Marquee.Server.Services;

/// <summary>
/// Reads a request's wish: the rule-based parser always, the configured LLM when there is one. Every LLM
/// call of a request shares one deadline (<see cref="LlmOptions.TimeoutSeconds"/>); a late, failing or
/// off-schema answer is dropped and the rules' reading stands, so the LLM can only make answers better,
/// never slower than the budget.
/// </summary>
public sealed class IntentService : IDisposable
{
    private static readonly TimeSpan MinimumUsefulBudget = TimeSpan.FromMilliseconds(50);

    private readonly LlmOptions _options;
    private readonly ILogger<IntentService> _logger;
    private readonly TimeProvider _clock;
    private readonly IChatClient? _chat;
    private readonly RuleIntentParser _rules = new(IntentVocabulary.Default);

    public IntentService(IOptions<LlmOptions> options, ILogger<IntentService> logger, TimeProvider clock)
    {
        _options = options.Value;
        _logger = logger;
        _clock = clock;
        _chat = _options.CreateClient();
    }

    public bool LlmEnabled => _chat is not null;

    /// <summary>The deadline for the LLM calls of a request starting now.</summary>
    public LlmBudget StartBudget() => new(_clock.GetTimestamp() + (long)(_options.Timeout.TotalSeconds * _clock.TimestampFrequency));

    /// <summary>Parses the query into <paramref name="chips"/>'s intent, by the LLM when it answers in time.</summary>
    /// <returns>The intent, with <see cref="MovieIntent.Source"/> saying which reader produced it.</returns>
    public async Task<MovieIntent> ParseAsync(string? query, IntentBuilder chips, RecommenderSnapshot snapshot, LlmBudget budget,
        CancellationToken cancellationToken)
    {
        var context = snapshot.ParseContext;
        if (_chat is not null && !string.IsNullOrWhiteSpace(query))
        {
            var parser = new LlmIntentParser(_chat, snapshot.Vocabulary);
            var answer = await WithinBudgetAsync("intent", budget, token => parser.ParseAsync(query, context, token), cancellationToken);
            if (answer is { Intent: { } intent })
            {
                return Merge(intent, chips.Build(context.ReferenceYear));
            }
            if (answer is { Problem: { } problem })
            {
                _logger.LogWarning("The LLM's intent was off-schema ({Problem}); the rules answer", problem);
            }
        }
        _rules.ParseInto(query, context, chips);
        return chips.Build(context.ReferenceYear);
    }

    /// <summary>One LLM-written line per top item, or null when off, late or off-schema.</summary>
    public async Task<IReadOnlyDictionary<int, string>?> ExplainAsync(string? query, IReadOnlyList<RecommendedMovie> items, LlmBudget budget,
        CancellationToken cancellationToken)
    {
        if (_chat is null || _options.ExplainTop == 0 || string.IsNullOrWhiteSpace(query) || items.Count == 0)
        {
            return null;
        }
        var top = items.Take(_options.ExplainTop)
            .Select(i => new ExplainedMovie(i.Movie.MovieId, i.Movie.Title, i.Movie.ReleaseYear, i.Movie.Genres, i.Movie.Details?.Overview, i.Reasons))
            .ToList();
        var explainer = new LlmExplainer(_chat);
        var lines = await WithinBudgetAsync("explanations", budget, token => explainer.ExplainAsync(query, top, token), cancellationToken);
        if (lines is null)
        {
            _logger.LogInformation("No LLM explanations for this page; the rule-written reasons stand");
        }
        return lines;
    }

    /// <summary>Chips and filters the person set in the UI stay; the model reads only the free text.</summary>
    private static MovieIntent Merge(MovieIntent llm, MovieIntent chips) => llm with
    {
        Moods = [.. llm.Moods.Union(chips.Moods)],
        ExcludeGenres = [.. llm.ExcludeGenres.Union(chips.ExcludeGenres.Where(g => !llm.Genres.Contains(g)))],
    };

    private async Task<T?> WithinBudgetAsync<T>(string what, LlmBudget budget, Func<CancellationToken, Task<T>> call,
        CancellationToken cancellationToken) where T : class?
    {
        var remaining = budget.Remaining(_clock);
        if (remaining < MinimumUsefulBudget)
        {
            _logger.LogInformation("No LLM budget left for {What}", what);
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(remaining);
        // Run on the pool so even a client that blocks before its first await cannot hold the request past the budget.
        var attempt = Task.Run(() => call(timeout.Token), timeout.Token);
        using var timer = new CancellationTokenSource();
        var deadline = Task.Delay(remaining, _clock, timer.Token);
        var first = await Task.WhenAny(attempt, deadline);
        timer.Cancel();
        if (first != attempt)
        {
            await timeout.CancelAsync();
            _ = attempt.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            _logger.LogWarning("The LLM did not answer the {What} within {Budget} ms; the rules answer", what, (int)remaining.TotalMilliseconds);
            return null;
        }
        try
        {
            return await attempt;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("The LLM call for {What} was cut off at the {Budget} ms budget", what, (int)remaining.TotalMilliseconds);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "The LLM call for {What} failed; the rules answer", what);
            return null;
        }
    }

    public void Dispose() => _chat?.Dispose();
}

/// <summary>The time left for LLM calls of one request.</summary>
public readonly record struct LlmBudget(long DeadlineTimestamp)
{
    public TimeSpan Remaining(TimeProvider clock)
    {
        var now = clock.GetTimestamp();
        return now >= DeadlineTimestamp ? TimeSpan.Zero : TimeSpan.FromSeconds((double)(DeadlineTimestamp - now) / clock.TimestampFrequency);
    }
}
