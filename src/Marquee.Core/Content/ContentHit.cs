namespace Marquee.Core.Content;

/// <summary>A movie found by a text search, by catalogue index.</summary>
public readonly record struct ContentHit(int Index, float Score);
