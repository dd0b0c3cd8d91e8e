using Marquee.Core.Interactions;

namespace Marquee.Core.Recommenders.RatingPrediction;

/// <summary>Settings of <see cref="ItemKnnBaseline"/> (defaults as Surprise's KNNBaseline with <c>pearson_baseline</c>).</summary>
public sealed record ItemKnnBaselineOptions
{
    /// <summary>At most this many of the user's rated movies, the most similar ones, vote.</summary>
    public int Neighbors { get; init; } = 40;

    /// <summary>Similarity shrinkage: ρ · (n − 1) / (n − 1 + shrinkage) for n common raters.</summary>
    public double Shrinkage { get; init; } = 100;

    /// <summary>Positive-similarity neighbours kept per movie (the candidates a prediction draws from).</summary>
    public int StoredNeighbors { get; init; } = 400;

    /// <summary>Regularisation of the movie biases (see <see cref="BaselineOnlyOptions"/>).</summary>
    public double ItemRegularization { get; init; } = 10;

    /// <summary>Regularisation of the user biases.</summary>
    public double UserRegularization { get; init; } = 15;

    /// <summary>Alternations of the bias fit.</summary>
    public int BaselineEpochs { get; init; } = 10;
}

/// <summary>
/// Item-based k-nearest neighbours on top of baseline estimates (Koren 2010, section 2.2; Surprise's
/// <c>KNNBaseline</c>): r̂_ui = b_ui + Σ_j s_ij (r_uj − b_uj) / Σ_j s_ij over the k movies j the user
/// rated that are most similar to i, with s the shrunk Pearson correlation of baseline residuals.
/// Its errors differ from a factor model's, which is what makes it worth blending.
/// </summary>
public sealed class ItemKnnBaseline(ItemKnnBaselineOptions? options = null) : IRatingAlgorithm
{
    public const string AlgorithmName = "knn-baseline";

    public ItemKnnBaselineOptions Options { get; } = options ?? new ItemKnnBaselineOptions();

    public string Name => AlgorithmName;

    public IReadOnlyDictionary<string, string> Parameters => Describe(Options);

    internal static ItemKnnBaseline FromSettings(IReadOnlyDictionary<string, string>? settings)
    {
        var read = new SettingReader(AlgorithmName, settings);
        var d = new ItemKnnBaselineOptions();
        var options = new ItemKnnBaselineOptions
        {
            Neighbors = read.Int("k", d.Neighbors, 1, 100_000),
            Shrinkage = read.Double("shrinkage", d.Shrinkage, 0),
            StoredNeighbors = read.Int("stored_neighbors", d.StoredNeighbors, 1, 1_000_000),
            ItemRegularization = read.Double("reg_item", d.ItemRegularization, 0),
            UserRegularization = read.Double("reg_user", d.UserRegularization, 0),
            BaselineEpochs = read.Int("epochs", d.BaselineEpochs, 1, 1000),
        };
        read.EnsureAllUsed();
        return new ItemKnnBaseline(options);
    }

    private static Dictionary<string, string> Describe(ItemKnnBaselineOptions o) => new()
    {
        ["k"] = SettingReader.Format(o.Neighbors),
        ["shrinkage"] = SettingReader.Format(o.Shrinkage),
        ["stored_neighbors"] = SettingReader.Format(o.StoredNeighbors),
        ["reg_item"] = SettingReader.Format(o.ItemRegularization),
        ["reg_user"] = SettingReader.Format(o.UserRegularization),
        ["epochs"] = SettingReader.Format(o.BaselineEpochs),
    };

    public IRatingModel Fit(InteractionTable ratings, CancellationToken cancellationToken = default) =>
        Fit(RatingMatrix.From(ratings), cancellationToken);

