using Marquee.Core.Enrichment;

namespace Marquee.Core.Tests.Enrichment;

public class TmdbMovieDataset2023ReaderTests
{
    private const string Movies = """
        "id","title","vote_average","vote_count","status","release_date","revenue","runtime","adult","backdrop_path","budget","homepage","imdb_id","original_language","original_title","overview","popularity","poster_path","tagline","genres","production_companies","production_countries","spoken_languages","keywords"
        "27205","Inception","8.364","34495","Released","2010-07-15","825532764","148","False","/8ZTVqvKDQ8emSGUEMjsS4yHAwrp.jpg","160000000","","tt1375666","en","Inception","Cobb, a skilled thief, ""inception"".","83.952","/oYuLEt3zVCKq57qu2F8dT7NIa6f.jpg","Your mind is the scene of the crime.","Action, Science Fiction, Adventure","Legendary Pictures, Syncopy","United Kingdom, United States of America, Atlantis","English, French, Mandarin, Klingon","rescue, Mission, dream"
        "496243","Parasite","8.5","16430","Released","2019-05-30","257591776","133","False","/hiKmpZMGZsrkA3cdce8a7Dpos1j.jpg","11363000","","tt6751668","ko","기생충","All unemployed.","60.5","/7IiTTgloJzvGI1TAYymCfbfl3vT.jpg","Act like you own the place.","Comedy, Thriller, Drama","Barunson E&A","South Korea","Korean",""
        """;

    [Fact]
    public void Read_CommaSeparatedNames_MapsCountriesAndLanguagesToIsoCodes()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("export.csv", Movies);

        var dump = MetadataFile.Load(path);

        Assert.Equal(MetadataDumpFormat.TmdbMovieDataset2023, dump.Format);
        var inception = dump.Rows.Single(r => r.TmdbId == 27205);
        Assert.Equal(["GB", "US"], inception.ProductionCountries);
        Assert.Equal(["en", "fr", "zh"], inception.SpokenLanguages);
        Assert.Equal(["Action", "Science Fiction", "Adventure"], inception.TmdbGenres);
        Assert.Equal(["Legendary Pictures", "Syncopy"], inception.ProductionCompanies);
        Assert.Equal(["rescue", "mission", "dream"], inception.Keywords);
        Assert.Equal("/8ZTVqvKDQ8emSGUEMjsS4yHAwrp.jpg", inception.BackdropPath);
        Assert.Equal("Cobb, a skilled thief, \"inception\".", inception.Overview);
        var parasite = dump.Rows.Single(r => r.TmdbId == 496243);
        Assert.Equal(["KR"], parasite.ProductionCountries);
        Assert.Equal(["ko"], parasite.SpokenLanguages);
        Assert.Equal("기생충", parasite.OriginalTitle);
        Assert.Null(parasite.Keywords);
    }

    [Fact]
    public void Read_UnknownNames_AreLeftOutAndCounted()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("TMDB_movie_dataset_v11.csv", Movies);

        var dump = TmdbMovieDataset2023Reader.Read(path);

        Assert.Equal(new Dictionary<string, int> { ["Atlantis"] = 1, ["Klingon"] = 1 }, dump.UnknownNames);
    }
}
