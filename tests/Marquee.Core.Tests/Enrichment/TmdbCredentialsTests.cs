using Marquee.Core.Enrichment;

namespace Marquee.Core.Tests.Enrichment;

public class TmdbCredentialsTests
{
    [Fact]
    public void FromEnvironment_BothSet_PrefersTheReadToken()
    {
        var credentials = TmdbCredentials.FromEnvironment(name => name == TmdbCredentials.ReadTokenVariable ? "token" : "key");

        Assert.Equal(TmdbCredentialKind.ReadToken, credentials!.Kind);
    }

    [Fact]
    public void FromEnvironment_BlankTokenAndAKey_UsesTheKey()
    {
        var credentials = TmdbCredentials.FromEnvironment(name => name == TmdbCredentials.ReadTokenVariable ? "  " : " key ");

        Assert.Equal((TmdbCredentialKind.ApiKey, TmdbCredentials.ApiKeyVariable), (credentials!.Kind, credentials.VariableName));
    }

    [Fact]
    public void FromEnvironment_NothingSet_IsNull() =>
        Assert.Null(TmdbCredentials.FromEnvironment(_ => null));

    [Fact]
    public void ToStringAndRedact_NeverShowTheSecret()
    {
        var credentials = TmdbCredentials.ApiKey("abc123secret");

        Assert.DoesNotContain("abc123secret", credentials.ToString());
        Assert.Equal("GET /3/movie/1?api_key=[redacted]", credentials.Redact("GET /3/movie/1?api_key=abc123secret"));
    }
}
