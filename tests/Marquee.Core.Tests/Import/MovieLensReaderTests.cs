using System.IO.Compression;
using Marquee.Core.Import;
using Marquee.Core.Tests.Support;

namespace Marquee.Core.Tests.Import;

public class MovieLensReaderTests
{
    private const string MoviesCsv = """
        movieId,title,genres
        1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy
        11,"American President, The (1995)",Comedy|Drama|Romance
        40697,Babylon 5,Sci-Fi
        143410,Hyena Road,(no genres listed)
        """;

    [Fact]
    public void Read_CsvWithQuotedTitlesAndMissingYears_ParsesEveryMovie()
    {
        using var dir = new TempDirectory();
        dir.Write("movies.csv", MoviesCsv);
        dir.Write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,11,5.0,964982224\n");

        using var files = DatasetFiles.FromPath(dir.Path);
        var dataset = MovieLensReader.Read(files);

        Assert.Equal(MovieLensLayout.Csv, dataset.Layout);
        Assert.Equal(4, dataset.Movies.Count);
        var president = dataset.Movies.Single(m => m.MovieId == 11);
        Assert.Equal("The American President", president.Title);
        Assert.Equal(1995, president.Year);
        Assert.Equal(["Comedy", "Drama", "Romance"], president.Genres);
        Assert.Null(dataset.Movies.Single(m => m.MovieId == 40697).Year);
        Assert.Empty(dataset.Movies.Single(m => m.MovieId == 143410).Genres);
        Assert.Equal(2, dataset.Ratings.Count);
        Assert.Empty(dataset.Problems);
    }

    [Fact]
    public void Read_BadRatingRows_AreSkippedAndReportedWithLineNumbers()
    {
        using var dir = new TempDirectory();
        dir.Write("movies.csv", MoviesCsv);
        dir.Write("ratings.csv", """
            userId,movieId,rating,timestamp
            1,1,4.0,964982703
            1,11,seven,964982224
            2,999,3.0,964982224
            x,1,3.0,964982224
            3,1,9.5,964982224
            4,1
            5,11,3.5,964982931

            """);

        using var files = DatasetFiles.FromPath(dir.Path);
        var dataset = MovieLensReader.Read(files);

        Assert.Equal(2, dataset.Ratings.Count);
        Assert.Equal(5, dataset.ProblemCount);
        Assert.Equal([3L, 4, 5, 6, 7], dataset.Problems.Select(p => p.Line));
        Assert.All(dataset.Problems, p => Assert.Equal("ratings.csv", p.File));
        Assert.Contains("seven", dataset.Problems[0].Message);
        Assert.Contains("not in the movie list", dataset.Problems[1].Message);
        Assert.Contains("between 0.5 and 5", dataset.Problems[3].Message);
        Assert.Contains("expected 4 columns", dataset.Problems[4].Message);
    }

    [Fact]
    public void Read_NoValidRatings_Throws()
    {
        using var dir = new TempDirectory();
        dir.Write("movies.csv", MoviesCsv);
        dir.Write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,nope,1\n");

        using var files = DatasetFiles.FromPath(dir.Path);

        var error = Assert.Throws<DatasetException>(() => MovieLensReader.Read(files));
        Assert.Contains("no valid ratings", error.Message);
    }