    internal ItemKnnBaselineModel Fit(RatingMatrix data, CancellationToken cancellationToken)
    {
        var (itemBias, userBias) = BaselineOnly.FitBiases(data, Options.ItemRegularization, Options.UserRegularization,
            Options.BaselineEpochs, cancellationToken);
        var residual = new float[data.Count];
        for (var u = 0; u < data.UserCount; u++)
        {
            for (var s = data.UserStart[u]; s < data.UserStart[u + 1]; s++)
            {
                residual[s] = (float)(data.UserRating[s] - data.Mean - userBias[u] - itemBias[data.UserItem[s]]);
            }
        }

        var lists = new (int[] Items, float[] Similarities)[data.ItemCount];
        Parallel.For(0, data.ItemCount, new ParallelOptions { CancellationToken = cancellationToken },
            () => new SimilarityRow(data.ItemCount),
            (i, _, row) =>
            {
                lists[i] = row.Neighbors(data, residual, i, Options.Shrinkage, Options.StoredNeighbors);
                return row;
            },
            _ => { });

        var start = new int[data.ItemCount + 1];
        for (var i = 0; i < data.ItemCount; i++)
        {
            start[i + 1] = start[i] + lists[i].Items.Length;
        }
        var neighborItems = new int[start[^1]];
        var neighborSimilarities = new float[start[^1]];
        for (var i = 0; i < data.ItemCount; i++)
        {
            lists[i].Items.CopyTo(neighborItems, start[i]);
            lists[i].Similarities.CopyTo(neighborSimilarities, start[i]);
        }
        return new ItemKnnBaselineModel(Describe(Options), data.Items, data.Mean, Array.ConvertAll(itemBias, b => (float)b),
            Options.UserRegularization, Options.Neighbors, start, neighborItems, neighborSimilarities, data.MinRating, data.MaxRating);
    }

    /// <summary>
    /// One movie's similarity row, accumulated over its raters' histories (Σ over raters of their
    /// history length — no item × item matrix), reset through the list of touched entries.
    /// </summary>
    private sealed class SimilarityRow(int itemCount)
    {
        private readonly Accumulator[] _sums = new Accumulator[itemCount];
        private readonly int[] _touched = new int[itemCount];
        private readonly ulong[] _keys = new ulong[itemCount];

        private struct Accumulator
        {
            public float Products, SquaresOwn, SquaresOther;
            public int Common;
        }

        public (int[] Items, float[] Similarities) Neighbors(RatingMatrix data, float[] residual, int item, double shrinkage, int keep)
        {
            var touched = 0;
            var sums = _sums;
            for (var slot = data.ItemStart[item]; slot < data.ItemStart[item + 1]; slot++)
            {
                var u = data.ItemUser[slot];
                var own = residual[data.ItemSlotToUserSlot[slot]];
                var ownSquared = own * own;
                var items = data.UserItem.AsSpan(data.UserStart[u], data.UserDegree(u));
                var residuals = residual.AsSpan(data.UserStart[u], items.Length);
                for (var s = 0; s < items.Length; s++)
                {
                    ref var sum = ref sums[items[s]];
                    if (sum.Common == 0)
                    {
                        _touched[touched++] = items[s];
                    }
                    var other = residuals[s];
                    sum.Products += own * other;
                    sum.SquaresOwn += ownSquared;
                    sum.SquaresOther += other * other;
                    sum.Common++;
                }
            }
            var candidates = 0;
            for (var t = 0; t < touched; t++)
            {
                var j = _touched[t];
                ref var sum = ref sums[j];
                // Most co-rated pairs share a single rater, which the (n − 1) shrinkage factor zeroes anyway.
                var squares = (double)sum.SquaresOwn * sum.SquaresOther;
                if (sum.Common > 1 && j != item && squares > 0 && sum.Products > 0)
                {
                    var similarity = (float)(sum.Products / Math.Sqrt(squares) * (sum.Common - 1) / (sum.Common - 1 + shrinkage));
                    if (similarity > 0)
                    {
                        _keys[candidates++] = OrderKey(similarity, j);
                    }
                }
                sum = default;
            }
            var count = Math.Min(keep, candidates);
            var keys = _keys.AsSpan(0, candidates);
            if (candidates > count)
            {
                SelectSmallest(keys, count);
            }
            keys = keys[..count];
            keys.Sort();
            var neighborItems = new int[count];
            var neighborSimilarities = new float[count];
            for (var n = 0; n < count; n++)
            {
                neighborItems[n] = (int)(uint)keys[n];
                neighborSimilarities[n] = BitConverter.UInt32BitsToSingle(uint.MaxValue - (uint)(keys[n] >> 32));
            }
            return (neighborItems, neighborSimilarities);
        }

