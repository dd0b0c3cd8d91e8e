namespace Marquee.Core.Ranking;

/// <summary>
/// Weights of the hybrid ranking (docs/ranking.md explains each). The three blend weights are renormalised
/// to sum to 1 over the parts present, so a request without a wish ranks by taste and quality alone.
/// </summary>
public sealed record RankingOptions
{
    public static RankingOptions Default { get; } = new();

    /// <summary>Weight of intent relevance (genres, moods, keywords, reference titles) in the blend.</summary>
    public double RelevanceWeight { get; init; } = 0.55;

    /// <summary>Weight of the personal score: the baseline, CF, or for <c>auto</c> their mix.</summary>
    public double PersonalWeight { get; init; } = 0.30;

    /// <summary>Weight of quality: the damped mean rating, rescaled to 0–1 over the catalogue.</summary>
    public double QualityWeight { get; init; } = 0.15;

    /// <summary>
    /// The <c>auto</c> rule: with n positive history movies the model knows, CF gets the share
    /// c = n / (n + AutoHalfSaturation) of the personal score and the baseline the rest
    /// (n = 0: pure baseline; n = 2: half; n = 8: 80 %).
    /// </summary>
    public double AutoHalfSaturation { get; init; } = 2;

    /// <summary>
    /// Share of the personal score taken by the history's genre affinity once the history has
    /// <see cref="AffinityFullAt"/> signals (less before), halved when CF ranks alone: taste in genres even
    /// without a CF model.
    /// </summary>
    public double AffinityWeight { get; init; } = 0.5;

    /// <summary>History movies with a taste signal at which the affinity reaches its full weight.</summary>
    public int AffinityFullAt { get; init; } = 3;

    /// <summary>Within relevance: weight of the wished-genre match.</summary>
    public double GenreMatchWeight { get; init; } = 1.0;

    /// <summary>Within relevance: weight of the mood match.</summary>
    public double MoodMatchWeight { get; init; } = 0.8;

    /// <summary>Within relevance: weight of vocabulary topics ("heist", "time travel").</summary>
    public double TopicMatchWeight { get; init; } = 0.9;

    /// <summary>
    /// Within relevance: weight of the catalogue labels the wish names word for word ("psychological thriller"):
    /// the most precise subject a wish can name, so it outweighs a vocabulary topic.
    /// </summary>
    public double LabelMatchWeight { get; init; } = 1.2;

    /// <summary>
    /// A film about the topic read from a label's own words ("aliens" in "alien invasion") counts as this much of one
    /// filed under the label: either reading meets the subject, the narrower one fully.
    /// </summary>
    public double LabelTopicShare { get; init; } = 0.75;

    /// <summary>Within relevance: weight of free keywords (leftover words found in the catalogue's text).</summary>
    public double KeywordMatchWeight { get; init; } = 0.375;

    /// <summary>Within relevance: weight of similarity to reference titles ("like The Matrix").</summary>
    public double ReferenceMatchWeight { get; init; } = 1.2;

    /// <summary>
    /// Within relevance: weight of the semantic match, the closeness in meaning of the wish's text to the film's
    /// (see <see cref="SemanticFloorDeviations"/>). Counts only when the request carries a query embedding, films
    /// have vectors, and the wish has topics or free words: a wish the parser read completely (moods, genres, years)
    /// gains nothing from meaning, and every film would get some noise.
    /// </summary>
    public double SemanticMatchWeight { get; init; } = 0.5;

    /// <summary>
    /// The semantic match is 0 up to this many standard deviations above the mean cosine over the candidates and
    /// rises linearly to 1 at the best candidate. Relative, because cosines shift by wish: with MiniLM the median
    /// film scores 0.07 against "the same day over and over" and 0.31 against "movies from the 90s".
    /// </summary>
    public double SemanticFloorDeviations { get; init; } = 1.5;

    /// <summary>A facet (genres, moods, topics, keywords, references) counts as met from this score on.</summary>
    public double FacetMatchThreshold { get; init; } = 0.3;

    /// <summary>Relevance at which a film truly matches a precise wish (a person, a studio, a subject).</summary>
    public double TrueMatchThreshold { get; init; } = 0.45;

    /// <summary>How many of the true matches the neighbours that fill a short page are drawn around.</summary>
    public int NeighbourAnchors { get; init; } = 8;

    /// <summary>
    /// A neighbour's relevance: its similarity to the closest true match times this, kept below every match. High
    /// enough that likeness orders the neighbours: at 0.4 quality and fame did, and "kurosawa films" went on with
    /// The Shawshank Redemption and Braveheart "close to" Rashomon and Ran before Sanjuro.
    /// </summary>
    public double NeighbourShare { get; init; } = 0.8;

    /// <summary>A predicted rating below this many stars says the person will not like the film.</summary>
    public double DislikedPrediction { get; init; } = 3.0;

    /// <summary>Subtracted from such a film's score: it appears only when the pool has nothing better.</summary>
    public double DislikedPredictionPenalty { get; init; } = 1.0;

    /// <summary>
    /// For a person without a prediction of their own: the quality prior (damped, in stars) below which the community
    /// says the film disappoints, penalised like <see cref="DislikedPrediction"/>. Lower than that line because the
    /// prior is shrunk towards the mean: a film a few people rated low is unknown, not disliked (Godzilla 1985, 1.5★
    /// from 2 ratings, stays; Speed 2, 1.6★ from 19, goes).
    /// </summary>
    public double CommunityDislikedStars { get; init; } = 2.75;

