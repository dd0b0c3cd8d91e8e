using Marquee.Core.Enrichment;
using Marquee.Core.Import;

namespace Marquee.Core.Tests.Enrichment;

public class JoinFileReaderTests
{
    [Fact]
    public void Read_JoinFile_KeysByMovieIdAndKeepsOnlyATmdbTitle()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("join.csv", """
            movieId,imdbId,tmdbId,title,overview,poster_path,runtime,vote_average,vote_count,release_date
            1,0114709,862,Toy Story (1995),Toys.,/rhIRbceoE9lR4veEXuwCC2wARtG.jpg,81,7.7,5415,1995-10-30
            47,0114369,807,Se7en,Two detectives.,,127,8.1,5915,1995-09-22
            x,,,Broken,,,,,,
            """);

        var dump = MetadataFile.Load(path);

        Assert.Equal(MetadataDumpFormat.JoinFile, dump.Format);
        Assert.True(dump.KeyedByMovieId);
        var toyStory = dump.Rows.Single(r => r.MovieId == 1);
        Assert.Null(toyStory.Title); // "Toy Story (1995)" is MovieLens's title, not TMDB's
        Assert.Equal((862, "tt0114709", 81), (toyStory.TmdbId, toyStory.ImdbId, toyStory.RuntimeMinutes));
        Assert.Equal("Se7en", dump.Rows.Single(r => r.MovieId == 47).Title);
        Assert.Single(dump.Skipped);
    }

    [Fact]
    public void Detect_UnknownHeader_ThrowsNamingTheFormats()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("ratings.csv", "userId,movieId2,rating\n1,2,3\n");

        var error = Assert.Throws<DatasetException>(() => MetadataFile.Detect(path));

        Assert.Contains("tmdb_5000_movies.csv", error.Message);
    }

    [Fact]
    public void Read_TmdbKeyedDump_ThrowsBecauseItNeedsTheMapping()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("votes.csv", "id,title,overview,genres,vote_average,vote_count\n862,Toy Story,Toys.,\"['Animation']\",7.7,5415.0\n");

        Assert.Throws<DatasetException>(() => MetadataFile.Read(path));
        Assert.Equal(MetadataDumpFormat.MoviesDataset, MetadataFile.Detect(path));
    }
}
