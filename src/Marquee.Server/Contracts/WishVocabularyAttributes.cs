using System.ComponentModel.DataAnnotations;
using Marquee.Core.Catalog;
using Marquee.Core.Intent;
using Marquee.Server.Services;

namespace Marquee.Server.Contracts;

/// <summary>Every listed genre is one the catalogue knows (any spelling <see cref="Genres.Normalize"/> accepts); the message lists them.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownGenresAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var unknown = (value as IEnumerable<string?> ?? []).Where(genre => Genres.Normalize(genre ?? "") is null).ToList();
        if (unknown.Count == 0)
        {
            return ValidationResult.Success;
        }
        var known = validationContext.GetService(typeof(RecommenderHost)) is RecommenderHost host
            ? string.Join(", ", host.State.Catalog.GenreCounts.Select(g => g.Genre))
            : "GET /genres";
        return new ValidationResult($"unknown genre {Quoted(unknown)}; known genres: {known}", Members(validationContext));
    }

    internal static string Quoted(IEnumerable<string?> values) => string.Join(", ", values.Select(v => $"'{v}'"));

    internal static string[] Members(ValidationContext context) => context.MemberName is { } member ? [member] : [];
}

/// <summary>Every listed mood is one of the vocabulary's (GET /moods); the message lists them.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownMoodsAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var unknown = (value as IEnumerable<string?> ?? [])
            .Where(mood => string.IsNullOrWhiteSpace(mood) || IntentVocabulary.Default.FindMood(mood) is null).ToList();
        if (unknown.Count == 0)
        {
            return ValidationResult.Success;
        }
        var known = string.Join(", ", IntentVocabulary.Default.Moods.Select(m => m.Name));
        return new ValidationResult($"unknown mood {KnownGenresAttribute.Quoted(unknown)}; known moods (GET /moods): {known}",
            KnownGenresAttribute.Members(validationContext));
    }
}
