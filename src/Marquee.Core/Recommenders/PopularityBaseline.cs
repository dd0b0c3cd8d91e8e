using Marquee.Core.Interactions;

namespace Marquee.Core.Recommenders;

/// <summary>
/// The baseline as a top-N algorithm: damped mean rating blended with log popularity, the same for
/// every user (see <see cref="BaselineRecommender"/> for the serving-side twin).
/// </summary>
public sealed class PopularityBaseline(BaselineOptions? options = null) : ITopNAlgorithm
{
    public BaselineOptions Options { get; } = options ?? new BaselineOptions();

    public string Name => "baseline";

    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>
    {
        ["prior_strength"] = Options.PriorStrength,
        ["popularity_weight"] = Options.PopularityWeight,
    };

    public ITopNModel Fit(InteractionMatrix train, CancellationToken cancellationToken = default)
    {
        var values = train.ByUser.Values;
        var globalMean = values.Length == 0 ? 3.5 : values.Average(v => (double)v);
        var maxCount = 0;
        for (var i = 0; i < train.ItemCount; i++)
        {
            maxCount = Math.Max(maxCount, train.ByItem.RowLength(i));
        }
        var logMax = Math.Log(1 + maxCount);
        var scores = new float[train.ItemCount];
        for (var i = 0; i < train.ItemCount; i++)
        {
            var ratings = train.ByItem.RowValues(i);
            var mean = ratings.Length == 0 ? 0 : System.Numerics.Tensors.TensorPrimitives.Sum(ratings) / ratings.Length;
            var damped = BaselineRecommender.DampedMean(ratings.Length, mean, globalMean, Options.PriorStrength);
            var popularity = logMax > 0 ? Math.Log(1 + ratings.Length) / logMax : 0;
            scores[i] = (float)((1 - Options.PopularityWeight) * (damped - 0.5) / 4.5 + Options.PopularityWeight * popularity);
        }
        return new FixedScoresModel(train.Items, scores);
    }
}

/// <summary>A model that gives every user the same item scores.</summary>
public sealed class FixedScoresModel(ItemIndex items, float[] scores) : ITopNModel
{
    public string Algorithm => "baseline";
    public ItemIndex Items => items;
    public float[] Scores => scores;

    public void ScoreTrainingUser(int userRow, Span<float> result) => scores.CopyTo(result);

    public void ScoreHistory(ReadOnlySpan<int> history, ReadOnlySpan<float> ratings, Span<float> result) => scores.CopyTo(result);
}
