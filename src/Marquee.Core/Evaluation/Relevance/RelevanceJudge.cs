namespace Marquee.Core.Evaluation.Relevance;

/// <summary>What the judge needs to know of a film on a recommended page.</summary>
/// <param name="RatingMean">Mean MovieLens rating, 0.5–5; null when nobody rated it.</param>
/// <param name="RuntimeMinutes">Runtime from the metadata; null when unknown.</param>
public sealed record JudgedFilm(int MovieId, string Title, IReadOnlyList<string> Genres, int RatingCount, double? RatingMean, int? RuntimeMinutes);

/// <summary>One judged wish of <c>shared/eval/RELEVANCE.md</c>: a query, the films people expect, predicates on the page.</summary>
public sealed record WishCase(string Category, string Query, IReadOnlyList<int> ExpectedMovieIds, WishPredicates Predicates);

/// <summary>The predicates a wish may put on its whole top 10 (each optional).</summary>
public sealed record WishPredicates
{
    /// <summary>Share of the page having any of the genres, divided by need, capped at 1.</summary>
    public (IReadOnlyList<string> Genres, double Need)? GenreShare { get; init; }
    /// <summary>max(0, 1 − count/3) over pages films having any of them.</summary>
    public IReadOnlyList<string>? ForbidGenres { get; init; }
    /// <summary>1 if none of them is on the page, else 0.</summary>
    public IReadOnlyList<int>? ForbidIds { get; init; }
    /// <summary>Share with at least Count ratings and a mean of at least Mean, divided by need, capped at 1.</summary>
    public (double Mean, int Count, double Need)? Acclaimed { get; init; }
    /// <summary>Share with a runtime in [Low, High], divided by need, capped at 1.</summary>
    public (int Low, int High, double Need)? Runtime { get; init; }
}

/// <summary>One taste: six liked films of one kind, and the genre a faithful page carries.</summary>
public sealed record TasteCase(string Name, IReadOnlyList<int> Likes, string Genre, double Need);

/// <summary>A scored wish: the mean of the parts that apply, and each part for the report.</summary>
public sealed record WishScore(WishCase Wish, double Score, IReadOnlyList<(string Part, double Score)> Parts, IReadOnlyList<JudgedFilm> Page);

public sealed record TasteScore(TasteCase Taste, double Fidelity, double CanonShare, IReadOnlyList<JudgedFilm> Page);

/// <summary>
/// The two measures of <c>shared/eval/RELEVANCE.md</c> as pure functions of a page: wishes (expected films
/// and predicates) and tastes (fidelity to the liked genre, share of the global canon).
/// </summary>
public static class RelevanceJudge
{
    /// <summary>Films per judged page.</summary>
    public const int PageSize = 10;

    public static WishScore ScoreWish(WishCase wish, IReadOnlyList<JudgedFilm> page)
    {
        var top = page.Take(PageSize).ToList();
        var parts = new List<(string, double)>();
        if (wish.ExpectedMovieIds.Count > 0)
        {
            var hits = top.Count(f => wish.ExpectedMovieIds.Contains(f.MovieId));
            parts.Add(("expected", Math.Min(1, (double)hits / Math.Min(wish.ExpectedMovieIds.Count, 5))));
        }
        var p = wish.Predicates;
        if (p.GenreShare is var (genres, need))
        {
            parts.Add(("genre_share", Share(top, f => f.Genres.Any(genres.Contains), need)));
        }
        if (p.ForbidGenres is { Count: > 0 } forbidden)
        {
            var count = top.Count(f => f.Genres.Any(forbidden.Contains));
            parts.Add(("forbid_genres", Math.Max(0, 1 - (count / 3.0))));
        }
        if (p.ForbidIds is { Count: > 0 } forbiddenIds)
        {
            parts.Add(("forbid_ids", top.Any(f => forbiddenIds.Contains(f.MovieId)) ? 0 : 1));
        }
        if (p.Acclaimed is var (mean, ratings, acclaimedNeed))
        {
            parts.Add(("acclaimed", Share(top, f => f.RatingCount >= ratings && f.RatingMean >= mean, acclaimedNeed)));
        }
        if (p.Runtime is var (low, high, runtimeNeed))
        {
            parts.Add(("runtime", Share(top, f => f.RuntimeMinutes >= low && f.RuntimeMinutes <= high, runtimeNeed)));
        }
        var score = parts.Count == 0 ? 0 : parts.Average(x => x.Item2);
        return new WishScore(wish, score, parts, top);
    }

    public static TasteScore ScoreTaste(TasteCase taste, IReadOnlyList<JudgedFilm> page, IReadOnlySet<int> canon)
    {
        var top = page.Take(PageSize).ToList();
        var fidelity = Share(top, f => f.Genres.Contains(taste.Genre), taste.Need);
        var canonShare = (double)top.Count(f => canon.Contains(f.MovieId)) / PageSize;
        return new TasteScore(taste, fidelity, canonShare, top);
    }

    /// <summary>The films everyone is shown whatever they like: the most-rated ones.</summary>
    public static IReadOnlySet<int> Canon(IEnumerable<(int MovieId, int RatingCount)> films, int size = 50) =>
        films.OrderByDescending(f => f.RatingCount).ThenBy(f => f.MovieId).Take(size).Select(f => f.MovieId).ToHashSet();

    /// <summary>Shares are of a full page: a short page cannot score as if it were full.</summary>
    private static double Share(IReadOnlyList<JudgedFilm> page, Func<JudgedFilm, bool> holds, double need) =>
        Math.Min(1, (double)page.Count(holds) / PageSize / need);
}
