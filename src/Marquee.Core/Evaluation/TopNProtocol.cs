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
/// on TRAIN_INNER (ties → first in grid order), refit on TRAIN, evaluate on TEST. With a journal, every
/// grid point and the TEST result are recorded as they finish, and units it already holds are not run again.
/// </summary>
public static class TopNProtocol
{
    public const string Stage = "top-n";

    public static TopNResult Run(ProtocolData data, TopNCandidate candidate, Action<string>? log = null, CancellationToken cancellationToken = default,
        EvaluationJournal? journal = null)
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
                cancellationToken.ThrowIfCancellationRequested();
                var described = TopNModels.Describe(algorithm.Parameters);
                double ndcg;
                if (journal?.Find(Stage, candidate.Name, described, "valid") is { } done)
                {
                    ndcg = done["ndcg_at_10"];
                    log?.Invoke($"  {candidate.Name} {described}: VALID NDCG@10 {ndcg:F4} (resumed)");
                }
                else
                {
                    var model = algorithm.Fit(data.TrainInnerMatrix, cancellationToken);
                    ndcg = TopNEvaluator.Evaluate(model, data.TrainInnerMatrix, data.Validation).Ndcg;
                    journal?.Record(Stage, candidate.Name, described, "valid", new Dictionary<string, double> { ["ndcg_at_10"] = ndcg });
                    log?.Invoke($"  {candidate.Name} {described}: VALID NDCG@10 {ndcg:F4}");
                }
                tuning.Add((described, ndcg));
                if (ndcg > best)
                {
                    best = ndcg;
                    chosen = algorithm;
                }
            }
            tuneSeconds = tuneClock.Elapsed.TotalSeconds;
        }
        var chosenText = TopNModels.Describe(chosen.Parameters);
        if (journal?.Find(Stage, candidate.Name, chosenText, "test") is { } finished)
        {
            var resumed = new TopNResult(candidate.Name, chosen.Parameters,
                new TopNMetrics(finished["ndcg_at_10"], finished["recall_at_10"], finished["hit_rate_at_10"], finished["coverage_at_10"], (int)finished["users"]),
                finished["fit_seconds"], tuneSeconds, finished["eval_seconds"], tuning);
            log?.Invoke($"  {Describe(resumed)} (resumed)");
            return resumed;
        }
        var fitClock = Stopwatch.StartNew();
        var final = chosen.Fit(data.TrainMatrix, cancellationToken);
        var fitSeconds = fitClock.Elapsed.TotalSeconds;
        var evalClock = Stopwatch.StartNew();
        var test = TopNEvaluator.Evaluate(final, data.TrainMatrix, data.Test);
        var result = new TopNResult(candidate.Name, chosen.Parameters, test, fitSeconds, tuneSeconds, evalClock.Elapsed.TotalSeconds, tuning);
        journal?.Record(Stage, candidate.Name, chosenText, "test", new Dictionary<string, double>
        {
            ["ndcg_at_10"] = test.Ndcg, ["recall_at_10"] = test.Recall, ["hit_rate_at_10"] = test.HitRate, ["coverage_at_10"] = test.Coverage,
            ["users"] = test.EvaluatedUsers, ["fit_seconds"] = fitSeconds, ["eval_seconds"] = result.EvaluateSeconds,
        });
        log?.Invoke($"  {Describe(result)}");
        return result;
    }

    /// <summary>One line with the TEST figures of a result.</summary>
    public static string Describe(TopNResult r) =>
        $"{r.Name} {TopNModels.Describe(r.Parameters)}: TEST NDCG@10 {r.Test.Ndcg:F4} Recall@10 {r.Test.Recall:F4} HitRate@10 {r.Test.HitRate:F4} "
        + $"Coverage@10 {r.Test.Coverage:F4} ({r.Test.EvaluatedUsers:N0} users; fit {r.FitSeconds:F2} s, eval {r.EvaluateSeconds:F2} s)";
}
