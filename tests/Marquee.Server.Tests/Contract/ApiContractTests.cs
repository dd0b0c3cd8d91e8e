using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marquee.Server.Tests.Support;

namespace Marquee.Server.Tests.Contract;

/// <summary>
/// The UI's copy of the API contract (ui/src/lib/api-contract.json: the API path prefixes its dev server
/// proxies, and the properties of the responses it validates with zod) is what the server publishes. A
/// Vitest test holds the zod schemas to the same file, so server, file and UI cannot drift apart.
/// Regenerate the file after an API change with <c>MARQUEE_UPDATE_API_CONTRACT=1 dotnet test
/// tests/Marquee.Server.Tests --filter ApiContractTests</c>.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ApiContractTests(MarqueeFactory factory)
{
    /// <summary>OpenAPI schemas the UI mirrors property for property (zod schema name in the UI → OpenAPI schema).</summary>
    private static readonly (string Zod, string OpenApi)[] MirroredSchemas = [("intentSchema", "MovieIntent")];

    private static string ContractPath => Path.Combine(FindRepositoryRoot(), "ui", "src", "lib", "api-contract.json");

    [Fact]
    public async Task UiContractFile_MatchesTheServer()
    {
        var expected = await ServerContractAsync();
        var text = expected.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("MARQUEE_UPDATE_API_CONTRACT") == "1")
        {
            await File.WriteAllTextAsync(ContractPath, text);
        }

        var actual = JsonNode.Parse(await File.ReadAllTextAsync(ContractPath));
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"{ContractPath} differs from the server; run MARQUEE_UPDATE_API_CONTRACT=1 dotnet test tests/Marquee.Server.Tests --filter ApiContractTests "
            + $"and update the zod schemas to match. The server says:\n{text}");
    }

    [Fact]
    public async Task EveryDocumentedPath_IsUnderAnApiPrefix()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var outside = document.GetProperty("paths").EnumerateObject().Select(p => p.Name)
            .Where(path => !MarqueeApp.ApiPrefixes.Any(prefix => path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(outside);
    }

    private async Task<JsonObject> ServerContractAsync()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var mirrored = new JsonObject();
        foreach (var (zod, openApi) in MirroredSchemas)
        {
            var properties = schemas.GetProperty(openApi).GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
            mirrored[zod] = new JsonArray([.. properties.Select(p => (JsonNode)JsonValue.Create(p))]);
        }
        return new JsonObject
        {
            ["//"] = "Generated from the server by tests/Marquee.Server.Tests/Contract/ApiContractTests.cs; do not edit by hand.",
            ["apiPrefixes"] = new JsonArray([.. MarqueeApp.ApiPrefixes.Select(p => (JsonNode)JsonValue.Create(p))]),
            ["schemas"] = mirrored,
        };
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ui", "package.json")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no repository root above {AppContext.BaseDirectory}");
    }
}
