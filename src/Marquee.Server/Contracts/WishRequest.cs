using System.ComponentModel.DataAnnotations;
using Marquee.Core.Intent;

namespace Marquee.Server.Contracts;

/// <summary>
/// What a viewer wishes for, as <c>POST /recommend</c> and <c>POST /rooms</c> take it: the words, mood chips and
/// filters, every one optional. Validated by ASP.NET Core before the endpoint runs (see ValidationProblems).
/// </summary>
public abstract record WishRequest : IValidatableObject
{
    public const int MaxQueryLength = RuleIntentParser.MaxQueryLength;

    [MaxLength(MaxQueryLength, ErrorMessage = "must be at most {1} characters")]
    public string? Query { get; init; }
    [MaxLength(20, ErrorMessage = "must list at most {1} moods"), KnownMoods]
    public IReadOnlyList<string>? Moods { get; init; }
    [KnownGenres]
    public IReadOnlyList<string>? Genres { get; init; }
    [KnownGenres]
    public IReadOnlyList<string>? ExcludeGenres { get; init; }
    [Range(0.5, 5, ErrorMessage = "must be between 0.5 and 5 (community stars)")]
    public double? MinRating { get; init; }
    [Range(1870, 2100, ErrorMessage = "must be a year between {1} and {2}")]
    public int? YearFrom { get; init; }
    [Range(1870, 2100, ErrorMessage = "must be a year between {1} and {2}")]
    public int? YearTo { get; init; }
    [Range(1, 1000, ErrorMessage = "must be between {1} and {2} minutes")]
    public int? MaxRuntime { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (YearFrom is { } from && YearTo is { } to && from > to)
        {
            yield return new ValidationResult($"must not be after year_to ({from} > {to})", [nameof(YearFrom)]);
        }
    }
}
