using Marquee.Core.Catalog;
using Marquee.Core.Content;
using Marquee.Core.Import;

namespace Marquee.Core.Tests.Content;

public class CatalogLabelsTests
{
    /// <summary>Forty films, so one label on a film or two is well under the 5 % ceiling; the rest carry filler labels.</summary>
    private static CatalogLabels Labels(out MovieCatalog catalog)
    {
        var keywords = new Dictionary<int, string[]>
        {
            [1] = ["psychological thriller", "island"],
            [2] = ["Psychological Thriller", "mental illness"],
            [3] = ["body-swap", "high school"],
            [4] = ["body swap"],
            [5] = ["heist gone wrong", "heist"],
            [6] = ["talking dog", "dog"],
            [7] = ["dead dog", "shark"],
            [8] = ["dog"],
            [9] = ["aliens"],
            [10] = ["alien", "witch"],
            [12] = ["cat vs dog", "girl dog relationship"],
        };
        var movies = Enumerable.Range(1, 40).Select(id => new Movie(id, $"Film {id}", 2000, ["Drama"])).ToList();
        var details = movies.Select(m => new MovieDetails { MovieId = m.MovieId, Keywords = keywords.GetValueOrDefault(m.MovieId, ["based on novel"]) });
        var tags = new[] { new MovieTag(1, 11, "witches", 0) };
        catalog = new MovieCatalog(movies, [], [], details, tags);
        return new CatalogLabels(catalog);
    }

    [Theory]
    [InlineData("psychological thriller")]
    [InlineData("Body Swap")]
    [InlineData("body-swap")]
    [InlineData("dogs")]
    [InlineData("aliens")]
    [InlineData("witches")]
    [InlineData("heist gone wrong")]
    public void IsLabel_PhrasesFilmsAreFiledUnder_True(string phrase) => Assert.True(Labels(out _).IsLabel(phrase));

    [Theory]
    [InlineData("island")]                // one film, one word: an editor's note
    [InlineData("based on novel")]        // on every film: says nothing
    [InlineData("quiet evening")]         // on no film
    [InlineData("")]
    public void IsLabel_RareCommonOrAbsent_False(string phrase) => Assert.False(Labels(out _).IsLabel(phrase));

    [Fact]
    public void Evidence_Dog_CarriersOneContainingLabelsLessOthersUntouched()
    {
        var labels = Labels(out var catalog);
        var evidence = new float[catalog.Count];
        labels.Evidence("dog", evidence);

        Assert.Equal(1f, evidence[catalog.Find(6)!.Index]);
        Assert.Equal(1f, evidence[catalog.Find(8)!.Index]);
        Assert.Equal(CatalogLabels.ContainingLabelEvidence, evidence[catalog.Find(7)!.Index]);
        Assert.Equal(0f, evidence[catalog.Find(1)!.Index]);
    }

    [Fact]
    public void CountContaining_Dog_CountsEachFilmsDistinctLabelsWithTheWord_AndMarksTheExactOnes()
    {
        var labels = Labels(out var catalog);
        var counts = new int[catalog.Count];
        var exact = new bool[catalog.Count];
        // "dog" and "dogs" are one label: a film carrying "dog" counts it once.
        labels.CountContaining(["dog", "dogs"], counts, exact);

        Assert.Equal((2, true), (counts[catalog.Find(6)!.Index], exact[catalog.Find(6)!.Index]));   // talking dog, dog
        Assert.Equal((1, false), (counts[catalog.Find(7)!.Index], exact[catalog.Find(7)!.Index]));  // dead dog
        Assert.Equal((1, true), (counts[catalog.Find(8)!.Index], exact[catalog.Find(8)!.Index]));   // dog
        Assert.Equal((2, false), (counts[catalog.Find(12)!.Index], exact[catalog.Find(12)!.Index])); // cat vs dog, girl dog relationship
        Assert.Equal(0, counts[catalog.Find(1)!.Index]);
    }

    [Fact]
    public void FilmsCarrying_AreTheFilmsFiledUnderTheLabelItself()
    {
        var labels = Labels(out _);

        Assert.Equal([6, 8], labels.FilmsCarrying("dogs").Order());  // not Film 7's "dead dog"
        Assert.Equal([3, 4], labels.FilmsCarrying("body swap").Order());
        Assert.Empty(labels.FilmsCarrying("quiet evening"));
    }

    [Fact]
    public void LabelOf_ReturnsTheFilmsOwnSpelling()
    {
        var labels = Labels(out var catalog);
        Assert.Equal("body-swap", CatalogLabels.LabelOf(catalog.Find(3)!, "body swap"));
        Assert.Equal("talking dog", CatalogLabels.LabelOf(catalog.Find(6)!, "talking dogs"));
        Assert.Null(CatalogLabels.LabelOf(catalog.Find(1)!, "dog"));
    }

    [Theory]
    [InlineData("Witches", "witch")]
    [InlineData("aliens", "alien")]
    [InlineData("Body-Swap", "body swap")]
    [InlineData("crisis", "crisis")]
    [InlineData("bus", "bus")]
    [InlineData("Amélie's boxes", "amelie box")]
    public void Normalize_FoldsCaseAccentsHyphensAndPlurals(string text, string expected) =>
        Assert.Equal(expected, CatalogLabels.Normalize(text));
}
