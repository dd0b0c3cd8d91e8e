using System.Text.Json;
using Marquee.Core.Enrichment;

namespace Marquee.Core.Tests.Enrichment;

public class TmdbMovieReaderTests
{
    /// <summary>Groundhog Day as TMDB answers with <c>append_to_response=keywords,credits,release_dates</c>, with <paramref name="parts"/> replacing its appended parts.</summary>
    private static JsonElement GroundhogDay(string? keywords = null, string? credits = null, string? releaseDates = null, string? collection = null)
    {
        keywords ??= """{"id":137,"keywords":[{"id":4379,"name":"time loop"},{"id":9717,"name":"Groundhog"},{"id":2708,"name":"weatherman"},{"id":1583,"name":"pennsylvania, usa"}]}""";
        credits ??= """
            {"id":137,
             "cast":[{"id":1532,"name":"Bill Murray","character":"Phil Connors","order":0},{"id":1533,"name":"Andie MacDowell","character":"Rita Hanson","order":1},
              {"id":1534,"name":"Chris Elliott","character":"Larry","order":2},{"id":537,"name":"Stephen Tobolowsky","character":"Ned Ryerson","order":3}],
             "crew":[{"id":1524,"name":"Harold Ramis","department":"Directing","job":"Director"},{"id":1524,"name":"Harold Ramis","department":"Writing","job":"Screenplay"},
              {"id":10072,"name":"Danny Rubin","department":"Writing","job":"Screenplay"},{"id":10072,"name":"Danny Rubin","department":"Writing","job":"Story"},
              {"id":1524,"name":"Harold Ramis","department":"Production","job":"Producer"}]}
            """;
        releaseDates ??= """
            {"id":137,"results":[{"iso_3166_1":"GB","release_dates":[{"certification":"PG","type":3,"release_date":"1993-05-07T00:00:00.000Z"}]},
             {"iso_3166_1":"US","release_dates":[{"certification":"","type":1,"release_date":"1993-02-04T00:00:00.000Z"},{"certification":"PG","type":3,"release_date":"1993-02-12T00:00:00.000Z"}]}]}
            """;
        collection ??= "null";
        return JsonDocument.Parse($$"""
            {"id":137,"title":"Groundhog Day","original_title":"Groundhog Day","original_language":"en","popularity":28.7,"runtime":101,
             "overview":"A narcissistic TV weatherman, along with his attractive-but-distant producer and his mawkish cameraman, is sent to report on Groundhog Day.",
             "tagline":"He's having the day of his life... over and over again.","genres":[{"id":35,"name":"Comedy"},{"id":14,"name":"Fantasy"}],
             "belongs_to_collection":{{collection}},
             "spoken_languages":[{"english_name":"English","iso_639_1":"en","name":"English"},{"english_name":"Italian","iso_639_1":"it","name":"Italiano"}],
             "production_countries":[{"iso_3166_1":"US","name":"United States of America"}],
             "production_companies":[{"id":5,"name":"Columbia Pictures","origin_country":"US"}],
             "keywords":{{keywords}},"credits":{{credits}},"release_dates":{{releaseDates}}}
            """).RootElement;
    }

    [Fact]
    public void Read_GroundhogDay_MapsCreditsKeywordsCertificationAndCompanies()
    {
        var warnings = new List<string>();

        var movie = TmdbMovieReader.Read(GroundhogDay(), warnings);

        Assert.Empty(warnings);
        Assert.Equal(TmdbMovieReader.AppendToResponse, movie.Appended);
        Assert.True(movie.HasCredits);
        Assert.Equal([new TmdbPerson(1524, "Harold Ramis")], movie.Directors);
        Assert.Equal([new TmdbPerson(1524, "Harold Ramis"), new TmdbPerson(10072, "Danny Rubin")], movie.Writers);
        Assert.Equal(["Bill Murray", "Andie MacDowell", "Chris Elliott", "Stephen Tobolowsky"], movie.Cast!.Select(p => p.Name));
        Assert.Equal(["time loop", "groundhog", "weatherman", "pennsylvania, usa"], movie.KeywordNames);
        Assert.Equal(("PG", "US"), (movie.Certification, movie.CertificationCountry));
        Assert.Equal(["en", "it"], movie.SpokenLanguageCodes);
        Assert.Equal(["US"], movie.ProductionCountryCodes);
        Assert.Equal(["Columbia Pictures"], movie.ProductionCompanyNames);
        Assert.Equal((101, "Groundhog Day", 28.7), (movie.Runtime, movie.Title, movie.Popularity));
    }

    [Fact]
    public void Read_CastLongerThanTheTopBilledAndOutOfOrder_KeepsTheFirstByOrder()
    {
        var cast = Enumerable.Range(0, 15).Reverse().Select(order => $$"""{"id":{{9000 + order}},"name":"Actor {{order}}","order":{{order}}}""");
        var credits = $$"""{"id":137,"cast":[{{string.Join(",", cast)}}],"crew":[]}""";

        var movie = TmdbMovieReader.Read(GroundhogDay(credits: credits), []);

        Assert.Equal(Enumerable.Range(0, TmdbMovieReader.TopBilledCast).Select(order => $"Actor {order}"), movie.Cast!.Select(p => p.Name));
    }

