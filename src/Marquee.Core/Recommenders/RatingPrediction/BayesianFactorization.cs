using System.Globalization;
using Marquee.Core.Interactions;

namespace Marquee.Core.Recommenders.RatingPrediction;

/// <summary>
/// Bayesian probabilistic matrix factorisation with biases (Salakhutdinov &amp; Mnih 2008), fitted
/// by block Gibbs sampling with the per-dimension Normal–Gamma hyper-priors of libFM (Rendle 2012),
/// one group for users and one for movies. Model: r_ui ~ N(μ + b_u + b_i + p_u·q_i, 1/(α s_u)).
/// Every regulariser is sampled, so nothing but the rank and the chain lengths is set by hand;
/// predictions average the posterior samples of several independent chains.
/// </summary>
public sealed class BayesianFactorization : IRatingAlgorithm
{
    public const string AlgorithmName = "bayesian-mf";

    public BayesianFactorization(BayesianFactorizationOptions? options = null)
    {
        Options = options ?? new BayesianFactorizationOptions();
        if (Options.BurnIn >= Options.Sweeps)
        {
            throw new ArgumentException($"{AlgorithmName}: burn_in ({Options.BurnIn}) must be below sweeps ({Options.Sweeps})", "burn_in");
        }
        if (Options.Factors < 1 || Options.Chains < 1 || Options.SamplesPerChain < 1 || Options.UserNoiseDegrees < 0 || Options.ItemNoiseDegrees < 0)
        {
            throw new ArgumentException($"{AlgorithmName}: factors, chains and samples must be positive, noise degrees non-negative", nameof(options));
        }
    }

    public BayesianFactorizationOptions Options { get; }

    public string Name => AlgorithmName;

    public IReadOnlyDictionary<string, string> Parameters => Describe(Options);

    internal static BayesianFactorization FromSettings(IReadOnlyDictionary<string, string>? settings)
    {
        var read = new SettingReader(AlgorithmName, settings);
        var d = new BayesianFactorizationOptions();
        var options = new BayesianFactorizationOptions
        {
            Factors = read.Int("factors", d.Factors, 1, 128),
            Chains = read.Int("chains", d.Chains, 1, 64),
            Sweeps = read.Int("sweeps", d.Sweeps, 1, 100_000),
            BurnIn = read.Int("burn_in", d.BurnIn, 0, 100_000),
            SamplesPerChain = read.Int("samples", d.SamplesPerChain, 1, 10_000),
            UserNoiseDegrees = read.Double("user_noise_dof", d.UserNoiseDegrees, 0, 1e6),
            ItemNoiseDegrees = read.Double("item_noise_dof", d.ItemNoiseDegrees, 0, 1e6),
            InitialStandardDeviation = read.Double("init_std", d.InitialStandardDeviation, 0, 10),
            Seed = (ulong)read.Int("seed", (int)d.Seed, 0),
        };
        read.EnsureAllUsed();
        return new BayesianFactorization(options);
    }

    private static Dictionary<string, string> Describe(BayesianFactorizationOptions o) => new()
    {
        ["factors"] = SettingReader.Format(o.Factors),
        ["chains"] = SettingReader.Format(o.Chains),
        ["sweeps"] = SettingReader.Format(o.Sweeps),
        ["burn_in"] = SettingReader.Format(o.BurnIn),
        ["samples"] = SettingReader.Format(Math.Min(o.SamplesPerChain, o.Sweeps - o.BurnIn)),
        ["user_noise_dof"] = SettingReader.Format(o.UserNoiseDegrees),
        ["item_noise_dof"] = SettingReader.Format(o.ItemNoiseDegrees),
        ["init_std"] = SettingReader.Format(o.InitialStandardDeviation),
        ["seed"] = o.Seed.ToString(CultureInfo.InvariantCulture),
    };

    public IRatingModel Fit(InteractionTable ratings, CancellationToken cancellationToken = default) =>
        Fit(RatingMatrix.From(ratings), cancellationToken);

    internal BayesianFactorizationModel Fit(RatingMatrix data, CancellationToken cancellationToken)
    {
        var perChain = Math.Min(Options.SamplesPerChain, Options.Sweeps - Options.BurnIn);
        var samples = new BayesianFactorizationModel.SampleSet(Options.Chains * perChain, data.ItemCount, Options.Factors,
            hasItemNoise: Options.ItemNoiseDegrees > 0);
        // Chains are independent: one per core. With fewer chains than cores the spare cores work
        // inside each chain instead; per-entity random streams keep the result identical either way.
        var parallelInside = Options.Chains < Environment.ProcessorCount;
        Parallel.For(0, Options.Chains, new ParallelOptions { CancellationToken = cancellationToken }, chain =>
            new BayesianChain(data, Options, chain, parallelInside).Run(samples, chain * perChain, perChain, cancellationToken));
        return new BayesianFactorizationModel(Describe(Options), data.Items, data.Mean, Options.Factors, Options.UserNoiseDegrees,
            samples, data.MinRating, data.MaxRating);
    }
}
