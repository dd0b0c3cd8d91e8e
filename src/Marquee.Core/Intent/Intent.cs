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
    /// <summary>Genres the wish asks for; a candidate must have at least one, more is better.</summary>
    public IReadOnlyList<string> Genres { get; init; } = [];
    public IReadOnlyList<string> ExcludeGenres { get; init; } = [];
    /// <summary>Canonical mood names from the vocabulary (e.g. <c>cozy</c>, <c>scary</c>).</summary>
    public IReadOnlyList<string> Moods { get; init; } = [];
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public int? MaxRuntime { get; init; }
    public IReadOnlyList<int> ReferenceMovieIds { get; init; } = [];
    /// <summary>Words left over after the parser recognised everything it could; matched against text.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    public static MovieIntent Empty { get; } = new();

    public bool IsEmpty => Genres.Count == 0 && ExcludeGenres.Count == 0 && Moods.Count == 0 && YearFrom is null
                           && YearTo is null && MaxRuntime is null && ReferenceMovieIds.Count == 0 && Keywords.Count == 0;
}
