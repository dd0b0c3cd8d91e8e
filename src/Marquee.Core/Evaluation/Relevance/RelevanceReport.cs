using System.Globalization;

namespace Marquee.Core.Evaluation.Relevance;

/// <summary>The figures of RELEVANCE.md from scored pages: per category, overall, and per taste.</summary>
public sealed record RelevanceReport(IReadOnlyList<WishScore> Wishes, IReadOnlyList<TasteScore> Tastes)
{
    public double Overall => Wishes.Count == 0 ? 0 : Wishes.Average(w => w.Score);

    public IReadOnlyList<(string Category, double Score, int Count)> ByCategory =>
        Wishes.GroupBy(w => w.Wish.Category)
            .Select(g => (g.Key, g.Average(w => w.Score), g.Count()))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();

    public double MeanFidelity => Tastes.Count == 0 ? 0 : Tastes.Average(t => t.Fidelity);

    public double MeanCanonShare => Tastes.Count == 0 ? 0 : Tastes.Average(t => t.CanonShare);

    /// <summary>A plain-text report: every wish with its parts and page, the category table, the tastes.</summary>
    public IEnumerable<string> Lines(bool pages = true)
    {
        foreach (var w in Wishes)
        {
            var parts = string.Join(", ", w.Parts.Select(p => $"{p.Part} {F(p.Score, 2)}"));
            yield return $"{F(w.Score, 2)}  [{w.Wish.Category}] {w.Wish.Query}  ({parts})";
            if (pages)
            {
                yield return "      " + string.Join(" | ", w.Page.Select(f => (w.Wish.ExpectedMovieIds.Contains(f.MovieId) ? "*" : "") + f.Title));
            }
        }
        if (Wishes.Count > 0)
        {
            foreach (var (category, score, count) in ByCategory)
            {
                yield return $"category {category,-11} {F(score, 3)}  ({count} wishes)";
            }
            yield return $"wishes overall {F(Overall, 3)} over {Wishes.Count}";
        }
        foreach (var t in Tastes)
        {
            yield return $"taste {t.Taste.Name,-18} fidelity {F(t.Fidelity, 2)}  canon share {F(t.CanonShare, 2)}";
            if (pages)
            {
                yield return "      " + string.Join(" | ", t.Page.Select(f => f.Title));
            }
        }
        if (Tastes.Count > 0)
        {
            yield return $"tastes: mean fidelity {F(MeanFidelity, 3)}, mean canon share {F(MeanCanonShare, 3)} over {Tastes.Count}";
        }
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
