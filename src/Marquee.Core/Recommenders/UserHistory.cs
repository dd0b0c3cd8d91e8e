namespace Marquee.Core.Recommenders;

/// <summary>
/// What a user has shown interest in, in a model's item positions: the rated or liked items and a
/// confidence weight for each (star rating for MovieLens users, a swipe weight for sessions).
/// </summary>
public sealed class UserHistory
{
    public UserHistory(int[] items, float[] weights)
    {
        if (items.Length != weights.Length)
        {
            throw new ArgumentException("Every history item needs a weight.", nameof(weights));
        }
        Items = items;
        Weights = weights;
    }

    public int[] Items { get; }
    public float[] Weights { get; }
    public int Count => Items.Length;

    public static UserHistory Empty { get; } = new([], []);
}
