namespace Marquee.Core.Catalog;

/// <summary>A free-text tag a MovieLens user attached to a movie ("time travel", "heist").</summary>
public sealed record MovieTag(int UserId, int MovieId, string Tag, long Timestamp);
