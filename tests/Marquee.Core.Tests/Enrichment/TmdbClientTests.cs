using System.Net;
using Marquee.Core.Catalog;
using Marquee.Core.Enrichment;
using Microsoft.Extensions.DependencyInjection;
using static Marquee.Core.Tests.Enrichment.TmdbTestServer;

namespace Marquee.Core.Tests.Enrichment;

public class TmdbClientTests
{
    private const string Secret = "s3cr3t-7c1e9b2a44d0";

    [Fact]
    public async Task GetMovieAsync_ReadToken_SendsBearerToTheV3PathAndReadsTheDocumentedFields()
    {
        var server = new TmdbTestServer((request, _) => Movie(request, 550));
        await using var provider = Provider(server, TmdbCredentials.ReadToken(Secret));

        var lookup = await provider.GetRequiredService<TmdbClient>().GetMovieAsync(550);

        var request = Assert.Single(server.Requests);
        Assert.Equal("https://api.themoviedb.org/3/movie/550?append_to_response=keywords,credits,release_dates", request.Uri.ToString());
        Assert.Equal($"Bearer {Secret}", request.Authorization);
        var movie = Assert.IsType<TmdbMovie>(lookup.Movie);
        Assert.Equal(("Fight Club", "tt0137523", 139, 8.433, 26280), (movie.Title, movie.ImdbId, movie.Runtime, movie.VoteAverage, movie.VoteCount));
        Assert.Equal("/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg", movie.PosterPath);
        Assert.Equal(["Drama", "Thriller"], movie.Genres!.Select(g => g.Name));
    }

    [Fact]
    public async Task GetMovieAsync_OneRequest_BringsCreditsKeywordsCertificationCompaniesAndLanguages()
    {
        var server = new TmdbTestServer((request, _) => Movie(request, 550));
        await using var provider = Provider(server, TmdbCredentials.ReadToken(Secret));

        var lookup = await provider.GetRequiredService<TmdbClient>().GetMovieAsync(550);

        Assert.Equal(1, server.Count);
        Assert.Empty(lookup.Warnings);
        var details = lookup.Movie!.ToDetails(2959, DateTimeOffset.UnixEpoch);
        Assert.Equal([new CreditedPerson("David Fincher", 7467)], details.Directors);
        Assert.Equal([new CreditedPerson("Chuck Palahniuk", 7468), new CreditedPerson("Jim Uhls", 7469)], details.Writers);
        Assert.Equal(["Edward Norton", "Brad Pitt", "Helena Bonham Carter", "Meat Loaf"], details.Cast!.Select(p => p.Name));
        Assert.Equal(287, details.Cast![1].TmdbId);
        Assert.Equal(["support group", "dual identity", "based on novel or book", "fight", "dystopia"], details.Keywords);
        Assert.Equal(("R", "US"), (details.Certification, details.CertificationCountry));
        Assert.Equal(["Regency Enterprises", "Fox 2000 Pictures", "Taurus Film"], details.ProductionCompanies);
        Assert.Equal(["DE", "US"], details.ProductionCountries);
        Assert.Equal(["en"], details.SpokenLanguages);
        Assert.Equal(("Fight Club", "Fight Club", "en", 61.416), (details.Title, details.OriginalTitle, details.OriginalLanguage, details.TmdbPopularity));
        Assert.Null(details.CollectionId);
    }

    [Fact]
    public async Task GetMovieAsync_ApiKeyAndA503_SignsEachAttemptOnceAndLeavesTheKeyOffTheCallersRequest()
    {
        HttpRequestMessage? seenByCaller = null;
        var server = new TmdbTestServer((request, index) =>
        {
            seenByCaller = request;
            return index == 1 ? Error(HttpStatusCode.ServiceUnavailable, 9, "Service offline.") : Movie(request, 550);
        });
        await using var provider = Provider(server, TmdbCredentials.ApiKey(Secret));

        var lookup = await provider.GetRequiredService<TmdbClient>().GetMovieAsync(550);

        Assert.True(lookup.Found);
        Assert.Equal(2, server.Count);
        Assert.All(server.Requests, r => Assert.Equal($"?append_to_response=keywords,credits,release_dates&api_key={Secret}", r.Uri.Query));
        Assert.All(server.Requests, r => Assert.Null(r.Authorization));
        Assert.DoesNotContain(Secret, seenByCaller!.RequestUri!.ToString());
    }

