using Marquee.Core.Interactions;

namespace Marquee.Core.Recommenders;

/// <summary>A model that gives every user the same item scores.</summary>
public sealed class FixedScoresModel(ItemIndex items, float[] scores) : ITopNModel
{
    public string Algorithm => "baseline";
    public ItemIndex Items => items;
    public float[] Scores => scores;

    public void ScoreTrainingUser(int userRow, Span<float> result) => scores.CopyTo(result);

    public void ScoreHistory(ReadOnlySpan<int> history, ReadOnlySpan<float> ratings, Span<float> result) => scores.CopyTo(result);
}
