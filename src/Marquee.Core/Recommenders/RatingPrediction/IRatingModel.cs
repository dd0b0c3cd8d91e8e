using Marquee.Core.Interactions;

namespace Marquee.Core.Recommenders.RatingPrediction;

/// <summary>
/// A rating-prediction algorithm with its settings, ready to fit. Fitting sees only the ratings it is
/// given; everything else (settings, seeds) is fixed before.
/// </summary>
public interface IRatingAlgorithm
{
    /// <summary>Registry name, e.g. <c>baseline</c> or <c>bayesian-mf</c> (see <see cref="RatingAlgorithms"/>).</summary>
    string Name { get; }

    /// <summary>Every setting, defaults included, in invariant text (what the manifest and reports record).</summary>
    IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Trains on <paramref name="ratings"/> (user, movie, stars; for a repeated pair the latest row wins).</summary>
    IRatingModel Fit(InteractionTable ratings, CancellationToken cancellationToken = default);
}

/// <summary>
/// A fitted rating model. <see cref="IRatingPredictor.Predict"/> folds the given history in against
/// the trained movie parameters, so it serves users the model never saw (sessions, new sign-ups) and
/// MovieLens users alike; predictions are clipped to the training rating scale.
/// </summary>
public interface IRatingModel : IRatingPredictor
{
    /// <summary>Registry name of the algorithm that produced the model.</summary>
    string Algorithm { get; }

    /// <summary>The settings the model was fitted with.</summary>
    IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Lowest and highest stars seen in training; predictions stay inside.</summary>
    (float Min, float Max) RatingScale { get; }

    /// <summary>
    /// Writes the model's arrays as <c>.npy</c> files and its fitted numbers into <paramref name="files"/>; the training
    /// layer (<c>ModelStore</c>) records those numbers in the model manifest and <see cref="RatingAlgorithms.LoadAsync"/> reads it all back.
    /// </summary>
    Task SaveAsync(RatingModelFiles files, CancellationToken cancellationToken = default);
}
