using Marquee.Core.Interactions;

namespace Marquee.Core.Recommenders;

/// <summary>
/// The baseline as a top-N algorithm: damped mean rating blended with log popularity, the same for
/// every user. The score itself is <see cref="BaselineScore"/>, shared with serving
/// (<see cref="BaselineRecommender"/>).
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
        var counts = new int[train.ItemCount];
        var means = new double[train.ItemCount];
        for (var i = 0; i < train.ItemCount; i++)
        {
            var ratings = train.ByItem.RowValues(i);
            counts[i] = ratings.Length;
            means[i] = ratings.Length == 0 ? 0 : System.Numerics.Tensors.TensorPrimitives.Sum(ratings) / ratings.Length;
        }
        return new FixedScoresModel(train.Items, BaselineScore.Compute(counts, means, globalMean, Options).Scores);
    }
}
