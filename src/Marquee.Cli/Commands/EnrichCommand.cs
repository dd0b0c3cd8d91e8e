using System.CommandLine;
using System.Globalization;
using Marquee.Core.Artifacts;
using Marquee.Core.Enrichment;
using Marquee.Core.Import;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Marquee.Cli.Commands;

internal static class EnrichCommand
{
    private const int ExamplesShown = 5;

    public static Command Create()
    {
        var metadataFile = MetadataFileOption();
        var tmdb = new Option<bool>("--tmdb") { Description = $"Fetch details from the TMDB v3 API (credentials from {TmdbCredentials.ReadTokenVariable} or {TmdbCredentials.ApiKeyVariable})" };
        var baseUrl = new Option<string?>("--tmdb-base-url") { Description = "TMDB API address (default: $MARQUEE_TMDB_BASE_URL or https://api.themoviedb.org)" };
        var maxRps = new Option<double>("--max-rps") { Description = "Requests per second at most, retries included (TMDB allows about 40)", DefaultValueFactory = _ => 20 };
        var maxAttempts = new Option<int>("--max-attempts") { Description = "Attempts per movie before it is reported as failed", DefaultValueFactory = _ => 5 };
        var refresh = new Option<bool>("--refresh") { Description = "Fetch again movies already fetched or known not to be on TMDB" };
        var limit = new Option<int?>("--limit") { Description = "Fetch at most N movies in this run, the most-rated first" };
        var command = new Command("enrich", "Add overviews, posters and runtimes to the imported movies")
        {
            metadataFile, tmdb, baseUrl, maxRps, maxAttempts, refresh, limit,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = parse.GetValue(metadataFile) ?? [];
            var useTmdb = parse.GetValue(tmdb);
            if (!useTmdb && new Option[] { baseUrl, maxRps, maxAttempts, refresh, limit }.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is { } stray)
            {
                throw new CliException($"{stray.Name} only applies to --tmdb");
            }
            if (files.Length == 0 && !useTmdb)
            {
                throw new CliException("enrich needs --metadata-file CSV or --tmdb");
            }
            if (files.Length > 0)
            {
                await EnrichFromFilesAsync(files, CliEnvironment.DataDir, cancellationToken);
            }
            if (!useTmdb)
            {
                return 0;
            }
            var settings = new TmdbSettings(
                parse.GetValue(baseUrl) ?? Environment.GetEnvironmentVariable("MARQUEE_TMDB_BASE_URL"),
                parse.GetValue(maxRps), parse.GetValue(maxAttempts), parse.GetValue(refresh), parse.GetValue(limit));
            return await EnrichFromTmdbAsync(settings, CliEnvironment.DataDir, cancellationToken);
        });
        return command;
    }

    /// <summary><c>--metadata-file</c>, repeatable, shared by <c>enrich</c> and <c>up</c>.</summary>
    public static Option<string[]> MetadataFileOption() => new("--metadata-file")
    {
        Description = "Offline TMDB metadata dump; repeat for several. The format is told from the header: the MovieLens join file "
                      + "(movieId,...), tmdb_5000_movies.csv, The Movies Dataset movies_metadata.csv (with keywords.csv and credits.csv "
                      + "from the same folder), TMDB_movie_dataset_v11.csv. Precedence: what movies_enriched.parquet already holds "
                      + "(an earlier run, the TMDB API) is never overridden; each file, in the order given, only fills what is still missing",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>
    /// Applies metadata dumps, in the order given, to <c>movies_enriched.parquet</c>: stored values win, each
    /// file only fills gaps (<see cref="MetadataEnrichment"/>). Prints a coverage table per field.
    /// </summary>
    public static async Task<int> EnrichFromFilesAsync(IReadOnlyList<string> files, string dataDir, CancellationToken cancellationToken)
    {
        var data = new DataDirectory(dataDir);
        if (!data.HasDataset)
        {
            throw new CliException($"no imported dataset in {data.Root}; run ./marquee import first");
        }
        using var enrichmentLock = EnrichmentLock.Acquire(data);
        var dumps = new List<MetadataDump>();
        foreach (var file in files)
        {
            try
            {
                dumps.Add(await Progress.RunAsync($"Reading {Path.GetFileName(file)}", _ => Task.FromResult(MetadataFile.Load(Path.GetFullPath(file)))));
            }
            catch (DatasetException e)
            {
                throw new CliException(e.Message);
            }
        }
        var (result, startedAfresh) = await MetadataDumpEnrichment.ApplyAsync(data, dumps, cancellationToken);
        if (startedAfresh)
        {
            Console.WriteLine($"{Path.GetFileName(data.MoviesEnriched)} was written for another catalogue (its movie ids name other films): starting afresh");
        }
        PrintDumps(result);
        PrintCoverage(result);
        return 0;
    }

    private static void PrintDumps(MetadataEnrichmentResult result)
    {
        foreach (var applied in result.Dumps)
        {
            var dump = applied.Dump;
            var companions = dump.Companions.Count > 0 ? $" (with {string.Join(", ", dump.Companions.Select(Path.GetFileName))})" : "";
            Console.WriteLine($"{dump.FileName}{companions}: {dump.Format}, {dump.Rows.Count:N0} rows, {applied.Matched:N0} catalogue films matched, "
                              + $"{applied.Filled:N0} gained a field, {dump.Skipped.Count:N0} rows skipped");
            foreach (var problem in dump.Skipped.Take(ExamplesShown))
            {
                Console.Error.WriteLine($"skipped {problem}");
            }
            if (dump.UnknownNames.Count > 0)
            {
                var names = string.Join(", ", dump.UnknownNames.OrderByDescending(n => n.Value).Take(ExamplesShown).Select(n => $"{n.Key} ×{n.Value}"));
                Console.Error.WriteLine($"{dump.FileName}: {dump.UnknownNames.Values.Sum():N0} country/language names with no ISO code were left out: {names}");
            }
        }
    }

    private static void PrintCoverage(MetadataEnrichmentResult result)
    {
        var table = new Table().AddColumns("field", "films", "share", "most from");
        foreach (var field in result.Coverage)
        {
            table.AddRow(field.Field, field.Films.ToString("N0", CultureInfo.InvariantCulture),
                field.Share.ToString("P1", CultureInfo.InvariantCulture), Markup.Escape(field.TopSource ?? "-"));
        }
        Console.WriteLine($"Coverage of the {result.CatalogMovies:N0} catalogue films:");
        AnsiConsole.Write(table);
    }

    /// <summary>The <c>--tmdb</c> flags as given.</summary>
    public sealed record TmdbSettings(string? BaseUrl, double MaxRequestsPerSecond, int MaxAttempts, bool Refresh, int? Limit);

    /// <summary>
    /// Fetches from the TMDB API what earlier runs have not, into <c>movies_enriched.parquet</c>. Exits 1
    /// with one line when TMDB refuses the credentials, when it keeps failing, or when some movies could
    /// not be fetched; everything fetched until then is saved either way.
    /// </summary>
    public static async Task<int> EnrichFromTmdbAsync(TmdbSettings settings, string dataDir, CancellationToken cancellationToken)
    {
        var clientOptions = ClientOptions(settings);
        var data = new DataDirectory(dataDir);
        var jobOptions = new TmdbEnrichmentOptions { Refresh = settings.Refresh, Limit = settings.Limit, Concurrency = clientOptions.Concurrency };
        await using var job = await TmdbEnrichmentJob.PrepareAsync(data, jobOptions, cancellationToken: cancellationToken);
        if (job.Plan.ToFetch.Count == 0)
        {
            PrintPlan(job.Plan, clientOptions);
            PrintSummary(await job.SaveAsync(cancellationToken));
            return 0;
        }
        // Needed only when there is something to fetch: a finished enrichment re-publishes without them.
        var credentials = TmdbCredentials.FromEnvironment()
            ?? throw new CliException($"--tmdb needs {TmdbCredentials.ReadTokenVariable} (API read access token) or {TmdbCredentials.ApiKeyVariable}; "
                                      + "both are on https://www.themoviedb.org/settings/api");
        PrintPlan(job.Plan, clientOptions);
        var services = new ServiceCollection();
        services.AddTmdbClient(clientOptions, credentials);
        await using var provider = services.BuildServiceProvider();
        TmdbEnrichmentResult result;
        try
        {
            result = await RunWithProgressAsync(job, provider.GetRequiredService<TmdbClient>(), provider.GetRequiredService<TmdbCooldown>(), cancellationToken);
        }
        catch (TmdbException e)
        {
            throw new CliException(credentials.Redact(e.Message) + SavedNote(job.FetchedThisRun));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new CliException("interrupted" + SavedNote(job.FetchedThisRun) + "; run the same command to continue");
        }
        PrintSummary(result);
        foreach (var warning in result.Warnings.Take(ExamplesShown))
        {
            Console.Error.WriteLine($"warning: movie {warning.MovieId} \"{warning.Title}\" (TMDB {warning.TmdbId}): {warning.Problem}");
        }
        if (result.Failures.Count > 0)
        {
            foreach (var failure in result.Failures.Take(ExamplesShown))
            {
                Console.Error.WriteLine($"failed: movie {failure.MovieId} \"{failure.Title}\" (TMDB {failure.TmdbId}): {credentials.Redact(failure.Reason)}");
            }
            throw new CliException($"{Movies(result.Failures.Count)} could not be fetched after {clientOptions.MaxAttempts} attempts each; "
                                   + "everything else is saved; run the same command again to retry them");
        }
        return 0;
    }

    private static TmdbClientOptions ClientOptions(TmdbSettings settings)
    {
        if (!(settings.MaxRequestsPerSecond is > 0 and <= 100))
        {
            throw new CliException("--max-rps must be above 0 and at most 100 (TMDB allows about 40 requests per second)");
        }
        if (settings.MaxAttempts is < 1 or > 20)
        {
            throw new CliException("--max-attempts must be between 1 and 20");
        }
        if (settings.Limit is < 0)
        {
            throw new CliException("--limit must not be negative");
        }
        Uri baseUrl;
        try
        {
            baseUrl = settings.BaseUrl is { Length: > 0 } text ? TmdbClientOptions.ParseBaseUrl(text) : TmdbClientOptions.PublicBaseUrl;
        }
        catch (ArgumentException e)
        {
            throw new CliException($"--tmdb-base-url: {e.Message}");
        }
        var options = new TmdbClientOptions { BaseUrl = baseUrl, MaxRequestsPerSecond = settings.MaxRequestsPerSecond, MaxAttempts = settings.MaxAttempts };
        options.Validate();
        return options;
    }

    private static string Movies(int count) => count == 1 ? "1 movie" : $"{count:N0} movies";

    private static string SavedNote(int fetched) =>
        fetched > 0 ? $" ({Movies(fetched)} fetched before that {(fetched == 1 ? "is" : "are")} saved)" : "";

    private static void PrintPlan(TmdbEnrichmentPlan plan, TmdbClientOptions options)
    {
        var withId = plan.CatalogMovies - plan.WithoutTmdbId.Count;
        Console.WriteLine($"TMDB: {withId:N0} of {plan.CatalogMovies:N0} movies have a TMDB id; {plan.AlreadyFound:N0} already fetched, "
                          + $"{plan.KnownNotOnTmdb:N0} known not to be on TMDB.");
        if (plan.WithoutTmdbId.Count > 0)
        {
            var examples = string.Join(", ", plan.WithoutTmdbId.Take(ExamplesShown).Select(m => $"{m.MovieId} \"{m.Title}\""));
            var more = plan.WithoutTmdbId.Count > ExamplesShown ? ", …" : "";
            Console.WriteLine($"{Movies(plan.WithoutTmdbId.Count)} {(plan.WithoutTmdbId.Count == 1 ? "has" : "have")} no TMDB id in tmdb_mapping.parquet "
                              + $"and {(plan.WithoutTmdbId.Count == 1 ? "is" : "are")} left out, not guessed: {examples}{more}");
        }
        if (plan.ResumesRefresh && plan.RefreshStartedAt is { } started)
        {
            Console.WriteLine($"Resuming the refresh started at {started.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}.");
        }
        if (plan.ToFetch.Count > 0)
        {
            Console.WriteLine($"Fetching {plan.ToFetch.Count:N0} movies from {options.BaseUrl.GetLeftPart(UriPartial.Authority)} "
                              + $"at up to {options.MaxRequestsPerSecond.ToString("0.##", CultureInfo.InvariantCulture)} requests/s.");
        }
        if (plan.Deferred > 0)
        {
            Console.WriteLine($"--limit leaves {plan.Deferred:N0} more movies for a later run.");
        }
    }

    private static void PrintSummary(TmdbEnrichmentResult result)
    {
        if (result.Plan.ToFetch.Count == 0)
        {
            if (result.Plan.Deferred == 0)
            {
                Console.WriteLine("Nothing to fetch: every movie with a TMDB id has an answer (use --refresh to fetch again).");
            }
        }
        else
        {
            var seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            Console.WriteLine($"Fetched {result.Fetched:N0} movies from TMDB in {seconds}s: {result.Found:N0} found, "
                              + $"{result.NotFound:N0} not on TMDB, {result.Failures.Count:N0} failed, "
                              + $"{result.Warnings.Count:N0} {(result.Warnings.Count == 1 ? "warning" : "warnings")}"
                              + (result.Warnings.Count > 0 ? " (parts TMDB sent in another shape, left out)" : "") + "; "
                              + $"TMDB answered 429 (slow down) {result.Throttled:N0} times.");
        }
        if (result.Plan.FoundWithoutCredits > 0)
        {
            Console.WriteLine(result.Plan.FoundWithoutCredits == 1
                ? "1 movie fetched by an older Marquee lacks credits, keywords and certification and keeps what it has; --refresh fetches it again."
                : $"{result.Plan.FoundWithoutCredits:N0} movies fetched by an older Marquee lack credits, keywords and certification and keep what they have; "
                  + "--refresh fetches them again.");
        }
        Console.WriteLine($"movies_enriched.parquet: {result.EnrichedMovies:N0} movies, {result.FromApi:N0} from the TMDB API, "
                          + $"{result.WithOverview:N0} with an overview, {result.WithPoster:N0} with a poster.");
    }

    private static async Task<TmdbEnrichmentResult> RunWithProgressAsync(TmdbEnrichmentJob job, TmdbClient client, TmdbCooldown cooldown, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await job.RunAsync(client, cooldown, new LineProgress(), cancellationToken);
        }
        TmdbEnrichmentResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new CountAndRateColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Fetching from TMDB", maxValue: Math.Max(1, job.Plan.ToFetch.Count));
                result = await job.RunAsync(client, cooldown, new BarProgress(task), cancellationToken);
            });
        return result!;
    }
}
