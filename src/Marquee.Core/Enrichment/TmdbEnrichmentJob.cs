using System.Diagnostics;
using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Import;

namespace Marquee.Core.Enrichment;

/// <summary>Settings of one enrichment run.</summary>
public sealed record TmdbEnrichmentOptions
{
    /// <summary>Fetch again movies already answered (found or not found). An interrupted refresh resumes.</summary>
    public bool Refresh { get; init; }

    /// <summary>Fetch at most this many movies in this run (the most-rated first); null for all.</summary>
    public int? Limit { get; init; }

    /// <summary>Requests kept in flight; the client's rate limiter, not this, bounds the load on TMDB.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Journal appends between fsyncs: the most a power cut can lose. A killed process loses nothing.</summary>
    public int SyncEvery { get; init; } = 50;

    /// <summary>Answers between compactions, which also republish <c>movies_enriched.parquet</c>.</summary>
    public int CompactEvery { get; init; } = 1000;

    /// <summary>Stop the run when this many movies in a row gave up: TMDB is down, and hammering it helps nobody.</summary>
    public int MaxConsecutiveFailures { get; init; } = 10;
}

/// <summary>One movie to ask TMDB about.</summary>
public readonly record struct TmdbFetchTarget(int MovieId, int TmdbId, string Title);

/// <summary>A movie that could not be fetched on any attempt; it is asked again on the next run.</summary>
public sealed record TmdbFetchFailure(int MovieId, int TmdbId, string Title, string Reason);

/// <summary>A part of a fetched movie left out because TMDB sent it in another shape; the rest of the movie is kept.</summary>
/// <param name="Problem">Names the field, e.g. <c>credits.cast: a JSON null, not a list; skipped</c>.</param>
public sealed record TmdbFetchWarning(int MovieId, int TmdbId, string Title, string Problem);

/// <summary>What a run is about to do, known before the first request.</summary>
public sealed record TmdbEnrichmentPlan
{
    public required int CatalogMovies { get; init; }
    /// <summary>Movies whose mapping has no TMDB id: reported, never guessed.</summary>
    public required IReadOnlyList<Movie> WithoutTmdbId { get; init; }
    /// <summary>Movies with an up-to-date answer that is not fetched again.</summary>
    public required int AlreadyFound { get; init; }
    /// <summary>Movies TMDB answered 404 for before; not asked again without a refresh.</summary>
    public required int KnownNotOnTmdb { get; init; }
    /// <summary>
    /// Of <see cref="AlreadyFound"/>, the answers an older Marquee fetched without credits, keywords and
    /// certification. They are not fetched again on their own — that would be a refresh of the whole
    /// catalogue behind the user's back — but a <c>--refresh</c> fetches them.
    /// </summary>
    public int FoundWithoutCredits { get; init; }
    /// <summary>What this run fetches, most-rated first.</summary>
    public required IReadOnlyList<TmdbFetchTarget> ToFetch { get; init; }
    /// <summary>Movies that need fetching but are left for a later run by the limit.</summary>
    public required int Deferred { get; init; }
    /// <summary>Start of the refresh in progress, if any.</summary>
    public DateTimeOffset? RefreshStartedAt { get; init; }
    /// <summary>True when this run resumes a refresh an earlier run started.</summary>
    public bool ResumesRefresh { get; init; }
}

/// <summary>Progress of the fetching, reported after every movie.</summary>
public sealed record TmdbEnrichmentProgress(int Done, int Total, int Found, int NotFound, int Failed, int Throttled);

