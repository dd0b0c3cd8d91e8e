using Marquee.Core.Interactions;

namespace Marquee.Core.Recommenders;

/// <summary>A model that gives every user the same item scores.</summary>
public sealed class FixedScoresModel(ItemIndex items, float[] scores) : ITopNModel
{
    public string Algorithm => "baseline";
    public ItemIndex Items => items;
    public float[] Scores => scores;

    public void ScoreTrainingUser(int userRow, Span<float> scores) => Scores.CopyTo(scores);

    public void ScoreHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> weights, Span<float> scores) => Scores.CopyTo(scores);
}
