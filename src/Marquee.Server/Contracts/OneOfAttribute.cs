using System.ComponentModel.DataAnnotations;

namespace Marquee.Server.Contracts;

/// <summary>
/// A field that takes one of a few words; the message lists them. An absent value passes: <c>[Required]</c>
/// says whether the field is needed.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OneOfAttribute(params string[] values) : ValidationAttribute
{
    /// <summary>Accept " CF" for "cf": for words the server reads leniently.</summary>
    public bool IgnoreCase { get; init; }

    public override bool IsValid(object? value) => value is null
        || (value is string text && (IgnoreCase
            ? values.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase)
            : values.Contains(text, StringComparer.Ordinal)));

    public override string FormatErrorMessage(string name) => $"must be one of {string.Join(", ", values)}";
}
