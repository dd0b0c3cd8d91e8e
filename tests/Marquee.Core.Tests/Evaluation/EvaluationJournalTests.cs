using Marquee.Core.Evaluation;
using Marquee.Core.Tests.Recommenders.RatingPrediction;

namespace Marquee.Core.Tests.Evaluation;

public sealed class EvaluationJournalTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static readonly Dictionary<string, double> Figures = new() { ["ndcg_at_10"] = 0.25 };

    [Fact]
    public void Resume_SameDataset_FindsWhatTheLastRunFinished()
    {
        var path = _temp.File("journal.jsonl");
        using (var first = EvaluationJournal.Open(path, "ml-x (100 ratings)", resume: false))
        {
            first.Record("top-n", "als", "alpha=1", "valid", Figures);
        }

        using var resumed = EvaluationJournal.Open(path, "ml-x (100 ratings)", resume: true);

        Assert.Equal(1, resumed.Resumed);
        Assert.Equal(0.25, resumed.Find("top-n", "als", "alpha=1", "valid")!["ndcg_at_10"]);
        Assert.Null(resumed.Find("top-n", "als", "alpha=4", "valid"));
        Assert.Null(resumed.Find("top-n", "als", "alpha=1", "test"));
    }

    [Fact]
    public void Open_WithoutResume_OrForOtherData_StartsAfresh()
    {
        var path = _temp.File("journal.jsonl");
        using (var first = EvaluationJournal.Open(path, "ml-x (100 ratings)", resume: false))
        {
            first.Record("top-n", "als", "alpha=1", "valid", Figures);
        }

        using (var other = EvaluationJournal.Open(path, "ml-y (90 ratings)", resume: true))
        {
            Assert.Equal(0, other.Resumed);
            Assert.Null(other.Find("top-n", "als", "alpha=1", "valid"));
        }
        using var fresh = EvaluationJournal.Open(path, "ml-y (90 ratings)", resume: false);
        Assert.Equal(0, fresh.Resumed);
    }

    [Fact]
    public void Resume_LineCutOffByAKill_RunsThatUnitAgainAndKeepsTheRest()
    {
        var path = _temp.File("journal.jsonl");
        using (var first = EvaluationJournal.Open(path, "ml-x (100 ratings)", resume: false))
        {
            first.Record("rating", "baseline", "epochs=10", "fold 0", Figures);
        }
        File.AppendAllText(path, "{\"stage\":\"rating\",\"algorithm\":\"baseline\",\"par");

        using var resumed = EvaluationJournal.Open(path, "ml-x (100 ratings)", resume: true);

        Assert.Equal(1, resumed.Resumed);
        Assert.NotNull(resumed.Find("rating", "baseline", "epochs=10", "fold 0"));
    }

    [Fact]
    public void RatingCrossValidation_Resumed_FitsOnlyTheFoldsTheJournalLacks()
    {
        var rows = new List<(int, int, float)>();
        for (var user = 1; user <= 6; user++)
        {
            for (var movie = 1; movie <= 8; movie++)
            {
                rows.Add((user, movie, ((user + movie) % 5) + 1));
            }
        }
        var table = RatingTestData.Table([.. rows]);
        var path = _temp.File("journal.jsonl");
        RatingCrossValidationResult complete;
        using (var first = EvaluationJournal.Open(path, "tiny", resume: false))
        {
            complete = RatingCrossValidation.Run(table, new RatingCrossValidationTests.RecordingAlgorithm(),
                new RatingCrossValidationOptions { Journal = first, TestFolds = [0, 1, 2] });
        }

        using var resumed = EvaluationJournal.Open(path, "tiny", resume: true);
        var recorder = new RatingCrossValidationTests.RecordingAlgorithm();
        var result = RatingCrossValidation.Run(table, recorder, new RatingCrossValidationOptions { Journal = resumed });

        Assert.Equal(2, recorder.Trained.Count);
        Assert.Equal(5, result.Folds.Count);
        Assert.Equal(complete.Folds.Select(f => f.Rmse), result.Folds.Take(3).Select(f => f.Rmse));
    }

    public void Dispose() => _temp.Dispose();
}
