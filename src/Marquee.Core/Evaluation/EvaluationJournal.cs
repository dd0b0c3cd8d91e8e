using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marquee.Core.Evaluation;

/// <summary>
/// One finished unit of an offline evaluation: an algorithm with one setting on one split or fold
/// (<c>valid</c> and <c>test</c> for the top-N protocol, <c>fold 0</c>…<c>fold 4</c> for rating cross-validation),
/// with what was measured.
/// </summary>
public sealed record EvaluationJournalRow(
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("params")] string Parameters,
    [property: JsonPropertyName("fold")] string Fold,
    [property: JsonPropertyName("values")] IReadOnlyDictionary<string, double> Values);

/// <summary>
/// An append-only file of finished evaluation units, one JSON object per line, flushed as each one ends:
/// a run that is stopped keeps everything it finished, and a resumed run skips those units and reuses
/// their figures. Rows are keyed by (stage, algorithm, params, fold); a run over other data must not
/// share a journal, so the file carries the dataset's description in its first line and a journal
/// written for another description is not resumed from.
/// </summary>
public sealed class EvaluationJournal : IDisposable
{
    private const string HeaderStage = "dataset";
    private readonly Dictionary<(string, string, string, string), EvaluationJournalRow> _done = [];
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    private EvaluationJournal(StreamWriter writer) => _writer = writer;

    /// <summary>Rows reused from the journal that was resumed.</summary>
    public int Resumed { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/>: with <paramref name="resume"/>, keeps the finished rows of a journal written for the same
    /// <paramref name="dataset"/> and appends to it; otherwise (or when it was written for other data) starts it afresh.
    /// </summary>
    public static EvaluationJournal Open(string path, string dataset, bool resume)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var kept = new List<EvaluationJournalRow>();
        if (resume && File.Exists(path))
        {
            var rows = ReadRows(path);
            if (rows.Count > 0 && rows[0].Stage == HeaderStage && rows[0].Algorithm == dataset)
            {
                kept.AddRange(rows.Skip(1));
            }
        }
        // Rewrite what is kept (a line cut off by a kill is dropped), then append.
        var writer = new StreamWriter(path, append: false) { AutoFlush = true };
        var journal = new EvaluationJournal(writer);
        journal.Write(new EvaluationJournalRow(HeaderStage, dataset, "", "", new Dictionary<string, double>()));
        foreach (var row in kept)
        {
            journal._done[Key(row)] = row;
            journal.Write(row);
        }
        journal.Resumed = kept.Count;
        return journal;
    }

    /// <summary>The finished row for this unit, if an earlier run recorded it.</summary>
    public IReadOnlyDictionary<string, double>? Find(string stage, string algorithm, string parameters, string fold)
    {
        lock (_gate)
        {
            return _done.TryGetValue((stage, algorithm, parameters, fold), out var row) ? row.Values : null;
        }
    }

    /// <summary>Records a finished unit and flushes it to disk.</summary>
    public void Record(string stage, string algorithm, string parameters, string fold, IReadOnlyDictionary<string, double> values)
    {
        var row = new EvaluationJournalRow(stage, algorithm, parameters, fold, values);
        lock (_gate)
        {
            _done[Key(row)] = row;
            Write(row);
        }
    }

    public void Dispose() => _writer.Dispose();

    private void Write(EvaluationJournalRow row) => _writer.WriteLine(JsonSerializer.Serialize(row));

    private static (string, string, string, string) Key(EvaluationJournalRow row) => (row.Stage, row.Algorithm, row.Parameters, row.Fold);

    private static List<EvaluationJournalRow> ReadRows(string path)
    {
        var rows = new List<EvaluationJournalRow>();
        foreach (var line in File.ReadLines(path))
        {
            try
            {
                if (JsonSerializer.Deserialize<EvaluationJournalRow>(line) is { Stage: not null, Algorithm: not null, Values: not null } row)
                {
                    rows.Add(row);
                }
            }
            catch (JsonException)
            {
                // The last line of a killed run may be cut off: that unit runs again.
            }
        }
        return rows;
    }
}
