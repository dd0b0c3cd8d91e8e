using System.Buffers;
using Marquee.Core.Interactions;
using Marquee.Core.Numerics;
namespace Marquee.Core.Recommenders.RatingPrediction;

/// <summary>
/// A fitted <see cref="BayesianFactorization"/>: the posterior samples of the movie side. A user's
/// bias and factors are folded in per sample — their exact conditional posterior mean given the
/// history — and predictions average over samples, so any history (a session's, a new user's) is
/// served without retraining.
/// </summary>
internal sealed class BayesianFactorizationModel : IRatingModel
{
    private readonly ItemIndex _items;
    private readonly double _mu;
    private readonly int _k, _d;
    private readonly double _userNoiseDegrees;
    private readonly SampleSet _samples;
    /// <summary>
    /// The samples' movie parameters item-major ([movie][sample][d]): a fold-in reads every sample of each history
    /// movie, one contiguous block per movie here instead of one scattered row per sample in the sample-major arrays.
    /// </summary>
    private readonly float[] _byItem;

    public BayesianFactorizationModel(IReadOnlyDictionary<string, string> parameters, ItemIndex items, double mu, int factors,
        double userNoiseDegrees, SampleSet samples, float minRating, float maxRating)
    {
        Parameters = parameters;
        _items = items;
        _mu = mu;
        _k = factors;
        _d = factors + 1;
        _userNoiseDegrees = userNoiseDegrees;
        _samples = samples;
        RatingScale = (minRating, maxRating);
        _byItem = new float[samples.ItemValues.Length];
        var block = samples.Count * _d;
        for (var sample = 0; sample < samples.Count; sample++)
        {
            var values = samples.Items(sample);
            for (var item = 0; item < items.Count; item++)
            {
                values.Slice(item * _d, _d).CopyTo(_byItem.AsSpan((item * block) + (sample * _d), _d));
            }
        }
    }

    public string Algorithm => BayesianFactorization.AlgorithmName;
    public IReadOnlyDictionary<string, string> Parameters { get; }
    public (float Min, float Max) RatingScale { get; }

    public void Predict(IReadOnlyList<(int MovieId, float Rating)> ratedHistory, ReadOnlySpan<int> movieIds, Span<float> predictions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(predictions.Length, movieIds.Length, nameof(predictions));
        var d = _d;
        var history = new List<(int Item, double Rating)>(ratedHistory.Count);
        foreach (var (movieId, rating) in ratedHistory)
        {
            var item = _items.PositionOf(movieId);
            if (item >= 0)
            {
                history.Add((item, rating));
            }
        }
        var targets = new int[movieIds.Length];
        for (var t = 0; t < targets.Length; t++)
        {
            targets[t] = _items.PositionOf(movieIds[t]);
        }

        // Per sample: the history's design rows [1, q_j, 0…] gathered into one padded block, then the
        // same register-resident Gram kernel as the sampler. The history's and the targets' parameters for all
        // samples are copied first, one contiguous block per movie: a long history read sample by sample from the
        // sample-major arrays missed the cache once per movie and sample.
        var n = history.Count;
        var block = _samples.Count * d;
        var historyValues = ArrayPool<float>.Shared.Rent(Math.Max(1, n * block));
        var targetValues = ArrayPool<float>.Shared.Rent(Math.Max(1, targets.Length * block));
        for (var j = 0; j < n; j++)
        {
            _byItem.AsSpan(history[j].Item * block, block).CopyTo(historyValues.AsSpan(j * block, block));
        }
        for (var t = 0; t < targets.Length; t++)
        {
            if (targets[t] >= 0)
            {
                _byItem.AsSpan(targets[t] * block, block).CopyTo(targetValues.AsSpan(t * block, block));
            }
        }
        var stride = GramKernel.Stride(d);
        var design = new float[Math.Max(n, 1) * stride];
        var rows = new int[n];
        var weights = new float[n];
        var weightedTargets = new float[n];
        var gramRows = new float[d * stride];
        var linearRow = new float[stride];
        var gram = new double[d * d];
        var linear = new double[d];
        var precision = new double[d * d];
        var x = new double[d];
        var sums = new double[movieIds.Length];
        for (var j = 0; j < n; j++)
        {
            rows[j] = j;
            design[j * stride] = 1;
        }
        for (var s = 0; s < _samples.Count; s++)
        {
            var itemNoise = _samples.ItemNoise(s);
            var targetSquares = 0.0;
            for (var j = 0; j < n; j++)
            {
                var (item, rating) = history[j];
                var q = historyValues.AsSpan((j * block) + (s * d), d);
                var row = design.AsSpan(j * stride, d);
                for (var f = 1; f < d; f++)
                {
                    row[f] = q[f]; // a loop, not CopyTo: a Memmove call per 8 floats cost more than the copy
                }
                var target = rating - _mu - q[0];
                var weight = itemNoise.IsEmpty ? 1f : itemNoise[item];
                targetSquares += weight * target * target;
                weights[j] = weight;
                weightedTargets[j] = (float)(weight * target);
            }
            GramKernel.Accumulate(design, rows, weights, weightedTargets, gramRows, linearRow, d, stride);
            for (var a = 0; a < d; a++)
            {
                linear[a] = linearRow[a];
                for (var b = 0; b <= a; b++)
                {
                    gram[(a * d) + b] = gramRows[(a * stride) + b];
                }
            }
            var noiseScale = 1.0;
            // With per-user noise the scale depends on the fit and the fit on the scale: two rounds
            // of the conditional-mode update settle it.
            var rounds = _userNoiseDegrees > 0 ? 3 : 1;
            for (var round = 0; round < rounds; round++)
            {
                SolveUser(s, gram, linear, noiseScale, precision, x);
                if (round + 1 < rounds)
                {
                    var squaredError = SquaredError(gram, linear, targetSquares, x);
                    noiseScale = (_userNoiseDegrees + history.Count) / (_userNoiseDegrees + (_samples.Alpha[s] * squaredError));
                }
            }
            for (var t = 0; t < targets.Length; t++)
            {
                var q = targets[t] >= 0 ? targetValues.AsSpan((t * block) + (s * d), d) : _samples.ItemMean(s);
                var value = _mu + x[0] + q[0];
                for (var f = 1; f < d; f++)
                {
                    value += x[f] * q[f];
                }
                sums[t] += value;
            }
        }
        ArrayPool<float>.Shared.Return(historyValues);
        ArrayPool<float>.Shared.Return(targetValues);
        for (var t = 0; t < targets.Length; t++)
        {
            predictions[t] = Math.Clamp((float)(sums[t] / _samples.Count), RatingScale.Min, RatingScale.Max);
        }
    }

