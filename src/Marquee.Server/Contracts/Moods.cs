namespace Marquee.Server.Contracts;

/// <summary>A mood the intent parser understands, for UI chips (<c>GET /moods</c>).</summary>
/// <param name="Name">What to send in <c>moods</c> of <c>POST /recommend</c>.</param>
/// <param name="Genres">The genres the mood leans towards, strongest first.</param>
/// <param name="ExcludeGenres">Genres the mood rules out unless asked for ("cozy" is never Horror).</param>
public sealed record MoodResponse(string Name, string Label, string? Emoji, string Description,
    IReadOnlyList<string> Genres, IReadOnlyList<string> ExcludeGenres);
