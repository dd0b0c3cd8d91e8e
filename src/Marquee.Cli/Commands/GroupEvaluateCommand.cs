using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marquee.Core.Artifacts;
using Marquee.Core.Evaluation;
using Marquee.Core.Import;
using Marquee.Core.Training;
using Spectre.Console;

namespace Marquee.Cli.Commands;

/// <summary><c>marquee evaluate --groups</c>: the offline comparison of group aggregation strategies (docs/rooms.md).</summary>
internal static class GroupEvaluateCommand
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string source, string? jsonPath, int groupsPerSize, CancellationToken cancellationToken)
    {
        if (groupsPerSize is < 1 or > 100_000)
        {
            throw new CliException("--groups-per-size must be between 1 and 100000");
        }
        using var files = DatasetFiles.FromPath(Path.GetFullPath(source));
        var dataset = MovieLensReader.Read(files);
        var data = new ProtocolData(dataset.Ratings);
        var name = Path.GetFileNameWithoutExtension(files.Origin.TrimEnd('/'));
        // The serving configuration of the serving algorithm: the comparison is about aggregation, not the model.
        var algorithm = ModelTrainer.Configure("ease");
        Console.Error.WriteLine($"{name}: fitting {algorithm.Name} ({Describe(algorithm.Parameters)}) on TRAIN...");
        var model = algorithm.Fit(data.TrainMatrix, cancellationToken);
        var options = new GroupProtocolOptions { GroupsPerSize = groupsPerSize };
        Console.Error.WriteLine($"Drawing {groupsPerSize} groups of each size {options.MinGroupSize}-{options.MaxGroupSize} (seed {options.Seed})...");
        var results = GroupProtocol.Run(data, model, options, cancellationToken);

        var table = new Table().AddColumns("strategy", "group size", "mean NDCG@10", "worst member NDCG@10", "lists with misery", "groups");
        foreach (var r in results.OrderBy(r => r.GroupSize == 0 ? int.MaxValue : r.GroupSize))
        {
            table.AddRow(Markup.Escape(r.Strategy), r.GroupSize == 0 ? "all" : r.GroupSize.ToString(CultureInfo.InvariantCulture),
                F(r.MeanNdcg), F(r.WorstNdcg), r.MiseryRate.ToString("P1", CultureInfo.InvariantCulture), r.Groups.ToString(CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        if (jsonPath is not null)
        {
            var report = new GroupReport(name, algorithm.Name, options.Seed, groupsPerSize,
                results.Select(r => new GroupRow(r.Strategy, r.GroupSize, r.MeanNdcg, r.WorstNdcg, r.MiseryRate, r.Groups)).ToList());
            await AtomicFile.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, IndentedJson), cancellationToken);
            Console.WriteLine($"Wrote {jsonPath}");
        }
        return 0;
    }

    private static string Describe(IReadOnlyDictionary<string, double> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private sealed record GroupReport(
        [property: JsonPropertyName("dataset")] string Dataset,
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("seed")] int Seed,
        [property: JsonPropertyName("groups_per_size")] int GroupsPerSize,
        [property: JsonPropertyName("results")] IReadOnlyList<GroupRow> Results);

    private sealed record GroupRow(
        [property: JsonPropertyName("strategy")] string Strategy,
        [property: JsonPropertyName("group_size")] int GroupSize,
        [property: JsonPropertyName("mean_ndcg_at_10")] double MeanNdcgAt10,
        [property: JsonPropertyName("worst_member_ndcg_at_10")] double WorstMemberNdcgAt10,
        [property: JsonPropertyName("misery_rate")] double MiseryRate,
        [property: JsonPropertyName("groups")] int Groups);
}
