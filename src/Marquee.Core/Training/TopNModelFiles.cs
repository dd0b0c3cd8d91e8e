using Marquee.Core.Artifacts;
using Marquee.Core.Interactions;
using Marquee.Core.Recommenders;

namespace Marquee.Core.Training;

/// <summary>
/// Which arrays each top-N model has, as NumPy <c>.npy</c> files in its folder. <see cref="ModelStore"/> is the way
/// in and out (staging, checksums, manifest, validation); the rating models' counterpart is <c>RatingModelFiles</c>.
/// </summary>
internal static class TopNModelFiles
{
    public static async Task SaveAsync(ITopNModel model, string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        string P(string name) => Path.Combine(directory, name);
        var items = model.Items.MovieIds.ToArray();
        await NpyFile.WriteAsync(P("item_ids.npy"), items, [items.Length], cancellationToken);
        switch (model)
        {
            case DualEaseModel ease:
                await SaveMatrixAsync(ease.Train, directory, cancellationToken);
                await NpyFile.WriteAsync(P("user_kernel_inverse.npy"), ease.UserKernelInverse.ToArray(), [ease.Train.UserCount, ease.Train.UserCount], cancellationToken);
                await NpyFile.WriteAsync(P("gamma.npy"), ease.Gamma.ToArray(), [items.Length], cancellationToken);
                break;
            case PrimalEaseModel ease:
                await NpyFile.WriteAsync(P("item_weights.npy"), ease.Weights, [items.Length, items.Length], cancellationToken);
                break;
            case AlsModel als:
                await NpyFile.WriteAsync(P("item_factors.npy"), als.ItemFactors, [items.Length, als.Factors], cancellationToken);
                await NpyFile.WriteAsync(P("user_factors.npy"), als.UserFactors, [als.UserFactors.Length / als.Factors, als.Factors], cancellationToken);
                break;
            case ItemKnnModel knn:
                var pointers = new int[items.Length + 1];
                for (var i = 0; i < items.Length; i++)
                {
                    pointers[i + 1] = pointers[i] + knn.NeighborColumns[i].Length;
                }
                await NpyFile.WriteAsync(P("neighbor_pointers.npy"), pointers, [pointers.Length], cancellationToken);
                await NpyFile.WriteAsync(P("neighbor_items.npy"), knn.NeighborColumns.SelectMany(c => c).ToArray(), [pointers[^1]], cancellationToken);
                await NpyFile.WriteAsync(P("neighbor_similarities.npy"), knn.NeighborValues.SelectMany(v => v).ToArray(), [pointers[^1]], cancellationToken);
                break;
            case FixedScoresModel fixedScores:
                await NpyFile.WriteAsync(P("item_scores.npy"), fixedScores.Scores, [items.Length], cancellationToken);
                break;
            default:
                throw new NotSupportedException($"cannot save a {model.Algorithm} model");
        }
    }

