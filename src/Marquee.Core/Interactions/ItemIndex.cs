namespace Marquee.Core.Interactions;

/// <summary>
/// The bijection between MovieLens movie ids and the dense 0..n-1 positions a model's vectors use.
/// Positions follow ascending movie id, as in the evaluation protocol.
/// </summary>
public sealed class ItemIndex
{
    private readonly int[] _movieIds;
    private readonly Dictionary<int, int> _positions;

    public ItemIndex(IEnumerable<int> movieIds)
    {
        _movieIds = movieIds.Distinct().Order().ToArray();
        _positions = new Dictionary<int, int>(_movieIds.Length);
        for (var i = 0; i < _movieIds.Length; i++)
        {
            _positions[_movieIds[i]] = i;
        }
    }

    public int Count => _movieIds.Length;

    public ReadOnlySpan<int> MovieIds => _movieIds;

    public int MovieIdAt(int position) => _movieIds[position];

    /// <summary>The position of a movie, or -1 when the model does not know it.</summary>
    public int PositionOf(int movieId) => _positions.TryGetValue(movieId, out var position) ? position : -1;
}
