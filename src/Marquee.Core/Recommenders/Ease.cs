using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Marquee.Core.Interactions;
using Marquee.Core.Numerics;

namespace Marquee.Core.Recommenders;

/// <summary>Settings of <see cref="Ease"/>. The defaults are the classic binary EASE of Steck (2019).</summary>
public sealed record EaseOptions
{
    /// <summary>L2 regularisation λ of the item-item weights.</summary>
    public double Lambda { get; init; } = 500;

    /// <summary>
    /// Input weight of an interaction = (stars / 5)^exponent. 0 keeps the input binary (classic EASE);
    /// larger values let a 5-star rating say more about a user's taste than a 2-star one.
    /// </summary>
    public double RatingExponent { get; init; }

    /// <summary>
    /// Target weight of interactions rated below <see cref="LikedThreshold"/>; 1 reconstructs every
    /// interaction equally (classic EASE), smaller values teach the model to predict the movies a user
    /// will like rather than merely watch.
    /// </summary>
    public double BelowThresholdTarget { get; init; } = 1;

    /// <summary>Star rating from which an interaction counts as liked.</summary>
    public double LikedThreshold { get; init; } = 4;

    /// <summary>
    /// Most memory the fit's dense matrices may take (<see cref="EaseMemory.RequiredBytes"/>); beyond it
    /// use ALS or ItemKNN.
    /// </summary>
    public long MemoryBudgetBytes { get; init; } = EaseMemory.DefaultBudgetBytes;

    /// <summary>Input weight of one interaction with this rating.</summary>
    public float InputWeight(float stars)
    {
        if (RatingExponent == 0)
        {
            return 1f;
        }
        // Ratings come in half stars; a table spares the serving path a Math.Pow per history item.
        var halves = stars * 2;
        if (halves is >= 1 and <= 10 && halves == MathF.Round(halves))
        {
            return HalfStarWeights(RatingExponent)[(int)halves];
        }
        return (float)Math.Pow(Math.Clamp(stars, 0.5f, 5f) / 5.0, RatingExponent);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<double, float[]> HalfStarTables = new();

    private static float[] HalfStarWeights(double exponent) => HalfStarTables.GetOrAdd(exponent, e =>
        [.. Enumerable.Range(0, 11).Select(h => h == 0 ? 0f : (float)Math.Pow(h / 10.0, e))]);

    /// <summary>Target weight of one interaction with this rating.</summary>
    public float TargetWeight(float stars) => stars >= LikedThreshold ? 1f : (float)BelowThresholdTarget;
}

/// <summary>
/// EASE (Steck 2019), generalised to rating-weighted inputs X and graded targets Y:
/// B = argmin ‖Y − XB‖² + λ‖B‖² subject to diag(B) = 0, whose closed form is
/// B = B̂ − P·diag(B̂_jj / P_jj) with P = (XᵀX + λI)⁻¹ and B̂ = P·XᵀY. With binary X = Y it is the
/// classic model (B = −P / diag P). When there are fewer users than items P is never formed: the
/// Woodbury identity P = (I − Xᵀ(λI + XXᵀ)⁻¹X)/λ needs only a users × users inverse — exact, and an
/// items³ fit becomes a users³ one (ml-latest-small: 610³ instead of 9,724³).
/// </summary>
public sealed class Ease(EaseOptions? options = null) : ITopNAlgorithm
{
    public EaseOptions Options { get; } = options ?? new EaseOptions();

    public string Name => "ease";

    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>
    {
        ["lambda"] = Options.Lambda,
        ["rating_exponent"] = Options.RatingExponent,
        ["below_threshold_target"] = Options.BelowThresholdTarget,
    };

    public ITopNModel Fit(InteractionMatrix train, CancellationToken cancellationToken = default)
    {
        if (!EaseMemory.Fits(train.UserCount, train.ItemCount, Options.MemoryBudgetBytes))
        {
            throw new InvalidOperationException($"{EaseMemory.Describe(train.UserCount, train.ItemCount, Options.MemoryBudgetBytes)}. Use als or itemknn.");
        }
        return train.UserCount < train.ItemCount
            ? DualEaseModel.Fit(train, Options, cancellationToken)
            : PrimalEaseModel.Fit(train, Options, cancellationToken);
    }
}

/// <summary>EASE with the dense item-item weight matrix B (items × items, row-major): the path for items ≤ users.</summary>
public sealed class PrimalEaseModel : ITopNModel, IExplainableModel
{
    private readonly InteractionMatrix? _train;
    private readonly EaseOptions _options;

