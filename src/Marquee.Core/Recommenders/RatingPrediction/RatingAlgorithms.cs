namespace Marquee.Core.Recommenders.RatingPrediction;

/// <summary>
/// The rating-prediction algorithms by name, so the CLI and the cross-validation harness can build
/// any of them from text settings, and saved models can be loaded without knowing their type.
/// </summary>
public static class RatingAlgorithms
{
    private static readonly Dictionary<string, Func<IReadOnlyDictionary<string, string>?, IRatingAlgorithm>> Factories =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [BaselineOnly.AlgorithmName] = BaselineOnly.FromSettings,
            [BayesianFactorization.AlgorithmName] = BayesianFactorization.FromSettings,
            [ItemKnnBaseline.AlgorithmName] = ItemKnnBaseline.FromSettings,
            [RatingBlend.AlgorithmName] = RatingBlend.FromSettings,
        };

    /// <summary>The algorithm served for <c>predicted_rating</c> unless told otherwise.</summary>
    public const string DefaultName = RatingBlend.AlgorithmName;

    /// <summary>Every registered name, alphabetically.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Builds an algorithm from its name and optional settings (missing settings take their defaults).</summary>
    /// <exception cref="ArgumentException">Unknown name, unknown setting or a value out of range; the message names it.</exception>
    public static IRatingAlgorithm Create(string name, IReadOnlyDictionary<string, string>? settings = null) =>
        Factories.TryGetValue(name.Trim(), out var factory)
            ? factory(settings)
            : throw new ArgumentException($"unknown rating algorithm '{name}' (known: {string.Join(", ", Names)})", nameof(name));

    /// <summary>
    /// Builds an algorithm from one line of text: <c>name</c> or <c>name:key=value,key=value</c>
    /// (e.g. <c>bayesian-mf:factors=16,sweeps=300</c>).
    /// </summary>
    public static IRatingAlgorithm Parse(string specification)
    {
        var colon = specification.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? specification : specification[..colon];
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (colon >= 0)
        {
            foreach (var part in specification[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new ArgumentException($"setting '{part}' of {name} is not key=value", nameof(specification));
                }
                settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
        }
        return Create(name, settings);
    }

    /// <summary>Loads a model of <paramref name="algorithm"/> written by <see cref="IRatingModel.SaveAsync"/>.</summary>
    /// <exception cref="InvalidDataException">An array is missing or damaged, a fitted number is missing, or the algorithm is unknown.</exception>
    public static async Task<IRatingModel> LoadAsync(string algorithm, RatingModelFiles files, CancellationToken cancellationToken = default) =>
        algorithm switch
        {
            BaselineOnly.AlgorithmName => await BaselineOnlyModel.LoadAsync(files, cancellationToken),
            BayesianFactorization.AlgorithmName => await BayesianFactorizationModel.LoadAsync(files, cancellationToken),
            ItemKnnBaseline.AlgorithmName => await ItemKnnBaselineModel.LoadAsync(files, cancellationToken),
            RatingBlend.AlgorithmName => await RatingBlendModel.LoadAsync(files, cancellationToken),
            _ => throw new InvalidDataException($"unknown rating algorithm '{algorithm}'"),
        };
}
