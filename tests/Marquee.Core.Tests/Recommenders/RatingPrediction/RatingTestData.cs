using Marquee.Core.Import;
using Marquee.Core.Interactions;
using Marquee.Core.Numerics;
using Marquee.Core.Recommenders.RatingPrediction;
using Marquee.Core.Tests.Support;
using Marquee.Core.Training;

namespace Marquee.Core.Tests.Recommenders.RatingPrediction;

/// <summary>Rating tables for the rating-prediction tests: hand-made, planted low-rank, and the real MovieLens sets.</summary>
internal static class RatingTestData
{
    private static readonly Lazy<InteractionTable> LatestSmall = new(() => Read(SharedData.MlLatestSmall));
    private static readonly Lazy<InteractionTable> Hundred = new(() => Read(SharedData.Ml100K));

    public static InteractionTable MlLatestSmall => LatestSmall.Value;
    public static InteractionTable Ml100K => Hundred.Value;

    public static InteractionTable Table(params (int User, int Movie, float Rating)[] rows)
    {
        var builder = new InteractionTableBuilder();
        var time = 1_000_000_000L;
        foreach (var (user, movie, rating) in rows)
        {
            builder.Add(user, movie, rating, time++);
        }
        return builder.Build();
    }

    /// <summary>
    /// Ratings r = 3 + b_u + b_i + p_u·q_i + noise with rank-<paramref name="rank"/> factors, each pair
    /// observed with probability <paramref name="density"/>; every 10th observed pair is held out.
    /// </summary>
    public static (InteractionTable Train, InteractionTable Test, double NoiseStd) PlantedLowRank(
        int users = 300, int movies = 200, int rank = 3, double density = 0.25, double noiseStd = 0.1, ulong seed = 5)
    {
        var random = new GaussianRandom(seed);
        double[] Vector(int n, double scale)
        {
            var v = new double[n];
            for (var k = 0; k < n; k++)
            {
                v[k] = scale * random.NextNormal();
            }
            return v;
        }
        var userFactors = Enumerable.Range(0, users).Select(_ => Vector(rank, 0.6)).ToArray();
        var movieFactors = Enumerable.Range(0, movies).Select(_ => Vector(rank, 0.6)).ToArray();
        var userBias = Vector(users, 0.3);
        var movieBias = Vector(movies, 0.4);
        var train = new InteractionTableBuilder();
        var test = new InteractionTableBuilder();
        var observed = 0;
        for (var u = 0; u < users; u++)
        {
            for (var i = 0; i < movies; i++)
            {
                if (random.NextUniform() >= density)
                {
                    continue;
                }
                var value = 3 + userBias[u] + movieBias[i] + (noiseStd * random.NextNormal());
                for (var k = 0; k < rank; k++)
                {
                    value += userFactors[u][k] * movieFactors[i][k];
                }
                (observed++ % 10 == 0 ? test : train).Add(u + 1, i + 1, (float)value, 0);
            }
        }
        return (train.Build(), test.Build(), noiseStd);
    }

    /// <summary>Each user's training ratings as the history <see cref="Core.Recommenders.IRatingPredictor.Predict"/> takes.</summary>
    public static Dictionary<int, List<(int MovieId, float Rating)>> Histories(InteractionTable table)
    {
        var histories = new Dictionary<int, List<(int, float)>>();
        for (var r = 0; r < table.Count; r++)
        {
            if (!histories.TryGetValue(table.UserIds[r], out var history))
            {
                histories[table.UserIds[r]] = history = [];
            }
            history.Add((table.MovieIds[r], table.Ratings[r]));
        }
        return histories;
    }

    /// <summary>
    /// Writes <paramref name="model"/> as a rating version under <paramref name="modelsDirectory"/> the way training does
    /// (<see cref="ModelStore"/>) and loads it back through the same checks the server runs.
    /// </summary>
    public static async Task<(IRatingModel Loaded, string Directory, ModelManifest Manifest)> SaveAndLoadAsync(IRatingModel model, string modelsDirectory)
    {
        var manifest = new ModelManifest
        {
            Version = "rating-test", Kind = ModelKind.Rating, Algorithm = model.Algorithm, Parameters = new Dictionary<string, double>(),
            CreatedAt = DateTimeOffset.UnixEpoch, CodeVersion = "test", FitSeconds = 0,
            Data = new TrainingData { InteractionsSha256 = "", Ratings = 0, FeedbackEvents = 0, Users = 0, Items = 0, Fingerprint = "" },
        };
        var (directory, written) = await ModelStore.WriteAsync(modelsDirectory, manifest, model);
        var fromDisk = await ModelManifest.ReadAsync(directory);
        return (await ModelStore.LoadRatingAsync(directory, fromDisk), directory, written);
    }

    /// <summary>Predicts every row of <paramref name="test"/> from its user's rows in <paramref name="train"/>.</summary>
    public static float[] PredictAll(IRatingModel model, InteractionTable train, InteractionTable test)
    {
        var histories = Histories(train);
        var predictions = new float[test.Count];
        var one = new float[1];
        for (var r = 0; r < test.Count; r++)
        {
            model.Predict(histories.GetValueOrDefault(test.UserIds[r]) ?? [], [test.MovieIds[r]], one);
            predictions[r] = one[0];
        }
        return predictions;
    }

    public static double Rmse(InteractionTable test, float[] predictions)
    {
        var sum = 0.0;
        for (var r = 0; r < test.Count; r++)
        {
            var error = predictions[r] - test.Ratings[r];
            sum += error * error;
        }
        return Math.Sqrt(sum / test.Count);
    }

    private static InteractionTable Read(string path)
    {
        using var files = DatasetFiles.FromPath(path);
        return MovieLensReader.Read(files).Ratings;
    }
}
