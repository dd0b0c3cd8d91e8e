using System.Text.Json;
using System.Text.Json.Serialization;
using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Parquet.Serialization;

namespace Marquee.Core.Enrichment;

/// <summary>What a TMDB lookup found.</summary>
public enum TmdbFetchStatus
{
    /// <summary>TMDB returned the movie.</summary>
    Found,
    /// <summary>TMDB answered 404 "not found"; not asked again unless a refresh is requested.</summary>
    NotFound,
}

/// <summary>The outcome of fetching one movie from TMDB.</summary>
/// <param name="MovieId">MovieLens id.</param>
/// <param name="TmdbId">The TMDB id that was asked for (from <c>tmdb_mapping.parquet</c>).</param>
/// <param name="Movie">TMDB's answer; null when <paramref name="Status"/> is <see cref="TmdbFetchStatus.NotFound"/>.</param>
public sealed record TmdbFetchRecord(int MovieId, int TmdbId, TmdbFetchStatus Status, DateTimeOffset FetchedAt, TmdbMovie? Movie)
{
    /// <summary>The row for <c>movies_enriched.parquet</c>; null for a movie TMDB does not have.</summary>
    public MovieDetails? ToDetails() => Movie?.ToDetails(MovieId, FetchedAt);
}

/// <summary>
/// Durable memory of every TMDB answer, so a run continues where the last one stopped. Each answer is
/// appended to a journal (<c>tmdb_fetched.journal.jsonl</c>, one JSON object per line) the moment it
/// arrives, with one write call: the bytes are in the operating system once the call returns, so even a
/// SIGKILL loses nothing fetched. The journal is fsynced every few records (the most a power cut can
/// lose), and compaction folds it into <c>tmdb_fetched.parquet</c>, written atomically, then empties it.
/// </summary>
public sealed class TmdbFetchStore : IAsyncDisposable
{
    public const string CacheFileName = "tmdb_fetched.parquet";
    public const string JournalFileName = "tmdb_fetched.journal.jsonl";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, TmdbFetchRecord> _records;
    private readonly string _cachePath;
    private readonly string _journalPath;
    private readonly int _syncEvery;
    private FileStream _journal;
    private int _unsynced;

    private TmdbFetchStore(DataDirectory data, Dictionary<int, TmdbFetchRecord> records, int journalLength, int syncEvery)
    {
        _records = records;
        _cachePath = CachePath(data);
        _journalPath = JournalPath(data);
        _syncEvery = syncEvery;
        JournalLength = journalLength;
        _journal = OpenJournal(_journalPath);
    }

    public static string CachePath(DataDirectory data) => Path.Combine(data.Root, CacheFileName);

    public static string JournalPath(DataDirectory data) => Path.Combine(data.Root, JournalFileName);

    /// <summary>Records appended since the last compaction.</summary>
    public int JournalLength { get; private set; }

    /// <summary>
    /// Every remembered answer, newest per movie, from the compacted file and the journal. Safe to call while
    /// a run appends (a half-written last line is ignored); it takes no lock and writes nothing.
    /// </summary>
    public static async Task<Dictionary<int, TmdbFetchRecord>> ReadAsync(DataDirectory data, CancellationToken cancellationToken = default)
    {
        var records = await ReadCacheAsync(CachePath(data), cancellationToken);
        if (File.Exists(JournalPath(data)))
        {
            var bytes = await ReadSharedAsync(JournalPath(data), cancellationToken);
            ApplyJournal(bytes, records);
        }
        return records;
    }

