using System.ComponentModel.DataAnnotations;
using Marquee.Server.Endpoints;

namespace Marquee.Server.Contracts;

/// <summary>Body of <c>POST /recommend</c>; every field is optional.</summary>
public sealed record RecommendRequest : WishRequest
{
    public const int MaxK = 100;

    [MaxLength(FeedbackApi.MaxUserIdLength, ErrorMessage = "must be at most {1} characters")]
    public string? UserId { get; init; }
    /// <summary><c>baseline</c>, <c>cf</c> or <c>auto</c> (default).</summary>
    [OneOf("baseline", "cf", "auto", IgnoreCase = true)]
    public string? Recommender { get; init; }
    /// <summary>Number of movies, 1–100 (default 20).</summary>
    [Range(1, MaxK, ErrorMessage = "must be between {1} and {2}")]
    public int? K { get; init; }
    [MaxLength(1000, ErrorMessage = "must list at most {1} movies")]
    public IReadOnlyList<int>? ExcludeMovieIds { get; init; }
}

public sealed record IntentResponse
{
    public required string Source { get; init; }
    public required IReadOnlyList<string> Genres { get; init; }
    public required IReadOnlyList<string> ExcludeGenres { get; init; }
    public required IReadOnlyList<string> Moods { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public int? MaxRuntime { get; init; }
    public required IReadOnlyList<int> ReferenceMovieIds { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }
    /// <summary>Labels films carry (TMDB keywords, MovieLens tags) that the wish names word for word ("psychological thriller").</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
    /// <summary>Words of the wish nothing could use: shown back ("couldn't use: …"), they rank nothing.</summary>
    public IReadOnlyList<string> Unused { get; init; } = [];
    /// <summary>Moods, topics or words the wish rules out ("not gory"); matching movies rank lower.</summary>
    public required IReadOnlyList<string> ExcludeKeywords { get; init; }
    /// <summary>Shortest runtime wished ("over three hours").</summary>
    public int? MinRuntime { get; init; }
    /// <summary>Original languages wished (ISO 639-1).</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];
    /// <summary>Production countries wished (ISO 3166-1).</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
    /// <summary>Original languages ruled out ("foreign" rules out English).</summary>
    public IReadOnlyList<string> ExcludeLanguages { get; init; } = [];
    /// <summary>People named in the wish, as the catalogue spells them.</summary>
    public IReadOnlyList<string> People { get; init; } = [];
    /// <summary>Studios named in the wish.</summary>
    public IReadOnlyList<string> Companies { get; init; } = [];
    /// <summary>Studios ruled out ("isn't Marvel").</summary>
    public IReadOnlyList<string> ExcludeCompanies { get; init; } = [];
    /// <summary>Age of the youngest viewer ("my 8-year-old" → 8).</summary>
    public int? MaxAge { get; init; }
    /// <summary>Short films are wanted (otherwise they are left out).</summary>
    public bool IncludeShorts { get; init; }
}

public sealed record RecommendResponse
{
    public required string Recommender { get; init; }
    public required string ModelVersion { get; init; }
    public string? FallbackReason { get; init; }
    /// <summary>Said when fewer films than asked truly match the wish ("Only 6 films match 'samurai'…").</summary>
    public string? Notice { get; init; }
    public required IntentResponse Intent { get; init; }
    public required IReadOnlyList<MovieResponse> Items { get; init; }
    /// <summary>Identifies this answer; sent back as <c>context.page_id</c> with feedback so monitoring can count pages that got a like.</summary>
    public string? PageId { get; init; }
}