    /// <summary>Rebuilds a fitted model from its saved weights; it then scores histories only.</summary>
    public static PrimalEaseModel FromWeights(ItemIndex items, EaseOptions options, float[] weights) => new(null, options, weights, items);

    internal PrimalEaseModel(InteractionMatrix? train, EaseOptions options, float[] weights, ItemIndex? items = null)
    {
        _train = train;
        _options = options;
        Items = items ?? train!.Items;
        Weights = weights;
    }

    public string Algorithm => "ease";
    public ItemIndex Items { get; }
    public EaseOptions Options => _options;
    /// <summary>B in row-major order: B[i, j] is how much having i raises the score of j.</summary>
    public float[] Weights { get; }

    internal static PrimalEaseModel Fit(InteractionMatrix train, EaseOptions options, CancellationToken cancellationToken)
    {
        var n = train.ItemCount;
        var (p, xty) = GramAndCross(train, options, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        Cholesky.Invert(p, n);
        cancellationToken.ThrowIfCancellationRequested();
        var gamma = DiagonalRatios(p, xty, n);
        // B = B̂ − P·diag(γ) with B̂ = P·XᵀY, a block of rows at a time: the product goes to the BLAS
        // (dgemm) and only one block of B̂ is ever held, so the fit peaks at P and XᵀY in float64 plus B.
        var weights = new float[n * n];
        var blockRows = Math.Min(n, ProductBlockRows);
        var block = new double[blockRows * n];
        for (var first = 0; first < n; first += blockRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = Math.Min(blockRows, n - first);
            MatrixProduct.Multiply(p.AsMemory(first * n, rows * n), xty, block.AsMemory(0, rows * n), rows, n, n);
            var offset = first;
            Parallel.For(0, rows, r =>
            {
                var i = offset + r;
                var bHat = block.AsSpan(r * n, n);
                var pRow = p.AsSpan(i * n, n);
                var row = weights.AsSpan(i * n, n);
                for (var j = 0; j < n; j++)
                {
                    row[j] = (float)(bHat[j] - (pRow[j] * gamma[j]));
                }
                row[i] = 0f;
            });
        }
        return new PrimalEaseModel(train, options, weights);
    }

    /// <summary>
    /// G + λI = XᵀX + λI and XᵀY (items × items, float64), accumulated from the sparse data: each item's
    /// row from its users' histories: Σ_u |u|² updates, where a dense syrk would do users × items² (X is 1–2%
    /// full on MovieLens).
    /// </summary>
    internal static (double[] Gram, double[] Cross) GramAndCross(InteractionMatrix train, EaseOptions options, CancellationToken cancellationToken)
    {
        var n = train.ItemCount;
        var x = train.ByUser.Values.Select(options.InputWeight).ToArray();
        var y = train.ByUser.Values.Select(options.TargetWeight).ToArray();
        var p = new double[n * n];
        var xty = new double[n * n];
        // G = XᵀX and XᵀY, accumulated row by row from each item's users.
        var byUser = train.ByUser;
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var gRow = p.AsSpan(i * n, n);
            var cRow = xty.AsSpan(i * n, n);
            foreach (var user in train.ByItem.RowColumns(i))
            {
                var start = byUser.RowPointers[user];
                var columns = byUser.RowColumns(user);
                var xi = x[start + columns.BinarySearch(i)];
                for (var k = 0; k < columns.Length; k++)
                {
                    gRow[columns[k]] += xi * x[start + k];
                    cRow[columns[k]] += xi * y[start + k];
                }
            }
            gRow[i] += options.Lambda;
        });
        return (p, xty);
    }

    /// <summary>Rows of B̂ = P·XᵀY computed per BLAS call: 512 × items doubles (44 MB at 10,677 items).</summary>
    private const int ProductBlockRows = 512;

