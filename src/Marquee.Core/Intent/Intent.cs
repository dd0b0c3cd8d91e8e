namespace Marquee.Core.Intent;

/// <summary>Where an intent came from.</summary>
public static class IntentSource
{
    public const string Rules = "rules";
    public const string Llm = "llm";
}

/// <summary>
/// The structured reading of a free-text wish plus mood chips. Hard constraints (excluded genres, years,
/// runtime) filter candidates; soft ones (genres, moods, keywords, reference movies) rank them.
/// </summary>
public sealed record MovieIntent
{
    public string Source { get; init; } = IntentSource.Rules;
    /// <summary>Genres the wish asks for: the more of them a movie has, the higher it ranks.</summary>
    public IReadOnlyList<string> Genres { get; init; } = [];
    public IReadOnlyList<string> ExcludeGenres { get; init; } = [];
    /// <summary>Canonical mood names from the vocabulary (e.g. <c>cozy</c>, <c>scary</c>).</summary>
    public IReadOnlyList<string> Moods { get; init; } = [];
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public int? MaxRuntime { get; init; }
    public IReadOnlyList<int> ReferenceMovieIds { get; init; } = [];
    /// <summary>
    /// Topics of the vocabulary (<c>heist</c>, <c>time travel</c>) and words left over after the parser recognised
    /// everything it could; matched against titles, overviews and tags.
    /// </summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>Moods, topics or words the person does not want ("not gory"): matching movies rank lower.</summary>
    public IReadOnlyList<string> ExcludeKeywords { get; init; } = [];

    public static MovieIntent Empty { get; } = new();

    /// <summary>True when nothing in the intent ranks (it may still filter).</summary>
    public bool HasSoftSignals => Genres.Count > 0 || Moods.Count > 0 || Keywords.Count > 0 || ReferenceMovieIds.Count > 0;

    public bool IsEmpty => !HasSoftSignals && ExcludeGenres.Count == 0 && ExcludeKeywords.Count == 0 && YearFrom is null
                           && YearTo is null && MaxRuntime is null;
}
