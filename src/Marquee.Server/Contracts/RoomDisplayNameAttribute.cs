using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Marquee.Server.Contracts;

/// <summary>A name the other members see: at most <see cref="RoomOptions.MaxDisplayName"/> characters, no control characters.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RoomDisplayNameAttribute : ValidationAttribute
{
    public const string Missing = "is required: the name the others see";

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string name)
        {
            return ValidationResult.Success;
        }
        var max = validationContext.GetService(typeof(IOptions<RoomOptions>)) is IOptions<RoomOptions> options ? options.Value.MaxDisplayName : 40;
        var members = validationContext.MemberName is { } member ? new[] { member } : [];
        return name.Trim().Length > max ? new ValidationResult($"must be at most {max} characters (got {name.Trim().Length})", members)
            : name.Any(char.IsControl) ? new ValidationResult("must not contain control characters", members)
            : ValidationResult.Success;
    }
}