    /// <summary>Weight of quality on a page drawn from a person's likes alone (no wish): a tie-breaker there.</summary>
    public double TasteQualityWeight { get; init; } = 0.04;

    /// <summary>
    /// CF scores are discounted by this share of a film's popularity (0–1, log of its rating count), so the
    /// global favourites appear where they fit a taste, not on every page.
    /// </summary>
    public double CfPopularityDiscount { get; init; } = 0.45;

    /// <summary>
    /// Share of their weight the personal score and quality keep on a page of films that only come closest to a precise
    /// wish nothing matches as a whole: there they break ties between equally close films.
    /// </summary>
    public double ClosestPageTieBreakShare { get; init; } = 0.25;

    /// <summary>Weight of the wish's fit in the blend when the wish names something precise (a person, a subject, a film).</summary>
    public double PreciseRelevanceWeight { get; init; } = 0.8;

    /// <summary>Weight of the baseline (fame and rating) for a precise wish from someone with no history.</summary>
    public double PreciseBaselineWeight { get; init; } = 0.12;

    /// <summary>Weight of the baseline for a wish about a subject (no person, studio, place or film named), no history.</summary>
    public double SubjectBaselineWeight { get; init; } = 0.22;

    /// <summary>
    /// For a subject wish from someone with no history: popularity times the film's fit to the wish, added to its
    /// score, so the known films of the subject lead it and a film off the subject gains nothing.
    /// </summary>
    public double SubjectPopularityWeight { get; init; } = 0.5;

    /// <summary>
    /// The share of its fit a film keeps when it is of none of the genres the wish names: the genre is the kind of film
    /// asked for, and meeting the wish's other words does not make a drama a documentary.
    /// </summary>
    public double OffKindShare { get; init; } = 0.4;

    /// <summary>Weight of being a short (under 40 minutes) among the facets when the wish asks for shorts ("short films", "pixar shorts").</summary>
    public double ShortsMatchWeight { get; init; } = 1.2;

    /// <summary>Weight of "made for children" among the facets when the youngest viewer is a child.</summary>
    public double AudienceMatchWeight { get; init; } = 1.2;

    /// <summary>Weight of a named person (director, writer, cast) among the facets.</summary>
    public double PersonMatchWeight { get; init; } = 1.6;

    /// <summary>Weight of a named studio ("Studio Ghibli") among the facets.</summary>
    public double CompanyMatchWeight { get; init; } = 1.4;

    /// <summary>Weight of a wished language or country ("korean", "French") among the facets.</summary>
    public double PlaceMatchWeight { get; init; } = 1.4;

    /// <summary>
    /// Relevance of a movie that meets none of the facets is scaled by this; meeting all of them scales by 1
    /// (a soft AND across the parts of a wish).
    /// </summary>
    public double FacetCoverageFloor { get; init; } = 0.3;

    /// <summary>Score taken off a movie that matches an excluded mood, topic or word ("not gory").</summary>
    public double ExcludedKeywordPenalty { get; init; } = 0.3;

    /// <summary>
    /// Score taken off a film of a studio or person the wish rules out ("not Marvel", "without Jim Carrey"): a matter
    /// of record, not of wording, so such a film comes only when nothing else is left.
    /// </summary>
    public double RuledOutStudioPenalty { get; init; } = 1.0;

    /// <summary>Score taken off a film with fewer ratings than an active mood needs (see <c>min_ratings</c>).</summary>
    public double TooFewRatingsPenalty { get; init; } = 0.5;

    /// <summary>
    /// Score taken off a film that fits a precise wish in nothing (relevance under <see cref="IntentRelevance.MinRelevant"/>)
    /// when a page's worth of films fit it at least faintly: the favourites' fame and rating otherwise outrank them.
    /// </summary>
    public double UnfitPenalty { get; init; } = 0.5;

    /// <summary>
    /// The ratings (or TMDB votes counted as ratings) a film needs to rank freely on a page asked only by kind, mood or
    /// years; with fewer it takes <see cref="TooFewRatingsPenalty"/>.
    /// </summary>
    public int BroadWishMinRatings { get; init; } = 3;

    /// <summary>Candidates considered by the diversity step: this many times k (at least 50).</summary>
    public int DiversityPoolFactor { get; init; } = 5;

    /// <summary>Score taken off per movie of the same franchise (title stem) already on the page.</summary>
    public double FranchisePenalty { get; init; } = 0.15;

    /// <summary>Score taken off per movie with a near-identical genre set already on the page (capped at four).</summary>
    public double GenreSetPenalty { get; init; } = 0.02;

    /// <summary>
    /// From this many movies on, a page for a history without a wish is ranked over generated candidates instead of
    /// the whole catalogue (<see cref="Recommenders.IPersonalizer.Candidates"/>): the CF model's nearest clusters, its
    /// lowest-scoring ones (for the normalisation's minimum) and the best-rated films. Below it scoring everything is
    /// cheap (ml-latest-small's 9,742 movies) and stays exact. docs/performance.md has the recall this costs.
    /// </summary>
    public int CandidateGenerationFrom { get; init; } = 20_000;

    /// <summary>At least this many movies from the top of the CF model's ranking are scored as candidates.</summary>
    public int CandidateDepth { get; init; } = 4096;

    /// <summary>The best-rated films always among the candidates: quality and genre taste can lift them onto a page CF alone would not.</summary>
    public int CandidateQualityExtras { get; init; } = 256;

    /// <summary>How many reasons an item carries at most.</summary>
    public int MaxReasons { get; init; } = 4;
}
