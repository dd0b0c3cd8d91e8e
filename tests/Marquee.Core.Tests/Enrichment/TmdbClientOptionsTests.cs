using Marquee.Core.Enrichment;

namespace Marquee.Core.Tests.Enrichment;

public class TmdbClientOptionsTests
{
    [Theory]
    [InlineData("https://api.themoviedb.org", "https://api.themoviedb.org/")]
    [InlineData("https://api.themoviedb.org/3", "https://api.themoviedb.org/")]
    [InlineData("https://api.themoviedb.org/3/", "https://api.themoviedb.org/")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/")]
    [InlineData("https://proxy.example/tmdb/3?x=1", "https://proxy.example/tmdb/")]
    public void ParseBaseUrl_AcceptsTheHostWithOrWithoutTheVersion(string text, string expected) =>
        Assert.Equal(expected, TmdbClientOptions.ParseBaseUrl(text).ToString());

    [Theory]
    [InlineData("api.themoviedb.org")]
    [InlineData("ftp://api.themoviedb.org")]
    public void ParseBaseUrl_NotAnHttpUrl_Throws(string text) =>
        Assert.Throws<ArgumentException>(() => TmdbClientOptions.ParseBaseUrl(text));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void Validate_RateOutOfRange_Throws(double rate) =>
        Assert.Throws<ArgumentException>(() => new TmdbClientOptions { MaxRequestsPerSecond = rate }.Validate());

    [Fact]
    public void Concurrency_DefaultRate_KeepsEnoughInFlightButFew() =>
        Assert.InRange(new TmdbClientOptions().Concurrency, 2, 16);
}
