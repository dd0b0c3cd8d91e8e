using Marquee.Core.Catalog;
using Marquee.Core.Enrichment;

namespace Marquee.Core.Tests.Enrichment;

public class DumpCellsTests
{
    [Fact]
    public void ParsePython_NameWithApostrophe_ReadsTheDoubleQuotedString()
    {
        var cell = """[{'id': 2038, 'name': "love of one's life"}, {'id': 5, 'name': 'it\'s escaped'}]""";

        var names = DumpCells.Field(DumpCells.ParsePython(cell));

        Assert.Equal(["love of one's life", "it's escaped"], names);
    }

    [Fact]
    public void ParsePython_DictWithNoneAndBooleans_ReadsScalarsAsText()
    {
        var cell = "{'id': 10194, 'name': 'Toy Story Collection', 'poster_path': None, 'adult': False}";

        var parsed = Assert.IsType<Dictionary<string, object?>>(DumpCells.ParsePython(cell));

        Assert.Equal("10194", parsed["id"]);
        Assert.Null(parsed["poster_path"]);
        Assert.Equal("False", parsed["adult"]);
    }

    [Fact]
    public void ParsePython_ListOfPlainStrings_GivesTheNames()
    {
        var names = DumpCells.Field(DumpCells.ParsePython("['Animation', 'Comedy', 'Family']"));

        Assert.Equal(["Animation", "Comedy", "Family"], names);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1997-08-20")]
    [InlineData("[{'id': 1, 'name': 'unterminated}]")]
    public void ParsePython_NotALiteral_IsNull(string cell)
    {
        Assert.Null(DumpCells.ParsePython(cell));
    }

    [Fact]
    public void ParseJson_TmdbArray_GivesTheSameShapeAsPython()
    {
        var cell = """[{"iso_639_1": "en", "name": "English"}, {"iso_639_1": "es", "name": "Espa\u00f1ol"}]""";

        Assert.Equal(["en", "es"], DumpCells.Field(DumpCells.ParseJson(cell), "iso_639_1"));
        Assert.Equal(["English", "Español"], DumpCells.Field(DumpCells.ParseJson(cell)));
    }

    [Theory]
    [InlineData("81.0", 81)]
    [InlineData("104", 104)]
    [InlineData("0", null)]
    [InlineData("0.0", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void PositiveInt_DumpRuntime_ZeroAndBlankAreUnknown(string? text, int? expected)
    {
        Assert.Equal(expected, DumpCells.PositiveInt(text));
    }

    [Fact]
    public void Rating_NobodyVoted_IsNull()
    {
        Assert.Null(DumpCells.Rating("0.0", DumpCells.PositiveInt("0")));
        Assert.Equal(7.7, DumpCells.Rating("7.7", DumpCells.PositiveInt("5415.0")));
    }

    [Theory]
    [InlineData("United States of America", "US")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("South Korea", "KR")]
    [InlineData("Hong Kong", "HK")]
    [InlineData("Czech Republic", "CZ")]
    [InlineData("Soviet Union", "SU")]
    [InlineData("Atlantis", null)]
    public void CountryCode_TmdbSpelling_GivesIsoAlpha2(string name, string? code)
    {
        Assert.Equal(code, IsoNames.CountryCode(name));
    }

    [Theory]
    [InlineData("English", "en")]
    [InlineData("French", "fr")]
    [InlineData("Mandarin", "zh")]
    [InlineData("Bengali", "bn")]
    [InlineData("Haitian; Haitian Creole", "ht")]
    [InlineData("Klingon", null)]
    public void LanguageCode_TmdbSpelling_GivesIso6391(string name, string? code)
    {
        Assert.Equal(code, IsoNames.LanguageCode(name));
    }
}