    /// <summary>
    /// γ_j = B̂_jj / P_jj, with B̂_jj = Σ_k P[j,k]·(XᵀY)[k,j] = Σ_k P[k,j]·(XᵀY)[k,j] (P symmetric): the
    /// column sums of P ∘ XᵀY, accumulated over contiguous rows instead of read down columns.
    /// </summary>
    private static double[] DiagonalRatios(double[] p, double[] xty, int n)
    {
        // Fixed chunks summed in order afterwards, so γ depends on neither thread scheduling nor core count.
        const int chunk = 256;
        var partials = new double[(n + chunk - 1) / chunk][];
        Parallel.For(0, partials.Length, c =>
        {
            var partial = new double[n];
            for (var k = c * chunk; k < Math.Min(n, (c + 1) * chunk); k++)
            {
                TensorPrimitives.MultiplyAdd(p.AsSpan(k * n, n), xty.AsSpan(k * n, n), partial, partial);
            }
            partials[c] = partial;
        });
        var sums = partials[0];
        foreach (var partial in partials.Skip(1))
        {
            TensorPrimitives.Add(sums, partial, sums);
        }
        for (var j = 0; j < n; j++)
        {
            sums[j] /= p[(j * n) + j];
        }
        return sums;
    }

    public void ScoreTrainingUser(int userRow, Span<float> scores)
    {
        var train = _train ?? throw new InvalidOperationException("a loaded model scores histories only");
        scores.Clear();
        var columns = train.ByUser.RowColumns(userRow);
        var ratings = train.ByUser.RowValues(userRow);
        for (var n = 0; n < columns.Length; n++)
        {
            TensorPrimitives.MultiplyAdd(Row(columns[n]), _options.InputWeight(ratings[n]), scores, scores);
        }
    }

    public void ScoreHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> weights, Span<float> scores)
    {
        scores.Clear();
        for (var n = 0; n < items.Length; n++)
        {
            if (weights[n] > 0)
            {
                TensorPrimitives.MultiplyAdd(Row(items[n]), _options.InputWeight(weights[n]), scores, scores);
            }
        }
    }

    /// <summary>B[i, j]: how much having i (at full input weight) raises the score of j.</summary>
    public float Weight(int i, int j) => Weights[(long)i * Items.Count + j];

    public void Contributions(ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, int target, Span<float> contributions)
    {
        for (var n = 0; n < items.Length; n++)
        {
            contributions[n] = ratings[n] > 0 ? Weight(items[n], target) * _options.InputWeight(ratings[n]) : 0;
        }
    }

    private ReadOnlySpan<float> Row(int i) => Weights.AsSpan(i * Items.Count, Items.Count);
}

/// <summary>
/// EASE through the users × users dual. Keeps X and Y (sparse), M = (λI + XXᵀ)⁻¹ and per item
/// γ_j = B̂_jj / P_jj. A history h scores item j as (sY)_j − γ_j·(h_j − (sX)_j)/λ with s = (h Xᵀ) M:
/// two sparse passes and one users² product per request, on pooled buffers.
/// </summary>
public sealed class DualEaseModel : ITopNModel, IExplainableModel
{
    private readonly double[] _m;
    // Serving copy of M in float32 (evaluation and saved artifacts keep the float64 original) and, when
    // it fits the budget, G = XM (items × users): a history's user weights become a sum of |h| rows of
    // G instead of a users² product.
    private readonly Lazy<float[]> _mServingLazy;
    private readonly Lazy<float[]?> _itemUserLazy;
    private readonly float[] _zByItem;
    private readonly double[] _gamma;
    private readonly float[] _xByUser;
    private readonly float[] _yByUser;
    private readonly float[] _xByItem;
    private readonly float[] _yByItem;
    // Input weight by half star: the serving path looks it up instead of calling Math.Pow per history item.
    private readonly float[] _inputByHalfStar;

    private DualEaseModel(InteractionMatrix train, EaseOptions options, double[] m, double[] gamma, float[] xByUser, float[] yByUser, float[] xByItem, float[] yByItem)
    {
        Train = train;
        Options = options;
        _m = m;
        // The serving structures cost a fit as much as the fit itself; evaluation never needs them.
        _mServingLazy = new Lazy<float[]>(() =>
        {
            var single = new float[m.Length];
            TensorPrimitives.ConvertTruncating<double, float>(m, single);
            return single;
        });
        _itemUserLazy = new Lazy<float[]?>(() => (long)train.ItemCount * train.UserCount <= ItemUserBudget ? ItemUserProducts() : null);
        _gamma = gamma;
        _xByUser = xByUser;
        _yByUser = yByUser;
        _xByItem = xByItem;
        _yByItem = yByItem;
        _inputByHalfStar = [.. Enumerable.Range(0, 11).Select(halves => options.InputWeight(halves / 2f))];
        // z_uj = y_uj + (γ_j/λ)·x_uj, so a score is one sparse product: score_j = (sZ)_j − (γ_j/λ)·h_j.
        _zByItem = new float[xByItem.Length];
        for (var j = 0; j < train.ItemCount; j++)
        {
            var ratio = (float)(gamma[j] / options.Lambda);
            for (var q = train.ByItem.RowPointers[j]; q < train.ByItem.RowPointers[j + 1]; q++)
            {
                _zByItem[q] = yByItem[q] + (ratio * xByItem[q]);
            }
        }
    }

