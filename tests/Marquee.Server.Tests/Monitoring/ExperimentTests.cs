using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Server.Services;
using Marquee.Server.Tests.Support;
using Marquee.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marquee.Server.Tests.Monitoring;

/// <summary>Two trained model versions (EASE promoted, ALS beside it) and room for 200 sessions a minute.</summary>
public sealed class TwoModelsMarqueeFactory : MarqueeFactory
{
    public string Control { get; private set; } = "";
    public string Candidate { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var database = new Database(DatabasePath, ArtifactsDir);
        database.Migrate();
        var registry = new ModelRegistry(database, TimeProvider.System);
        var training = new TrainingService(new FeedbackStore(database, TimeProvider.System), registry);
        Control = (await training.TrainAsync(DataDir, ArtifactsDir, "ease")).Manifest.Version;
        Candidate = (await training.TrainAsync(DataDir, ArtifactsDir, "als")).Manifest.Version;
        await registry.PromoteAsync(Control, "the experiment's control serves");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Marquee:RateLimits:SessionsPerMinute", "1000");
    }
}

/// <summary>
/// An experiment splits sessions between two model versions by a stable hash, every swipe is stored with the
/// model and arm that served it, and the monitoring numbers are the stored events' own.
/// </summary>
public sealed class ExperimentTests(TwoModelsMarqueeFactory factory) : IClassFixture<TwoModelsMarqueeFactory>
{
    private const int Sessions = 200;

    [Fact]
    public async Task Experiment_TwoHundredSessions_SplitAboutInHalfAndLikeRatesComeFromStoredEvents()
    {
        var admin = AdminClient();
        var start = await admin.PutAsJsonAsync("/admin/experiment",
            new { name = "ease-vs-als", control_version = factory.Control, candidate_version = factory.Candidate, candidate_share = 0.5 }, MarqueeFactory.Json);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);

        var servedBy = new Dictionary<string, string>();
        var expected = new Dictionary<string, (int Swipes, int Likes)> { [factory.Control] = (0, 0), [factory.Candidate] = (0, 0) };
        for (var i = 0; i < Sessions; i++)
        {
            var (client, userId) = await factory.CreateSessionClientAsync();
            var page = await (await client.PostAsJsonAsync("/recommend", new { user_id = userId, k = 4 }, MarqueeFactory.Json))
                .Content.ReadFromJsonAsync<JsonElement>();
            var version = page.GetProperty("model_version").GetString()!;
            servedBy[userId] = version;
            var items = page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("movie_id").GetInt32()).ToList();
            // Sessions like more on the candidate (3 of 4 cards) than on the control (1 of 4), so the arms differ.
            var likes = version == factory.Candidate ? 3 : 1;
            for (var card = 0; card < items.Count; card++)
            {
                var feedback = await client.PostAsJsonAsync("/feedback", new
                {
                    user_id = userId, movie_id = items[card], action = card < likes ? "like" : "dislike",
                    context = new { model_version = version, position = card, page_id = page.GetProperty("page_id").GetString() },
                }, MarqueeFactory.Json);
                Assert.Equal(HttpStatusCode.Created, feedback.StatusCode);
            }
            var (swipes, liked) = expected[version];
            expected[version] = (swipes + items.Count, liked + Math.Min(likes, items.Count));
        }

        // Each arm gets about half: a fair coin over 200 sessions stays within 100 ± 30 (over 4 standard deviations).
        var perVersion = servedBy.Values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(perVersion.GetValueOrDefault(factory.Control), 70, 130);
        Assert.InRange(perVersion.GetValueOrDefault(factory.Candidate), 70, 130);
        // The split is the stable hash's: the same session always lands in the same arm.
        var experiment = factory.Services.GetRequiredService<RecommenderHost>().Experiment!.Experiment;
        Assert.All(servedBy, kv => Assert.Equal(
            ExperimentAssignment.ArmOf(experiment, kv.Key) == ExperimentAssignment.Candidate ? factory.Candidate : factory.Control, kv.Value));

        var stored = StoredLikeRates();
        var report = await admin.GetFromJsonAsync<JsonElement>("/admin/monitoring?bucket=hour", MarqueeFactory.Json);
        var arms = report.GetProperty("experiment").GetProperty("arms").EnumerateArray().ToDictionary(a => a.GetProperty("model_version").GetString()!);
        foreach (var version in new[] { factory.Control, factory.Candidate })
        {
            var metrics = arms[version].GetProperty("metrics");
            Assert.Equal(perVersion[version], metrics.GetProperty("sessions").GetInt64());
            Assert.Equal(expected[version].Swipes, metrics.GetProperty("swipes").GetInt64());
            Assert.Equal((double)expected[version].Likes / expected[version].Swipes, metrics.GetProperty("like_rate").GetDouble(), 1e-12);
            Assert.Equal(stored[version], metrics.GetProperty("like_rate").GetDouble(), 1e-12);
            Assert.Equal(1.0, metrics.GetProperty("liked_page_share").GetDouble(), 1e-12);
        }
        var online = report.GetProperty("online").EnumerateArray().ToDictionary(m => m.GetProperty("model_version").GetString()!);
        Assert.Equal(stored[factory.Candidate], online[factory.Candidate].GetProperty("metrics").GetProperty("like_rate").GetDouble(), 1e-12);
        var difference = report.GetProperty("experiment").GetProperty("like_rate_difference");
        Assert.Equal(stored[factory.Candidate] - stored[factory.Control], difference.GetProperty("estimate").GetDouble(), 1e-12);
        Assert.True(difference.GetProperty("low").GetDouble() > 0, "the candidate's higher like rate is outside the interval's reach of 0");

        var metricsText = await admin.GetStringAsync("/metrics");
        Assert.Contains("marquee_experiment_like_rate{", metricsText);
        Assert.Contains($"model_version=\"{factory.Candidate}\"", metricsText);
        Assert.Contains("marquee_online_like_rate{", metricsText);

        var stop = await admin.DeleteAsync("/admin/experiment");
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        var (after, afterUser) = await factory.CreateSessionClientAsync();
        var afterPage = await (await after.PostAsJsonAsync("/recommend", new { user_id = afterUser, k = 2 }, MarqueeFactory.Json)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(factory.Control, afterPage.GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task StartExperiment_UnknownVersionOrBadShare_AnswersProblemNamingTheField()
    {
        var admin = AdminClient();
        var response = await admin.PutAsJsonAsync("/admin/experiment",
            new { control_version = factory.Control, candidate_version = "nope", candidate_share = 1.5 }, MarqueeFactory.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("candidate_version", out _));
        Assert.True(errors.TryGetProperty("candidate_share", out _));
        var bucket = await admin.GetAsync("/admin/monitoring?bucket=week");
        Assert.Equal(HttpStatusCode.BadRequest, bucket.StatusCode);
    }

    /// <summary>Like rate per model version straight from the feedback table, as a second opinion on the report.</summary>
    private Dictionary<string, double> StoredLikeRates()
    {
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT model_version, action FROM feedback WHERE experiment = 'ease-vs-als' AND undone = 0";
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, (int Swipes, int Likes)>();
        while (reader.Read())
        {
            var (swipes, likes) = counts.GetValueOrDefault(reader.GetString(0));
            counts[reader.GetString(0)] = (swipes + 1, likes + (reader.GetString(1) == "like" ? 1 : 0));
        }
        return counts.ToDictionary(kv => kv.Key, kv => (double)kv.Value.Likes / kv.Value.Swipes);
    }

    private HttpClient AdminClient()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", MarqueeFactory.AdminKey);
        return client;
    }
}