    [Fact]
    public void Read_DatLayout_ParsesDoubleColonFilesInLatin1()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("movies.dat"), System.Text.Encoding.Latin1.GetBytes(
            "1::Toy Story (1995)::Animation|Children's|Comedy\n2::Misérables, Les (1995)::Drama|Musical\n"));
        dir.Write("ratings.dat", "1::1::5::978300760\n1::2::3::978302109\n2::1::4::978301968\n");

        using var files = DatasetFiles.FromPath(dir.Path);
        var dataset = MovieLensReader.Read(files);

        Assert.Equal(MovieLensLayout.Dat, dataset.Layout);
        Assert.Equal("Les Misérables", dataset.Movies[1].Title);
        Assert.Equal(["Animation", "Children", "Comedy"], dataset.Movies[0].Genres);
        Assert.Equal(3, dataset.Ratings.Count);
    }

    [Fact]
    public void Read_Ml100K_ParsesTabRatingsAndGenreFlags()
    {
        using var files = DatasetFiles.FromPath(SharedData.Ml100K);

        var dataset = MovieLensReader.Read(files);

        Assert.Equal(MovieLensLayout.Ml100K, dataset.Layout);
        Assert.Equal(1682, dataset.Movies.Count);
        Assert.Equal(100_000, dataset.Ratings.Count);
        Assert.Equal(943, dataset.Ratings.UserIds.Distinct().Count());
        var toyStory = dataset.Movies.Single(m => m.MovieId == 1);
        Assert.Equal("Toy Story", toyStory.Title);
        Assert.Equal(1995, toyStory.Year);
        Assert.Equal(["Animation", "Children", "Comedy"], toyStory.Genres);
        Assert.Equal(0, dataset.ProblemCount);
    }

    [Fact]
    public void Read_MlLatestSmall_MatchesPublishedCounts()
    {
        using var files = DatasetFiles.FromPath(SharedData.MlLatestSmall);

        var dataset = MovieLensReader.Read(files);

        Assert.Equal(9742, dataset.Movies.Count);
        Assert.Equal(100_836, dataset.Ratings.Count);
        Assert.Equal(610, dataset.Ratings.UserIds.Distinct().Count());
        Assert.Equal(3683, dataset.Tags.Count);
        Assert.Equal(9734, dataset.Links.Count(l => l.TmdbId is not null));
        Assert.Equal(3756, dataset.Movies.Count(m => m.Genres.Contains("Comedy")));
        Assert.Equal(4361, dataset.Movies.Count(m => m.Genres.Contains("Drama")));
        Assert.Equal("tt0114709", dataset.Links.Single(l => l.MovieId == 1).ImdbId);
    }

    [Fact]
    public void FromPath_ZipWithTopFolder_ReadsEntries()
    {
        using var dir = new TempDirectory();
        var zipPath = dir.File("ml-tiny.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            Add(zip, "ml-tiny/movies.csv", MoviesCsv);
            Add(zip, "ml-tiny/ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n");
        }

        using var files = DatasetFiles.FromPath(zipPath);
        var dataset = MovieLensReader.Read(files);

        Assert.Single(dataset.Ratings.UserIds);
        Assert.Equal(4, dataset.Movies.Count);
    }

    [Fact]
    public void FromPath_NotAZip_ThrowsDatasetException()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("broken.zip", "this is not a zip");

        var error = Assert.Throws<DatasetException>(() => DatasetFiles.FromPath(path));
        Assert.Contains("not a readable zip", error.Message);
    }

    [Fact]
    public void Read_RatingsCutOffMidLine_IsRefusedNamingFileAndLine()
    {
        using var dir = new TempDirectory();
        dir.Write("movies.csv", MoviesCsv);
        // The last row still parses (timestamp 96 = 1970): only the missing line end shows the cut.
        dir.Write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,11,5.0,96");

        using var files = DatasetFiles.FromPath(dir.Path);
        var error = Assert.Throws<DatasetException>(() => MovieLensReader.Read(files));

        Assert.Contains("ratings.csv", error.Message);
        Assert.Contains("line 3", error.Message);
        Assert.Contains("cut off", error.Message);
    }

    [Fact]
    public void Read_DatRatingsCutOffMidLine_IsRefused()
    {
        using var dir = new TempDirectory();
        dir.Write("movies.dat", "1::Toy Story (1995)::Animation\n");
        dir.Write("ratings.dat", "1::1::5::978300760\n2::1::4::97830");

        using var files = DatasetFiles.FromPath(dir.Path);
        var error = Assert.Throws<DatasetException>(() => MovieLensReader.Read(files));

        Assert.Contains("ratings.dat", error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void FromPath_FolderWithSeveralReleases_IsRefusedListingThem()
    {
        using var dir = new TempDirectory();
        dir.Write("ml-a/ratings.csv", "userId,movieId,rating,timestamp\n");
        dir.Write("ml-b/u.data", "1\t1\t5\t1\n");
        dir.Write("notes/README.md", "not a release");

        var error = Assert.Throws<DatasetException>(() => DatasetFiles.FromPath(dir.Path));

        Assert.Contains("2 MovieLens releases (ml-a, ml-b)", error.Message);
        Assert.Contains("--source", error.Message);
    }

    [Fact]
    public void FromPath_FolderWithOneRelease_OpensIt()
    {
        using var dir = new TempDirectory();
        dir.Write("downloads/ml-a/ratings.csv", "userId,movieId,rating,timestamp\n");

        using var files = DatasetFiles.FromPath(dir.Path);

        Assert.Equal(Path.Combine(dir.Path, "downloads", "ml-a"), files.Origin);
    }

    [Fact]
    public void FromPath_ZipWithSeveralReleases_IsRefusedListingThem()
    {
        using var dir = new TempDirectory();
        var zipPath = dir.File("two.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            Add(zip, "ml-a/ratings.csv", "userId,movieId,rating,timestamp\n");
            Add(zip, "ml-b/ratings.csv", "userId,movieId,rating,timestamp\n");
        }

        var error = Assert.Throws<DatasetException>(() => DatasetFiles.FromPath(zipPath));

        Assert.Contains("2 MovieLens releases (ml-a, ml-b)", error.Message);
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(content);
    }
}