    [Fact]
    public void Read_NoUsRelease_TakesTheBritishCertification()
    {
        const string releaseDates = """
            {"id":137,"results":[{"iso_3166_1":"FR","release_dates":[{"certification":"U","type":3}]},
             {"iso_3166_1":"GB","release_dates":[{"certification":"","type":1},{"certification":"12A","type":4},{"certification":"PG","type":3}]}]}
            """;

        var movie = TmdbMovieReader.Read(GroundhogDay(releaseDates: releaseDates), []);

        Assert.Equal(("PG", "GB"), (movie.Certification, movie.CertificationCountry));
    }

    [Fact]
    public void Read_UsReleasesWithoutATheatricalCertification_TakesTheFirstCertifiedUsRelease()
    {
        const string releaseDates = """
            {"id":137,"results":[{"iso_3166_1":"GB","release_dates":[{"certification":"PG","type":3}]},
             {"iso_3166_1":"US","release_dates":[{"certification":"","type":3},{"certification":"PG-13","type":4},{"certification":"R","type":5}]}]}
            """;

        var movie = TmdbMovieReader.Read(GroundhogDay(releaseDates: releaseDates), []);

        Assert.Equal(("PG-13", "US"), (movie.Certification, movie.CertificationCountry));
    }

    [Fact]
    public void Read_Collection_KeepsItsIdAndName()
    {
        var movie = TmdbMovieReader.Read(GroundhogDay(collection: """{"id":10194,"name":"Toy Story Collection","poster_path":"/7G9915LfUQ2lVfwMEEhDsn3kT4B.jpg"}"""), []);

        Assert.Equal((10194, "Toy Story Collection"), (movie.CollectionId, movie.CollectionName));
    }

    [Theory]
    [InlineData("keywords", """{"id":137,"keywords":"time loop"}""", "keywords.keywords")]
    [InlineData("credits", """{"id":137,"cast":null,"crew":[{"id":1524,"name":"Harold Ramis","department":"Directing","job":"Director"}]}""", "credits.cast")]
    [InlineData("credits", """{"id":137,"cast":[{"id":1532,"name":"Bill Murray","order":0},{"id":1,"character":"Punxsutawney Phil","order":1}],"crew":[]}""", "credits.cast")]
    [InlineData("release_dates", "\"1993-02-12\"", "release_dates")]
    [InlineData("collection", "[10194]", "belongs_to_collection")]
    public void Read_MalformedPart_WarnsNamingTheFieldAndKeepsTheRest(string part, string json, string field)
    {
        var warnings = new List<string>();
        var root = part switch
        {
            "keywords" => GroundhogDay(keywords: json),
            "credits" => GroundhogDay(credits: json),
            "release_dates" => GroundhogDay(releaseDates: json),
            _ => GroundhogDay(collection: json),
        };

        var movie = TmdbMovieReader.Read(root, warnings);

        Assert.StartsWith(field + ":", Assert.Single(warnings));
        Assert.Equal("Groundhog Day", movie.Title);
        Assert.Equal(["en", "it"], movie.SpokenLanguageCodes);
        if (part != "credits")
        {
            Assert.Equal(["Bill Murray", "Andie MacDowell", "Chris Elliott", "Stephen Tobolowsky"], movie.Cast!.Select(p => p.Name));
        }
        if (part != "release_dates")
        {
            Assert.Equal("PG", movie.Certification);
        }
        if (part != "keywords")
        {
            Assert.Contains("time loop", movie.KeywordNames!);
        }
    }

    [Fact]
    public void Read_CastEntryWithoutAName_SkipsOnlyThatEntry()
    {
        var credits = """{"id":137,"cast":[{"id":1532,"name":"Bill Murray","order":0},{"id":1,"name":null,"order":1},{"id":1533,"name":"Andie MacDowell","order":2}],"crew":null}""";
        var warnings = new List<string>();

        var movie = TmdbMovieReader.Read(GroundhogDay(credits: credits), warnings);

        Assert.Equal(["Bill Murray", "Andie MacDowell"], movie.Cast!.Select(p => p.Name));
        Assert.Null(movie.Directors);
        Assert.Equal(["credits.cast: 1 entry without a name skipped", "credits.crew: a JSON null, not a list; skipped"], warnings);
    }

    [Fact]
    public void Read_AnswerWithoutAppendedParts_LeavesThemMissingWithoutWarnings()
    {
        var warnings = new List<string>();
        var root = JsonDocument.Parse("""{"id":137,"title":"Groundhog Day","belongs_to_collection":null}""").RootElement;

        var movie = TmdbMovieReader.Read(root, warnings);

        Assert.Empty(warnings);
        Assert.Null(movie.Cast);
        Assert.Null(movie.KeywordNames);
        Assert.Null(movie.Certification);
    }
}
