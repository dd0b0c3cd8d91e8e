using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marquee.Core.Artifacts;
using Marquee.Core.Evaluation;
using Marquee.Core.Import;
using Marquee.Core.Recommenders;
using Marquee.Core.Recommenders.RatingPrediction;
using Spectre.Console;

namespace Marquee.Cli.Commands;

internal static class EvaluateCommand
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "MovieLens directory or zip (the offline protocol)" };
        var json = new Option<string?>("--json") { Description = "Write the results as JSON to this file" };
        var algorithms = new Option<string?>("--algorithms") { Description = "Comma-separated subset of the top-N models: most-popular,itemknn,ease,ease-weighted,als" };
        var ratingModels = new Option<string[]>("--rating-models")
        {
            Description = "Rating predictors for the 5-fold protocol, e.g. blend or bayesian-mf:factors=16 (default: baseline, knn-baseline, bayesian-mf, blend; 'none' skips)",
            AllowMultipleArgumentsPerToken = true,
        };
        var relevance = new Option<string?>("--relevance") { Description = "Judged wishes (shared/eval/relevance_public.json) to score against a running server" };
        var tastes = new Option<string?>("--tastes") { Description = "Tastes (eval/tastes_public.json) to score against a running server" };
        var groups = new Option<bool>("--groups") { Description = "Compare group aggregation strategies (average, least misery, ...) on synthetic groups of 2-5 users instead (docs/rooms.md)" };
        var groupsPerSize = new Option<int>("--groups-per-size") { Description = "Synthetic groups drawn per group size (with --groups)", DefaultValueFactory = _ => 300 };
        var sampleUsers = new Option<int?>("--sample-users")
        {
            Description = "Evaluate on the ratings of N users only, drawn by a seeded hash of the user id (docs/performance.md): large datasets in bounded time",
        };
        var results = new Option<string?>("--results")
        {
            Description = "Journal of finished results, one JSON line each (default: evaluate/<dataset>[-users-N].jsonl under the artifacts folder)",
        };
        var resume = new Option<bool>("--resume") { Description = "Skip the results the journal already holds for this dataset and reuse their figures" };
        var url = new Option<string>("--url") { Description = "The server --relevance and --tastes ask", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var command = new Command("evaluate", "Run the offline protocol of shared/eval/PROTOCOL.md for every algorithm, or score judged wishes and tastes (shared/eval/RELEVANCE.md) on a running server")
        {
            source, json, algorithms, ratingModels, sampleUsers, results, resume, relevance, tastes, url, groups, groupsPerSize,
        };
        sampleUsers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0)
            {
                result.AddError("--sample-users must be a positive number of users");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(relevance) is not null || parse.GetValue(tastes) is not null)
            {
                return RelevanceCommand.RunAsync(parse.GetValue(relevance), parse.GetValue(tastes), parse.GetValue(url)!, cancellationToken);
            }
            var dataset = parse.GetValue(source) ?? throw new CliException("evaluate needs --source DIR|ZIP (the offline protocol) or --relevance FILE / --tastes FILE (a running server)");
            if (parse.GetValue(groups))
            {
                return GroupEvaluateCommand.RunAsync(dataset, parse.GetValue(json), parse.GetValue(groupsPerSize), cancellationToken);
            }
            return RunAsync(dataset, parse.GetValue(json), parse.GetValue(algorithms), parse.GetValue(ratingModels),
                new JournalSettings(parse.GetValue(sampleUsers), parse.GetValue(results), parse.GetValue(resume)), cancellationToken);
        });
        return command;
    }

    private static readonly string[] DefaultRatingModels = ["baseline", "knn-baseline", "bayesian-mf", RatingAlgorithms.DefaultName];

    /// <summary>How the run is sampled and where its finished results are journalled.</summary>
    private sealed record JournalSettings(int? SampleUsers, string? Path, bool Resume);

    private static async Task<int> RunAsync(string source, string? jsonPath, string? only, string[]? ratingSpecs, JournalSettings settings,
        CancellationToken cancellationToken)
    {
        using var files = DatasetFiles.FromPath(Path.GetFullPath(source));
        var dataset = MovieLensReader.Read(files);
        var name = Path.GetFileNameWithoutExtension(files.Origin.TrimEnd('/'));
        var ratings = dataset.Ratings;
        var label = name;
        if (settings.SampleUsers is { } sampleSize)
        {
            ratings = UserSample.Keep(ratings, sampleSize);
            label = $"{name}-users-{sampleSize}";
            Console.WriteLine($"{name}: sample of {ratings.UserIds.Distinct().Count():N0} users (seed {UserSample.Seed}): {ratings.Count:N0} of {dataset.Ratings.Count:N0} ratings");
        }
        var data = new ProtocolData(ratings);
        Console.WriteLine($"{label}: {ratings.Count:N0} ratings; TRAIN {data.Train.Count:N0} / TEST {data.Test.Count:N0}; catalogue {data.TrainMatrix.ItemCount:N0} items");

        var journalPath = settings.Path ?? System.IO.Path.Combine(CliEnvironment.ArtifactsDir, "evaluate", $"{label}.jsonl");
        // The journal is for this data only: its first line names the dataset, its sample and its size.
        using var journal = EvaluationJournal.Open(journalPath, $"{label} ({ratings.Count} ratings)", settings.Resume);
        Console.Error.WriteLine(journal.Resumed > 0
            ? $"Resuming from {journalPath}: {journal.Resumed} finished result(s) reused"
            : $"Recording each result as it finishes in {journalPath} (--resume continues an interrupted run)");

        var wanted = only?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var results = new List<TopNResult>();
        foreach (var candidate in TopNCandidates.All())
        {
            if (wanted is not null && !wanted.Contains(candidate.Name))
            {
                continue;
            }
            Console.Error.WriteLine($"Evaluating {candidate.Name} ({candidate.Grid.Count} setting{(candidate.Grid.Count == 1 ? "" : "s")})...");
            try
            {
                results.Add(TopNProtocol.Run(data, candidate, line => Console.Error.WriteLine(line), cancellationToken, journal));
            }
            catch (InvalidOperationException e)
            {
                // A model that refuses this size (EASE past its dense limit) is left out, not the whole evaluation.
                Console.Error.WriteLine($"  {candidate.Name} skipped: {e.Message}");
            }
        }

        var table = new Table().AddColumns("model", "params", "NDCG@10", "Recall@10", "HitRate@10", "Coverage@10", "fit s", "tune s", "eval s");
        foreach (var r in results)
        {
            table.AddRow(r.Name, TopNModels.Describe(r.Parameters), F(r.Test.Ndcg), F(r.Test.Recall), F(r.Test.HitRate), F(r.Test.Coverage),
                S(r.FitSeconds), r.Tuning.Count == 0 ? "-" : S(r.TuneSeconds), S(r.EvaluateSeconds));
        }
        AnsiConsole.Write(table);

        var specs = ratingSpecs is { Length: > 0 } given ? given : DefaultRatingModels;
        var ratingResults = new List<RatingCrossValidationResult>();
        if (!specs.Contains("none", StringComparer.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine("Rating prediction: 5-fold cross-validation, fold = key(7, user, movie) mod 5...");
            ratingResults.AddRange(RatingCrossValidation.Run(ratings, specs.Select(RatingAlgorithms.Parse),
                new RatingCrossValidationOptions { Progress = new Progress.SynchronousProgress<string>(line => Console.Error.WriteLine($"  {line}")), Journal = journal },
                cancellationToken));
            var ratingTable = new Table().AddColumns("rating model", "params", "RMSE", "MAE", "fit s / fold", "predict s / fold");
            foreach (var r in ratingResults)
            {
                ratingTable.AddRow(r.Name, r.ParametersText, F(r.Rmse), F(r.Mae), S(r.FitSecondsPerFold), S(r.PredictSecondsPerFold));
            }
            AnsiConsole.Write(ratingTable);
        }

        if (jsonPath is not null)
        {
            var report = new EvaluationReport(label, "shared/eval/PROTOCOL.md", results.Select(r => new ModelRow(
                r.Name, r.Parameters, r.Test.Ndcg, r.Test.Recall, r.Test.HitRate, r.Test.Coverage, r.FitSeconds, r.TuneSeconds, r.EvaluateSeconds)).ToList(),
                ratingResults.Select(r => new RatingRow(r.Name, r.ParametersText, r.Rmse, r.Mae, r.FitSecondsPerFold)).ToList());
            await AtomicFile.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, IndentedJson), cancellationToken);
            Console.WriteLine($"Wrote {jsonPath}");
        }
        return 0;
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static string S(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private sealed record EvaluationReport(
        [property: JsonPropertyName("dataset")] string Dataset,
        [property: JsonPropertyName("protocol")] string Protocol,
        [property: JsonPropertyName("models")] IReadOnlyList<ModelRow> Models,
        [property: JsonPropertyName("rating_prediction")] IReadOnlyList<RatingRow> RatingPrediction);

    private sealed record ModelRow(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("params")] IReadOnlyDictionary<string, double> Params,
        [property: JsonPropertyName("ndcg_at_10")] double NdcgAt10,
        [property: JsonPropertyName("recall_at_10")] double RecallAt10,
        [property: JsonPropertyName("hit_rate_at_10")] double HitRateAt10,
        [property: JsonPropertyName("coverage_at_10")] double CoverageAt10,
        [property: JsonPropertyName("train_seconds")] double TrainSeconds,
        [property: JsonPropertyName("tune_seconds")] double TuneSeconds,
        [property: JsonPropertyName("eval_seconds")] double EvalSeconds);

    private sealed record RatingRow(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("params")] string Params,
        [property: JsonPropertyName("rmse")] double Rmse,
        [property: JsonPropertyName("mae")] double Mae,
        [property: JsonPropertyName("fit_seconds_per_fold")] double FitSecondsPerFold);
}
