using Marquee.Core.Interactions;

namespace Marquee.Core.Recommenders.RatingPrediction;

/// <summary>Settings of <see cref="RatingBlend"/>.</summary>
public sealed record RatingBlendOptions
{
    /// <summary>Settings of the factor model.</summary>
    public BayesianFactorizationOptions Factorization { get; init; } = new();

    /// <summary>Settings of the neighbourhood model.</summary>
    public ItemKnnBaselineOptions Neighbors { get; init; } = new();

    /// <summary>
    /// Share of the neighbourhood model in the prediction. 0.2 was the best of 0.1–0.4 on an inner
    /// validation split of ml-latest-small (and of its dense subset); it is fixed, not refitted per dataset.
    /// </summary>
    public double NeighborWeight { get; init; } = 0.2;
}

/// <summary>
/// The served rating model: a fixed linear blend of <see cref="BayesianFactorization"/> and
/// <see cref="ItemKnnBaseline"/>. The two err differently (global low-rank structure against local
/// movie-to-movie agreement), so their average beats either.
/// </summary>
public sealed class RatingBlend : IRatingAlgorithm
{
    public const string AlgorithmName = "blend";
    internal const string FactorizationPrefix = "mf.";
    internal const string NeighborsPrefix = "knn.";

    public RatingBlend(RatingBlendOptions? options = null)
    {
        Options = options ?? new RatingBlendOptions();
        if (!(Options.NeighborWeight is >= 0 and <= 1))
        {
            throw new ArgumentException($"{AlgorithmName}: knn_weight must be in [0, 1]", "knn_weight");
        }
        Factorization = new BayesianFactorization(Options.Factorization);
        Neighbors = new ItemKnnBaseline(Options.Neighbors);
    }

    public RatingBlendOptions Options { get; }
    public BayesianFactorization Factorization { get; }
    public ItemKnnBaseline Neighbors { get; }

    public string Name => AlgorithmName;

    public IReadOnlyDictionary<string, string> Parameters
    {
        get
        {
            var parameters = new Dictionary<string, string> { ["knn_weight"] = SettingReader.Format(Options.NeighborWeight) };
            foreach (var (key, value) in Factorization.Parameters)
            {
                parameters[FactorizationPrefix + key] = value;
            }
            foreach (var (key, value) in Neighbors.Parameters)
            {
                parameters[NeighborsPrefix + key] = value;
            }
            return parameters;
        }
    }

    /// <summary>Settings: <c>knn_weight</c>, plus the components' own settings prefixed <c>mf.</c> and <c>knn.</c>.</summary>
    internal static RatingBlend FromSettings(IReadOnlyDictionary<string, string>? settings)
    {
        var own = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var factorization = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var neighbors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            if (key.StartsWith(FactorizationPrefix, StringComparison.OrdinalIgnoreCase))
            {
                factorization[key[FactorizationPrefix.Length..]] = value;
            }
            else if (key.StartsWith(NeighborsPrefix, StringComparison.OrdinalIgnoreCase))
            {
                neighbors[key[NeighborsPrefix.Length..]] = value;
            }
            else
            {
                own[key] = value;
            }
        }
        var read = new SettingReader(AlgorithmName, own);
        var weight = read.Double("knn_weight", new RatingBlendOptions().NeighborWeight, 0, 1);
        read.EnsureAllUsed();
        return new RatingBlend(new RatingBlendOptions
        {
            NeighborWeight = weight,
            Factorization = BayesianFactorization.FromSettings(factorization).Options,
            Neighbors = ItemKnnBaseline.FromSettings(neighbors).Options,
        });
    }

    public IRatingModel Fit(InteractionTable ratings, CancellationToken cancellationToken = default)
    {
        var data = RatingMatrix.From(ratings);
        var factorization = Factorization.Fit(data, cancellationToken);
        var neighbors = Neighbors.Fit(data, cancellationToken);
        return new RatingBlendModel(Parameters, Options.NeighborWeight, factorization, neighbors);
    }
}

/// <summary>A fitted <see cref="RatingBlend"/>: two models and the weight between them.</summary>
internal sealed class RatingBlendModel : IRatingModel
{
    private readonly double _neighborWeight;
    private readonly IRatingModel _factorization;
    private readonly IRatingModel _neighbors;

    public RatingBlendModel(IReadOnlyDictionary<string, string> parameters, double neighborWeight, IRatingModel factorization, IRatingModel neighbors)
    {
        Parameters = parameters;
        _neighborWeight = neighborWeight;
        _factorization = factorization;
        _neighbors = neighbors;
        RatingScale = (Math.Min(factorization.RatingScale.Min, neighbors.RatingScale.Min),
            Math.Max(factorization.RatingScale.Max, neighbors.RatingScale.Max));
    }

    public string Algorithm => RatingBlend.AlgorithmName;
    public IReadOnlyDictionary<string, string> Parameters { get; }
    public (float Min, float Max) RatingScale { get; }

    public void Predict(IReadOnlyList<(int MovieId, float Rating)> ratedHistory, ReadOnlySpan<int> movieIds, Span<float> predictions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(predictions.Length, movieIds.Length, nameof(predictions));
        var neighbors = new float[movieIds.Length];
        _factorization.Predict(ratedHistory, movieIds, predictions);
        _neighbors.Predict(ratedHistory, movieIds, neighbors);
        for (var t = 0; t < movieIds.Length; t++)
        {
            var blended = ((1 - _neighborWeight) * predictions[t]) + (_neighborWeight * neighbors[t]);
            predictions[t] = Math.Clamp((float)blended, RatingScale.Min, RatingScale.Max);
        }
    }

    /// <summary>The components share the folder, each under the prefix of its settings (<c>mf.item_factors.npy</c>).</summary>
    public async Task SaveAsync(RatingModelFiles files, CancellationToken cancellationToken = default)
    {
        files.SetNumber("knn_weight", _neighborWeight);
        await _factorization.SaveAsync(files.Part(RatingBlend.FactorizationPrefix), cancellationToken);
        await _neighbors.SaveAsync(files.Part(RatingBlend.NeighborsPrefix), cancellationToken);
    }

    public static async Task<RatingBlendModel> LoadAsync(RatingModelFiles files, CancellationToken cancellationToken) => new(
        files.Parameters,
        files.Number("knn_weight"),
        await BayesianFactorizationModel.LoadAsync(files.Part(RatingBlend.FactorizationPrefix), cancellationToken),
        await ItemKnnBaselineModel.LoadAsync(files.Part(RatingBlend.NeighborsPrefix), cancellationToken));
}
