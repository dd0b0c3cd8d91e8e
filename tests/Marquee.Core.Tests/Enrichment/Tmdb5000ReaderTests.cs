using Marquee.Core.Enrichment;

namespace Marquee.Core.Tests.Enrichment;

public class Tmdb5000ReaderTests
{
    private const string Movies = """
        budget,genres,homepage,id,keywords,original_language,original_title,overview,popularity,production_companies,production_countries,release_date,revenue,runtime,spoken_languages,status,tagline,title,vote_average,vote_count
        237000000,"[{""id"": 28, ""name"": ""Action""}, {""id"": 878, ""name"": ""Science Fiction""}]",http://www.avatarmovie.com/,19995,"[{""id"": 1463, ""name"": ""Culture Clash""}, {""id"": 2964, ""name"": ""future""}]",en,Avatar,"In the 22nd century, a paraplegic Marine is dispatched.",150.437577,"[{""name"": ""Ingenious Film Partners"", ""id"": 289}]","[{""iso_3166_1"": ""US"", ""name"": ""United States of America""}, {""iso_3166_1"": ""GB"", ""name"": ""United Kingdom""}]",2009-12-10,2787965087,162,"[{""iso_639_1"": ""en"", ""name"": ""English""}, {""iso_639_1"": ""es"", ""name"": ""Espa\u00f1ol""}]",Released,Enter the World of Pandora.,Avatar,7.2,11800
        0,[],,459488,[],en,To Be Frank,,0.05,[],[],,0,,[],Released,,To Be Frank,0.0,0
        0,[],,not-an-id,[],en,Broken,,0,[],[],,0,,[],Released,,Broken,0,0
        """;

    [Fact]
    public void Read_Tmdb5000_ParsesJsonCells()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("any-name.csv", Movies);

        var dump = MetadataFile.Load(path);

        Assert.Equal(MetadataDumpFormat.Tmdb5000, dump.Format);
        var avatar = dump.Rows.Single(r => r.TmdbId == 19995);
        Assert.Equal(0, avatar.MovieId);
        Assert.Equal(["Action", "Science Fiction"], avatar.TmdbGenres);
        Assert.Equal(["culture clash", "future"], avatar.Keywords);
        Assert.Equal(["US", "GB"], avatar.ProductionCountries);
        Assert.Equal(["en", "es"], avatar.SpokenLanguages);
        Assert.Equal(["Ingenious Film Partners"], avatar.ProductionCompanies);
        Assert.Equal(("Avatar", "Enter the World of Pandora.", 162, 150.437577), (avatar.Title, avatar.Tagline, avatar.RuntimeMinutes, avatar.TmdbPopularity));
        Assert.Equal(new DateOnly(2009, 12, 10), avatar.ReleaseDate);
    }

    [Fact]
    public void Read_EmptyListsAndZeros_AreNull()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("tmdb_5000_movies.csv", Movies);

        var dump = Tmdb5000Reader.Read(path);

        var frank = dump.Rows.Single(r => r.TmdbId == 459488);
        Assert.Null(frank.TmdbGenres);
        Assert.Null(frank.Keywords);
        Assert.Null(frank.RuntimeMinutes);
        Assert.Null(frank.TmdbRating);
        Assert.Null(frank.ReleaseDate);
        Assert.Null(frank.Overview);
        Assert.Single(dump.Skipped);
    }
}
