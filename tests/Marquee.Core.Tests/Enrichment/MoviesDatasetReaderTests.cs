using Marquee.Core.Catalog;
using Marquee.Core.Enrichment;

namespace Marquee.Core.Tests.Enrichment;

public class MoviesDatasetReaderTests
{
    // Three rows as the real movies_metadata.csv writes them, and one whose columns slipped (its id is a date).
    private const string Metadata = """
        adult,belongs_to_collection,budget,genres,homepage,id,imdb_id,original_language,original_title,overview,popularity,poster_path,production_companies,production_countries,release_date,revenue,runtime,spoken_languages,status,tagline,title,video,vote_average,vote_count
        False,"{'id': 10194, 'name': 'Toy Story Collection', 'poster_path': '/7G9915LfUQ2lVfwMEEhDsn3kT4B.jpg', 'backdrop_path': None}",30000000,"[{'id': 16, 'name': 'Animation'}, {'id': 35, 'name': 'Comedy'}]",,862,tt0114709,en,Toy Story,"Led by Woody, Andy's toys live happily.",21.946943,/rhIRbceoE9lR4veEXuwCC2wARtG.jpg,"[{'name': 'Pixar Animation Studios', 'id': 3}]","[{'iso_3166_1': 'US', 'name': 'United States of America'}]",1995-10-30,373554033,81.0,"[{'iso_639_1': 'en', 'name': 'English'}, {'iso_639_1': 'fr', 'name': 'Français'}]",Released,,Toy Story,False,7.7,5415
        False,,0,"[{'id': 18, 'name': 'Drama'}]",,9091,tt0114576,fr,La Haine,Three friends.,3.5,,"[{'name': ""Director's Cut Films"", 'id': 77}]","[{'iso_3166_1': 'FR', 'name': 'France'}]",1995-05-31,0,0.0,[],Released,Society falls.,Hate,False,0.0,0
         - Written by Ørnås",0.065736,/ff9qCepilowshEtG2GYWwzt2bs4.jpg,"[{'name': 'Carousel Productions', 'id': 11176}]","[{'iso_3166_1': 'CA', 'name': 'Canada'}]",1997-08-20,0,104.0,"[{'iso_639_1': 'en', 'name': 'English'}]",Released,,Midnight Man,False,6.0,1
        """;

    [Fact]
    public void Read_MoviesMetadata_ParsesPythonReprCells()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("movies_metadata.csv", Metadata);

        var dump = MoviesDatasetReader.Read(path);

        var toyStory = dump.Rows.Single(r => r.TmdbId == 862);
        Assert.Equal((10194, "Toy Story Collection"), (toyStory.CollectionId, toyStory.CollectionName));
        Assert.Equal(["Animation", "Comedy"], toyStory.TmdbGenres);
        Assert.Equal(["US"], toyStory.ProductionCountries);
        Assert.Equal(["en", "fr"], toyStory.SpokenLanguages);
        Assert.Equal(["Pixar Animation Studios"], toyStory.ProductionCompanies);
        Assert.Equal(81, toyStory.RuntimeMinutes); // written "81.0"
        Assert.Equal(("Toy Story", "Toy Story", "en", "tt0114709"), (toyStory.Title, toyStory.OriginalTitle, toyStory.OriginalLanguage, toyStory.ImdbId));
        Assert.Equal((7.7, 5415), (toyStory.TmdbRating, toyStory.TmdbVoteCount));
        Assert.Null(toyStory.Tagline);
    }

    [Fact]
    public void Read_NullCollectionApostropheAndZeros_GivesNullsAndTheFullName()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("movies_metadata.csv", Metadata);

        var hate = MoviesDatasetReader.Read(path).Rows.Single(r => r.TmdbId == 9091);

        Assert.Equal(["Director's Cut Films"], hate.ProductionCompanies);
        Assert.Null(hate.CollectionId);
        Assert.Null(hate.CollectionName);
        Assert.Null(hate.RuntimeMinutes); // 0.0 is unknown
        Assert.Null(hate.TmdbRating); // nobody voted
        Assert.Null(hate.TmdbVoteCount);
        Assert.Null(hate.SpokenLanguages); // [] is no languages known
        Assert.Equal(("Hate", "La Haine", "Society falls."), (hate.Title, hate.OriginalTitle, hate.Tagline));
    }

    [Fact]
    public void Read_RowWithSlippedColumns_IsSkippedAndCounted()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("movies_metadata.csv", Metadata);

        var dump = MoviesDatasetReader.Read(path);

        Assert.Equal(2, dump.Rows.Count);
        var skipped = Assert.Single(dump.Skipped);
        Assert.Equal(4, skipped.Line);
    }

    [Fact]
    public void Read_KeywordsAndCreditsInTheSameFolder_AddsThem()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("movies_metadata.csv", Metadata);
        dir.Write("keywords.csv", """
            id,keywords
            862,"[{'id': 931, 'name': 'Jealousy'}, {'id': 4290, 'name': 'toy'}, {'id': 2038, 'name': ""love of one's life""}]"
            oops,[]
            """);
        dir.Write("credits.csv", """
            cast,crew,id
            "[{'cast_id': 14, 'character': 'Buzz', 'id': 12898, 'name': 'Tim Allen', 'order': 1}, {'cast_id': 13, 'character': 'Woody', 'id': 31, 'name': 'Tom Hanks', 'order': 0}]","[{'department': 'Directing', 'id': 7879, 'job': 'Director', 'name': 'John Lasseter'}, {'department': 'Writing', 'id': 7, 'job': 'Screenplay', 'name': 'Andrew Stanton'}, {'department': 'Sound', 'id': 9, 'job': 'Music', 'name': 'Randy Newman'}]",862
            """);

        var dump = MetadataFile.Load(path);

        Assert.Equal(MetadataDumpFormat.MoviesDataset, dump.Format);
        Assert.Equal(2, dump.Companions.Count);
        Assert.Equal(2, dump.Skipped.Count); // the slipped row and keywords.csv's "oops"
        var toyStory = dump.Rows.Where(r => r.TmdbId == 862).Aggregate(MovieDetailsMerge.FillGaps);
        Assert.Equal(["jealousy", "toy", "love of one's life"], toyStory.Keywords);
        Assert.Equal([new CreditedPerson("John Lasseter", 7879)], toyStory.Directors);
        Assert.Equal([new CreditedPerson("Andrew Stanton", 7)], toyStory.Writers);
        Assert.Equal(["Tom Hanks", "Tim Allen"], toyStory.Cast!.Select(c => c.Name));
    }
}
