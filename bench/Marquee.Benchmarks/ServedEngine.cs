using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Interactions;
using Marquee.Core.Ranking;
using Marquee.Core.Recommenders;
using Marquee.Core.Recommenders.RatingPrediction;
using Marquee.Core.Training;

namespace Marquee.Benchmarks;

/// <summary>
/// What a server would serve, read from what <c>./marquee up</c> (or import + enrich + train) wrote under
/// <c>MARQUEE_DATA_DIR</c> and <c>MARQUEE_ARTIFACTS_DIR</c>: the newest trained model of an algorithm (the benchmarks
/// measure serving, not the registry), its rating model when it has one, the catalogue and everyone's ratings.
/// </summary>
public sealed record ServedEngine(RecommenderSnapshot Snapshot, UserRatings Ratings, ModelManifest Manifest, ITopNModel Model,
    IRatingModel? Predictor)
{
    public static ServedEngine Load(string algorithm)
    {
        var data = new DataDirectory(Environment.GetEnvironmentVariable("MARQUEE_DATA_DIR") ?? "data");
        var artifacts = Environment.GetEnvironmentVariable("MARQUEE_ARTIFACTS_DIR") ?? "build_artifacts";
        var catalog = MovieCatalog.LoadAsync(data).GetAwaiter().GetResult();
        var ratings = new UserRatings(ParquetTables.ReadInteractionsAsync(data.Interactions).GetAwaiter().GetResult());
        var models = Path.Combine(artifacts, "models");
        var directory = Directory.GetDirectories(models).Order()
                            .LastOrDefault(d => ModelManifest.ReadAsync(d).GetAwaiter().GetResult() is { Kind: ModelKind.TopN } m && m.Algorithm == algorithm)
                        ?? throw new DirectoryNotFoundException($"no trained {algorithm} model under {models}; run ./marquee train --algorithm {algorithm} first");
        var manifest = ModelManifest.ReadAsync(directory).GetAwaiter().GetResult();
        var model = ModelStore.LoadTopNAsync(directory, manifest).GetAwaiter().GetResult();
        (model as DualEaseModel)?.PrepareForServing();
        var ratingDirectory = manifest.RatingModel is { } version ? Path.Combine(models, version) : null;
        var predictor = ratingDirectory is null || !Directory.Exists(ratingDirectory) ? null
            : ModelStore.LoadRatingAsync(ratingDirectory, ModelManifest.ReadAsync(ratingDirectory).GetAwaiter().GetResult()).GetAwaiter().GetResult();
        var snapshot = new RecommenderSnapshot(catalog, new BaselineRecommender(catalog), manifest.Version, new ModelPersonalizer(model), predictor);
        return new ServedEngine(snapshot, ratings, manifest, model, predictor);
    }
}