    /// <summary>
    /// Opens the store for a run. The caller must hold the <see cref="EnrichmentLock"/>. A line torn by a
    /// crash mid-write is cut off so the next append starts on a fresh line.
    /// </summary>
    /// <param name="syncEvery">Appends between two fsyncs of the journal.</param>
    public static async Task<TmdbFetchStore> OpenAsync(DataDirectory data, int syncEvery = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(syncEvery, 1);
        var records = await ReadCacheAsync(CachePath(data), cancellationToken);
        var journalPath = JournalPath(data);
        var journalLength = 0;
        if (File.Exists(journalPath))
        {
            var bytes = await File.ReadAllBytesAsync(journalPath, cancellationToken);
            journalLength = ApplyJournal(bytes, records);
            var complete = bytes.AsSpan().LastIndexOf((byte)'\n') + 1;
            if (complete < bytes.Length)
            {
                await using var torn = new FileStream(journalPath, FileMode.Open, FileAccess.Write, FileShare.Read);
                torn.SetLength(complete);
                torn.Flush(flushToDisk: true);
            }
        }
        return new TmdbFetchStore(data, records, journalLength, syncEvery);
    }

    /// <summary>A copy of every remembered answer, newest per movie.</summary>
    public async Task<Dictionary<int, TmdbFetchRecord>> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return new Dictionary<int, TmdbFetchRecord>(_records);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes one answer to the journal; durable against a process kill when this returns. Thread-safe.</summary>
    public async Task AppendAsync(TmdbFetchRecord record, CancellationToken cancellationToken = default)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(TmdbJournalEntry.From(record), TmdbJsonContext.Default.TmdbJournalEntry);
        var buffer = new byte[line.Length + 1];
        line.CopyTo(buffer, 0);
        buffer[^1] = (byte)'\n';
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // One write of the whole line, unbuffered: the line reaches the OS whole or not at all.
            _journal.Write(buffer);
            _records[record.MovieId] = record;
            JournalLength++;
            if (++_unsynced >= _syncEvery)
            {
                _journal.Flush(flushToDisk: true);
                _unsynced = 0;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Folds the journal into <c>tmdb_fetched.parquet</c> (atomically) and empties the journal.</summary>
    public async Task CompactAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (JournalLength == 0 && File.Exists(_cachePath))
            {
                return;
            }
            var rows = _records.Values.OrderBy(r => r.MovieId).Select(CacheRow.From).ToList();
            await AtomicFile.WriteAsync(_cachePath, stream => ParquetSerializer.SerializeAsync(rows, stream, cancellationToken: cancellationToken), cancellationToken);
            // Only now is the journal redundant; a crash before the truncation leaves duplicates, which replay harmlessly.
            await _journal.DisposeAsync();
            await using (var truncate = new FileStream(_journalPath, FileMode.Truncate, FileAccess.Write, FileShare.Read))
            {
                truncate.Flush(flushToDisk: true);
            }
            _journal = OpenJournal(_journalPath);
            JournalLength = 0;
            _unsynced = 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _journal.Flush(flushToDisk: true);
            await _journal.DisposeAsync();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    private static FileStream OpenJournal(string path) =>
        new(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);

    private static async Task<byte[]> ReadSharedAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    /// <summary>Applies the complete lines of a journal; returns how many were valid.</summary>
    private static int ApplyJournal(ReadOnlySpan<byte> bytes, Dictionary<int, TmdbFetchRecord> records)
    {
        var applied = 0;
        while (bytes.IndexOf((byte)'\n') is var end and >= 0)
        {
            var line = bytes[..end];
            bytes = bytes[(end + 1)..];
            if (line.Trim((byte)' ').Length == 0)
            {
                continue;
            }
            TmdbJournalEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize(line, TmdbJsonContext.Default.TmdbJournalEntry);
            }
            catch (JsonException)
            {
                continue;
            }
            if (entry?.ToRecord() is { } record && (!records.TryGetValue(record.MovieId, out var known) || known.FetchedAt <= record.FetchedAt))
            {
                records[record.MovieId] = record;
                applied++;
            }
        }
        return applied;
    }

