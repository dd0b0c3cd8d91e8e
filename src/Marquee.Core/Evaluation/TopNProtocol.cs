using System.Diagnostics;
using Marquee.Core.Interactions;
using Marquee.Core.Recommenders;

namespace Marquee.Core.Evaluation;

/// <summary>The splits and matrices of the offline protocol for one dataset.</summary>
public sealed class ProtocolData
{
    public ProtocolData(InteractionTable all)
    {
        (Train, Test) = ProtocolSplit.Split(all, ProtocolSplit.TestSeed);
        (TrainInner, Validation) = ProtocolSplit.Split(Train, ProtocolSplit.ValidationSeed);
        TrainMatrix = InteractionMatrix.Build(Train);
        TrainInnerMatrix = InteractionMatrix.Build(TrainInner);
    }

    public InteractionTable Train { get; }
    public InteractionTable Test { get; }
    public InteractionTable TrainInner { get; }
    public InteractionTable Validation { get; }
    /// <summary>Catalogue = items with a TRAIN interaction, ordered by movie id.</summary>
    public InteractionMatrix TrainMatrix { get; }
    public InteractionMatrix TrainInnerMatrix { get; }
}

/// <summary>One algorithm to evaluate: a single configuration, or a grid tuned on the validation split.</summary>
public sealed record TopNCandidate(string Name, IReadOnlyList<ITopNAlgorithm> Grid);

/// <summary>What the protocol measured for one algorithm.</summary>
public sealed record TopNResult(
    string Name,
    IReadOnlyDictionary<string, double> Parameters,
    TopNMetrics Test,
    double FitSeconds,
    double TuneSeconds,
    double EvaluateSeconds,
    IReadOnlyList<(string Parameters, double ValidationNdcg)> Tuning);

/// <summary>
/// Runs PROTOCOL.md for an algorithm: choose hyper-parameters by NDCG@10 on VALID with the model fitted
/// on TRAIN_INNER (ties → first in grid order), refit on TRAIN, evaluate on TEST.
/// </summary>
public static class TopNProtocol
{
    public static TopNResult Run(ProtocolData data, TopNCandidate candidate, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var chosen = candidate.Grid[0];
        var tuning = new List<(string, double)>();
        var tuneSeconds = 0.0;
        if (candidate.Grid.Count > 1)
        {
            var tuneClock = Stopwatch.StartNew();
            var best = double.NegativeInfinity;
            foreach (var algorithm in candidate.Grid)
            {
                var model = algorithm.Fit(data.TrainInnerMatrix, cancellationToken);
                var valid = TopNEvaluator.Evaluate(model, data.TrainInnerMatrix, data.Validation);
                var described = TopNModels.Describe(algorithm.Parameters);
                tuning.Add((described, valid.Ndcg));
                log?.Invoke($"  {candidate.Name} {described}: VALID NDCG@10 {valid.Ndcg:F4}");
                if (valid.Ndcg > best)
                {
                    best = valid.Ndcg;
                    chosen = algorithm;
                }
            }
            tuneSeconds = tuneClock.Elapsed.TotalSeconds;
        }
        var fitClock = Stopwatch.StartNew();
        var final = chosen.Fit(data.TrainMatrix, cancellationToken);
        var fitSeconds = fitClock.Elapsed.TotalSeconds;
        var evalClock = Stopwatch.StartNew();
        var test = TopNEvaluator.Evaluate(final, data.TrainMatrix, data.Test);
        return new TopNResult(candidate.Name, chosen.Parameters, test, fitSeconds, tuneSeconds, evalClock.Elapsed.TotalSeconds, tuning);
    }
}
