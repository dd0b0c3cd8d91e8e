namespace Marquee.Core.Intent;

/// <summary>
/// What a person asked for in one request, before it is read: the free text, the mood chips they tapped and the
/// filters they set. <see cref="WishReader"/> turns it into one <see cref="MovieIntent"/>.
/// </summary>
public sealed record Wish
{
    /// <summary>The free text ("time loop movies", "película de terror"); null or blank when there is none.</summary>
    public string? Text { get; init; }

    /// <summary>Mood chips by name (validated against <see cref="IntentVocabulary.Moods"/>; unknown ones are ignored).</summary>
    public IReadOnlyList<string> Moods { get; init; } = [];

    /// <summary>Genres picked as filters: a must, unlike genres read from the text, which only rank.</summary>
    public IReadOnlyList<string> Genres { get; init; } = [];

    public IReadOnlyList<string> ExcludeGenres { get; init; } = [];
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public int? MaxRuntime { get; init; }

    /// <summary>The lowest community rating a film may have (stars).</summary>
    public double? MinRating { get; init; }

    public bool HasText => !string.IsNullOrWhiteSpace(Text);
}