    private static async Task<Dictionary<int, TmdbFetchRecord>> ReadCacheAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        await using var stream = File.OpenRead(path);
        var rows = await ParquetSerializer.DeserializeAsync<CacheRow>(stream, cancellationToken: cancellationToken);
        return rows.Data.Select(r => r.ToRecord()).OfType<TmdbFetchRecord>().ToDictionary(r => r.MovieId);
    }

    private static TmdbFetchStatus? ParseStatus(string? status) => status switch
    {
        "found" => TmdbFetchStatus.Found,
        "not_found" => TmdbFetchStatus.NotFound,
        _ => null,
    };

    private static string StatusText(TmdbFetchStatus status) => status == TmdbFetchStatus.Found ? "found" : "not_found";

    /// <summary>A credited person in <c>tmdb_fetched.parquet</c>.</summary>
    private sealed class PersonRow
    {
        [JsonPropertyName("id")] public int? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }

        public static List<PersonRow>? From(IReadOnlyList<TmdbPerson>? people) =>
            people?.Select(p => new PersonRow { Id = p.Id, Name = p.Name }).ToList();

        public static List<TmdbPerson>? To(List<PersonRow>? rows) =>
            rows?.Where(r => r.Name is { Length: > 0 }).Select(r => new TmdbPerson(r.Id, r.Name!)).ToList();
    }

    /// <summary>One row of <c>tmdb_fetched.parquet</c>: TMDB's answer, flattened.</summary>
    private sealed class CacheRow
    {
        [JsonPropertyName("movie_id")] public int MovieId { get; set; }
        [JsonPropertyName("tmdb_id")] public int TmdbId { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("fetched_at")] public DateTime FetchedAt { get; set; }
        [JsonPropertyName("imdb_id")] public string? ImdbId { get; set; }
        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("overview")] public string? Overview { get; set; }
        [JsonPropertyName("tagline")] public string? Tagline { get; set; }
        [JsonPropertyName("poster_path")] public string? PosterPath { get; set; }
        [JsonPropertyName("backdrop_path")] public string? BackdropPath { get; set; }
        [JsonPropertyName("runtime")] public int? Runtime { get; set; }
        [JsonPropertyName("vote_average")] public double? VoteAverage { get; set; }
        [JsonPropertyName("vote_count")] public int? VoteCount { get; set; }
        [JsonPropertyName("release_date")] public string? ReleaseDate { get; set; }
        [JsonPropertyName("genres")] public List<string>? Genres { get; set; }
        // Added with credits, keywords and certifications; files written before them read as null.
        [JsonPropertyName("original_title")] public string? OriginalTitle { get; set; }
        [JsonPropertyName("original_language")] public string? OriginalLanguage { get; set; }
        [JsonPropertyName("popularity")] public double? Popularity { get; set; }
        [JsonPropertyName("appended")] public string? Appended { get; set; }
        [JsonPropertyName("spoken_languages")] public List<string>? SpokenLanguages { get; set; }
        [JsonPropertyName("production_countries")] public List<string>? ProductionCountries { get; set; }
        [JsonPropertyName("production_companies")] public List<string>? ProductionCompanies { get; set; }
        [JsonPropertyName("collection_id")] public int? CollectionId { get; set; }
        [JsonPropertyName("collection_name")] public string? CollectionName { get; set; }
        [JsonPropertyName("keywords")] public List<string>? Keywords { get; set; }
        [JsonPropertyName("directors")] public List<PersonRow>? Directors { get; set; }
        [JsonPropertyName("writers")] public List<PersonRow>? Writers { get; set; }
        [JsonPropertyName("cast")] public List<PersonRow>? Cast { get; set; }
        [JsonPropertyName("certification")] public string? Certification { get; set; }
        [JsonPropertyName("certification_country")] public string? CertificationCountry { get; set; }

        public static CacheRow From(TmdbFetchRecord record) => new()
        {
            MovieId = record.MovieId,
            TmdbId = record.TmdbId,
            Status = StatusText(record.Status),
            FetchedAt = record.FetchedAt.UtcDateTime,
            ImdbId = record.Movie?.ImdbId,
            Title = record.Movie?.Title,
            Overview = record.Movie?.Overview,
            Tagline = record.Movie?.Tagline,
            PosterPath = record.Movie?.PosterPath,
            BackdropPath = record.Movie?.BackdropPath,
            Runtime = record.Movie?.Runtime,
            VoteAverage = record.Movie?.VoteAverage,
            VoteCount = record.Movie?.VoteCount,
            ReleaseDate = record.Movie?.ReleaseDate,
            Genres = record.Movie?.Genres?.Select(g => g.Name).OfType<string>().ToList(),
            OriginalTitle = record.Movie?.OriginalTitle,
            OriginalLanguage = record.Movie?.OriginalLanguage,
            Popularity = record.Movie?.Popularity,
            Appended = record.Movie?.Appended,
            SpokenLanguages = record.Movie?.SpokenLanguageCodes?.ToList(),
            ProductionCountries = record.Movie?.ProductionCountryCodes?.ToList(),
            ProductionCompanies = record.Movie?.ProductionCompanyNames?.ToList(),
            CollectionId = record.Movie?.CollectionId,
            CollectionName = record.Movie?.CollectionName,
            Keywords = record.Movie?.KeywordNames?.ToList(),
            Directors = PersonRow.From(record.Movie?.Directors),
            Writers = PersonRow.From(record.Movie?.Writers),
            Cast = PersonRow.From(record.Movie?.Cast),
            Certification = record.Movie?.Certification,
            CertificationCountry = record.Movie?.CertificationCountry,
        };

        public TmdbFetchRecord? ToRecord()
        {
            if (ParseStatus(Status) is not { } status)
            {
                return null;
            }
            var movie = status == TmdbFetchStatus.NotFound ? null : new TmdbMovie
            {
                Id = TmdbId, ImdbId = ImdbId, Title = Title, Overview = Overview, Tagline = Tagline,
                PosterPath = PosterPath, BackdropPath = BackdropPath, Runtime = Runtime,
                VoteAverage = VoteAverage, VoteCount = VoteCount, ReleaseDate = ReleaseDate,
                Genres = Genres?.Select(name => new TmdbGenre { Name = name }).ToList(),
                OriginalTitle = OriginalTitle, OriginalLanguage = OriginalLanguage, Popularity = Popularity, Appended = Appended,
                SpokenLanguageCodes = SpokenLanguages, ProductionCountryCodes = ProductionCountries, ProductionCompanyNames = ProductionCompanies,
                CollectionId = CollectionId, CollectionName = CollectionName, KeywordNames = Keywords,
                Directors = PersonRow.To(Directors), Writers = PersonRow.To(Writers), Cast = PersonRow.To(Cast),
                Certification = Certification, CertificationCountry = CertificationCountry,
            };
            return new TmdbFetchRecord(MovieId, TmdbId, status, new DateTimeOffset(DateTime.SpecifyKind(FetchedAt, DateTimeKind.Utc)), movie);
        }
    }
}

/// <summary>One line of the fetch journal.</summary>
internal sealed record TmdbJournalEntry
{
    [JsonPropertyName("movie_id")] public int MovieId { get; init; }
    [JsonPropertyName("tmdb_id")] public int TmdbId { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("fetched_at")] public DateTimeOffset FetchedAt { get; init; }
    [JsonPropertyName("movie")] public TmdbMovie? Movie { get; init; }

    public static TmdbJournalEntry From(TmdbFetchRecord record) => new()
    {
        MovieId = record.MovieId,
        TmdbId = record.TmdbId,
        Status = record.Status == TmdbFetchStatus.Found ? "found" : "not_found",
        FetchedAt = record.FetchedAt,
        Movie = record.Movie,
    };

    public TmdbFetchRecord? ToRecord() => Status switch
    {
        "found" when Movie is not null && MovieId > 0 => new TmdbFetchRecord(MovieId, TmdbId, TmdbFetchStatus.Found, FetchedAt, Movie),
        "not_found" when MovieId > 0 => new TmdbFetchRecord(MovieId, TmdbId, TmdbFetchStatus.NotFound, FetchedAt, null),
        _ => null,
    };
}
