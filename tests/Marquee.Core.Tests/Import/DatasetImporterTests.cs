using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Enrichment;
using Marquee.Core.Import;
using Marquee.Core.Tests.Support;

namespace Marquee.Core.Tests.Import;

public class DatasetImporterTests
{
    [Fact]
    public async Task ImportAsync_MlLatestSmall_WritesReadableParquetArtifacts()
    {
        using var dir = new TempDirectory();
        var data = new DataDirectory(dir.File("data"));
        using var files = DatasetFiles.FromPath(SharedData.MlLatestSmall);

        var (manifest, _, _) = await DatasetImporter.ImportAsync(files, data);

        Assert.True(data.HasDataset);
        Assert.Equal(100_836, manifest.Ratings);
        var interactions = await ParquetTables.ReadInteractionsAsync(data.Interactions);
        Assert.Equal(100_836, interactions.Count);
        var catalog = await MovieCatalog.LoadAsync(data);
        Assert.Equal(9742, catalog.Count);
        var shawshank = catalog.Find(318)!;
        Assert.Equal("The Shawshank Redemption", shawshank.Title);
        Assert.Equal(317, shawshank.RatingCount);
        Assert.Equal(4.429, shawshank.RatingMean!.Value, 3);
        Assert.Equal(862, catalog.Find(1)!.TmdbId);
        Assert.Contains("pixar", catalog.Find(1)!.Tags);
        Assert.Empty(Directory.GetDirectories(data.Root, ".staging-*"));
    }

    [Fact]
    public async Task MetadataFile_Read_BuildsDetailsWithPosterPaths()
    {
        var details = MetadataFile.Read(SharedData.MetadataJoin);

        Assert.Equal(9742, details.Count);
        var toyStory = details.Single(d => d.MovieId == 1);
        Assert.Equal(81, toyStory.RuntimeMinutes);
        Assert.Equal(new DateOnly(1995, 10, 30), toyStory.ReleaseDate);
        Assert.Equal("https://image.tmdb.org/t/p/w500/rhIRbceoE9lR4veEXuwCC2wARtG.jpg", TmdbImages.Url(toyStory.PosterPath));
        Assert.Null(details.Single(d => d.MovieId == 1163).RuntimeMinutes); // 0 in the dump means unknown
        Assert.Equal(7819, details.Count(d => d.Overview is not null));

        using var dir = new TempDirectory();
        await ParquetTables.WriteMovieDetailsAsync(dir.File("d.parquet"), details);
        var back = await ParquetTables.ReadMovieDetailsAsync(dir.File("d.parquet"));
        Assert.Equal(toyStory, back.Single(d => d.MovieId == 1));
    }
}