    /// <summary>Builds the serving structures now (the server calls this at load, not on the first request).</summary>
    public void PrepareForServing() => _ = ItemUser;

    private float[] ServingM => _mServingLazy.Value;

    private float[]? ItemUser => _itemUserLazy.Value;

    /// <summary>Largest G = XM (items × users floats) kept for serving: 32 M entries, 128 MB.</summary>
    public const long ItemUserBudget = 32L << 20;

    private float[] ItemUserProducts()
    {
        var u = Train.UserCount;
        var g = new float[(long)Train.ItemCount * u];
        Parallel.For(0, Train.ItemCount, i =>
        {
            var row = g.AsSpan(i * u, u);
            var users = Train.ByItem.RowColumns(i);
            var start = Train.ByItem.RowPointers[i];
            for (var q = 0; q < users.Length; q++)
            {
                TensorPrimitives.MultiplyAdd(ServingM.AsSpan(users[q] * u, u), _xByItem[start + q], row, row);
            }
        });
        return g;
    }

    public string Algorithm => "ease";
    public ItemIndex Items => Train.Items;
    public InteractionMatrix Train { get; }
    public EaseOptions Options { get; }

    /// <summary>M = (λI + XXᵀ)⁻¹, users × users, row-major.</summary>
    public ReadOnlySpan<double> UserKernelInverse => _m;

    /// <summary>γ_j = B̂_jj / P_jj per item.</summary>
    public ReadOnlySpan<double> Gamma => _gamma;

    /// <summary>Rebuilds a fitted model from its saved parts (training matrix, M, γ).</summary>
    public static DualEaseModel FromParts(InteractionMatrix train, EaseOptions options, double[] userKernelInverse, double[] gamma) =>
        new(train, options, userKernelInverse, gamma,
            train.ByUser.Values.Select(options.InputWeight).ToArray(),
            train.ByUser.Values.Select(options.TargetWeight).ToArray(),
            train.ByItem.Values.Select(options.InputWeight).ToArray(),
            train.ByItem.Values.Select(options.TargetWeight).ToArray());

    internal static DualEaseModel Fit(InteractionMatrix train, EaseOptions options, CancellationToken cancellationToken)
    {
        var xByUser = train.ByUser.Values.Select(options.InputWeight).ToArray();
        var yByUser = train.ByUser.Values.Select(options.TargetWeight).ToArray();
        var xByItem = train.ByItem.Values.Select(options.InputWeight).ToArray();
        var yByItem = train.ByItem.Values.Select(options.TargetWeight).ToArray();
        var u = train.UserCount;
        var lambda = options.Lambda;
        var m = new double[u * u];
        // K = XXᵀ + λI: users sharing items, weighted.
        Parallel.For(0, u, new ParallelOptions { CancellationToken = cancellationToken }, a =>
        {
            var row = m.AsSpan(a * u, u);
            var items = train.ByUser.RowColumns(a);
            var start = train.ByUser.RowPointers[a];
            for (var n = 0; n < items.Length; n++)
            {
                var xa = xByUser[start + n];
                var users = train.ByItem.RowColumns(items[n]);
                var itemStart = train.ByItem.RowPointers[items[n]];
                for (var q = 0; q < users.Length; q++)
                {
                    row[users[q]] += xa * xByItem[itemStart + q];
                }
            }
            row[a] += lambda;
        });
        Cholesky.Invert(m, u);
        // Per item j with user column x_j, y_j: λ·P_jj = 1 − x_jᵀ M x_j and B̂_jj = x_jᵀ M y_j.
        var gamma = new double[train.ItemCount];
        Parallel.For(0, train.ItemCount, j =>
        {
            var users = train.ByItem.RowColumns(j);
            var start = train.ByItem.RowPointers[j];
            double quadratic = 0, bHat = 0;
            for (var p = 0; p < users.Length; p++)
            {
                var row = m.AsSpan(users[p] * u, u);
                var xp = xByItem[start + p];
                for (var q = 0; q < users.Length; q++)
                {
                    var mpq = xp * row[users[q]];
                    quadratic += mpq * xByItem[start + q];
                    bHat += mpq * yByItem[start + q];
                }
            }
            gamma[j] = bHat * lambda / (1 - quadratic);
        });
        return new DualEaseModel(train, options, m, gamma, xByUser, yByUser, xByItem, yByItem);
    }

