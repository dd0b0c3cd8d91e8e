using System.Numerics;
using System.Runtime.InteropServices;
using Marquee.Core.Numerics;

namespace Marquee.Core.Recommenders.RatingPrediction;

/// <summary>One Gibbs chain of <see cref="BayesianFactorization"/>: its state and one method per block.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A chain runs once: Run disposes its per-thread scratch in a finally block.")]
internal sealed class BayesianChain
{
    // Normal–Gamma hyper-prior of libFM: λ ~ Gamma(1, 1), m ~ N(0, 1/λ); noise precision α ~ Gamma(1, 1).
    private const double PriorShape = 1, PriorRate = 1, PriorStrength = 1;
    private const long HyperStream = 0, ItemStream = 1, UserStream = 2, NoiseStream = 3;

    private readonly RatingMatrix _data;
    private readonly BayesianFactorizationOptions _options;
    private readonly ulong _seed;
    private readonly bool _parallel;
    private readonly int _k, _d, _stride;
    private readonly double _mu;
    private double _alpha = 1;

    // Parameters as [bias, factors…] in double; the design rows [1, factors…, 0 padding] the other
    // side's Gram matrices are built from, in float and padded to whole SIMD vectors (a Gram sums a
    // few thousand terms at most, far inside float precision, and twice the lanes per instruction).
    private readonly double[] _user, _item;
    private readonly float[] _userDesign, _itemDesign;
    private readonly double[] _userNoise, _userSquaredError, _itemNoise;
    private readonly double[] _userMean, _userPrecision, _itemMean, _itemPrecision;
    // Derived once per sweep from the movie prior, which every movie shares: λ∘m, 1/λ and 1/√λ.
    private readonly double[] _userLinear, _itemLinear, _itemVariance, _itemDeviation;
    private readonly ThreadLocal<Scratch> _scratch;

    public BayesianChain(RatingMatrix data, BayesianFactorizationOptions options, int chain, bool parallel)
    {
        _data = data;
        _options = options;
        _seed = SplitMix64.Key(options.Seed, 0x6368_6169_6E00L, chain);
        _parallel = parallel;
        _k = options.Factors;
        _d = _k + 1;
        _stride = GramKernel.Stride(_d);
        _mu = data.Mean;
        _user = new double[data.UserCount * _d];
        _item = new double[data.ItemCount * _d];
        _userDesign = new float[data.UserCount * _stride];
        _itemDesign = new float[data.ItemCount * _stride];
        _userNoise = new double[data.UserCount];
        Array.Fill(_userNoise, 1.0);
        _userSquaredError = new double[data.UserCount];
        _itemNoise = new double[data.ItemCount];
        Array.Fill(_itemNoise, 1.0);
        _userMean = new double[_d];
        _userPrecision = new double[_d];
        _itemMean = new double[_d];
        _itemPrecision = new double[_d];
        Array.Fill(_userPrecision, 1.0);
        Array.Fill(_itemPrecision, 1.0);
        _userLinear = new double[_d];
        _itemLinear = new double[_d];
        _itemVariance = new double[_d];
        _itemDeviation = new double[_d];
        var d = _d;
        var stride = _stride;
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(d, stride));

