namespace Marquee.Core.Semantic;

/// <summary>
/// A small least-recently-used cache of query vectors: people repeat wishes (and the UI re-sends one while paging),
/// and a cached vector saves a model call. Bounded, so arbitrary text cannot grow it. Thread-safe.
/// </summary>
public sealed class RecentVectors(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, float[] Vector)>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, float[] Vector)> _order = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byKey.Count;
            }
        }
    }

    public bool TryGet(string key, out float[] vector)
    {
        lock (_gate)
        {
            if (_byKey.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                vector = node.Value.Vector;
                return true;
            }
        }
        vector = [];
        return false;
    }

    public void Add(string key, float[] vector)
    {
        lock (_gate)
        {
            if (_byKey.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
            }
            _byKey[key] = _order.AddFirst((key, vector));
            while (_byKey.Count > capacity && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _byKey.Remove(oldest.Value.Key);
            }
        }
    }
}
