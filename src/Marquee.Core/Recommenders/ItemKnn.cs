using Marquee.Core.Evaluation;
using Marquee.Core.Interactions;
using Marquee.Core.Numerics;

namespace Marquee.Core.Recommenders;

/// <summary>Settings of <see cref="ItemKnn"/>.</summary>
public sealed record ItemKnnOptions
{
    /// <summary>Neighbours kept per item.</summary>
    public int Neighbors { get; init; } = 50;

    /// <summary>Added to the cosine denominator so pairs with little co-occurrence count less (0 = plain cosine).</summary>
    public double Shrinkage { get; init; }
}

/// <summary>
/// Item-based k-nearest neighbours: cosine similarity of the items' binary user columns, the k most
/// similar items kept per item, and a user's score for j = Σ over the user's items i of sim_k(i, j).
/// </summary>
public sealed class ItemKnn(ItemKnnOptions? options = null) : ITopNAlgorithm
{
    public ItemKnnOptions Options { get; } = options ?? new ItemKnnOptions();

    public string Name => "itemknn";

    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>
    {
        ["k"] = Options.Neighbors,
        ["shrinkage"] = Options.Shrinkage,
    };

    public ITopNModel Fit(InteractionMatrix train, CancellationToken cancellationToken = default)
    {
        var itemCount = train.ItemCount;
        var k = Options.Neighbors;
        var norms = new double[itemCount];
        for (var i = 0; i < itemCount; i++)
        {
            norms[i] = Math.Sqrt(train.ByItem.RowLength(i));
        }
        var neighborColumns = new int[itemCount][];
        var neighborValues = new float[itemCount][];
        Parallel.For(0, itemCount, new ParallelOptions { CancellationToken = cancellationToken },
            () => (Counts: new int[itemCount], Similarity: CreateFilled(itemCount), Touched: new List<int>(), Top: new int[k]),
            (i, _, buffers) =>
            {
                var (counts, similarity, touched, top) = buffers;
                foreach (var user in train.ByItem.RowColumns(i))
                {
                    foreach (var j in train.ByUser.RowColumns(user))
                    {
                        if (counts[j]++ == 0)
                        {
                            touched.Add(j);
                        }
                    }
                }
                foreach (var j in touched)
                {
                    if (j != i)
                    {
                        similarity[j] = (Options.Shrinkage == 0
                            ? counts[j] / norms[i] / norms[j]
                            : counts[j] / (norms[i] * norms[j] + Options.Shrinkage));
                    }
                }
                var found = TopK.Select<double>(similarity, top);
                var columns = top[..found];
                var values = new float[found];
                for (var n = 0; n < found; n++)
                {
                    values[n] = (float)similarity[columns[n]];
                }
                neighborColumns[i] = columns;
                neighborValues[i] = values;
                foreach (var j in touched)
                {
                    counts[j] = 0;
                    similarity[j] = double.NegativeInfinity;
                }
                touched.Clear();
                return buffers;
            },
            _ => { });
        return new ItemKnnModel(train, neighborColumns, neighborValues);
    }

    private static double[] CreateFilled(int length)
    {
        var array = new double[length];
        array.AsSpan().Fill(double.NegativeInfinity);
        return array;
    }
}

/// <summary>A fitted <see cref="ItemKnn"/>: the k neighbours of every item, strongest first.</summary>
public sealed class ItemKnnModel : ITopNModel, IExplainableModel
{
    private readonly InteractionMatrix? _train;

    /// <summary>Rebuilds a fitted model from its saved neighbour lists; it then scores histories only.</summary>
    public static ItemKnnModel FromNeighbors(ItemIndex items, int[][] neighborColumns, float[][] neighborValues) =>
        new(null, neighborColumns, neighborValues, items);

    internal ItemKnnModel(InteractionMatrix? train, int[][] neighborColumns, float[][] neighborValues, ItemIndex? items = null)
    {
        _train = train;
        Items = items ?? train!.Items;
        NeighborColumns = neighborColumns;
        NeighborValues = neighborValues;
    }

    public string Algorithm => "itemknn";
    public ItemIndex Items { get; }
    public int[][] NeighborColumns { get; }
    public float[][] NeighborValues { get; }

    public void ScoreTrainingUser(int userRow, Span<float> scores)
    {
        var train = _train ?? throw new InvalidOperationException("a loaded model scores histories only");
        scores.Clear();
        foreach (var i in train.ByUser.RowColumns(userRow))
        {
            AddNeighbors(i, 1f, scores);
        }
    }

    /// <summary>Like the training path, every positively rated history item counts once.</summary>
    public void ScoreHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> weights, Span<float> scores)
    {
        scores.Clear();
        for (var n = 0; n < items.Length; n++)
        {
            if (weights[n] > 0)
            {
                AddNeighbors(items[n], 1f, scores);
            }
        }
    }

    public void Contributions(ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, int target, Span<float> contributions)
    {
        for (var n = 0; n < items.Length; n++)
        {
            contributions[n] = ratings[n] > 0 ? Similarity(items[n], target) : 0;
        }
    }

    /// <summary>sim_k(i, j): the similarity of j among i's kept neighbours, 0 when j is not one of them.</summary>
    public float Similarity(int i, int j)
    {
        var at = Array.IndexOf(NeighborColumns[i], j);
        return at < 0 ? 0 : NeighborValues[i][at];
    }

    private void AddNeighbors(int item, float weight, Span<float> scores)
    {
        var columns = NeighborColumns[item];
        var values = NeighborValues[item];
        for (var n = 0; n < columns.Length; n++)
        {
            scores[columns[n]] += weight * values[n];
        }
    }
}
