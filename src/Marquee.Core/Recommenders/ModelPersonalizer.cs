using System.Buffers;
using System.Runtime.InteropServices;
using Marquee.Core.Evaluation;
using Marquee.Core.Numerics;

namespace Marquee.Core.Recommenders;

/// <summary>
/// Serves a fitted <see cref="ITopNModel"/> on raw movie ids: maps histories to model positions,
/// scores them on the fly (no retraining), and explains picks by the history items behind them.
/// History weights are star ratings (a session's swipes as implied stars); non-positive weights never
/// count as taste.
/// </summary>
public sealed class ModelPersonalizer(ITopNModel model) : IPersonalizer
{
    private volatile SlotMap? _slots;
    // Built once per model (a reload brings a new personalizer, so a new index); only factor models have one.
    private readonly Lazy<FactorClusters?> _clusters = new(() => model is AlsModel als ? FactorClusters.Build(als.ItemFactors, als.Factors) : null);
    private Task? _preparing;

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
            var slots = SlotsFor(slotOf).Slots;
            for (var j = 0; j < count; j++)
            {
                if (slots[j] >= 0)
                {
                    scoresByMovieId[slots[j]] = scores[j];
                }
            }
            return true;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Starts building the candidate index in the background (about a second of one core at 60k movies, several on a
    /// busy machine): until it is ready <see cref="Candidates"/> returns null and pages are ranked over everything, so
    /// neither start-up nor a reload waits for it.
    /// </summary>
    public void PrepareCandidates()
    {
        var preparing = new Task(() => _ = _clusters.Value);
        if (Interlocked.CompareExchange(ref _preparing, preparing, null) is null)
        {
            preparing.Start();
        }
    }

    public PersonalCandidates? Candidates(IReadOnlyList<(int MovieId, float Weight)> history, Func<int, int> slotOf, IReadOnlyList<int> alsoMovieIds, int depth)
    {
        // Prepared in the background: not ready (or failed) means rank over everything. Never prepared (a test, a
        // small catalogue asked explicitly): build it here.
        if (model is not AlsModel als || _preparing is { IsCompletedSuccessfully: false } || _clusters.Value is not { } clusters)
        {
            return null;
        }
        var (positions, ratings) = Known(history);
        if (positions.Length == 0)
        {
            return null;
        }
        // The same fold-in as ScoreHistory: the scores below equal the full product's for every movie returned.
        Span<float> user = stackalloc float[als.Factors];
        als.FoldIn(positions, ratings, user);
        var capacity = Math.Min(depth, model.Items.Count) + alsoMovieIds.Count + 512;
        var found = new List<int>(capacity);
        var scores = new List<float>(capacity);
        clusters.Search(user, depth, found, scores);
        foreach (var movieId in alsoMovieIds)
        {
            if (model.Items.PositionOf(movieId) is var position and >= 0)
            {
                found.Add(position);
                scores.Add(System.Numerics.Tensors.TensorPrimitives.Dot(user, als.ItemFactors.AsSpan(position * als.Factors, als.Factors)));
            }
        }
        var map = SlotsFor(slotOf);
        var slotOfPosition = map.Slots;
        // Ascending slots, each once (an extra may also sit in an opened cluster): the ranking's ties go to the smaller
        // slot. Marked in a bitset over the slots and read back in order, which costs a fraction of sorting the few
        // thousand found.
        var words = (map.SlotCount + 63) >> 6;
        var marks = ArrayPool<ulong>.Shared.Rent(Math.Max(1, words));
        var valueOf = ArrayPool<float>.Shared.Rent(Math.Max(1, map.SlotCount));
        try
        {
            Array.Clear(marks, 0, words);
            var count = 0;
            for (var i = 0; i < found.Count; i++)
            {
                if (slotOfPosition[found[i]] is var slot and >= 0 && (marks[slot >> 6] & (1UL << slot)) == 0)
                {
                    marks[slot >> 6] |= 1UL << slot;
                    valueOf[slot] = scores[i];
                    count++;
                }
            }
            var slots = new int[count];
            var values = new float[count];
            var at = 0;
            for (var word = 0; word < words; word++)
            {
                for (var bits = marks[word]; bits != 0; bits &= bits - 1)
                {
                    var slot = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    slots[at] = slot;
                    values[at++] = valueOf[slot];
                }
            }
            return new PersonalCandidates(slots, values);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(marks);
            ArrayPool<float>.Shared.Return(valueOf);
        }
    }

    /// <summary>
    /// Model position → caller slot, built once per slot map: a caller (a serving snapshot) passes the same
    /// delegate on every request, and a dictionary lookup per catalogue movie would cost more than scoring.
    /// </summary>
    private SlotMap SlotsFor(Func<int, int> slotOf)
    {
        if (_slots is { } cached && ReferenceEquals(cached.SlotOf, slotOf))
        {
            return cached;
        }
        var movieIds = model.Items.MovieIds;
        var slots = new int[model.Items.Count];
        for (var j = 0; j < slots.Length; j++)
        {
            slots[j] = slotOf(movieIds[j]);
        }
        var map = new SlotMap(slotOf, slots, slots.Length == 0 ? 0 : slots.Max() + 1);
        _slots = map;
        return map;
    }

    /// <summary>Model position → caller slot (-1 when the caller has no slot for it); slots run below <paramref name="SlotCount"/>.</summary>
    private sealed record SlotMap(Func<int, int> SlotOf, int[] Slots, int SlotCount);

    public IReadOnlyList<(int MovieId, float Contribution)> Explain(IReadOnlyList<(int MovieId, float Weight)> history, int movieId, int max = 2) =>
        ExplainMany(history, [movieId], max)[0];

    /// <summary>History weights from which a movie counts as liked (4★, watchlist, like, superlike).</summary>
    public const float LikedFrom = 4f;

    /// <summary>Only liked history movies can be named: "because you liked" a 2-star film would be false.</summary>
    public IReadOnlyList<IReadOnlyList<(int MovieId, float Contribution)>> ExplainMany(
        IReadOnlyList<(int MovieId, float Weight)> history, IReadOnlyList<int> movieIds, int max = 1)
    {
        var (positions, ratings) = Known(history, LikedFrom);
        var result = new IReadOnlyList<(int, float)>[movieIds.Count];
        var targetOf = new int[movieIds.Count];
        var targets = new List<int>(movieIds.Count);
        for (var m = 0; m < movieIds.Count; m++)
        {
            targetOf[m] = model.Items.PositionOf(movieIds[m]);
            result[m] = [];
            if (targetOf[m] >= 0)
            {
                targets.Add(targetOf[m]);
            }
        }
        if (positions.Length == 0 || targets.Count == 0 || model is not IExplainableModel explainable)
        {
            return result;
        }
        // One batch: the model reads each history item's data once for the whole page.
        var contributions = new float[targets.Count * positions.Length];
        explainable.ContributionsMany(positions, ratings, CollectionsMarshal.AsSpan(targets), contributions);
        var row = 0;
        for (var m = 0; m < movieIds.Count; m++)
        {
            if (targetOf[m] >= 0)
            {
                result[m] = Strongest(positions, contributions.AsSpan(row++ * positions.Length, positions.Length), max);
            }
        }
        return result;
    }

    /// <summary>The <paramref name="max"/> largest positive contributions, ties to the smaller position; no sort of the whole history.</summary>
    private List<(int, float)> Strongest(int[] positions, ReadOnlySpan<float> contributions, int max)
    {
        var best = new List<(int Position, float Value)>(max + 1);
        for (var n = 0; n < positions.Length; n++)
        {
            var value = contributions[n];
            if (value <= 0 || (best.Count == max && !(value > best[^1].Value)))
            {
                continue;
            }
            var at = best.Count;
            while (at > 0 && (value > best[at - 1].Value || (value == best[at - 1].Value && positions[n] < best[at - 1].Position)))
            {
                at--;
            }
            best.Insert(at, (positions[n], value));
            if (best.Count > max)
            {
                best.RemoveAt(best.Count - 1);
            }
        }
        return best.Select(b => (model.Items.MovieIdAt(b.Position), b.Value)).ToList();
    }

    public IReadOnlyList<(int MovieId, float Similarity)> Similar(int movieId, int count) => SimilarMany([movieId], count)[0];

    /// <summary>
    /// "People who loved this also loved": per movie, the model's answer for a one-movie, five-star history. A factor
    /// model scores all of them in one pass over its item factors (a wish whose few matches lend their neighbours asks
    /// for up to eight per page).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<(int MovieId, float Similarity)>> SimilarMany(IReadOnlyList<int> movieIds, int count)
    {
        var result = new IReadOnlyList<(int MovieId, float Similarity)>[movieIds.Count];
        var positions = new List<int>(movieIds.Count);
        var asked = new List<int>(movieIds.Count);
        for (var m = 0; m < movieIds.Count; m++)
        {
            result[m] = [];
            var position = model.Items.PositionOf(movieIds[m]);
            if (position >= 0 && model is not FixedScoresModel && count > 0)
            {
                positions.Add(position);
                asked.Add(m);
            }
        }
        if (positions.Count == 0)
        {
            return result;
        }
        var items = model.Items.Count;
        var buffer = ArrayPool<float>.Shared.Rent(positions.Count * items);
        try
        {
            if (model is AlsModel als)
            {
                var users = new float[positions.Count * als.Factors];
                for (var p = 0; p < positions.Count; p++)
                {
                    als.FoldIn([positions[p]], [5f], users.AsSpan(p * als.Factors, als.Factors));
                }
                als.ScoreUsers(users, buffer.AsSpan(0, positions.Count * items));
            }
            else
            {
                for (var p = 0; p < positions.Count; p++)
                {
                    var scores = buffer.AsSpan(p * items, items);
                    scores.Clear();
                    model.ScoreHistory([positions[p]], [5f], scores);
                }
            }
            for (var p = 0; p < positions.Count; p++)
            {
                var scores = buffer.AsSpan(p * items, items);
                scores[positions[p]] = float.NegativeInfinity;
                var top = new int[Math.Min(count, items)];
                var found = TopK.Select<float>(scores, top);
                var similar = new List<(int MovieId, float Similarity)>(found);
                foreach (var j in top.AsSpan(0, found))
                {
                    if (scores[j] > 0)
                    {
                        similar.Add((model.Items.MovieIdAt(j), scores[j]));
                    }
                }
                result[asked[p]] = similar;
            }
            return result;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private (int[] Positions, float[] Ratings) Known(IReadOnlyList<(int MovieId, float Weight)> history, float minimum = float.Epsilon)
    {
        var positions = new List<int>(history.Count);
        var ratings = new List<float>(history.Count);
        foreach (var (movieId, weight) in history)
        {
            var position = model.Items.PositionOf(movieId);
            if (position >= 0 && weight >= minimum)
            {
                positions.Add(position);
                ratings.Add(Math.Min(weight, 5f));
            }
        }
        return ([.. positions], [.. ratings]);
    }
}
