using System.Numerics.Tensors;
using Marquee.Core.Interactions;
using Marquee.Core.Numerics;

namespace Marquee.Core.Recommenders;

/// <summary>Settings of <see cref="Ease"/>.</summary>
public sealed record EaseOptions
{
    /// <summary>L2 regularisation λ of the item-item weights.</summary>
    public double Lambda { get; init; } = 500;

    /// <summary>Largest min(users, items) the dense solve may take; beyond it use ALS or ItemKNN.</summary>
    public int MaxDimension { get; init; } = 20_000;
}

/// <summary>
/// EASE (Steck 2019): item-item weights B = argmin ‖X − XB‖² + λ‖B‖² with diag(B) = 0, in closed form
/// B = −P / diag(P) with P = (XᵀX + λI)⁻¹. When there are fewer users than items, P is never formed:
/// the Woodbury identity P = (I − Xᵀ(λI + XXᵀ)⁻¹X) / λ needs only a users × users inverse, which is
/// exact and turns an items³ fit into a users³ one (ml-latest-small: 610³ instead of 9,724³).
/// </summary>
public sealed class Ease(EaseOptions? options = null) : ITopNAlgorithm
{
    public EaseOptions Options { get; } = options ?? new EaseOptions();

    public string Name => "ease";

    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double> { ["lambda"] = Options.Lambda };

    public ITopNModel Fit(InteractionMatrix train, CancellationToken cancellationToken = default)
    {
        if (Math.Min(train.UserCount, train.ItemCount) > Options.MaxDimension)
        {
            throw new InvalidOperationException(
                $"EASE needs a dense {Math.Min(train.UserCount, train.ItemCount):N0}² solve; the limit is {Options.MaxDimension:N0}. Use als or itemknn.");
        }
        return train.UserCount < train.ItemCount
            ? DualEaseModel.Fit(train, Options.Lambda, cancellationToken)
            : FitPrimal(train, Options.Lambda, cancellationToken);
    }

    /// <summary>Forces the items × items path (for comparisons and tests).</summary>
    public PrimalEaseModel FitPrimal(InteractionMatrix train, double lambda, CancellationToken cancellationToken = default)
    {
        var n = train.ItemCount;
        var g = new double[n * n];
        // G = XᵀX with binary X: every pair of items a user shares adds one.
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var row = g.AsSpan(i * n, n);
            foreach (var user in train.ByItem.RowColumns(i))
            {
                foreach (var j in train.ByUser.RowColumns(user))
                {
                    row[j] += 1;
                }
            }
            row[i] += lambda;
        });
        Cholesky.InvertInPlace(g, n);
        var weights = new float[n * n];
        Parallel.For(0, n, i =>
        {
            for (var j = 0; j < n; j++)
            {
                weights[i * n + j] = i == j ? 0f : (float)(-g[i * n + j] / g[j * n + j]);
            }
        });
        return new PrimalEaseModel(train, weights);
    }
}

/// <summary>EASE with the dense item-item weight matrix B (items × items, row-major).</summary>
public sealed class PrimalEaseModel : ITopNModel
{
    private readonly InteractionMatrix? _train;

    internal PrimalEaseModel(InteractionMatrix? train, float[] weights, ItemIndex? items = null)
    {
        _train = train;
        Items = items ?? train!.Items;
        Weights = weights;
    }

    public string Algorithm => "ease";
    public ItemIndex Items { get; }
    /// <summary>B in row-major order: B[i, j] is how much having i raises the score of j.</summary>
    public float[] Weights { get; }

    public void ScoreTrainingUser(int userRow, Span<float> scores)
    {
        var train = _train ?? throw new InvalidOperationException("a loaded model scores histories only");
        scores.Clear();
        foreach (var i in train.ByUser.RowColumns(userRow))
        {
            TensorPrimitives.Add(scores, Row(i), scores);
        }
    }