        var init = GaussianRandom.For(_seed, -1, 0);
        for (var u = 0; u < data.UserCount; u++)
        {
            for (var f = 1; f < _d; f++)
            {
                _user[(u * _d) + f] = options.InitialStandardDeviation * init.NextNormal();
            }
        }
        for (var i = 0; i < data.ItemCount; i++)
        {
            for (var f = 1; f < _d; f++)
            {
                _item[(i * _d) + f] = options.InitialStandardDeviation * init.NextNormal();
            }
        }
        RefreshDesign(_user, _userDesign, data.UserCount);
        RefreshDesign(_item, _itemDesign, data.ItemCount);
    }

    public void Run(BayesianFactorizationModel.SampleSet samples, int firstSlot, int count, CancellationToken cancellationToken)
    {
        var after = _options.Sweeps - _options.BurnIn;
        var next = 0;
        try
        {
            for (var sweep = 0; sweep < _options.Sweeps; sweep++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Sweep(sweep);
                // Keep `count` sweeps evenly spread over the post-burn-in part, the last sweep included.
                if (next < count && sweep == _options.BurnIn + (int)((long)(next + 1) * after / count) - 1)
                {
                    samples.Store(firstSlot + next, _item, _itemNoise, _alpha, _userMean, _userPrecision, _itemMean);
                    next++;
                }
            }
        }
        finally
        {
            _scratch.Dispose();
        }
    }

    private void Sweep(int sweep)
    {
        var hyper = GaussianRandom.For(_seed, (sweep * 8L) + HyperStream, 0);
        SampleHyperParameters(_user, _data.UserCount, _d, _userMean, _userPrecision, ref hyper);
        SampleHyperParameters(_item, _data.ItemCount, _d, _itemMean, _itemPrecision, ref hyper);
        for (var a = 0; a < _d; a++)
        {
            _userLinear[a] = _userPrecision[a] * _userMean[a];
            _itemLinear[a] = _itemPrecision[a] * _itemMean[a];
            _itemVariance[a] = 1 / _itemPrecision[a];
            _itemDeviation[a] = Math.Sqrt(_itemVariance[a]);
        }
        For(_data.ItemCount, i => SampleItem(i, sweep));
        RefreshDesign(_item, _itemDesign, _data.ItemCount);
        For(_data.UserCount, u => SampleUser(u, sweep));
        RefreshDesign(_user, _userDesign, _data.UserCount);
        SampleNoise(sweep);
    }

    private void For(int count, Action<int> body)
    {
        if (_parallel)
        {
            Parallel.For(0, count, body);
        }
        else
        {
            for (var index = 0; index < count; index++)
            {
                body(index);
            }
        }
    }

    private void RefreshDesign(double[] parameters, float[] design, int rows)
    {
        for (var r = 0; r < rows; r++)
        {
            var row = design.AsSpan(r * _stride, _d);
            row[0] = 1;
            for (var f = 1; f < _d; f++)
            {
                row[f] = (float)parameters[(r * _d) + f];
            }
        }
    }

    /// <summary>Per dimension: λ ~ Gamma, then m ~ N given λ (the conjugate Normal–Gamma update).</summary>
    private static void SampleHyperParameters(double[] values, int rows, int stride, double[] mean, double[] precision, ref GaussianRandom random)
    {
        Span<double> sums = stackalloc double[stride];
        Span<double> squares = stackalloc double[stride];
        sums.Clear();
        squares.Clear();
        for (var r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * stride, stride);
            for (var f = 0; f < stride; f++)
            {
                var centered = row[f] - mean[f];
                sums[f] += row[f];
                squares[f] += centered * centered;
            }
        }
        for (var f = 0; f < stride; f++)
        {
            var m = mean[f];
            var lambda = random.NextGamma((PriorShape + rows + 1) / 2, (PriorRate + (PriorStrength * m * m) + squares[f]) / 2);
            var count = rows + PriorStrength;
            precision[f] = lambda;
            mean[f] = (sums[f] / count) + (random.NextNormal() / Math.Sqrt(count * lambda));
        }
    }

    private void SampleItem(int i, int sweep)
    {
        var start = _data.ItemStart[i];
        var n = _data.ItemDegree(i);
        var s = _scratch.Value!;
        var random = GaussianRandom.For(_seed, (sweep * 8L) + ItemStream, i);
        var x = _item.AsSpan(i * _d, _d);
        if (n == 1)
        {
            var u = _data.ItemUser[start];
            SampleOneObservation(_userDesign.AsSpan(u * _stride, _d), _data.ItemRating[start] - _mu - _user[u * _d],
                _alpha * _itemNoise[i] * _userNoise[u], x, ref random);
        }
        else if (n <= Scratch.MaxWoodbury && n < _d)
        {
            for (var j = 0; j < n; j++)
            {
                var u = _data.ItemUser[start + j];
                s.Rows[j] = u;
                s.Targets[j] = _data.ItemRating[start + j] - _mu - _user[u * _d];
                s.NoisePrecisions[j] = _alpha * _itemNoise[i] * _userNoise[u];
            }
            SampleFewObservations(s, n, _userDesign, x, ref random);
        }
        else
        {
            var users = _data.ItemUser.AsSpan(start, n);
            var ratings = _data.ItemRating.AsSpan(start, n);
            var weights = s.Weights(n);
            var weightedTargets = s.WeightedTargets(n);
            for (var j = 0; j < users.Length; j++)
            {
                var u = users[j];
                var weight = _userNoise[u];
                weights[j] = (float)weight;
                weightedTargets[j] = (float)(weight * (ratings[j] - _mu - _user[u * _d]));
            }
            GramKernel.Accumulate(_userDesign, users, weights, weightedTargets, s.Gram, s.Linear, _d, _stride);
            SampleFromGram(s, _alpha * _itemNoise[i], _itemPrecision, _itemLinear, x, ref random);
        }
        if (_options.ItemNoiseDegrees > 0)
        {
            var squaredError = 0.0;
            for (var j = 0; j < n; j++)
            {
                var u = _data.ItemUser[start + j];
                var phi = _userDesign.AsSpan(u * _stride, _d);
                var error = _data.ItemRating[start + j] - _mu - _user[u * _d];
                for (var a = 0; a < _d; a++)
                {
                    error -= phi[a] * x[a];
                }
                squaredError += _userNoise[u] * error * error;
            }
            var nu = _options.ItemNoiseDegrees;
            _itemNoise[i] = random.NextGamma((nu + n) / 2, (nu + (_alpha * squaredError)) / 2);
        }
    }

    private void SampleUser(int u, int sweep)
    {
        var start = _data.UserStart[u];
        var n = _data.UserDegree(u);
        var s = _scratch.Value!;
        var random = GaussianRandom.For(_seed, (sweep * 8L) + UserStream, u);
        var x = _user.AsSpan(u * _d, _d);
        var targetSquares = 0.0;
        var items = _data.UserItem.AsSpan(start, n);
        var ratings = _data.UserRating.AsSpan(start, n);
        var weights = s.Weights(n);
        var weightedTargets = s.WeightedTargets(n);
        for (var j = 0; j < items.Length; j++)
        {
            var item = items[j];
            var target = ratings[j] - _mu - _item[item * _d];
            var weight = _itemNoise[item];
            targetSquares += weight * target * target;
            weights[j] = (float)weight;
            weightedTargets[j] = (float)(weight * target);
        }
        GramKernel.Accumulate(_itemDesign, items, weights, weightedTargets, s.Gram, s.Linear, _d, _stride);
        // Users have long histories: always the Gram path. The Gram (weighted by the movies' noise
        // scales) also gives the user's squared error Σw(t − φ·x)² = Σwt² − 2 x·ΦᵀWt + xᵀ(ΦᵀWΦ)x
        // without another pass.
        SampleFromGram(s, _alpha * _userNoise[u], _userPrecision, _userLinear, x, ref random);
        var squaredError = targetSquares;
        for (var a = 0; a < _d; a++)
        {
            squaredError -= 2 * x[a] * s.Linear[a];
            var quadratic = s.Gram[(a * _stride) + a] * x[a];
            for (var b = 0; b < a; b++)
            {
                quadratic += 2 * s.Gram[(a * _stride) + b] * x[b];
            }
            squaredError += x[a] * quadratic;
        }
        squaredError = Math.Max(squaredError, 0);
        _userSquaredError[u] = squaredError;
        if (_options.UserNoiseDegrees > 0)
        {
            var nu = _options.UserNoiseDegrees;
            _userNoise[u] = random.NextGamma((nu + n) / 2, (nu + (_alpha * squaredError)) / 2);
        }
    }

    /// <summary>
    /// Draws x ~ N(P⁻¹h, P⁻¹) with P = diag(λ) + scale·G and h = λ∘m + scale·(Φᵀt) from the Gram G
    /// and linear term accumulated in the scratch (lower triangle), through the Cholesky factor of P.
    /// </summary>
    private void SampleFromGram(Scratch s, double scale, double[] priorPrecision, double[] priorLinear, Span<double> x, ref GaussianRandom random)
    {
        var d = _d;
        var p = s.Precision.AsSpan(0, d * d);
        var gram = s.Gram;
        for (var a = 0; a < d; a++)
        {
            var row = a * _stride;
            for (var b = 0; b <= a; b++)
            {
                p[(a * d) + b] = scale * gram[row + b];
            }
            p[(a * d) + a] += priorPrecision[a];
            x[a] = priorLinear[a] + (scale * s.Linear[a]);
        }
        var inverseDiagonal = s.InverseDiagonal.AsSpan(0, d);
        if (!Cholesky.TryFactor(p, d, inverseDiagonal))
        {
            throw new InvalidOperationException("posterior precision is not positive definite");
        }
        Cholesky.SolveLower(p, d, x, inverseDiagonal);
        for (var a = 0; a < d; a++)
        {
            x[a] += random.NextNormal();
        }
        Cholesky.SolveLowerTransposed(p, d, x, inverseDiagonal);
    }

    /// <summary>
    /// The same draw for a movie with fewer ratings n than dimensions d, in O(n²d) instead of O(d³)
    /// (Bhattacharya, Chakraborty &amp; Mallick 2016): with prior x ~ N(m, Λ⁻¹) and observations
    /// t = Φx + noise of precision w, take u ~ N(0, Λ⁻¹), δ ~ N(0, W⁻¹), solve
    /// (ΦΛ⁻¹Φᵀ + W⁻¹) v = t − Φm − Φu − δ, then x = m + u + Λ⁻¹Φᵀv is an exact posterior draw.
    /// </summary>
    /// <summary>
    /// The Woodbury draw for a single observation t = φ·x + noise of precision w (a third of
    /// MovieLens movies have one rating): x = m + u + Λ⁻¹φ (t − φ·(m + u) − δ) / (φᵀΛ⁻¹φ + 1/w).
    /// </summary>
    private void SampleOneObservation(ReadOnlySpan<float> phi, double target, double noisePrecision, Span<double> x, ref GaussianRandom random)
    {
        var projected = 0.0;
        var spread = 0.0;
        for (var a = 0; a < _d; a++)
        {
            x[a] = _itemMean[a] + (random.NextNormal() * _itemDeviation[a]);
            projected += phi[a] * x[a];
            spread += phi[a] * phi[a] * _itemVariance[a];
        }
        var step = (target - projected - (random.NextNormal() * Math.Sqrt(1 / noisePrecision))) / (spread + (1 / noisePrecision));
        for (var a = 0; a < _d; a++)
        {
            x[a] += _itemVariance[a] * phi[a] * step;
        }
    }

    private void SampleFewObservations(Scratch s, int n, float[] design, Span<double> x, ref GaussianRandom random)
    {
        var d = _d;
        var stride = _stride;
        var priorMean = _itemMean;
        var variance = s.Variance;
        var shifted = s.Shifted;
        for (var a = 0; a < d; a++)
        {
            variance[a] = (float)_itemVariance[a];
            x[a] = random.NextNormal() * _itemDeviation[a];
            shifted[a] = (float)(priorMean[a] + x[a]);
        }
        var varianceVectors = MemoryMarshal.Cast<float, Vector<float>>(variance.AsSpan());
        var shiftedVectors = MemoryMarshal.Cast<float, Vector<float>>(shifted.AsSpan());
        var system = s.Small.AsSpan(0, n * n);
        var rhs = s.SmallVector.AsSpan(0, n);
        for (var j = 0; j < n; j++)
        {
            var phiJ = MemoryMarshal.Cast<float, Vector<float>>(design.AsSpan(s.Rows[j] * stride, stride));
            var scaledJ = MemoryMarshal.Cast<float, Vector<float>>(s.Scaled.AsSpan(j * stride, stride));
            var projected = 0f;
            for (var c = 0; c < phiJ.Length; c++)
            {
                scaledJ[c] = phiJ[c] * varianceVectors[c];
                projected += Vector.Dot(phiJ[c], shiftedVectors[c]);
            }
            rhs[j] = s.Targets[j] - projected - (random.NextNormal() * Math.Sqrt(1 / s.NoisePrecisions[j]));
            for (var l = 0; l <= j; l++)
            {
                var phiL = MemoryMarshal.Cast<float, Vector<float>>(design.AsSpan(s.Rows[l] * stride, stride));
                var value = 0f;
                for (var c = 0; c < phiL.Length; c++)
                {
                    value += Vector.Dot(scaledJ[c], phiL[c]);
                }
                system[(j * n) + l] = value;
            }
            system[(j * n) + j] += 1 / s.NoisePrecisions[j];
        }
        if (!Cholesky.TryFactor(system, n))
        {
            throw new InvalidOperationException("observation covariance is not positive definite");
        }
        Cholesky.Solve(system, n, rhs);
        // x holds u; finish x = m + u + Λ⁻¹Φᵀv.
        for (var a = 0; a < d; a++)
        {
            var back = 0.0;
            for (var j = 0; j < n; j++)
            {
                back += s.Scaled[(j * stride) + a] * rhs[j];
            }
            x[a] += priorMean[a] + back;
        }
    }

    private void SampleNoise(int sweep)
    {
        var weighted = 0.0;
        for (var u = 0; u < _data.UserCount; u++)
        {
            weighted += _userNoise[u] * _userSquaredError[u];
        }
        var random = GaussianRandom.For(_seed, (sweep * 8L) + NoiseStream, 0);
        _alpha = random.NextGamma((PriorShape + _data.Count) / 2, (PriorRate + weighted) / 2);
    }

    /// <summary>Per-thread buffers: one entity's observations, its Gram matrix in padded rows, the small Woodbury system.</summary>
    private sealed class Scratch(int d, int stride)
    {
        /// <summary>Up to this many ratings the Woodbury form is cheaper than a (rank + 1)-sized Cholesky.</summary>
        public const int MaxWoodbury = 3;
        public float[] Gram { get; } = new float[d * stride];
        public float[] Linear { get; } = new float[stride];
        public double[] Precision { get; } = new double[d * d];
        public double[] InverseDiagonal { get; } = new double[d];
        public int[] Rows { get; } = new int[MaxWoodbury];
        public double[] Targets { get; } = new double[MaxWoodbury];
        public double[] NoisePrecisions { get; } = new double[MaxWoodbury];
        public double[] Small { get; } = new double[MaxWoodbury * MaxWoodbury];
        public double[] SmallVector { get; } = new double[MaxWoodbury];
        public float[] Scaled { get; } = new float[MaxWoodbury * stride];
        public float[] Variance { get; } = new float[stride];
        public float[] Shifted { get; } = new float[stride];

        private float[] _weights = new float[64];
        private float[] _weightedTargets = new float[64];

        public Span<float> Weights(int count)
        {
            if (_weights.Length < count)
            {
                _weights = new float[Math.Max(count, 2 * _weights.Length)];
            }
            return _weights.AsSpan(0, count);
        }

        public Span<float> WeightedTargets(int count)
        {
            if (_weightedTargets.Length < count)
            {
                _weightedTargets = new float[Math.Max(count, 2 * _weightedTargets.Length)];
            }
            return _weightedTargets.AsSpan(0, count);
        }
    }
}
