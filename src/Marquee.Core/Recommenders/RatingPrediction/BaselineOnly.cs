using Marquee.Core.Interactions;

namespace Marquee.Core.Recommenders.RatingPrediction;

/// <summary>
/// Settings of <see cref="BaselineOnly"/>: the regularised biases of Koren (2010) fitted by
/// alternating least squares, as Surprise's <c>BaselineOnly</c> does.
/// </summary>
public sealed record BaselineOnlyOptions
{
    /// <summary>Pseudo-ratings at zero deviation added to every movie bias.</summary>
    public double ItemRegularization { get; init; } = 10;

    /// <summary>Pseudo-ratings at zero deviation added to every user bias.</summary>
    public double UserRegularization { get; init; } = 15;

    /// <summary>Alternations (items, then users).</summary>
    public int Epochs { get; init; } = 10;
}

/// <summary>
/// Predicts <c>μ + b_u + b_i</c>. The reference point every other rating model must beat, and the
/// check that the cross-validation harness agrees with Surprise (RMSE 0.8728 on ml-latest-small).
/// </summary>
public sealed class BaselineOnly(BaselineOnlyOptions? options = null) : IRatingAlgorithm
{
    public const string AlgorithmName = "baseline";

    public BaselineOnlyOptions Options { get; } = options ?? new BaselineOnlyOptions();

    public string Name => AlgorithmName;

    public IReadOnlyDictionary<string, string> Parameters => Describe(Options);

    internal static BaselineOnly FromSettings(IReadOnlyDictionary<string, string>? settings)
    {
        var read = new SettingReader(AlgorithmName, settings);
        var defaults = new BaselineOnlyOptions();
        var options = new BaselineOnlyOptions
        {
            ItemRegularization = read.Double("reg_item", defaults.ItemRegularization, 0),
            UserRegularization = read.Double("reg_user", defaults.UserRegularization, 0),
            Epochs = read.Int("epochs", defaults.Epochs, 1, 1000),
        };
        read.EnsureAllUsed();
        return new BaselineOnly(options);
    }

    private static Dictionary<string, string> Describe(BaselineOnlyOptions options) => new()
    {
        ["reg_item"] = SettingReader.Format(options.ItemRegularization),
        ["reg_user"] = SettingReader.Format(options.UserRegularization),
        ["epochs"] = SettingReader.Format(options.Epochs),
    };

    public IRatingModel Fit(InteractionTable ratings, CancellationToken cancellationToken = default) =>
        Fit(RatingMatrix.From(ratings), cancellationToken);

    internal BaselineOnlyModel Fit(RatingMatrix data, CancellationToken cancellationToken)
    {
        var (itemBias, _) = FitBiases(data, Options.ItemRegularization, Options.UserRegularization, Options.Epochs, cancellationToken);
        return new BaselineOnlyModel(Describe(Options), data.Items, data.Mean, itemBias, Options.UserRegularization, data.MinRating, data.MaxRating);
    }

    /// <summary>Alternating exact solves of the bias-only least squares, item biases first (as Surprise does).</summary>
    internal static (double[] ItemBias, double[] UserBias) FitBiases(RatingMatrix data, double regItem, double regUser, int epochs,
        CancellationToken cancellationToken)
    {
        var itemBias = new double[data.ItemCount];
        var userBias = new double[data.UserCount];
        var mean = data.Mean;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < data.ItemCount; i++)
            {
                var deviation = 0.0;
                for (var s = data.ItemStart[i]; s < data.ItemStart[i + 1]; s++)
                {
                    deviation += data.ItemRating[s] - mean - userBias[data.ItemUser[s]];
                }
                itemBias[i] = deviation / (regItem + data.ItemDegree(i));
            }
            for (var u = 0; u < data.UserCount; u++)
            {
                var deviation = 0.0;
                for (var s = data.UserStart[u]; s < data.UserStart[u + 1]; s++)
                {
                    deviation += data.UserRating[s] - mean - itemBias[data.UserItem[s]];
                }
                userBias[u] = deviation / (regUser + data.UserDegree(u));
            }
        }
        return (itemBias, userBias);
    }
}

/// <summary>A fitted <see cref="BaselineOnly"/>: global mean and one bias per movie; the user bias is solved from the history.</summary>
internal sealed class BaselineOnlyModel : IRatingModel
{
    private readonly ItemIndex _items;
    private readonly double _mean;
    private readonly double[] _itemBias;
    private readonly double _userRegularization;

    public BaselineOnlyModel(IReadOnlyDictionary<string, string> parameters, ItemIndex items, double mean, double[] itemBias,
        double userRegularization, float minRating, float maxRating)
    {
        Parameters = parameters;
        _items = items;
        _mean = mean;
        _itemBias = itemBias;
        _userRegularization = userRegularization;
        RatingScale = (minRating, maxRating);
    }

    public string Algorithm => BaselineOnly.AlgorithmName;
    public IReadOnlyDictionary<string, string> Parameters { get; }
    public (float Min, float Max) RatingScale { get; }

    /// <summary>The user bias is the last half-step of the alternation, so a training user gets exactly the bias fitted for them.</summary>
    public void Predict(IReadOnlyList<(int MovieId, float Rating)> ratedHistory, ReadOnlySpan<int> movieIds, Span<float> predictions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(predictions.Length, movieIds.Length, nameof(predictions));
        var deviation = 0.0;
        var known = 0;
        foreach (var (movieId, rating) in ratedHistory)
        {
            var item = _items.PositionOf(movieId);
            if (item >= 0)
            {
                deviation += rating - _mean - _itemBias[item];
                known++;
            }
        }
        var userBias = deviation / (_userRegularization + known);
        for (var k = 0; k < movieIds.Length; k++)
        {
            var item = _items.PositionOf(movieIds[k]);
            var prediction = _mean + userBias + (item >= 0 ? _itemBias[item] : 0);
            predictions[k] = Math.Clamp((float)prediction, RatingScale.Min, RatingScale.Max);
        }
    }

    public async Task SaveAsync(RatingModelFiles files, CancellationToken cancellationToken = default)
    {
        files.SetNumber("min_rating", RatingScale.Min);
        files.SetNumber("max_rating", RatingScale.Max);
        files.SetNumber("mean", _mean);
        files.SetNumber("user_regularization", _userRegularization);
        await files.WriteAsync("movie_ids", _items.MovieIds.ToArray(), cancellationToken);
        await files.WriteAsync("item_bias", Array.ConvertAll(_itemBias, b => (float)b), cancellationToken);
    }

    public static async Task<BaselineOnlyModel> LoadAsync(RatingModelFiles files, CancellationToken cancellationToken)
    {
        var items = new ItemIndex(await files.ReadAsync<int>("movie_ids", cancellationToken));
        var itemBias = Array.ConvertAll(await files.ReadAsync<float>("item_bias", cancellationToken), b => (double)b);
        if (itemBias.Length != items.Count)
        {
            throw new InvalidDataException($"item_bias has {itemBias.Length} entries for {items.Count} movies");
        }
        return new BaselineOnlyModel(files.Parameters, items, files.Number("mean"), itemBias,
            files.Number("user_regularization"), (float)files.Number("min_rating"), (float)files.Number("max_rating"));
    }
}
