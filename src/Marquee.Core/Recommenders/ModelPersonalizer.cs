using System.Buffers;
using Marquee.Core.Evaluation;

namespace Marquee.Core.Recommenders;

/// <summary>
/// Serves a fitted <see cref="ITopNModel"/> on raw movie ids: maps histories to model positions,
/// scores them on the fly (no retraining), and explains picks by the history items behind them.
/// History weights are star ratings (a session's swipes as implied stars); non-positive weights never
/// count as taste.
/// </summary>
public sealed class ModelPersonalizer(ITopNModel model) : IPersonalizer
{
    public string Algorithm => model.Algorithm;

    public ITopNModel Model => model;

    public bool TryScore(IReadOnlyList<(int MovieId, float Weight)> history, Func<int, int> slotOf, Span<float> scoresByMovieId)
    {
        var (positions, ratings) = Known(history);
        if (positions.Length == 0 || model is FixedScoresModel)
        {
            return false;
        }
        var count = model.Items.Count;
        var buffer = ArrayPool<float>.Shared.Rent(count);
        try
        {
            var scores = buffer.AsSpan(0, count);
            model.ScoreHistory(positions, ratings, scores);
            var movieIds = model.Items.MovieIds;
            for (var j = 0; j < count; j++)
            {
                var slot = slotOf(movieIds[j]);
                if (slot >= 0)
                {
                    scoresByMovieId[slot] = scores[j];
                }
            }
            return true;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    public IReadOnlyList<(int MovieId, float Contribution)> Explain(IReadOnlyList<(int MovieId, float Weight)> history, int movieId, int max = 2)
    {
        var target = model.Items.PositionOf(movieId);
        var (positions, ratings) = Known(history);
        if (target < 0 || positions.Length == 0 || model is not IExplainableModel explainable)
        {
            return [];
        }
        var contributions = new float[positions.Length];
        explainable.Contributions(positions, ratings, target, contributions);
        return Enumerable.Range(0, positions.Length)
            .Where(n => contributions[n] > 0)
            .OrderByDescending(n => contributions[n]).ThenBy(n => positions[n])
            .Take(max)
            .Select(n => (model.Items.MovieIdAt(positions[n]), contributions[n]))
            .ToList();
    }

    public IReadOnlyList<(int MovieId, float Similarity)> Similar(int movieId, int count)
    {
        var position = model.Items.PositionOf(movieId);
        if (position < 0 || model is FixedScoresModel || count <= 0)
        {
            return [];
        }
        var scores = new float[model.Items.Count];
        // "People who loved this also loved": the model's answer for a one-movie, five-star history.
        model.ScoreHistory([position], [5f], scores);
        scores[position] = float.NegativeInfinity;
        var top = new int[Math.Min(count, scores.Length)];
        var found = TopK.Select<float>(scores, top);
        return top[..found].Where(j => scores[j] > 0).Select(j => (model.Items.MovieIdAt(j), scores[j])).ToList();
    }

    private (int[] Positions, float[] Ratings) Known(IReadOnlyList<(int MovieId, float Weight)> history)
    {
        var positions = new List<int>(history.Count);
        var ratings = new List<float>(history.Count);
        foreach (var (movieId, weight) in history)
        {
            var position = model.Items.PositionOf(movieId);
            if (position >= 0 && weight > 0)
            {
                positions.Add(position);
                ratings.Add(Math.Min(weight, 5f));
            }
        }
        return ([.. positions], [.. ratings]);
    }
}
