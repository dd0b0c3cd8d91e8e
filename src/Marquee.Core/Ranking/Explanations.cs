using System.Globalization;
using Marquee.Core.Catalog;
using Marquee.Core.Content;
using Marquee.Core.Intent;

namespace Marquee.Core.Ranking;

/// <summary>Why an item is on the page, in words a person reads on the card.</summary>
internal static class Explanations
{
    /// <param name="because">The history movies the CF model credits for this pick (empty when CF had no say).</param>
    public static List<string> For(RecommenderSnapshot snapshot, RecommendationRequest request, CatalogMovie movie,
        IntentRelevance relevance, IReadOnlyList<(int MovieId, float Contribution)> because, GenreAffinity? affinity, RankingOptions options)
    {
        var reasons = new List<string>(options.MaxReasons);
        foreach (var (likedId, contribution) in because)
        {
            if (contribution > 0 && snapshot.Catalog.Find(likedId) is { } liked)
            {
                reasons.Add($"Because you liked {liked.Title}");
            }
        }
        if (reasons.Count == 0 && affinity is not null && affinity.Score(movie.GenreMask) >= 0.7f
            && affinity.FavouritesIn(movie, 2) is { Count: > 0 } favourites)
        {
            reasons.Add($"Fits your taste for {string.Join(", ", favourites)}");
        }
        // One reason per kind of credit, naming everyone the wish named in it: "With Tom Hanks and Meg Ryan".
        foreach (var role in relevance.Names.PersonCredits(movie).GroupBy(c => c.Role))
        {
            var people = string.Join(" and ", role.Select(c => c.Name));
            reasons.Add(role.Key switch
            {
                "director" => $"Directed by {people}",
                "writer" => $"Written by {people}",
                _ => $"With {people}",
            });
        }
        if (relevance.Names.CompanyMatch(movie) is { } company)
        {
            reasons.Add($"From {company}");
        }
        if (relevance.Names.HasPlaces && relevance.Names.IsOfWishedPlace(movie) && Places.Describe(movie, relevance.Names.Countries) is { } place)
        {
            reasons.Add(place);
        }
        if (relevance.NeighbourOf(movie.Index) is { } anchor)
        {
            reasons.Add($"Close to {anchor.Title}");
        }
        if (relevance.ReferenceMatch(movie.Index) is ({ } reference, > 0.25f))
        {
            reasons.Add(LikeReasons.For(snapshot, reference, movie) ?? $"Like {reference.Title}");
        }
        var wished = relevance.WishedGenresOf(movie);
        if (wished.Count > 0)
        {
            reasons.Add($"Matches {string.Join(", ", wished)}");
        }
        if (relevance.WantsShorts && movie.IsShort)
        {
            reasons.Add($"A short, {movie.RuntimeMinutes} min");
        }
        foreach (var mood in relevance.Moods)
        {
            if (relevance.MoodMatch(mood, movie, out var tagged) <= 0.3 && !(mood.GenreMask.IsEmpty && Qualifies(snapshot, mood, movie)))
            {
                continue;
            }
            var genres = movie.Genres
                .Where(g => mood.GenreWeights.GetValueOrDefault(g) >= 0.5)
                .OrderByDescending(g => mood.GenreWeights[g]).Take(3).ToList();
            // The film's own label, a TMDB keyword as much as a viewer's tag (Scarface is filed under "cult film" by TMDB).
            var tag = tagged ? mood.Tags.Select(t => CatalogLabels.LabelOf(movie, t)).FirstOrDefault(label => label is not null) : null;
            var evidence = genres.Count > 0 ? string.Join(", ", genres) : tag is not null ? $"tagged '{tag}'" : null;
            if (evidence is null && mood.GenreMask.IsEmpty && Qualifies(snapshot, mood, movie))
            {
                evidence = mood.PopularityBoost < 0 ? "loved by the few who rated it" : "among the best rated";
            }
            if (evidence is not null)
            {
                reasons.Add($"Matches '{mood.Name}': {evidence}");
            }
        }
        foreach (var (topic, score) in relevance.TopicsOf(movie.Index))
        {
            if (score >= 0.45f)
            {
                reasons.Add(TaggedOrMentioned(movie, SaidAs(topic, request.WishText, request.Intent), topic.Terms));
            }
        }
        var carried = relevance.LabelsOf(movie.Index).ToList();
        foreach (var label in carried)
        {
            var own = CatalogLabels.LabelOf(movie, label);
            reasons.Add(own is null || CatalogLabels.Normalize(own) == CatalogLabels.Normalize(label) ? $"About {label}" : $"About {label}: '{own}'");
        }
        // A wished label the film is not filed under may be what its story tells: Pawn Sacrifice, Bobby Fischer's story,
        // carries no "chess" label and said only "2.5★ from 1 rating" on "a movie about chess".
        var story = Story(movie);
        foreach (var label in request.Intent.Labels.Except(carried))
        {
            if (ContainsWord(story, label))
            {
                reasons.Add($"Matches '{label}': in the story");
            }
        }
        if (relevance.KeywordMatch(movie.Index) > 0)
        {
            var words = request.Intent.Keywords.Where(k => snapshot.Vocabulary.Find(k) is not { Terms.Count: > 0 }).ToList();
            if (words.Count > 0)
            {
                reasons.Add(TaggedOrMentioned(movie, string.Join(", ", words), words));
            }
        }
        // A wished label and the topic or word it came from can say one thing twice ("About time loop").
        reasons = [.. reasons.Distinct(StringComparer.Ordinal)];
        // A topic found by a synonym ("Matches 'con artist'") says less than the label of the same words beside it.
        reasons.RemoveAll(r => r.StartsWith("Matches '", StringComparison.Ordinal) && r.EndsWith('\'')
                               && reasons.Contains($"About {r["Matches '".Length..^1]}"));
        if (reasons.Count >= options.MaxReasons)
        {
            reasons.RemoveRange(options.MaxReasons - 1, reasons.Count - (options.MaxReasons - 1));
        }
        if (movie.RatingMean is { } mean && movie.RatingCount > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{mean:0.0}★ from {movie.RatingCount:N0} {(movie.RatingCount == 1 ? "rating" : "ratings")}"));
        }
        else if (reasons.Count == 0)
        {
            reasons.Add("Not rated by the community yet");
        }
        return reasons;
    }

    /// <summary>Whether a film earns a quality mood ("acclaimed", "hidden gem") on its ratings alone.</summary>
    private static bool Qualifies(RecommenderSnapshot snapshot, IntentConcept mood, CatalogMovie movie) =>
        mood.QualityBoost > 0 && movie.RatingCount >= mood.MinRatings && snapshot.Features.Quality[movie.Index] >= 0.75f
        && (mood.PopularityBoost >= 0 || snapshot.Features.Popularity[movie.Index] <= 0.6f);

    /// <summary>
    /// The topic in the words the wish used for it: "a movie about a con artist" reads "Matches 'con artist'", not the
    /// topic's name "heist", which the person never said. The name when the wish says it, or used a phrase only in
    /// another spelling ("distópicas") or no text at all. A phrase the wish rules out is not what it said for the topic:
    /// "una película de superhéroes que no sea de Marvel" read "Matches 'marvel'" on The Dark Knight.
    /// </summary>
    private static string SaidAs(IntentConcept topic, string? wishText, MovieIntent intent)
    {
        if (string.IsNullOrWhiteSpace(wishText))
        {
            return topic.Name;
        }
        // Lower case, hyphens and apostrophes as the phrases write them, accents kept: a phrase is shown only as typed.
        var said = $" {string.Join(' ', wishText.ToLowerInvariant().Replace('-', ' ').Replace("'", "", StringComparison.Ordinal)
            .Replace("\u2019", "", StringComparison.Ordinal).Split(Separators, StringSplitOptions.RemoveEmptyEntries))} ";
        if (said.Contains($" {topic.Name} ", StringComparison.Ordinal))
        {
            return topic.Name;
        }
        var ruledOut = intent.ExcludeCompanies.Concat(intent.ExcludePeople).Concat(intent.ExcludeKeywords)
            .Select(QueryText.Normalize).ToHashSet(StringComparer.Ordinal);
        return topic.Phrases.Where(phrase => said.Contains($" {phrase} ", StringComparison.Ordinal) && !ruledOut.Contains(phrase) && !EndsOpen(phrase))
            .MaxBy(phrase => phrase.Length) ?? topic.Name;
    }

