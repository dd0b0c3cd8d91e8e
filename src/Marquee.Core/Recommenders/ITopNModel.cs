using Marquee.Core.Interactions;

namespace Marquee.Core.Recommenders;

/// <summary>A fitted top-N model: scores every item of its catalogue for a user. Higher is better.</summary>
public interface ITopNModel
{
    /// <summary>Algorithm name (<c>ease</c>, <c>als</c>, ...).</summary>
    string Algorithm { get; }

    /// <summary>The catalogue: item positions of every score vector.</summary>
    ItemIndex Items { get; }

    /// <summary>Scores all items for row <paramref name="userRow"/> of the matrix the model was fitted on.</summary>
    void ScoreTrainingUser(int userRow, Span<float> scores);

    /// <summary>
    /// Scores all items for any history (item positions and confidence weights), e.g. a session's
    /// swipes: the real-time path, no retraining.
    /// </summary>
    void ScoreHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> weights, Span<float> scores);
}

/// <summary>A model that can say how much each history item contributed to one item's score.</summary>
public interface IExplainableModel
{
    /// <summary>
    /// Writes into <paramref name="contributions"/> the part of <paramref name="target"/>'s score owed to
    /// each history item (same order as <paramref name="items"/>); they sum to the score where the model
    /// is linear in the history.
    /// </summary>
    void Contributions(ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, int target, Span<float> contributions);

    /// <summary>
    /// <see cref="Contributions"/> for several targets: row t of <paramref name="contributions"/>
    /// (|targets| × |items|, row-major) explains <c>targets[t]</c>. Models override it to share the work
    /// of one history across the targets of a page.
    /// </summary>
    void ContributionsMany(ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, ReadOnlySpan<int> targets, Span<float> contributions)
    {
        for (var t = 0; t < targets.Length; t++)
        {
            Contributions(items, ratings, targets[t], contributions.Slice(t * items.Length, items.Length));
        }
    }
}

/// <summary>A recommendation algorithm with fixed hyper-parameters.</summary>
public interface ITopNAlgorithm
{
    string Name { get; }

    /// <summary>Hyper-parameters, for manifests and evaluation reports.</summary>
    IReadOnlyDictionary<string, double> Parameters { get; }

    ITopNModel Fit(InteractionMatrix train, CancellationToken cancellationToken = default);
}

/// <summary>Helpers shared by models.</summary>
public static class TopNModels
{
    /// <summary>Describes parameters as <c>name=value</c> pairs, e.g. <c>lambda=500</c>.</summary>
    public static string Describe(IReadOnlyDictionary<string, double> parameters) =>
        parameters.Count == 0 ? "-" : string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
}
