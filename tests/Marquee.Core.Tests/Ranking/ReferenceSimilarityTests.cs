using Marquee.Core.Catalog;
using Marquee.Core.Ranking;

namespace Marquee.Core.Tests.Ranking;

public class ReferenceSimilarityTests
{
    private static readonly CreditedPerson[] Jeunet = [new("Jean-Pierre Jeunet")];

    private static (MovieTraits Traits, Func<int, int> At) Traits()
    {
        var movies = new[]
        {
            new Movie(1, "Amélie", 2001, ["Comedy", "Romance"]), new Movie(2, "Delicatessen", 1991, ["Comedy", "Drama", "Romance"]),
            new Movie(3, "Alien: Resurrection", 1997, ["Horror", "Sci-Fi"]), new Movie(4, "Chocolat", 2000, ["Drama", "Romance"]),
        };
        var details = new[]
        {
            new MovieDetails { MovieId = 1, Directors = Jeunet, Writers = [new("Guillaume Laurant"), .. Jeunet] },
            new MovieDetails { MovieId = 2, Directors = Jeunet, Writers = Jeunet },
            // Directed, not written, by Jeunet: a hired director.
            new MovieDetails { MovieId = 3, Directors = Jeunet, Writers = [new("Joss Whedon")] },
            new MovieDetails { MovieId = 4, Directors = [new("Lasse Hallström")], Writers = Jeunet },
        };
        var catalog = new MovieCatalog(movies, [], [], details, []);
        return (new MovieTraits(catalog), id => catalog.Find(id)!.Index);
    }

    [Fact]
    public void Evidence_AWriterDirectorCountsAsFarAsTheFilmsAreOfAKind()
    {
        var (traits, at) = Traits();

        Assert.True(traits.SharedAuteur(at(1), at(2)));
        // Same writer-director, two of three genres shared: (2/3)² of full evidence, more if the meaning is closer still.
        Assert.Equal(4.0 / 9, ReferenceSimilarity.Evidence(traits, at(1), at(2), labels: 0, closeness: 0), 6);
        Assert.Equal(0.81, ReferenceSimilarity.Evidence(traits, at(1), at(2), labels: 0, closeness: 0.9), 6);
        // The same director hired on another's script, however close the film: no evidence from people.
        Assert.False(traits.SharedAuteur(at(1), at(3)));
        Assert.Equal(0, ReferenceSimilarity.Evidence(traits, at(1), at(3), labels: 0, closeness: 1));
        // The reference's writer-director only writing the other film is no auteur in common either.
        Assert.False(traits.SharedAuteur(at(1), at(4)));
        Assert.Equal(0, ReferenceSimilarity.Evidence(traits, at(1), at(4), labels: 0, closeness: 1));
        // Shared labels count at half the strength of an auteur, and only as far as the films are of a kind.
        Assert.Equal(0.5, ReferenceSimilarity.Evidence(traits, at(1), at(4), labels: 1, closeness: 1), 6);
        Assert.Equal(0, ReferenceSimilarity.Evidence(traits, at(1), at(3), labels: 1, closeness: 0));
        // An auteur and labels together never pass 1.
        Assert.Equal(1, ReferenceSimilarity.Evidence(traits, at(1), at(2), labels: 1, closeness: 1), 6);
    }

    [Fact]
    public void LabelCloseness_SaturatesWithTheSharedWeight()
    {
        Assert.Equal(0, ReferenceSimilarity.LabelCloseness(0));
        var one = ReferenceSimilarity.LabelCloseness(2.9f); // one rare label ("magic realism")
        var two = ReferenceSimilarity.LabelCloseness(5.8f);
        var many = ReferenceSimilarity.LabelCloseness(40f); // a sequel sharing twenty
        Assert.InRange(one, 0.25, 0.35);
        Assert.True(two > one && two - one < one, "a second label adds less than the first");
        Assert.InRange(many, 0.99, 1);
    }
}