        /// <summary>
        /// A key whose ascending order is similarity descending, then item ascending (positive floats
        /// order like their bit patterns), so selection and sorting compare plain integers.
        /// </summary>
        private static ulong OrderKey(float similarity, int item) =>
            ((ulong)(uint.MaxValue - BitConverter.SingleToUInt32Bits(similarity)) << 32) | (uint)item;

        /// <summary>Moves the <paramref name="count"/> smallest keys to the front (Hoare quickselect, O(n) on average).</summary>
        private static void SelectSmallest(Span<ulong> keys, int count)
        {
            var low = 0;
            var high = keys.Length - 1;
            while (low < high)
            {
                var pivot = keys[low + ((high - low) / 2)];
                var i = low;
                var j = high;
                while (i <= j)
                {
                    while (keys[i] < pivot)
                    {
                        i++;
                    }
                    while (keys[j] > pivot)
                    {
                        j--;
                    }
                    if (i <= j)
                    {
                        (keys[i], keys[j]) = (keys[j], keys[i]);
                        i++;
                        j--;
                    }
                }
                if (count - 1 <= j)
                {
                    high = j;
                }
                else if (count - 1 >= i)
                {
                    low = i;
                }
                else
                {
                    return;
                }
            }
        }
    }
}

/// <summary>A fitted <see cref="ItemKnnBaseline"/>: biases and each movie's positive neighbours, most similar first.</summary>
internal sealed class ItemKnnBaselineModel : IRatingModel
{
    private readonly ItemIndex _items;
    private readonly double _mean;
    private readonly float[] _itemBias;
    private readonly double _userRegularization;
    private readonly int _neighbors;
    private readonly int[] _neighborStart;
    private readonly int[] _neighborItems;
    private readonly float[] _neighborSimilarities;

    public ItemKnnBaselineModel(IReadOnlyDictionary<string, string> parameters, ItemIndex items, double mean, float[] itemBias,
        double userRegularization, int neighbors, int[] neighborStart, int[] neighborItems, float[] neighborSimilarities,
        float minRating, float maxRating)
    {
        if (itemBias.Length != items.Count || neighborStart.Length != items.Count + 1 || neighborStart[^1] != neighborItems.Length
            || neighborItems.Length != neighborSimilarities.Length)
        {
            throw new InvalidDataException("neighbour arrays do not match the movie count");
        }
        Parameters = parameters;
        _items = items;
        _mean = mean;
        _itemBias = itemBias;
        _userRegularization = userRegularization;
        _neighbors = neighbors;
        _neighborStart = neighborStart;
        _neighborItems = neighborItems;
        _neighborSimilarities = neighborSimilarities;
        RatingScale = (minRating, maxRating);
    }

    public string Algorithm => ItemKnnBaseline.AlgorithmName;
    public IReadOnlyDictionary<string, string> Parameters { get; }
    public (float Min, float Max) RatingScale { get; }

    /// <summary>The stored neighbours of a movie, most similar first; empty for an unknown movie.</summary>
    public IReadOnlyList<(int MovieId, float Similarity)> NeighborsOf(int movieId)
    {
        var item = _items.PositionOf(movieId);
        if (item < 0)
        {
            return [];
        }
        var neighbors = new List<(int, float)>(_neighborStart[item + 1] - _neighborStart[item]);
        for (var n = _neighborStart[item]; n < _neighborStart[item + 1]; n++)
        {
            neighbors.Add((_items.MovieIdAt(_neighborItems[n]), _neighborSimilarities[n]));
        }
        return neighbors;
    }