/// <summary>What a run did.</summary>
public sealed record TmdbEnrichmentResult
{
    public required TmdbEnrichmentPlan Plan { get; init; }
    public required int Found { get; init; }
    public required int NotFound { get; init; }
    public required IReadOnlyList<TmdbFetchFailure> Failures { get; init; }
    /// <summary>Parts of movies fetched in this run that were left out, one per part and movie.</summary>
    public IReadOnlyList<TmdbFetchWarning> Warnings { get; init; } = [];
    /// <summary>429 answers TMDB sent during the run.</summary>
    public required int Throttled { get; init; }
    public required TimeSpan Elapsed { get; init; }
    /// <summary>Rows now in <c>movies_enriched.parquet</c>, and how many of them came from the API.</summary>
    public required int EnrichedMovies { get; init; }
    public required int FromApi { get; init; }
    public required int WithOverview { get; init; }
    public required int WithPoster { get; init; }
    public int Fetched => Found + NotFound;
}

/// <summary>
/// The batch job behind <c>marquee enrich --tmdb</c>: asks TMDB for every imported movie that has a TMDB id
/// and no up-to-date answer yet, remembers each answer durably as it arrives (<see cref="TmdbFetchStore"/>),
/// and publishes <c>movies_enriched.parquet</c> atomically: what the API answered wins, and what it left empty
/// is kept from the row already there (a metadata dump, say) by <see cref="MovieDetailsMerge.FillGaps"/>.
/// Holding an instance holds the data directory's <see cref="EnrichmentLock"/>.
/// </summary>
public sealed class TmdbEnrichmentJob : IAsyncDisposable
{
    /// <summary>The <see cref="MovieDetails.Source"/> of rows fetched from the API.</summary>
    public const string SourceName = "tmdb-api";

    private readonly DataDirectory _data;
    private readonly TmdbEnrichmentOptions _options;
    private readonly TimeProvider _time;
    private readonly EnrichmentLock _lock;
    private readonly TmdbFetchStore _store;
    private readonly Dictionary<int, int> _tmdbIds;
    private readonly Dictionary<int, MovieDetails> _existing;
    private readonly string _catalogSha256;
    private readonly SemaphoreSlim _publishGate = new(1, 1);
    private TmdbEnrichmentState _state;
    private int _fetchedThisRun;

    private TmdbEnrichmentJob(DataDirectory data, TmdbEnrichmentOptions options, TimeProvider time, EnrichmentLock @lock, TmdbFetchStore store,
        Dictionary<int, int> tmdbIds, Dictionary<int, MovieDetails> existing, TmdbEnrichmentState state, TmdbEnrichmentPlan plan, string catalogSha256)
    {
        _data = data;
        _catalogSha256 = catalogSha256;
        _options = options;
        _time = time;
        _lock = @lock;
        _store = store;
        _tmdbIds = tmdbIds;
        _existing = existing;
        _state = state;
        Plan = plan;
    }

    public TmdbEnrichmentPlan Plan { get; }

    /// <summary>Answers recorded by this run so far (durable, whatever happens next).</summary>
    public int FetchedThisRun => Volatile.Read(ref _fetchedThisRun);