    public void ScoreHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> weights, Span<float> scores)
    {
        scores.Clear();
        for (var n = 0; n < items.Length; n++)
        {
            TensorPrimitives.MultiplyAdd(Row(items[n]), weights[n], scores, scores);
        }
    }

    public float Weight(int i, int j) => Weights[(long)i * Items.Count + j];

    private ReadOnlySpan<float> Row(int i) => Weights.AsSpan(i * Items.Count, Items.Count);
}

/// <summary>
/// EASE through the users × users dual: keeps X, M = (λI + XXᵀ)⁻¹ and d = diag(P). A history h scores
/// item j ∉ h as (h X_uᵀ M X)_j / (λ d_j) — a few sparse passes and one users² product per request.
/// </summary>
public sealed class DualEaseModel : ITopNModel
{
    private readonly InteractionMatrix _train;
    private readonly double _lambda;
    private readonly double[] _m;
    private readonly double[] _scale;

    private DualEaseModel(InteractionMatrix train, double lambda, double[] m, double[] scale)
    {
        _train = train;
        _lambda = lambda;
        _m = m;
        _scale = scale;
    }

    public string Algorithm => "ease";
    public ItemIndex Items => _train.Items;
    public double Lambda => _lambda;
    public InteractionMatrix Train => _train;

    internal static DualEaseModel Fit(InteractionMatrix train, double lambda, CancellationToken cancellationToken)
    {
        var u = train.UserCount;
        var m = new double[u * u];
        // K = XXᵀ: users sharing an item.
        Parallel.For(0, u, new ParallelOptions { CancellationToken = cancellationToken }, a =>
        {
            var row = m.AsSpan(a * u, u);
            foreach (var item in train.ByUser.RowColumns(a))
            {
                foreach (var b in train.ByItem.RowColumns(item))
                {
                    row[b] += 1;
                }
            }
            row[a] += lambda;
        });
        Cholesky.InvertInPlace(m, u);
        // λ·diag(P)_j = 1 − x_jᵀ M x_j, with x_j the users of item j.
        var scale = new double[train.ItemCount];
        Parallel.For(0, train.ItemCount, j =>
        {
            var users = train.ByItem.RowColumns(j);
            var quadratic = 0.0;
            foreach (var a in users)
            {
                var row = m.AsSpan(a * u, u);
                foreach (var b in users)
                {
                    quadratic += row[b];
                }
            }
            scale[j] = 1.0 / (1.0 - quadratic);
        });
        return new DualEaseModel(train, lambda, m, scale);
    }

    public void ScoreTrainingUser(int userRow, Span<float> scores)
    {
        // For a training user, K[u,:] M = e_u − λ M[u,:], so no users² product is needed.
        var u = _train.UserCount;
        Span<double> s = new double[u];
        for (var b = 0; b < u; b++)
        {
            s[b] = -_lambda * _m[userRow * u + b];
        }
        s[userRow] += 1;
        Project(s, scores);
    }

    public void ScoreHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> weights, Span<float> scores)
    {
        var u = _train.UserCount;
        var t = new double[u];
        for (var n = 0; n < items.Length; n++)
        {
            foreach (var a in _train.ByItem.RowColumns(items[n]))
            {
                t[a] += weights[n];
            }
        }
        var s = new double[u];
        for (var a = 0; a < u; a++)
        {
            if (t[a] != 0)
            {
                TensorPrimitives.MultiplyAdd(_m.AsSpan(a * u, u), t[a], s, s);
            }
        }
        Project(s, scores);
        // The history items themselves: h_j − r_j would be needed; callers exclude them anyway.
    }

    /// <summary>scores_j = (s X)_j / (λ d_j).</summary>
    private void Project(ReadOnlySpan<double> s, Span<float> scores)
    {
        var r = new double[_train.ItemCount];
        for (var a = 0; a < s.Length; a++)
        {
            var weight = s[a];
            if (weight == 0)
            {
                continue;
            }
            foreach (var j in _train.ByUser.RowColumns(a))
            {
                r[j] += weight;
            }
        }
        for (var j = 0; j < r.Length; j++)
        {
            scores[j] = (float)(r[j] * _scale[j]);
        }
    }
}
