namespace Marquee.Core.Import;

/// <summary>A row that could not be imported, reported with its file and 1-based line number.</summary>
public sealed record ImportProblem(string File, long Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