    public void ScoreTrainingUser(int userRow, Span<float> scores)
    {
        // For a training user t = K[u,:] − λe_u, and K·M = I − λM gives s = e_u − λ·M[u,:].
        var u = Train.UserCount;
        var s = ArrayPool<double>.Shared.Rent(u);
        try
        {
            TensorPrimitives.Multiply(_m.AsSpan(userRow * u, u), -Options.Lambda, s.AsSpan(0, u));
            s[userRow] += 1;
            var columns = Train.ByUser.RowColumns(userRow);
            var start = Train.ByUser.RowPointers[userRow];
            Project(s.AsSpan(0, u), columns, _xByUser.AsSpan(start, columns.Length), scores);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(s);
        }
    }

    public void ScoreHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> weights, Span<float> scores)
    {
        var u = Train.UserCount;
        var positions = ArrayPool<int>.Shared.Rent(items.Length);
        var inputs = ArrayPool<float>.Shared.Rent(items.Length);
        var s = ArrayPool<float>.Shared.Rent(u);
        try
        {
            var count = Inputs(items, weights, positions, inputs);
            UserWeights(positions.AsSpan(0, count), inputs.AsSpan(0, count), s.AsSpan(0, u));
            Project(s.AsSpan(0, u), positions.AsSpan(0, count), inputs.AsSpan(0, count), scores);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(positions);
            ArrayPool<float>.Shared.Return(inputs);
            ArrayPool<float>.Shared.Return(s);
        }
    }

    /// <summary>
    /// B[i, j] for one item j and several history items i: how much each raised j's score, per unit of
    /// input weight.
    /// </summary>
    public void Weights(ReadOnlySpan<int> fromItems, int toItem, Span<double> weights)
    {
        var w = ArrayPool<float>.Shared.Rent(Train.UserCount);
        try
        {
            var column = w.AsSpan(0, Train.UserCount);
            UserSpaceColumn(toItem, column);
            for (var n = 0; n < fromItems.Length; n++)
            {
                weights[n] = Pair(fromItems[n], toItem, column);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(w);
        }
    }

    public void Contributions(ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, int target, Span<float> contributions)
    {
        if (ItemUser is not null)
        {
            ContributionsMany(items, ratings, [target], contributions);
            return;
        }
        var u = Train.UserCount;
        var w = ArrayPool<float>.Shared.Rent(u);
        try
        {
            var column = w.AsSpan(0, u);
            UserSpaceColumn(target, column);
            for (var n = 0; n < items.Length; n++)
            {
                contributions[n] = ratings[n] > 0 ? (float)(Pair(items[n], target, column) * Input(ratings[n])) : 0;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(w);
        }
    }

    /// <summary>
    /// Contributions to a page of targets, four at a time: z_j of four targets scattered side by side, then
    /// each history item's row of G is read once for four dot products (instead of once per target).
    /// B_ij = G[i,:]·z_j − (γ_j/λ)·δ_ij. Without G, one target at a time through M.
    /// </summary>
    public void ContributionsMany(ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, ReadOnlySpan<int> targets, Span<float> contributions)
    {
        const int Block = 4;
        var g = ItemUser;
        var h = items.Length;
        if (g is null)
        {
            for (var t = 0; t < targets.Length; t++)
            {
                Contributions(items, ratings, targets[t], contributions.Slice(t * h, h));
            }
            return;
        }
        var u = Train.UserCount;
        var columns = ArrayPool<float>.Shared.Rent(Block * u);
        Span<float> dots = stackalloc float[Block];
        try
        {
            for (var first = 0; first < targets.Length; first += Block)
            {
                var block = Math.Min(Block, targets.Length - first);
                var z = columns.AsSpan(0, Block * u);
                z.Clear();
                for (var b = 0; b < block; b++)
                {
                    var users = Train.ByItem.RowColumns(targets[first + b]);
                    var start = Train.ByItem.RowPointers[targets[first + b]];
                    for (var q = 0; q < users.Length; q++)
                    {
                        z[(b * u) + users[q]] = _zByItem[start + q];
                    }
                }
                for (var n = 0; n < h; n++)
                {
                    var input = ratings[n] > 0 ? Input(ratings[n]) : 0f;
                    if (input != 0)
                    {
                        Dot4(g.AsSpan(items[n] * u, u), z, u, dots);
                    }
                    for (var b = 0; b < block; b++)
                    {
                        var target = targets[first + b];
                        var weight = dots[b] - (items[n] == target ? (float)(_gamma[target] / Options.Lambda) : 0f);
                        contributions[((first + b) * h) + n] = input != 0 ? weight * input : 0;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(columns);
        }
    }

    /// <summary>Four dot products of <paramref name="row"/> with four consecutive columns of length u.</summary>
    private static void Dot4(ReadOnlySpan<float> row, ReadOnlySpan<float> columns, int u, Span<float> dots)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var c = ref MemoryMarshal.GetReference(columns);
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
        var k = 0;
        for (; k <= u - Vector256<float>.Count; k += Vector256<float>.Count)
        {
            var x = Vector256.LoadUnsafe(ref r, (nuint)k);
            a0 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref c, (nuint)k), a0);
            a1 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref c, (nuint)(u + k)), a1);
            a2 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref c, (nuint)((2 * u) + k)), a2);
            a3 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref c, (nuint)((3 * u) + k)), a3);
        }
        float d0 = Vector256.Sum(a0), d1 = Vector256.Sum(a1), d2 = Vector256.Sum(a2), d3 = Vector256.Sum(a3);
        for (; k < u; k++)
        {
            var x = row[k];
            d0 += x * columns[k];
            d1 += x * columns[u + k];
            d2 += x * columns[(2 * u) + k];
            d3 += x * columns[(3 * u) + k];
        }
        dots[0] = d0;
        dots[1] = d1;
        dots[2] = d2;
        dots[3] = d3;
    }

    private float Input(float stars)
    {
        var halves = stars * 2;
        return halves is >= 1 and <= 10 && halves == MathF.Round(halves) ? _inputByHalfStar[(int)halves] : Options.InputWeight(stars);
    }

    /// <summary>
    /// M·z_j with z_j = y_j + (γ_j/λ)·x_j, the users-space image of item j's column of B:
    /// B_ij = x_iᵀ M z_j − γ_j δ_ij / λ.
    /// </summary>
    private void UserSpaceColumn(int item, Span<float> column)
    {
        var u = Train.UserCount;
        column.Clear();
        if (ItemUser is not null)
        {
            return; // Pair reads G directly.
        }
        var users = Train.ByItem.RowColumns(item);
        var start = Train.ByItem.RowPointers[item];
        var ratio = (float)(_gamma[item] / Options.Lambda);
        for (var q = 0; q < users.Length; q++)
        {
            TensorPrimitives.MultiplyAdd(ServingM.AsSpan(users[q] * u, u), _yByItem[start + q] + (ratio * _xByItem[start + q]), column, column);
        }
    }

    private double Pair(int from, int to, ReadOnlySpan<float> column)
    {
        if (ItemUser is not null)
        {
            // B_ij = G[i,:]·z_j − (γ_j/λ)·δ_ij, summed over j's users only.
            var u = Train.UserCount;
            var g = ItemUser.AsSpan(from * u, u);
            var targetUsers = Train.ByItem.RowColumns(to);
            var targetStart = Train.ByItem.RowPointers[to];
            var dot = 0.0;
            for (var q = 0; q < targetUsers.Length; q++)
            {
                dot += g[targetUsers[q]] * _zByItem[targetStart + q];
            }
            return from == to ? dot - (_gamma[to] / Options.Lambda) : dot;
        }
        var users = Train.ByItem.RowColumns(from);
        var start = Train.ByItem.RowPointers[from];
        var sum = 0.0;
        for (var q = 0; q < users.Length; q++)
        {
            sum += _xByItem[start + q] * column[users[q]];
        }
        return from == to ? sum - (_gamma[to] / Options.Lambda) : sum;
    }

    /// <summary>Keeps the positively rated history items and maps ratings to input weights; returns how many.</summary>
    private int Inputs(ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, Span<int> positions, Span<float> inputs)
    {
        var count = 0;
        for (var n = 0; n < items.Length; n++)
        {
            if (ratings[n] > 0)
            {
                positions[count] = items[n];
                inputs[count++] = Input(ratings[n]);
            }
        }
        return count;
    }

    /// <summary>s = (h Xᵀ) M for a history with input weights.</summary>
    private void UserWeights(ReadOnlySpan<int> positions, ReadOnlySpan<float> inputs, Span<float> s)
    {
        var u = Train.UserCount;
        if (ItemUser is not null)
        {
            s.Clear();
            for (var n = 0; n < positions.Length; n++)
            {
                TensorPrimitives.MultiplyAdd(ItemUser.AsSpan(positions[n] * u, u), inputs[n], s, s);
            }
            return;
        }
        var buffer = ArrayPool<float>.Shared.Rent(u);
        try
        {
            var t = buffer.AsSpan(0, u);
            t.Clear();
            for (var n = 0; n < positions.Length; n++)
            {
                var users = Train.ByItem.RowColumns(positions[n]);
                var start = Train.ByItem.RowPointers[positions[n]];
                for (var q = 0; q < users.Length; q++)
                {
                    t[users[q]] += inputs[n] * _xByItem[start + q];
                }
            }
            s.Clear();
            for (var a = 0; a < u; a++)
            {
                if (t[a] != 0)
                {
                    TensorPrimitives.MultiplyAdd(ServingM.AsSpan(a * u, u), t[a], s, s);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// scores_j = (sZ)_j − (γ_j/λ)·h_j with z_uj = y_uj + (γ_j/λ)·x_uj (= (sY)_j − γ_j·(h_j − (sX)_j)/λ),
    /// gathered item by item so the users-sized s stays in L1 and the non-zeros stream in order.
    /// </summary>
    private void Project<T>(ReadOnlySpan<T> s, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyInputs, Span<float> scores)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var byItem = Train.ByItem;
        var pointers = byItem.RowPointers;
        ref var users = ref MemoryMarshal.GetArrayDataReference(byItem.ColumnIndices);
        ref var z = ref MemoryMarshal.GetArrayDataReference(_zByItem);
        ref var sr = ref MemoryMarshal.GetReference(s);
        for (var j = 0; j < scores.Length; j++)
        {
            // Four partial sums: one running sum makes every product wait for the previous addition
            // (latency-bound at ~4 cycles per interaction); four keep the loads busy instead.
            T sum0 = T.Zero, sum1 = T.Zero, sum2 = T.Zero, sum3 = T.Zero;
            var q = pointers[j];
            var end = pointers[j + 1];
            for (; q + 4 <= end; q += 4)
            {
                sum0 += Unsafe.Add(ref sr, Unsafe.Add(ref users, q)) * T.CreateTruncating(Unsafe.Add(ref z, q));
                sum1 += Unsafe.Add(ref sr, Unsafe.Add(ref users, q + 1)) * T.CreateTruncating(Unsafe.Add(ref z, q + 1));
                sum2 += Unsafe.Add(ref sr, Unsafe.Add(ref users, q + 2)) * T.CreateTruncating(Unsafe.Add(ref z, q + 2));
                sum3 += Unsafe.Add(ref sr, Unsafe.Add(ref users, q + 3)) * T.CreateTruncating(Unsafe.Add(ref z, q + 3));
            }
            for (; q < end; q++)
            {
                sum0 += Unsafe.Add(ref sr, Unsafe.Add(ref users, q)) * T.CreateTruncating(Unsafe.Add(ref z, q));
            }
            scores[j] = float.CreateTruncating((sum0 + sum1) + (sum2 + sum3));
        }
        var inverseLambda = 1.0 / Options.Lambda;
        for (var n = 0; n < historyItems.Length; n++)
        {
            var j = historyItems[n];
            scores[j] -= (float)(_gamma[j] * historyInputs[n] * inverseLambda);
        }
    }
}