    private static readonly char[] Separators = [' ', ',', '.', '!', '?', ';', ':', '"', '(', ')'];

    /// <summary>Words a phrase can end in only when something follows: "the life of" names no topic ("Matches 'the life of'").</summary>
    private static readonly string[] OpenEnds = [" of", " de", " von", " du", " des"];

    private static bool EndsOpen(string phrase) => Array.Exists(OpenEnds, end => phrase.EndsWith(end, StringComparison.Ordinal));

    /// <summary>
    /// Where the film meets a wished topic or word: a tag or keyword holding one of its terms ("Matches 'survival':
    /// 'struggle for survival'"), else its story ("Matches 'loneliness': in the story"); the name alone when the
    /// match was a word's stem or a synonym the search found.
    /// </summary>
    private static string TaggedOrMentioned(CatalogMovie movie, string name, IReadOnlyList<string> terms)
    {
        var tag = movie.Tags.FirstOrDefault(t => terms.Any(term => t.Contains(term, StringComparison.OrdinalIgnoreCase)));
        if (tag is not null)
        {
            return $"Matches '{name}': tagged '{tag}'";
        }
        // The longest term first: an anti-war film's "anti war", not the "war" of its "war crimes".
        var keyword = terms.OrderByDescending(t => t.Length)
            .Select(term => movie.Details?.Keywords?.FirstOrDefault(k => ContainsWord(k, term))).FirstOrDefault(k => k is not null);
        if (keyword is not null)
        {
            return string.Equals(keyword, name, StringComparison.OrdinalIgnoreCase) ? $"About {keyword}" : $"Matches '{name}': '{keyword}'";
        }
        var story = Story(movie);
        return terms.Any(term => ContainsWord(story, term)) ? $"Matches '{name}': in the story" : $"Matches '{name}'";
    }

    /// <summary>What a card may say is "in the story": the film's overview and tagline.</summary>
    private static string Story(CatalogMovie movie) => $"{movie.Details?.Overview} {movie.Details?.Tagline}";

    private static bool ContainsWord(string text, string word) => WholeWords.In(text, word, StringComparison.OrdinalIgnoreCase, orPlural: true);
}
