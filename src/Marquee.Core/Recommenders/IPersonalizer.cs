namespace Marquee.Core.Recommenders;

/// <summary>
/// A trained collaborative-filtering model as the serving path sees it. Works on raw MovieLens movie
/// ids and on any history (a MovieLens user's ratings or a session's swipes), so a new swipe changes
/// the next page without retraining.
/// </summary>
public interface IPersonalizer
{
    /// <summary>Algorithm name as recorded in the model manifest (e.g. <c>ease</c>, <c>als</c>).</summary>
    string Algorithm { get; }

    /// <summary>
    /// Scores every movie the model knows for a history. Writes into <paramref name="scoresByMovieId"/>
    /// through <paramref name="slotOf"/>, which maps a movie id to its slot in the caller's array (or -1
    /// to skip the movie). Returns false when the history carries no signal the model can use (no known
    /// movie with a positive weight), in which case nothing is written.
    /// </summary>
    bool TryScore(IReadOnlyList<(int MovieId, float Weight)> history, Func<int, int> slotOf, Span<float> scoresByMovieId);

    /// <summary>
    /// The history movies that pushed <paramref name="movieId"/> up the most, strongest first
    /// ("because you liked …"). Empty when nothing in the history explains it.
    /// </summary>
    IReadOnlyList<(int MovieId, float Contribution)> Explain(IReadOnlyList<(int MovieId, float Weight)> history, int movieId, int max = 2);

    /// <summary>
    /// <see cref="Explain"/> for several movies at once; models share the per-history work across them.
    /// </summary>
    IReadOnlyList<IReadOnlyList<(int MovieId, float Contribution)>> ExplainMany(
        IReadOnlyList<(int MovieId, float Weight)> history, IReadOnlyList<int> movieIds, int max = 1) =>
        movieIds.Select(id => Explain(history, id, max)).ToList();

    /// <summary>
    /// Candidate generation for large catalogues: exact scores for the history of only the movies likely to rank
    /// (the model's own nearest part of the catalogue, its lowest-scoring part, and <paramref name="alsoMovieIds"/>),
    /// keyed by the caller's slots (<paramref name="slotOf"/>) in ascending slot order. Null when the model has no
    /// such index or the history gives it nothing to go on: the caller then scores everything with <see cref="TryScore"/>.
    /// </summary>
    /// <param name="depth">At least this many movies are scored from the top of the model's ranking.</param>
    PersonalCandidates? Candidates(IReadOnlyList<(int MovieId, float Weight)> history, Func<int, int> slotOf, IReadOnlyList<int> alsoMovieIds, int depth) => null;

    /// <summary>Movies most similar to <paramref name="movieId"/> by the model, best first; empty for unknown movies.</summary>
    IReadOnlyList<(int MovieId, float Similarity)> Similar(int movieId, int count);

    /// <summary><see cref="Similar"/> for several movies at once; models share a pass over the catalogue across them.</summary>
    IReadOnlyList<IReadOnlyList<(int MovieId, float Similarity)>> SimilarMany(IReadOnlyList<int> movieIds, int count) =>
        movieIds.Select(id => Similar(id, count)).ToList();
}

/// <summary>Predicts the star rating a user would give (shown on cards as "you'd rate it ~4.2").</summary>
public interface IRatingPredictor
{
    /// <summary>Predicted stars on the 0.5–5 scale for each requested movie, given the user's ratings.</summary>
    /// <param name="ratedHistory">The user's ratings (movie id, stars); liked swipes may be passed as high ratings.</param>
    void Predict(IReadOnlyList<(int MovieId, float Rating)> ratedHistory, ReadOnlySpan<int> movieIds, Span<float> predictions);
}

/// <summary>The movies a personalizer scored for one history, by caller slot (ascending, distinct), with their exact scores.</summary>
public sealed record PersonalCandidates(int[] Slots, float[] Scores);
