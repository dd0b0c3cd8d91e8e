namespace Marquee.Core.Import;

/// <summary>A free-text tag a MovieLens user attached to a movie ("time travel", "heist").</summary>
public sealed record MovieTag(int UserId, int MovieId, string Tag, long Timestamp);

/// <summary>A row that could not be imported, reported with its file and 1-based line number.</summary>
public sealed record ImportProblem(string File, long Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
