using Marquee.Core.Content;
using Marquee.Core.Intent;

namespace Marquee.Core.Ranking;

/// <summary>
/// "Something like Studio Ghibli but not Ghibli", "like Wes Anderson but not Wes Anderson": a studio or a person the
/// wish names and rules out at once is a style. Their best-known films stand as the references of the wish (and, being
/// theirs, stay off the page), and the name is no longer a facet every film left on the page misses: the page was the
/// favourites of everyone, Shawshank first.
/// </summary>
public static class NameStyles
{
    /// <summary>How many of a studio's or a person's films stand for their style.</summary>
    public const int ReferencesPerStyle = 3;

    /// <summary>The intent with each style turned into references, or the intent itself when it has none.</summary>
    public static MovieIntent AsReferences(RecommenderSnapshot snapshot, MovieIntent intent)
    {
        if ((intent.ExcludeCompanies.Count == 0 || intent.Companies.Count == 0) && (intent.ExcludePeople.Count == 0 || intent.People.Count == 0))
        {
            return intent;
        }
        var names = snapshot.Names;
        var references = new List<int>();
        var styles = new List<string>();
        var ruledOut = intent.ExcludeCompanies.SelectMany(names.FilmsOfCompany).Select(film => film.Index).ToHashSet();
        var companies = new List<string>();
        foreach (var company in intent.Companies)
        {
            var films = names.FilmsOfCompany(company).Select(film => film.Index).Distinct().ToList();
            if (films.Count > 0 && films.All(ruledOut.Contains))
            {
                styles.Add(company);
                references.AddRange(BestKnown(snapshot, films));
            }
            else
            {
                companies.Add(company);
            }
        }
        var people = new List<string>();
        foreach (var person in intent.People)
        {
            if (intent.ExcludePeople.Contains(person, StringComparer.OrdinalIgnoreCase))
            {
                styles.Add(person);
                // Their own films (directed, written or led), not every film they appear in.
                references.AddRange(BestKnown(snapshot, names.OwnFilmsOf(person)));
            }
            else
            {
                people.Add(person);
            }
        }
        if (styles.Count == 0)
        {
            return intent;
        }
        // A label of the name ("studio ghibli", a tag of Ghibli's films) is the name again.
        var styleWords = styles.Select(CatalogLabels.Normalize).ToList();
        return intent with
        {
            Companies = companies,
            People = people,
            ReferenceMovieIds = [.. intent.ReferenceMovieIds.Concat(references.Select(i => snapshot.Catalog.Movies[i].MovieId)).Distinct()],
            Labels = [.. intent.Labels.Where(label => !styleWords.Any(style => IsSameName(CatalogLabels.Normalize(label), style)))],
        };
    }

    private static IEnumerable<int> BestKnown(RecommenderSnapshot snapshot, IEnumerable<int> films) =>
        films.Distinct().OrderByDescending(i => snapshot.Catalog.Movies[i].RatingCount).ThenBy(i => i).Take(ReferencesPerStyle);

    private static bool IsSameName(string label, string style) =>
        label == style || $" {label} ".Contains($" {style} ", StringComparison.Ordinal) || $" {style} ".Contains($" {label} ", StringComparison.Ordinal);
}