    /// <summary>Loads the model a manifest describes from its directory.</summary>
    public static async Task<ITopNModel> LoadAsync(string directory, ModelManifest manifest, CancellationToken cancellationToken = default)
    {
        string P(string name) => Path.Combine(directory, name);
        double Parameter(string name, double fallback) => manifest.Parameters.TryGetValue(name, out var value) ? value : fallback;
        if (manifest.Algorithm == "als" && Directory.Exists(P(SparkAlsFactors.ItemFactorsFolder)))
        {
            // Trained by Spark MLlib: its item ids and their factors, users in id order (SparkAlsFactors).
            var spark = await SparkAlsFactors.ReadAsync(P(SparkAlsFactors.ItemFactorsFolder), cancellationToken);
            var sparkUsers = Directory.Exists(P(SparkAlsFactors.UserFactorsFolder))
                ? await SparkAlsFactors.ReadAsync(P(SparkAlsFactors.UserFactorsFolder), cancellationToken)
                : ([], [], spark.Rank);
            Require(sparkUsers.Rank == spark.Rank, "userFactors and itemFactors differ in rank");
            return AlsModel.FromFactors(new ItemIndex(spark.Ids), spark.Rank, spark.Factors, sparkUsers.Factors,
                (float)Parameter("alpha", 4), (float)Parameter("lambda", 100));
        }
        var items = new ItemIndex((await NpyFile.ReadAsync<int>(P("item_ids.npy"), cancellationToken)).Data);
        switch (manifest.Algorithm)
        {
            case "ease":
                var options = new EaseOptions
                {
                    Lambda = Parameter("lambda", 500),
                    RatingExponent = Parameter("rating_exponent", 0),
                    BelowThresholdTarget = Parameter("below_threshold_target", 1),
                };
                if (File.Exists(P("item_weights.npy")))
                {
                    var weights = (await NpyFile.ReadAsync<float>(P("item_weights.npy"), cancellationToken)).Data;
                    Require(weights.LongLength == (long)items.Count * items.Count, "item_weights.npy is not items × items");
                    return PrimalEaseModel.FromWeights(items, options, weights);
                }
                var train = await LoadMatrixAsync(directory, items, cancellationToken);
                var kernel = (await NpyFile.ReadAsync<double>(P("user_kernel_inverse.npy"), cancellationToken)).Data;
                var gamma = (await NpyFile.ReadAsync<double>(P("gamma.npy"), cancellationToken)).Data;
                Require(kernel.LongLength == (long)train.UserCount * train.UserCount, "user_kernel_inverse.npy is not users × users");
                Require(gamma.Length == items.Count, "gamma.npy does not have one value per item");
                return DualEaseModel.FromParts(train, options, kernel, gamma);
            case "als":
                var (itemFactors, shape) = await NpyFile.ReadAsync<float>(P("item_factors.npy"), cancellationToken);
                var userFactors = (await NpyFile.ReadAsync<float>(P("user_factors.npy"), cancellationToken)).Data;
                Require(shape.Length == 2 && shape[0] == items.Count && shape[1] > 0, "item_factors.npy is not items × factors");
                Require(userFactors.Length % shape[1] == 0, "user_factors.npy does not have the item factors' width");
                return AlsModel.FromFactors(items, shape[1], itemFactors, userFactors, (float)Parameter("alpha", 4), (float)Parameter("lambda", 100));
            case "itemknn":
                var pointers = (await NpyFile.ReadAsync<int>(P("neighbor_pointers.npy"), cancellationToken)).Data;
                var neighbors = (await NpyFile.ReadAsync<int>(P("neighbor_items.npy"), cancellationToken)).Data;
                var similarities = (await NpyFile.ReadAsync<float>(P("neighbor_similarities.npy"), cancellationToken)).Data;
                Require(pointers.Length == items.Count + 1 && pointers[0] == 0 && pointers[^1] == neighbors.Length
                    && similarities.Length == neighbors.Length, "the neighbour arrays do not fit the items");
                for (var i = 0; i < items.Count; i++)
                {
                    Require(pointers[i] <= pointers[i + 1], "neighbor_pointers.npy is not ascending");
                }
                foreach (var neighbor in neighbors)
                {
                    Require((uint)neighbor < (uint)items.Count, "neighbor_items.npy names an item the model does not have");
                }
                var columns = new int[items.Count][];
                var values = new float[items.Count][];
                for (var i = 0; i < items.Count; i++)
                {
                    columns[i] = neighbors[pointers[i]..pointers[i + 1]];
                    values[i] = similarities[pointers[i]..pointers[i + 1]];
                }
                return ItemKnnModel.FromNeighbors(items, columns, values);
            case "baseline":
                var fixedScores = (await NpyFile.ReadAsync<float>(P("item_scores.npy"), cancellationToken)).Data;
                Require(fixedScores.Length == items.Count, "item_scores.npy does not have one score per item");
                return new FixedScoresModel(items, fixedScores);
            default:
                throw new NotSupportedException($"unknown model algorithm '{manifest.Algorithm}'");
        }
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException(problem);
        }
    }

    private static async Task SaveMatrixAsync(InteractionMatrix matrix, string directory, CancellationToken cancellationToken)
    {
        string P(string name) => Path.Combine(directory, name);
        var csr = matrix.ByUser;
        await NpyFile.WriteAsync(P("train_user_ids.npy"), matrix.UserIds, [matrix.UserCount], cancellationToken);
        await NpyFile.WriteAsync(P("train_indptr.npy"), csr.RowPointers, [csr.RowPointers.Length], cancellationToken);
        await NpyFile.WriteAsync(P("train_indices.npy"), csr.ColumnIndices, [csr.NonZeros], cancellationToken);
        await NpyFile.WriteAsync(P("train_ratings.npy"), csr.Values, [csr.NonZeros], cancellationToken);
    }

    private static async Task<InteractionMatrix> LoadMatrixAsync(string directory, ItemIndex items, CancellationToken cancellationToken)
    {
        string P(string name) => Path.Combine(directory, name);
        var users = (await NpyFile.ReadAsync<int>(P("train_user_ids.npy"), cancellationToken)).Data;
        var pointers = (await NpyFile.ReadAsync<int>(P("train_indptr.npy"), cancellationToken)).Data;
        var indices = (await NpyFile.ReadAsync<int>(P("train_indices.npy"), cancellationToken)).Data;
        var ratings = (await NpyFile.ReadAsync<float>(P("train_ratings.npy"), cancellationToken)).Data;
        Require(pointers.Length == users.Length + 1 && pointers[^1] == indices.Length && ratings.Length == indices.Length,
            "the training matrix arrays do not fit together");
        return InteractionMatrix.FromCsr(items, users, new CsrMatrix(users.Length, items.Count, pointers, indices, ratings));
    }
}
