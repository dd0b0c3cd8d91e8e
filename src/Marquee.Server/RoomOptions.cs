using System.ComponentModel.DataAnnotations;

namespace Marquee.Server;

/// <summary>Watch-together rooms, section <c>Marquee:Rooms</c>.</summary>
public sealed class RoomOptions
{
    public const string Section = "Marquee:Rooms";

    /// <summary>Members one room takes; a join beyond it answers 409.</summary>
    [Range(2, 500)]
    public int MaxMembers { get; set; } = 50;

    /// <summary>Films dealt at once when a member runs low on cards.</summary>
    [Range(1, 100)]
    public int DealSize { get; set; } = 10;

    /// <summary>The most films one room's deck holds.</summary>
    [Range(10, 10_000)]
    public int MaxDeck { get; set; } = 500;

    /// <summary>Longest display name, in characters.</summary>
    [Range(1, 200)]
    public int MaxDisplayName { get; set; } = 40;
}