    /// <summary>x = (diag λ + αs·G)⁻¹ (λ∘m + αs·Φᵀt): the user's conditional posterior mean for one sample.</summary>
    private void SolveUser(int s, double[] gram, double[] linear, double noiseScale, double[] precision, double[] x)
    {
        var d = _d;
        var scale = _samples.Alpha[s] * noiseScale;
        var priorMean = _samples.UserMean(s);
        var priorPrecision = _samples.UserPrecision(s);
        for (var a = 0; a < d; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                precision[(a * d) + b] = scale * gram[(a * d) + b];
            }
            precision[(a * d) + a] += priorPrecision[a];
            x[a] = (priorPrecision[a] * priorMean[a]) + (scale * linear[a]);
        }
        if (!Cholesky.TryFactor(precision, d))
        {
            throw new InvalidOperationException("user posterior precision is not positive definite");
        }
        Cholesky.Solve(precision, d, x);
    }

    private double SquaredError(double[] gram, double[] linear, double targetSquares, double[] x)
    {
        var d = _d;
        var total = targetSquares;
        for (var a = 0; a < d; a++)
        {
            total -= 2 * x[a] * linear[a];
            var quadratic = gram[(a * d) + a] * x[a];
            for (var b = 0; b < a; b++)
            {
                quadratic += 2 * gram[(a * d) + b] * x[b];
            }
            total += x[a] * quadratic;
        }
        return Math.Max(total, 0);
    }

    public async Task SaveAsync(RatingModelFiles files, CancellationToken cancellationToken = default)
    {
        files.SetNumber("min_rating", RatingScale.Min);
        files.SetNumber("max_rating", RatingScale.Max);
        files.SetNumber("mean", _mu);
        files.SetNumber("factors", _k);
        files.SetNumber("samples", _samples.Count);
        files.SetNumber("user_noise_dof", _userNoiseDegrees);
        await files.WriteAsync("movie_ids", _items.MovieIds.ToArray(), cancellationToken);
        await files.WriteAsync("item_factors", _samples.ItemValues, cancellationToken);
        await files.WriteAsync("noise_precision", _samples.Alpha, cancellationToken);
        await files.WriteAsync("user_prior_mean", _samples.UserMeanValues, cancellationToken);
        await files.WriteAsync("user_prior_precision", _samples.UserPrecisionValues, cancellationToken);
        await files.WriteAsync("item_prior_mean", _samples.ItemMeanValues, cancellationToken);
        if (_samples.ItemNoiseValues.Length > 0)
        {
            await files.WriteAsync("item_noise", _samples.ItemNoiseValues, cancellationToken);
        }
    }

    public static async Task<BayesianFactorizationModel> LoadAsync(RatingModelFiles files, CancellationToken cancellationToken)
    {
        var items = new ItemIndex(await files.ReadAsync<int>("movie_ids", cancellationToken));
        var k = files.Integer("factors");
        var samples = new SampleSet(files.Integer("samples"), items.Count, k,
            await files.ReadAsync<float>("item_factors", cancellationToken),
            files.Has("item_noise") ? await files.ReadAsync<float>("item_noise", cancellationToken) : [],
            await files.ReadAsync<float>("noise_precision", cancellationToken),
            await files.ReadAsync<float>("user_prior_mean", cancellationToken),
            await files.ReadAsync<float>("user_prior_precision", cancellationToken),
            await files.ReadAsync<float>("item_prior_mean", cancellationToken));
        return new BayesianFactorizationModel(files.Parameters, items, files.Number("mean"), k, files.Number("user_noise_dof"),
            samples, (float)files.Number("min_rating"), (float)files.Number("max_rating"));
    }

    /// <summary>
    /// The posterior samples, flattened sample-major into float arrays: per sample the movie
    /// parameters [b_i, q_i] and what a user fold-in needs (noise precision, user prior).
    /// </summary>
    internal sealed class SampleSet
    {
        private readonly int _itemCount, _d;

        public SampleSet(int count, int itemCount, int factors, bool hasItemNoise)
            : this(count, itemCount, factors, new float[count * itemCount * (factors + 1)], hasItemNoise ? new float[count * itemCount] : [],
                new float[count],
                new float[count * (factors + 1)], new float[count * (factors + 1)], new float[count * (factors + 1)])
        {
        }

        public SampleSet(int count, int itemCount, int factors, float[] items, float[] itemNoise, float[] alpha, float[] userMean,
            float[] userPrecision, float[] itemMean)
        {
            Count = count;
            _itemCount = itemCount;
            _d = factors + 1;
            ItemValues = items;
            ItemNoiseValues = itemNoise;
            Alpha = alpha;
            UserMeanValues = userMean;
            UserPrecisionValues = userPrecision;
            ItemMeanValues = itemMean;
            if (count < 1 || items.Length != count * itemCount * _d || (itemNoise.Length != 0 && itemNoise.Length != count * itemCount)
                || alpha.Length != count || userMean.Length != count * _d
                || userPrecision.Length != count * _d || itemMean.Length != count * _d)
            {
                throw new InvalidDataException("Bayesian factorisation arrays do not match the recorded dimensions");
            }
        }

        public int Count { get; }
        public float[] ItemValues { get; }
        /// <summary>Per sample, each movie's noise scale t_i; empty without per-movie noise (all 1).</summary>
        public float[] ItemNoiseValues { get; }
        public float[] Alpha { get; }
        public float[] UserMeanValues { get; }
        public float[] UserPrecisionValues { get; }
        public float[] ItemMeanValues { get; }

        public ReadOnlySpan<float> Items(int s) => ItemValues.AsSpan(s * _itemCount * _d, _itemCount * _d);
        public ReadOnlySpan<float> ItemNoise(int s) => ItemNoiseValues.Length == 0 ? [] : ItemNoiseValues.AsSpan(s * _itemCount, _itemCount);
        public ReadOnlySpan<float> UserMean(int s) => UserMeanValues.AsSpan(s * _d, _d);
        public ReadOnlySpan<float> UserPrecision(int s) => UserPrecisionValues.AsSpan(s * _d, _d);
        public ReadOnlySpan<float> ItemMean(int s) => ItemMeanValues.AsSpan(s * _d, _d);

        /// <summary>Copies one sweep's state into slot <paramref name="s"/> (each chain writes its own slots).</summary>
        public void Store(int s, double[] items, double[] itemNoise, double alpha, double[] userMean, double[] userPrecision, double[] itemMean)
        {
            Copy(items, ItemValues.AsSpan(s * _itemCount * _d, _itemCount * _d));
            if (ItemNoiseValues.Length > 0)
            {
                Copy(itemNoise, ItemNoiseValues.AsSpan(s * _itemCount, _itemCount));
            }
            Alpha[s] = (float)alpha;
            Copy(userMean, UserMeanValues.AsSpan(s * _d, _d));
            Copy(userPrecision, UserPrecisionValues.AsSpan(s * _d, _d));
            Copy(itemMean, ItemMeanValues.AsSpan(s * _d, _d));
        }

        private static void Copy(double[] from, Span<float> to)
        {
            for (var at = 0; at < to.Length; at++)
            {
                to[at] = (float)from[at];
            }
        }
    }
}
