using System.Numerics.Tensors;

namespace Marquee.Core.Recommenders;

/// <summary>
/// An inverted-file index over a factor model's item vectors, so a page need not score the whole catalogue:
/// the items are grouped by k-means once per model; a query scores the few hundred centroids and then only the
/// items of the clusters whose centroids score highest (where the page's films are) and of the two that score
/// lowest (where the catalogue's lowest score is, which the ranking's min-max normalisation needs). Every score
/// it returns is exact; what it can miss is a high-scoring item in a cluster it did not open, which
/// docs/performance.md measures as recall against scoring everything.
/// </summary>
public sealed class FactorClusters
{
    /// <summary>Lloyd iterations: the clusters only route queries, so a rough partition serves as well as a converged one.</summary>
    private const int Iterations = 6;

    /// <summary>Clusters opened from the bottom of the centroid ranking for the catalogue's lowest score.</summary>
    private const int LowestClusters = 2;

    private readonly int _factors;
    private readonly float[] _centroids;
    private readonly int[] _clusterStart;
    /// <summary>Item positions grouped by cluster, ascending within each.</summary>
    private readonly int[] _members;
    /// <summary>The members' factors in the same order: a cluster's items are one contiguous block to scan.</summary>
    private readonly float[] _memberFactors;

    private FactorClusters(int factors, float[] centroids, int[] clusterStart, int[] members, float[] memberFactors)
    {
        _factors = factors;
        _centroids = centroids;
        _clusterStart = clusterStart;
        _members = members;
        _memberFactors = memberFactors;
    }

    public int Clusters => _clusterStart.Length - 1;

    /// <summary>
    /// Clusters <paramref name="itemFactors"/> (row-major items × factors) into about √items groups. Deterministic:
    /// the seeds are items spread evenly over the catalogue, so the same model always gives the same index.
    /// </summary>
    public static FactorClusters Build(ReadOnlySpan<float> itemFactors, int factors, CancellationToken cancellationToken = default)
    {
        var items = itemFactors.Length / factors;
        var clusters = Math.Clamp((int)Math.Round(Math.Sqrt(items)), 1, Math.Max(1, items));
        var centroids = new float[clusters * factors];
        for (var c = 0; c < clusters; c++)
        {
            itemFactors.Slice((int)((long)c * items / clusters) * factors, factors).CopyTo(centroids.AsSpan(c * factors, factors));
        }
        var assignment = new int[items];
        var sums = new double[clusters * factors];
        var counts = new int[clusters];
        var centroidNorms = new float[clusters];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var c = 0; c < clusters; c++)
            {
                centroidNorms[c] = TensorPrimitives.Dot<float>(centroids.AsSpan(c * factors, factors), centroids.AsSpan(c * factors, factors));
            }
            // Nearest centroid by Euclidean distance: argmin ‖c‖² − 2 y·c.
            for (var j = 0; j < items; j++)
            {
                var y = itemFactors.Slice(j * factors, factors);
                var best = 0;
                var bestDistance = float.MaxValue;
                for (var c = 0; c < clusters; c++)
                {
                    var distance = centroidNorms[c] - (2 * TensorPrimitives.Dot(y, centroids.AsSpan(c * factors, factors)));
                    if (distance < bestDistance)
                    {
                        bestDistance = distance;
                        best = c;
                    }
                }
                assignment[j] = best;
            }
            Array.Clear(sums);
            Array.Clear(counts);
            for (var j = 0; j < items; j++)
            {
                var c = assignment[j];
                counts[c]++;
                for (var f = 0; f < factors; f++)
                {
                    sums[(c * factors) + f] += itemFactors[(j * factors) + f];
                }
            }
            for (var c = 0; c < clusters; c++)
            {
                // An emptied cluster keeps its old centroid; it simply routes nothing.
                if (counts[c] > 0)
                {
                    for (var f = 0; f < factors; f++)
                    {
                        centroids[(c * factors) + f] = (float)(sums[(c * factors) + f] / counts[c]);
                    }
                }
            }
        }
        var clusterStart = new int[clusters + 1];
        foreach (var c in assignment)
        {
            clusterStart[c + 1]++;
        }
        for (var c = 0; c < clusters; c++)
        {
            clusterStart[c + 1] += clusterStart[c];
        }
        var members = new int[items];
        var memberFactors = new float[items * factors];
        var next = clusterStart[..^1];
        for (var j = 0; j < items; j++)
        {
            var at = next[assignment[j]]++;
            members[at] = j;
            itemFactors.Slice(j * factors, factors).CopyTo(memberFactors.AsSpan(at * factors, factors));
        }
        return new FactorClusters(factors, centroids, clusterStart, members, memberFactors);
    }

    /// <summary>
    /// Exact scores <c>user · y</c> of the items in the clusters whose centroids score highest for
    /// <paramref name="user"/>, opened best first until at least <paramref name="depth"/> items are scored, plus the
    /// items of the <see cref="LowestClusters"/> lowest-scoring clusters. Appends positions and scores.
    /// </summary>
    public void Search(ReadOnlySpan<float> user, int depth, List<int> positions, List<float> scores)
    {
        var clusters = Clusters;
        var centroidScores = new float[clusters];
        for (var c = 0; c < clusters; c++)
        {
            centroidScores[c] = TensorPrimitives.Dot(user, _centroids.AsSpan(c * _factors, _factors));
        }
        var order = new int[clusters];
        for (var c = 0; c < clusters; c++)
        {
            order[c] = c;
        }
        // Best first; ties to the smaller cluster so a query always opens the same clusters.
        Array.Sort(order, (a, b) => centroidScores[b] != centroidScores[a] ? centroidScores[b].CompareTo(centroidScores[a]) : a.CompareTo(b));
        var opened = 0;
        var scanned = 0;
        while (opened < clusters && scanned < depth)
        {
            scanned += Scan(order[opened++], user, positions, scores);
        }
        for (var low = Math.Max(opened, clusters - LowestClusters); low < clusters; low++)
        {
            Scan(order[low], user, positions, scores);
        }
    }

    private int Scan(int cluster, ReadOnlySpan<float> user, List<int> positions, List<float> scores)
    {
        var start = _clusterStart[cluster];
        var end = _clusterStart[cluster + 1];
        for (var at = start; at < end; at++)
        {
            positions.Add(_members[at]);
            scores.Add(TensorPrimitives.Dot(user, _memberFactors.AsSpan(at * _factors, _factors)));
        }
        return end - start;
    }
}
