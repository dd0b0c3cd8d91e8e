using Marquee.Core.Interactions;

namespace Marquee.Core.Recommenders;

/// <summary>Scores every item by its number of training interactions: the same list for everyone.</summary>
public sealed class MostPopular : ITopNAlgorithm
{
    public string Name => "most-popular";

    public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double>();

    public ITopNModel Fit(InteractionMatrix train, CancellationToken cancellationToken = default)
    {
        var counts = new float[train.ItemCount];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = train.ByItem.RowLength(i);
        }
        return new Model(train.Items, counts);
    }

    private sealed class Model(ItemIndex items, float[] counts) : ITopNModel
    {
        public string Algorithm => "most-popular";
        public ItemIndex Items => items;

        public void ScoreTrainingUser(int userRow, Span<float> scores) => counts.CopyTo(scores);

        public void ScoreHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> weights, Span<float> scores) => counts.CopyTo(scores);
    }
}
