using Marquee.Core.Catalog;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marquee.Core.Intent;

/// <summary>
/// Reads a <see cref="Wish"/> into one <see cref="MovieIntent"/>: the mood chips, the free text (by the rule parser
/// always, by the chat model when one is configured and answers in time) and the filters the person set, in that
/// order of precedence from weakest to strongest. Every LLM call of a request shares one deadline; a late, failing
/// or off-schema answer is dropped and the rules' reading stands, so the LLM can only make answers better, never
/// slower than the budget.
/// </summary>
public sealed class WishReader
{
    private static readonly TimeSpan MinimumUsefulBudget = TimeSpan.FromMilliseconds(50);

    private readonly IChatClient? _chat;
    private readonly TimeSpan _llmTimeout;
    private readonly int _explainTop;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly RuleIntentParser _rules = new(IntentVocabulary.Default);

    /// <param name="chat">The chat model, or null to read wishes by the rules alone.</param>
    /// <param name="llmTimeout">Budget for all LLM calls of one request.</param>
    /// <param name="explainTop">How many top picks get an LLM-written line (0: none).</param>
    public WishReader(IChatClient? chat = null, TimeSpan? llmTimeout = null, int explainTop = 0, ILogger? logger = null,
        TimeProvider? clock = null)
    {
        _chat = chat;
        _llmTimeout = llmTimeout ?? TimeSpan.FromSeconds(3);
        _explainTop = explainTop;
        _logger = logger ?? NullLogger.Instance;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Reads wishes by the rules alone.</summary>
    public static WishReader RulesOnly { get; } = new();

    public bool LlmEnabled => _chat is not null;

    /// <summary>The deadline for the LLM calls of a request starting now.</summary>
    public LlmBudget StartBudget() => LlmBudget.StartingNow(_clock, _llmTimeout);

    /// <summary>Reads <paramref name="wish"/>; <see cref="MovieIntent.Source"/> says whether the rules or the LLM read the text.</summary>
    public async Task<MovieIntent> ReadAsync(Wish wish, IntentVocabulary vocabulary, IntentParseContext context, LlmBudget budget,
        CancellationToken cancellationToken)
    {
        var read = await ReadTextAsync(wish.Text, () => Chips(wish, vocabulary), vocabulary, context, budget, cancellationToken);
        return WithExplicitFilters(read, wish);
    }

    private static IntentBuilder Chips(Wish wish, IntentVocabulary vocabulary)
    {
        var chips = new IntentBuilder(vocabulary);
        foreach (var mood in wish.Moods)
        {
            if (vocabulary.FindMood(mood) is { } concept)
            {
                chips.Apply(concept);
            }
        }
        return chips;
    }

    /// <summary>
    /// The rules' reading of the text, added to what <paramref name="start"/> builds (the chips, or nothing). A parser
    /// fault (a bug, never the person's) is logged and the text said back unread on a page of the chips alone: the
    /// person keeps a page and learns the words were not used, where the fault would have cost them a 500.
    /// </summary>
    private IntentBuilder ParseRules(string? text, IntentParseContext context, Func<IntentBuilder> start)
    {
        var builder = start();
        try
        {
            _rules.ParseInto(text, context, builder);
            return builder;
        }
        catch (Exception e) when (e is not ArgumentOutOfRangeException and not OperationCanceledException)
        {
            _logger.LogError(e, "The rule parser failed on a wish of {Length} characters; its words are said back unread", text?.Length ?? 0);
            var unread = start();
            unread.AddUnused(text!.Trim());
            return unread;
        }
    }

    private async Task<MovieIntent> ReadTextAsync(string? text, Func<IntentBuilder> chips, IntentVocabulary vocabulary, IntentParseContext context,
        LlmBudget budget, CancellationToken cancellationToken)
    {
        if (_chat is not null && !string.IsNullOrWhiteSpace(text))
        {
            var parser = new LlmIntentParser(_chat, vocabulary);
            var answer = await WithinBudgetAsync("intent", budget, token => parser.ParseAsync(text, context, token), cancellationToken);
            if (answer is { Intent: { } intent })
            {
                var rules = ParseRules(text, context, () => new IntentBuilder(vocabulary));
                return WithChips(WithRulesOnlyParts(intent, rules.Build(context.ReferenceYear)), chips().Build(context.ReferenceYear));
            }
            if (answer is { Problem: { } problem })
            {
                _logger.LogWarning("The LLM's intent was off-schema ({Problem}); the rules answer", problem);
            }
        }
        return ParseRules(text, context, chips).Build(context.ReferenceYear);
    }

    /// <summary>One LLM-written line per top pick, or null when off, late or off-schema.</summary>
    public async Task<IReadOnlyDictionary<int, string>?> ExplainAsync(string? text, IReadOnlyList<ExplainedMovie> picks, LlmBudget budget,
        CancellationToken cancellationToken)
    {
        if (_chat is null || _explainTop == 0 || string.IsNullOrWhiteSpace(text) || picks.Count == 0)
        {
            return null;
        }
        var explainer = new LlmExplainer(_chat);
        var top = picks.Take(_explainTop).ToList();
        var lines = await WithinBudgetAsync("explanations", budget, token => explainer.ExplainAsync(text, top, token), cancellationToken);
        if (lines is null)
        {
            _logger.LogInformation("No LLM explanations for this page; the rule-written reasons stand");
        }
        return lines;
    }

    /// <summary>
    /// What the model's schema has no key for comes from the rules' reading of the same text: people and studios by the
    /// catalogue's own names, places, ages, the shortest runtime, short films. With an LLM configured, "a korean thriller"
    /// lost Korea and "something for my 8-year-old" lost the age that keeps The Godfather off the page.
    /// </summary>
    private static MovieIntent WithRulesOnlyParts(MovieIntent llm, MovieIntent rules) => llm with
    {
        People = rules.People,
        Companies = rules.Companies,
        ExcludePeople = rules.ExcludePeople,
        ExcludeCompanies = rules.ExcludeCompanies,
        Languages = rules.Languages,
        Countries = rules.Countries,
        ExcludeLanguages = rules.ExcludeLanguages,
        ExcludeCountries = rules.ExcludeCountries,
        MaxAge = rules.MaxAge,
        MinRuntime = llm.MaxRuntime is { } max && rules.MinRuntime > max ? null : rules.MinRuntime,
        IncludeShorts = rules.IncludeShorts,
    };

    /// <summary>Chips the person tapped stay; the model reads only the free text.</summary>
    private static MovieIntent WithChips(MovieIntent llm, MovieIntent chips) => llm with
    {
        Moods = [.. llm.Moods.Union(chips.Moods)],
        ExcludeGenres = [.. llm.ExcludeGenres.Union(chips.ExcludeGenres.Where(g => !llm.Genres.Contains(g)))],
    };

    /// <summary>Filters set explicitly win over what the text says about the same thing.</summary>
    private static MovieIntent WithExplicitFilters(MovieIntent read, Wish wish)
    {
        var excluded = read.ExcludeGenres.Union(CanonicalGenres(wish.ExcludeGenres)).ToList();
        var from = wish.YearFrom ?? read.YearFrom;
        var to = wish.YearTo ?? read.YearTo;
        if (from > to)
        {
            // The text and the explicit filter disagree: the explicit side stands, the text's side goes.
            if (wish.YearFrom is null)
            {
                from = null;
            }
            else
            {
                to = null;
            }
        }
        return read with
        {
            Genres = read.Genres.Union(CanonicalGenres(wish.Genres)).Where(g => !excluded.Contains(g)).ToList(),
            ExcludeGenres = excluded,
            YearFrom = from,
            YearTo = to,
            MaxRuntime = wish.MaxRuntime ?? read.MaxRuntime,
        };
    }

    /// <summary>Genre names as the catalogue spells them, unknown ones dropped (requests are validated before).</summary>
    public static List<string> CanonicalGenres(IReadOnlyList<string> genres) =>
        genres.Select(g => Genres.Normalize(g ?? "")).OfType<string>().Distinct().ToList();

    private async Task<T?> WithinBudgetAsync<T>(string what, LlmBudget budget, Func<CancellationToken, Task<T>> call,
        CancellationToken cancellationToken) where T : class?
    {
        var remaining = budget.Remaining(_clock);
        if (remaining < MinimumUsefulBudget)
        {
            _logger.LogInformation("No LLM budget left for {What}", what);
            return null;
        }
        // The cut-off runs on the clock the budget was started on, so the budget has one time and a test can drive it.
        using var budgetOver = new CancellationTokenSource(remaining, _clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budgetOver.Token);
        // Run on the pool so even a client that blocks before its first await cannot hold the request past the budget.
        var attempt = Task.Run(() => call(timeout.Token), timeout.Token);
        using var timer = new CancellationTokenSource();
        var deadline = Task.Delay(remaining, _clock, timer.Token);
        var first = await Task.WhenAny(attempt, deadline);
        await timer.CancelAsync();
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
}
