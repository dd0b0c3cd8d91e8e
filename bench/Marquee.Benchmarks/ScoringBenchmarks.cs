using BenchmarkDotNet.Attributes;
using Marquee.Core.Interactions;
using Marquee.Core.Recommenders;
using Marquee.Core.Training;

namespace Marquee.Benchmarks;

/// <summary>
/// Scoring the whole catalogue for one user from a history, the real-time path of /recommend: a
/// session of 20 swipes and a MovieLens user with 165 ratings (the mean).
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private readonly Dictionary<string, ITopNModel> _models = [];
    private int[] _sessionItems = [];
    private float[] _sessionRatings = [];
    private int[] _userItems = [];
    private float[] _userRatings = [];
    private float[] _scores = [];

    [Params("ease", "als", "itemknn")]
    public string Algorithm { get; set; } = "ease";

    [GlobalSetup]
    public void Setup()
    {
        var matrix = Data.MlLatestSmall;
        _models[Algorithm] = ModelTrainer.Configure(Algorithm).Fit(matrix);
        var random = new Random(42);
        _sessionItems = Enumerable.Range(0, 20).Select(_ => random.Next(matrix.ItemCount)).Distinct().ToArray();
        _sessionRatings = _sessionItems.Select(_ => 4.5f).ToArray();
        var row = Enumerable.Range(0, matrix.UserCount).First(u => matrix.ByUser.RowLength(u) is >= 160 and <= 170);
        _userItems = matrix.ByUser.RowColumns(row).ToArray();
        _userRatings = matrix.ByUser.RowValues(row).ToArray();
        _scores = new float[matrix.ItemCount];
    }

    [Benchmark]
    public float ScoreSession()
    {
        _models[Algorithm].ScoreHistory(_sessionItems, _sessionRatings, _scores);
        return _scores[0];
    }

    [Benchmark]
    public float ScoreMovieLensUser()
    {
        _models[Algorithm].ScoreHistory(_userItems, _userRatings, _scores);
        return _scores[0];
    }
}
