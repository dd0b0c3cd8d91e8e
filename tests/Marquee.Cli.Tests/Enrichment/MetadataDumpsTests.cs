using System.Text.Json;
using Marquee.Cli.Tests.Support;
using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Enrichment;

namespace Marquee.Cli.Tests.Enrichment;

/// <summary><c>enrich --metadata-file</c>, repeated, with the four shared TMDB dumps on ml-latest-small.</summary>
public sealed class MetadataDumpsTests : IAsyncLifetime
{
    private const int AmelieMovieId = 4973;
    private readonly TempDirectory _temp = new();

    private string DataDir => _temp.File("data");

    private Dictionary<string, string?> Environment => new()
    {
        ["MARQUEE_DATA_DIR"] = DataDir,
        ["MARQUEE_ARTIFACTS_DIR"] = _temp.File("artifacts"),
    };

    public async Task InitializeAsync()
    {
        var import = await CliRunner.RunAsync(["import", "--source", SharedData.MlLatestSmall], Environment);
        Assert.True(import.ExitCode == 0, import.Output);
    }

    private Task<CliResult> EnrichAsync(params string[] files) =>
        CliRunner.RunAsync(["enrich", .. files.SelectMany(f => new[] { "--metadata-file", f })], Environment);

    private async Task<Dictionary<int, MovieDetails>> EnrichedAsync() =>
        (await ParquetTables.ReadMovieDetailsAsync(new DataDirectory(DataDir).MoviesEnriched)).ToDictionary(d => d.MovieId);

    [Fact]
    public async Task Enrich_FourSharedDumps_MeetsTheCoverageFloors()
    {
        var result = await EnrichAsync(SharedData.MetadataDumps);

        Assert.True(result.ExitCode == 0, result.Output);
        var rows = (await EnrichedAsync()).Values.ToList();
        Assert.Equal(9742, rows.Count);
        Assert.True(rows.Count(r => r.TmdbGenres is { Count: > 0 }) >= 7810);
        Assert.True(rows.Count(r => r.OriginalLanguage is not null) >= 6252);
        Assert.True(rows.Count(r => r.ProductionCountries is { Count: > 0 }) >= 6137);
        Assert.True(rows.Count(r => r.ProductionCompanies is { Count: > 0 }) >= 6003);
        Assert.True(rows.Count(r => r.Tagline is not null) >= 5386);
        Assert.True(rows.Count(r => r.Keywords is { Count: > 0 }) >= 3934);
        Assert.True(rows.Count(r => r.BackdropPath is not null) >= 2105);
        Assert.True(rows.Count(r => r.CollectionId is not null) >= 750);
        Assert.All(rows.Where(r => r.Keywords is not null).SelectMany(r => r.Keywords!), k => Assert.Equal(k.ToLowerInvariant(), k));
        Assert.Contains("TMDB genres", result.StdOut);
        Assert.Contains("tmdb_5000_movies.csv", result.StdOut);
    }

    [Fact]
    public async Task Enrich_FourSharedDumps_EveryFilmHasADisplayTitleWithoutAlternates()
    {
        var result = await EnrichAsync(SharedData.MetadataDumps);

        Assert.True(result.ExitCode == 0, result.Output);
        var rows = await EnrichedAsync();
        var data = new DataDirectory(DataDir);
        var movies = await ParquetTables.ReadMoviesAsync(data.Movies);
        var tmdbTitles = await TmdbTitlesAsync(data);
        // The first dump's TMDB title where one has it, else the MovieLens title without the alternates it keeps in
        // parentheses ("Amelie (Fabuleux destin d'Amélie Poulain, Le)" → "Amelie").
        var wrong = movies
            .Where(m => rows[m.MovieId].Title != (tmdbTitles.GetValueOrDefault(m.MovieId) ?? MovieTitle.SplitAlternates(m.Title).Main))
            .Select(m => $"{m.MovieId} {m.Title} → {rows[m.MovieId].Title}").ToList();
        Assert.True(wrong.Count == 0, string.Join("; ", wrong.Take(5)));
        Assert.True(tmdbTitles.Count >= 7800, $"{tmdbTitles.Count} films with a TMDB title");
        var amelie = rows[AmelieMovieId];
        Assert.Equal("Amélie", amelie.Title);
        Assert.Equal("Le fabuleux destin d'Amélie Poulain", amelie.OriginalTitle); // TMDB 5000 is given before the 2023 dump
        Assert.Equal(["Le Fabuleux destin d'Amélie Poulain"], amelie.AlsoKnownAs);
    }

    [Fact]
    public async Task Enrich_LaterFile_NeverOverridesAnEarlierValue()
    {
        // A film whose overview differs between the join file and TMDB 5000: the join file is given first.
        var links = await ParquetTables.ReadLinksAsync(new DataDirectory(DataDir).TmdbMapping);
        var joinOverviews = MetadataFile.Read(SharedData.MetadataJoin).Where(r => r.Overview is not null).ToDictionary(r => r.MovieId, r => r.Overview);
        var tmdb5000 = MetadataFile.Load(SharedData.Tmdb5000Movies).Rows.Where(r => r.Overview is not null).GroupBy(r => r.TmdbId!.Value).ToDictionary(g => g.Key, g => g.First().Overview);
        var movieId = links
            .Where(l => l.TmdbId is { } id && tmdb5000.ContainsKey(id) && joinOverviews.ContainsKey(l.MovieId) && joinOverviews[l.MovieId] != tmdb5000[id])
            .Select(l => l.MovieId).First();

        var first = await EnrichAsync(SharedData.MetadataJoin);
        var second = await EnrichAsync(SharedData.Tmdb5000Movies);

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Output + second.Output);
        var row = (await EnrichedAsync())[movieId];
        Assert.Equal(joinOverviews[movieId], row.Overview);
        Assert.NotNull(row.TmdbGenres); // the later file still filled what the earlier one lacked
    }

    [Fact]
    public async Task Enrich_SecondRunWithTheSameFiles_ChangesNothing()
    {
        var first = await EnrichAsync(SharedData.MetadataDumps);
        var before = JsonSerializer.Serialize((await EnrichedAsync()).Values.OrderBy(r => r.MovieId));

        var second = await EnrichAsync(SharedData.MetadataDumps);

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Output + second.Output);
        Assert.Equal(before, JsonSerializer.Serialize((await EnrichedAsync()).Values.OrderBy(r => r.MovieId)));
    }

    private static async Task<Dictionary<int, string>> TmdbTitlesAsync(DataDirectory data)
    {
        var byTmdbId = (await ParquetTables.ReadLinksAsync(data.TmdbMapping)).Where(l => l.TmdbId is not null).ToLookup(l => l.TmdbId!.Value, l => l.MovieId);
        var titles = new Dictionary<int, string>();
        foreach (var dump in SharedData.MetadataDumps.Select(MetadataFile.Load))
        {
            foreach (var row in dump.Rows.Where(r => r.Title is not null))
            {
                var movieIds = dump.KeyedByMovieId ? [row.MovieId] : byTmdbId[row.TmdbId ?? 0];
                foreach (var movieId in movieIds)
                {
                    titles.TryAdd(movieId, row.Title!);
                }
            }
        }
        return titles;
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
