using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marquee.Cli.Tests.Support;

namespace Marquee.Cli.Tests;

/// <summary>
/// The README promises two set-up commands. This runs the first one's documented form end to end
/// (build, import, enrich, embed, train, serve, with the files the README names) and the README's API example
/// against it; CI runs the second.
/// </summary>
public sealed partial class ReadmeTests
{
    private static string Readme => File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "README.md"));

    [GeneratedRegex(@"## Set up.*?```sh\n(?<block>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SetUpBlock();

    [Fact]
    public void SetUp_ListsExactlyTwoCommands_AndCiRunsTheTestOne()
    {
        var block = SetUpBlock().Match(Readme).Groups["block"].Value;
        var commands = block.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToList();

        Assert.Equal(["./marquee up", "./marquee test"], commands);
        Assert.Contains("exec ./marquee test", File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, ".ci", "run")));
    }

    [Fact]
    public async Task Up_WithLocalDataAndMetadata_ServesTrainedRecommendationsAndTheUi()
    {
        using var temp = new TempDirectory();
        var port = CliRunner.FreePort();
        var info = new System.Diagnostics.ProcessStartInfo("bash")
        {
            WorkingDirectory = CliRunner.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in OfflineUpCommand().Append("--urls").Append($"http://127.0.0.1:{port}"))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["MARQUEE_DATA_DIR"] = temp.File("data");
        info.Environment["MARQUEE_ARTIFACTS_DIR"] = temp.File("artifacts");
        using var up = new CliProcess(System.Diagnostics.Process.Start(info)!);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await up.WaitForHealthAsync(http, TimeSpan.FromMinutes(10));
        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        var example = ReadmeApiExample();
        var response = await http.PostAsync("/recommend", new StringContent(example, System.Text.Encoding.UTF8, "application/json"));
        var page = await http.GetStringAsync("/");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(9742, health.GetProperty("catalog_movies").GetInt32());
        response.EnsureSuccessStatusCode();
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        Assert.True(items.GetArrayLength() > 0);
        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Imported 9,742 movies", up.Output);
        EmbeddingTestCache.Save(Path.Combine(temp.File("data"), "movie_embeddings.parquet"));
    }

    [GeneratedRegex(@"```sh\n(?<command>\./marquee up --source .*?)\n```", RegexOptions.Singleline)]
    private static partial Regex OfflineUpBlock();

    /// <summary>
    /// The README's <c>./marquee up</c> with files already on the machine, as its words (continuation lines joined),
    /// with <c>../shared</c> pointing at the shared datasets wherever this checkout has them.
    /// </summary>
    private static IEnumerable<string> OfflineUpCommand()
    {
        var match = OfflineUpBlock().Match(Readme);
        Assert.True(match.Success, "the README shows ./marquee up --source with files already on the machine");
        var words = match.Groups["command"].Value.Replace("\\\n", " ", StringComparison.Ordinal)
            .Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return words.Select(w => w.StartsWith("../shared/", StringComparison.Ordinal) ? Path.Combine(SharedData.Root, w["../shared/".Length..]) : w);
    }

    /// <summary>The JSON body of the README's curl example for POST /recommend.</summary>
    private static string ReadmeApiExample()
    {
        var match = Regex.Match(Readme, @"curl[^\n]*?/recommend[^\n]*?-d '(?<body>[^']+)'", RegexOptions.Singleline);
        Assert.True(match.Success, "the README shows a curl example for POST /recommend");
        return match.Groups["body"].Value;
    }
}