    public void Predict(IReadOnlyList<(int MovieId, float Rating)> ratedHistory, ReadOnlySpan<int> movieIds, Span<float> predictions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(predictions.Length, movieIds.Length, nameof(predictions));
        var deviation = 0.0;
        var known = new List<(int Item, float Rating)>(ratedHistory.Count);
        foreach (var (movieId, rating) in ratedHistory)
        {
            var item = _items.PositionOf(movieId);
            if (item >= 0)
            {
                known.Add((item, rating));
                deviation += rating - _mean - _itemBias[item];
            }
        }
        // The user bias is the last half-step of the bias alternation, as for BaselineOnly.
        var userBias = deviation / (_userRegularization + known.Count);
        // Neighbour lists are long and walked for every target, so whether a neighbour was rated is one bit of a
        // per-thread bitset over the catalogue (8 KB at 62k movies: it stays in the first-level cache), and only the
        // rated ones read their residual. The bitset is all zero between calls: a call sets and then clears only its
        // history's bits, never the whole catalogue.
        var (residualOf, rated) = Scratch(_items.Count);
        try
        {
            foreach (var (item, rating) in known)
            {
                residualOf[item] = rating - _mean - userBias - _itemBias[item];
                rated[item >> 6] |= 1UL << item;
            }
            for (var t = 0; t < movieIds.Length; t++)
            {
                var item = _items.PositionOf(movieIds[t]);
                var estimate = _mean + userBias;
                if (item >= 0)
                {
                    estimate += _itemBias[item];
                    var weightSum = 0.0;
                    var weighted = 0.0;
                    var used = 0;
                    for (var n = _neighborStart[item]; n < _neighborStart[item + 1] && used < _neighbors; n++)
                    {
                        var neighbour = _neighborItems[n];
                        if ((rated[neighbour >> 6] & (1UL << neighbour)) != 0 && residualOf[neighbour] is var residual && !double.IsNaN(residual))
                        {
                            weightSum += _neighborSimilarities[n];
                            weighted += _neighborSimilarities[n] * residual;
                            used++;
                        }
                    }
                    if (weightSum > 0)
                    {
                        estimate += weighted / weightSum;
                    }
                }
                predictions[t] = Math.Clamp((float)estimate, RatingScale.Min, RatingScale.Max);
            }
        }
        finally
        {
            foreach (var (item, _) in known)
            {
                rated[item >> 6] = 0;
            }
        }
    }

    [ThreadStatic]
    private static double[]? t_residualOf;

    [ThreadStatic]
    private static ulong[]? t_rated;

    /// <summary>This thread's residual-by-item array and its all-zero rated bitset, both covering <paramref name="items"/>.</summary>
    private static (double[] Residuals, ulong[] Rated) Scratch(int items)
    {
        if (t_residualOf is not { } residuals || residuals.Length < items || t_rated is not { } rated)
        {
            residuals = new double[items];
            rated = new ulong[(items + 63) >> 6];
            t_residualOf = residuals;
            t_rated = rated;
        }
        return (residuals, rated);
    }

    public async Task SaveAsync(RatingModelFiles files, CancellationToken cancellationToken = default)
    {
        files.SetNumber("min_rating", RatingScale.Min);
        files.SetNumber("max_rating", RatingScale.Max);
        files.SetNumber("mean", _mean);
        files.SetNumber("user_regularization", _userRegularization);
        files.SetNumber("neighbors", _neighbors);
        await files.WriteAsync("movie_ids", _items.MovieIds.ToArray(), cancellationToken);
        await files.WriteAsync("item_bias", _itemBias, cancellationToken);
        await files.WriteAsync("neighbor_start", _neighborStart, cancellationToken);
        await files.WriteAsync("neighbor_items", _neighborItems, cancellationToken);
        await files.WriteAsync("neighbor_similarities", _neighborSimilarities, cancellationToken);
    }

    public static async Task<ItemKnnBaselineModel> LoadAsync(RatingModelFiles files, CancellationToken cancellationToken) => new(
        files.Parameters,
        new ItemIndex(await files.ReadAsync<int>("movie_ids", cancellationToken)),
        files.Number("mean"),
        await files.ReadAsync<float>("item_bias", cancellationToken),
        files.Number("user_regularization"),
        files.Integer("neighbors"),
        await files.ReadAsync<int>("neighbor_start", cancellationToken),
        await files.ReadAsync<int>("neighbor_items", cancellationToken),
        await files.ReadAsync<float>("neighbor_similarities", cancellationToken),
        (float)files.Number("min_rating"), (float)files.Number("max_rating"));
}