    /// <summary>
    /// Takes the data directory's lock, replays what earlier runs fetched and works out what is left.
    /// Sends no request.
    /// </summary>
    public static async Task<TmdbEnrichmentJob> PrepareAsync(DataDirectory data, TmdbEnrichmentOptions options,
        TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var time = timeProvider ?? TimeProvider.System;
        if (!data.HasDataset)
        {
            throw new DatasetException($"no imported dataset in {data.Root}; run ./marquee import first");
        }
        if (!File.Exists(data.TmdbMapping))
        {
            throw new DatasetException($"{Path.GetFileName(data.TmdbMapping)} is missing in {data.Root}; run ./marquee import again");
        }
        var @lock = EnrichmentLock.Acquire(data);
        TmdbFetchStore? store = null;
        try
        {
            var movies = await ParquetTables.ReadMoviesAsync(data.Movies, cancellationToken);
            var links = await ParquetTables.ReadLinksAsync(data.TmdbMapping, cancellationToken);
            var ratingCounts = File.Exists(data.MovieStats)
                ? (await ParquetTables.ReadMovieStatsAsync(data.MovieStats, cancellationToken)).ToDictionary(s => s.MovieId, s => s.RatingCount)
                : [];
            // Details written for another catalogue describe other films under these ids: start from none of them.
            var catalogSha256 = CatalogFingerprint.Compute(movies);
            var stored = await StoredEnrichment.ReadAsync(data, cancellationToken);
            var existing = (stored.IsFor(catalogSha256) ? stored.Rows : []).GroupBy(d => d.MovieId).ToDictionary(g => g.Key, g => g.Last());
            store = await TmdbFetchStore.OpenAsync(data, options.SyncEvery, cancellationToken);
            var records = await store.SnapshotAsync(cancellationToken);

            var state = await TmdbEnrichmentState.ReadAsync(data, cancellationToken);
            var resumesRefresh = state.RefreshStartedAt is not null;
            if (options.Refresh && state.RefreshStartedAt is null)
            {
                // Written to disk only once TMDB has accepted the credentials (see RunAsync), so a refresh that
                // never got going does not turn the next plain run into one.
                state = state with { RefreshStartedAt = time.GetUtcNow() };
            }

            var tmdbIds = links.Where(l => l.TmdbId is > 0).GroupBy(l => l.MovieId).ToDictionary(g => g.Key, g => g.First().TmdbId!.Value);
            var withoutTmdbId = new List<Movie>();
            var pending = new List<(TmdbFetchTarget Target, int Ratings)>();
            int alreadyFound = 0, notOnTmdb = 0, withoutCredits = 0;
            foreach (var movie in movies.OrderBy(m => m.MovieId))
            {
                if (!tmdbIds.TryGetValue(movie.MovieId, out var tmdbId))
                {
                    withoutTmdbId.Add(movie);
                    continue;
                }
                var upToDate = records.TryGetValue(movie.MovieId, out var record) && record.TmdbId == tmdbId
                               && (state.RefreshStartedAt is not { } refresh || record.FetchedAt >= refresh);
                if (upToDate)
                {
                    _ = record!.Status == TmdbFetchStatus.Found ? alreadyFound++ : notOnTmdb++;
                    if (record.Movie is { HasCredits: false })
                    {
                        withoutCredits++;
                    }
                    continue;
                }
                pending.Add((new TmdbFetchTarget(movie.MovieId, tmdbId, movie.Title), ratingCounts.GetValueOrDefault(movie.MovieId)));
            }
            // The most-rated movies are the ones people meet first: a limited or interrupted run helps most this way.
            var ordered = pending.OrderByDescending(p => p.Ratings).ThenBy(p => p.Target.MovieId).Select(p => p.Target).ToList();
            var toFetch = options.Limit is { } limit ? ordered.Take(Math.Max(0, limit)).ToList() : ordered;
            var plan = new TmdbEnrichmentPlan
            {
                CatalogMovies = movies.Count,
                WithoutTmdbId = withoutTmdbId,
                AlreadyFound = alreadyFound,
                KnownNotOnTmdb = notOnTmdb,
                FoundWithoutCredits = withoutCredits,
                ToFetch = toFetch,
                Deferred = ordered.Count - toFetch.Count,
                RefreshStartedAt = state.RefreshStartedAt,
                ResumesRefresh = resumesRefresh,
            };
            return new TmdbEnrichmentJob(data, options, time, @lock, store, tmdbIds, existing, state, plan, catalogSha256);
        }
        catch
        {
            if (store is not null)
            {
                await store.DisposeAsync();
            }
            @lock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Fetches <see cref="TmdbEnrichmentPlan.ToFetch"/>. Each answer is journaled as it arrives; whatever
    /// happens — success, a fatal <see cref="TmdbException"/>, cancellation — the answers so far are
    /// published before this returns or throws.
    /// </summary>
    /// <exception cref="TmdbException">Fatal: credentials rejected, not TMDB at the base URL, or too many movies in a row gave up.</exception>
    public async Task<TmdbEnrichmentResult> RunAsync(TmdbClient client, TmdbCooldown? cooldown = null,
        IProgress<TmdbEnrichmentProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var throttledBefore = cooldown?.ThrottledResponses ?? 0;
        var failures = new List<TmdbFetchFailure>();
        var warnings = new List<TmdbFetchWarning>();
        var counters = new Counters();
        var total = Plan.ToFetch.Count;
        var completed = false;
        try
        {
            if (total > 0)
            {
                var configuration = await client.GetConfigurationAsync(cancellationToken);
                await RememberConfigurationAsync(configuration, cancellationToken);
                progress?.Report(new TmdbEnrichmentProgress(0, total, 0, 0, 0, 0));
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Concurrency), CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(Plan.ToFetch, parallel, async (target, token) =>
                {
                    TmdbFetchRecord? record = null;
                    try
                    {
                        var lookup = await client.GetMovieAsync(target.TmdbId, token);
                        record = new TmdbFetchRecord(target.MovieId, target.TmdbId,
                            lookup.Found ? TmdbFetchStatus.Found : TmdbFetchStatus.NotFound, _time.GetUtcNow(), lookup.Movie);
                        // Not cancellable: an answer in hand is worth keeping even when the run is being stopped.
                        await _store.AppendAsync(record, CancellationToken.None);
                        Interlocked.Increment(ref _fetchedThisRun);
                        lock (warnings)
                        {
                            warnings.AddRange(lookup.Warnings.Select(w => new TmdbFetchWarning(target.MovieId, target.TmdbId, target.Title, w)));
                        }
                    }
                    catch (TmdbException e) when (!e.IsFatal)
                    {
                        lock (failures)
                        {
                            failures.Add(new TmdbFetchFailure(target.MovieId, target.TmdbId, target.Title, e.Message));
                        }
                        if (counters.Fail() >= _options.MaxConsecutiveFailures)
                        {
                            throw new TmdbException(
                                $"stopped: {_options.MaxConsecutiveFailures} movies in a row could not be fetched; the last one: {e.Message}",
                                e.HttpStatus, e.TmdbStatusCode, isFatal: true);
                        }
                    }
                    if (record is not null)
                    {
                        counters.Succeed(record.Status);
                    }
                    progress?.Report(counters.Snapshot(total, (cooldown?.ThrottledResponses ?? 0) - throttledBefore));
                    if (_store.JournalLength >= _options.CompactEvery)
                    {
                        await PublishAsync(CancellationToken.None, onlyWhenDue: true);
                    }
                });
            }
            completed = true;
        }
        finally
        {
            // Runs on success and on the way out of a failure alike, so the server sees what was fetched.
            await PublishAsync(CancellationToken.None);
            var finished = completed && failures.Count == 0 && Plan.Deferred == 0;
            if (finished && _state.RefreshStartedAt is not null)
            {
                _state = _state with { RefreshStartedAt = null };
                await _state.WriteAsync(_data, CancellationToken.None);
            }
        }
        var result = await ResultAsync(counters, failures, (cooldown?.ThrottledResponses ?? 0) - throttledBefore, clock.Elapsed);
        return result with { Warnings = warnings.OrderBy(w => w.MovieId).ToList() };
    }

    /// <summary>Publishes what earlier runs fetched without sending a request (the plan has nothing to fetch).</summary>
    public async Task<TmdbEnrichmentResult> SaveAsync(CancellationToken cancellationToken = default)
    {
        await PublishAsync(cancellationToken);
        return await ResultAsync(new Counters(), [], 0, TimeSpan.Zero);
    }

    /// <summary>Stores the image configuration, and with it the start of a refresh this run begins.</summary>
    private async Task RememberConfigurationAsync(TmdbConfiguration configuration, CancellationToken cancellationToken)
    {
        if (configuration.Images is { } images)
        {
            _state = _state with
            {
                ImageBaseUrl = images.SecureBaseUrl,
                PosterSizes = images.PosterSizes,
                BackdropSizes = images.BackdropSizes,
                ConfigurationFetchedAt = _time.GetUtcNow(),
            };
        }
        await _state.WriteAsync(_data, cancellationToken);
    }

    /// <summary>Compacts the journal and rewrites <c>movies_enriched.parquet</c> from it, both atomically.</summary>
    private async Task PublishAsync(CancellationToken cancellationToken, bool onlyWhenDue = false)
    {
        await _publishGate.WaitAsync(cancellationToken);
        try
        {
            if (onlyWhenDue && _store.JournalLength < _options.CompactEvery)
            {
                return;
            }
            await _store.CompactAsync(cancellationToken);
            var merged = await MergedDetailsAsync(cancellationToken);
            if (merged.Count > 0 || File.Exists(_data.MoviesEnriched))
            {
                await StoredEnrichment.WriteAsync(_data, merged.Values.OrderBy(d => d.MovieId), _catalogSha256, cancellationToken);
            }
        }
        finally
        {
            _publishGate.Release();
        }
    }

    /// <summary>
    /// Rows already published (from a dump or earlier runs) with every current API answer laid over them: the
    /// API's values win, and a field the API left empty keeps the value the row had — a dump's tagline, or
    /// credits an answer from an older Marquee lacks.
    /// </summary>
    private async Task<Dictionary<int, MovieDetails>> MergedDetailsAsync(CancellationToken cancellationToken)
    {
        var merged = new Dictionary<int, MovieDetails>(_existing);
        foreach (var record in (await _store.SnapshotAsync(cancellationToken)).Values)
        {
            if (_tmdbIds.TryGetValue(record.MovieId, out var tmdbId) && tmdbId == record.TmdbId && record.ToDetails() is { } details)
            {
                // A row about another TMDB id (the mapping changed since) describes another film: nothing to keep.
                merged[record.MovieId] = _existing.TryGetValue(record.MovieId, out var had) && (had.TmdbId is null || had.TmdbId == tmdbId)
                    ? MovieDetailsMerge.FillGaps(details, had)
                    : details;
            }
        }
        return merged;
    }

    private async Task<TmdbEnrichmentResult> ResultAsync(Counters counters, List<TmdbFetchFailure> failures, int throttled, TimeSpan elapsed)
    {
        var merged = await MergedDetailsAsync(CancellationToken.None);
        return new TmdbEnrichmentResult
        {
            Plan = Plan,
            Found = counters.Found,
            NotFound = counters.NotFound,
            Failures = failures.OrderBy(f => f.MovieId).ToList(),
            Throttled = throttled,
            Elapsed = elapsed,
            EnrichedMovies = merged.Count,
            FromApi = merged.Values.Count(d => d.Source == SourceName),
            WithOverview = merged.Values.Count(d => d.Overview is not null),
            WithPoster = merged.Values.Count(d => d.PosterPath is not null),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _publishGate.Dispose();
        _lock.Dispose();
    }

    /// <summary>Tallies shared by the concurrent fetches.</summary>
    private sealed class Counters
    {
        private readonly Lock _gate = new();
        private int _consecutiveFailures;

        public int Found { get; private set; }
        public int NotFound { get; private set; }
        public int Failed { get; private set; }

        public void Succeed(TmdbFetchStatus status)
        {
            lock (_gate)
            {
                _ = status == TmdbFetchStatus.Found ? Found++ : NotFound++;
                _consecutiveFailures = 0;
            }
        }

        /// <summary>Counts a movie that gave up; returns how many gave up in a row.</summary>
        public int Fail()
        {
            lock (_gate)
            {
                Failed++;
                return ++_consecutiveFailures;
            }
        }

        public TmdbEnrichmentProgress Snapshot(int total, int throttled)
        {
            lock (_gate)
            {
                return new TmdbEnrichmentProgress(Found + NotFound + Failed, total, Found, NotFound, Failed, throttled);
            }
        }
    }
}