    [Fact]
    public async Task GetMovieAsync_404WithStatus34_IsAnAnswerNotAnError()
    {
        var server = new TmdbTestServer((_, _) => Error(HttpStatusCode.NotFound, 34, "The resource you requested could not be found."));
        await using var provider = Provider(server, TmdbCredentials.ReadToken(Secret));

        var lookup = await provider.GetRequiredService<TmdbClient>().GetMovieAsync(99999999);

        Assert.False(lookup.Found);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task GetMovieAsync_404WithoutTmdbBody_IsFatalRatherThanNotFound()
    {
        var server = new TmdbTestServer((_, _) => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("<html>Not Found</html>") });
        await using var provider = Provider(server, TmdbCredentials.ReadToken(Secret));

        var error = await Assert.ThrowsAsync<TmdbException>(() => provider.GetRequiredService<TmdbClient>().GetMovieAsync(550));

        Assert.True(error.IsFatal);
        Assert.Contains("base URL", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetMovieAsync_401Status7_ThrowsAFatalCredentialsErrorThatNeverContainsTheSecret(bool readToken)
    {
        var server = new TmdbTestServer((_, _) => Error(HttpStatusCode.Unauthorized, 7, "Invalid API key: You must be granted a valid key."));
        await using var provider = Provider(server, readToken ? TmdbCredentials.ReadToken(Secret) : TmdbCredentials.ApiKey(Secret));

        var error = await Assert.ThrowsAsync<TmdbException>(() => provider.GetRequiredService<TmdbClient>().GetMovieAsync(550));

        Assert.Equal(1, server.Count);
        Assert.True(error.IsFatal);
        Assert.True(error.IsCredentialsRejected);
        Assert.Equal(7, error.TmdbStatusCode);
        Assert.StartsWith("TMDB rejected the credentials (status 7: Invalid API key", error.Message);
        Assert.DoesNotContain(Secret, error.ToString());
    }

    [Fact]
    public async Task GetMovieAsync_Always503_GivesUpAfterMaxAttemptsWithoutTheSecret()
    {
        var server = new TmdbTestServer((_, _) => Error(HttpStatusCode.ServiceUnavailable, 9, "Service offline: This service is temporarily offline, try again later."));
        await using var provider = Provider(server, TmdbCredentials.ApiKey(Secret), FastRetries with { MaxAttempts = 4 });

        var error = await Assert.ThrowsAsync<TmdbException>(() => provider.GetRequiredService<TmdbClient>().GetMovieAsync(550));

        Assert.Equal(4, server.Count);
        Assert.False(error.IsFatal);
        Assert.Contains("HTTP 503", error.Message);
        Assert.Contains("status 9", error.Message);
        Assert.DoesNotContain(Secret, error.ToString());
    }

    [Fact]
    public async Task GetMovieAsync_ConnectionFailuresThenAnswer_Retries()
    {
        var server = new TmdbTestServer((request, index) => index < 3 ? throw new HttpRequestException("Connection refused (127.0.0.1:9)") : Movie(request, 550));
        await using var provider = Provider(server, TmdbCredentials.ReadToken(Secret));

        var lookup = await provider.GetRequiredService<TmdbClient>().GetMovieAsync(550);

        Assert.True(lookup.Found);
        Assert.Equal(3, server.Count);
    }

    [Fact]
    public async Task GetMovieAsync_429WithRetryAfter_RetriesAndStartsACooldownForTheWholeClient()
    {
        var server = new TmdbTestServer((request, index) =>
        {
            if (index > 1)
            {
                return Movie(request, 550);
            }
            var throttled = Error(HttpStatusCode.TooManyRequests, 25, "Your request count (#) is over the allowed limit of (40).");
            throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return throttled;
        });
        await using var provider = Provider(server, TmdbCredentials.ReadToken(Secret));

        var lookup = await provider.GetRequiredService<TmdbClient>().GetMovieAsync(550);

        Assert.True(lookup.Found);
        Assert.Equal(2, server.Count);
        Assert.Equal(1, provider.GetRequiredService<TmdbCooldown>().ThrottledResponses);
    }

    [Fact]
    public async Task GetConfigurationAsync_AskedTwice_SendsOneRequest()
    {
        var server = new TmdbTestServer((_, _) => Json(HttpStatusCode.OK, Configuration));
        await using var provider = Provider(server, TmdbCredentials.ReadToken(Secret));
        var client = provider.GetRequiredService<TmdbClient>();

        var first = await client.GetConfigurationAsync();
        var second = await client.GetConfigurationAsync();

        Assert.Same(first, second);
        Assert.Equal("https://image.tmdb.org/t/p/", first.Images!.SecureBaseUrl);
        Assert.Contains("w500", first.Images.PosterSizes!);
        Assert.Equal("/3/configuration", Assert.Single(server.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public void TmdbMovie_ToDetails_TurnsTmdbsPlaceholdersIntoNulls()
    {
        var movie = new TmdbMovie { Id = 1, Overview = "", Tagline = " ", Runtime = 0, VoteAverage = 0, VoteCount = 0, ReleaseDate = "", PosterPath = null };

        var details = movie.ToDetails(42, DateTimeOffset.UnixEpoch);

        Assert.Equal((42, 1), (details.MovieId, details.TmdbId));
        Assert.Null(details.Overview);
        Assert.Null(details.Tagline);
        Assert.Null(details.RuntimeMinutes);
        Assert.Null(details.TmdbRating);
        Assert.Null(details.ReleaseDate);
        Assert.Equal(TmdbEnrichmentJob.SourceName, details.Source);
    }
}
