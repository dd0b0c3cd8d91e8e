using System.Text.Json.Serialization;

namespace Marquee.Core.Intent;

/// <summary>Where an intent came from.</summary>
public static class IntentSource
{
    public const string Rules = "rules";
    public const string Llm = "llm";
}

/// <summary>
/// The structured reading of a free-text wish plus mood chips. Hard constraints (excluded genres, years,
/// runtime) filter candidates; soft ones (genres, moods, keywords, reference movies) rank them. It is also the
/// <c>intent</c> of a <c>/recommend</c> answer, so the schema the API publishes (and the UI's zod schema, held to
/// it by a test) is this record and nothing written again.
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
    /// <summary>Shortest runtime wanted ("over three hours"); films of unknown length do not qualify.</summary>
    public int? MinRuntime { get; init; }
    /// <summary>Original languages wished (ISO 639-1, "ko"): films in one rank higher.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];
    /// <summary>Production countries wished (ISO 3166-1, "KR").</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
    /// <summary>Original languages ruled out ("foreign" rules out English, "not french" French).</summary>
    public IReadOnlyList<string> ExcludeLanguages { get; init; } = [];
    /// <summary>
    /// Production countries ruled out (ISO 3166-1; "not american" → US): films made there are left out, unless made
    /// in another language than the country's own (Crouching Tiger, Hidden Dragon has American money and is Chinese).
    /// </summary>
    public IReadOnlyList<string> ExcludeCountries { get; init; } = [];
    /// <summary>People named in the wish (directors, cast, writers), as the catalogue spells them.</summary>
    public IReadOnlyList<string> People { get; init; } = [];
    /// <summary>Production companies named in the wish ("Studio Ghibli").</summary>
    public IReadOnlyList<string> Companies { get; init; } = [];
    /// <summary>Production companies ruled out ("a superhero movie that isn't Marvel").</summary>
    public IReadOnlyList<string> ExcludeCompanies { get; init; } = [];
    /// <summary>People ruled out ("a comedy without Jim Carrey"): films they direct or star in are left for last.</summary>
    public IReadOnlyList<string> ExcludePeople { get; init; } = [];
    /// <summary>Age of the youngest viewer ("with my 8-year-old" → 8): certified-older films are left out.</summary>
    public int? MaxAge { get; init; }
    /// <summary>Short films (under 40 minutes) are wanted; otherwise they are left out.</summary>
    public bool IncludeShorts { get; init; }
    public IReadOnlyList<int> ReferenceMovieIds { get; init; } = [];
    /// <summary>
    /// Films the wish names as known rather than wished ("something by the director of Inception"): left off the page.
    /// </summary>
    public IReadOnlyList<int> ExcludeMovieIds { get; init; } = [];
    /// <summary>
    /// Franchises (TMDB collection ids) the wish names as a whole ("like Lord of the Rings"): their films are
    /// wished themselves, not left out as the reference films are.
    /// </summary>
    public IReadOnlyList<int> Franchises { get; init; } = [];
    /// <summary>
    /// Topics of the vocabulary (<c>heist</c>, <c>time travel</c>) and words left over after the parser recognised
    /// everything it could; matched against titles, overviews and tags.
    /// </summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>
    /// Labels the catalogue itself gives films (TMDB keywords, MovieLens tags) that the wish names word for word
    /// ("psychological thriller", "alien invasion", "dog"): the films filed under them match best.
    /// </summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
    /// <summary>
    /// Words of the wish that neither the vocabulary, the catalogue's names and labels nor its text know: they do not
    /// rank anything, and are said back to the person ("couldn't use: zxqv") rather than dropped silently.
    /// </summary>
    public IReadOnlyList<string> Unused { get; init; } = [];
    /// <summary>Moods, topics or words the person does not want ("not gory"): matching movies rank lower.</summary>
    public IReadOnlyList<string> ExcludeKeywords { get; init; } = [];

    public static MovieIntent Empty { get; } = new();

    /// <summary>True when nothing in the intent ranks (it may still filter).</summary>
    [JsonIgnore]
    public bool HasSoftSignals => Genres.Count > 0 || Moods.Count > 0 || Keywords.Count > 0 || Labels.Count > 0 || ReferenceMovieIds.Count > 0
                                  || Languages.Count > 0 || Countries.Count > 0 || People.Count > 0 || Companies.Count > 0 || MaxAge is not null;

    [JsonIgnore]
    public bool IsEmpty => !HasSoftSignals && ExcludeGenres.Count == 0 && ExcludeKeywords.Count == 0 && YearFrom is null
                           && YearTo is null && MaxRuntime is null && MinRuntime is null && ExcludeLanguages.Count == 0 && ExcludeCountries.Count == 0
                           && ExcludeCompanies.Count == 0 && ExcludePeople.Count == 0 && ExcludeMovieIds.Count == 0 && !IncludeShorts;
}
