using System.Diagnostics;
using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;

namespace Marquee.Core.Semantic;

/// <summary>How the embedding job batches and checkpoints.</summary>
public sealed record MovieEmbeddingOptions
{
    /// <summary>Texts per model call: batches amortise the call overhead; too large only pads more.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Films embedded between two saves of the artifact; a killed run loses at most this many.</summary>
    public int CheckpointEvery { get; init; } = 256;
}

/// <summary>Films embedded so far in this run, of those it has to embed.</summary>
public readonly record struct MovieEmbeddingProgress(int Done, int Total);

/// <param name="Films">Films in the catalogue.</param>
/// <param name="NoText">Films left without a vector: nothing but genres to read (<see cref="FilmText.HasSubstance"/>).</param>
/// <param name="Reused">Films whose stored vector was still current (same model, same text).</param>
/// <param name="Embedded">Films embedded by this run.</param>
/// <param name="Removed">Stored vectors dropped because their film left the catalogue.</param>
/// <param name="ModelChanged">The stored file came from another model, so every film was embedded again.</param>
/// <param name="Written">Whether the artifact was (re)written; a run with nothing to do leaves it untouched.</param>
public sealed record MovieEmbeddingResult(
    string ModelName, int Films, int NoText, int Reused, int Embedded, int Removed, bool ModelChanged, bool Written, TimeSpan Elapsed);

/// <summary>
/// <c>marquee embed</c>: brings <c>movie_embeddings.parquet</c> up to date with the catalogue. Only films that are
/// new or whose <see cref="FilmText"/> changed are embedded; a different model embeds everything. Progress is
/// saved every <see cref="MovieEmbeddingOptions.CheckpointEvery"/> films and on cancellation, so a run that is
/// killed or interrupted continues where it stopped.
/// </summary>
public static class MovieEmbeddingJob
{
    public static async Task<MovieEmbeddingResult> RunAsync(DataDirectory data, ITextEmbedder embedder, MovieEmbeddingOptions? options = null,
        IProgress<MovieEmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var catalog = await MovieCatalog.LoadAsync(data, cancellationToken);
        return await RunAsync(catalog, data.MovieEmbeddings, embedder, options, progress, cancellationToken);
    }

    public static async Task<MovieEmbeddingResult> RunAsync(MovieCatalog catalog, string path, ITextEmbedder embedder,
        MovieEmbeddingOptions? options = null, IProgress<MovieEmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new MovieEmbeddingOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CheckpointEvery, 1);
        var started = Stopwatch.GetTimestamp();
        var stored = await MovieEmbeddingFile.ReadAsync(path, cancellationToken);
        var modelChanged = stored is not null && (stored.ModelName != embedder.ModelName || stored.Dimensions != embedder.Dimensions);
        var vectors = modelChanged || stored is null
            ? new Dictionary<int, MovieEmbedding>()
            : stored.Rows.GroupBy(r => r.MovieId).ToDictionary(g => g.Key, g => g.Last());

        var pending = new List<(int MovieId, string Text, string Hash)>();
        var removed = 0;
        var unreadable = 0;
        foreach (var movie in catalog.Movies)
        {
            if (!FilmText.HasSubstance(movie))
            {
                // Nothing to read but genres: no vector (see FilmText.HasSubstance).
                unreadable++;
                removed += vectors.Remove(movie.MovieId) ? 1 : 0;
                continue;
            }
            var text = FilmText.Compose(movie);
            var hash = FilmText.Hash(text);
            if (!vectors.TryGetValue(movie.MovieId, out var current) || current.TextHash != hash)
            {
                pending.Add((movie.MovieId, text, hash));
            }
        }
        removed += vectors.Keys.Count(id => !catalog.Contains(id));
        foreach (var id in vectors.Keys.Where(id => !catalog.Contains(id)).ToList())
        {
            vectors.Remove(id);
        }
        var reused = catalog.Count - unreadable - pending.Count;
        var mustWrite = pending.Count > 0 || removed > 0 || modelChanged || stored is null;
        if (!mustWrite)
        {
            return new MovieEmbeddingResult(embedder.ModelName, catalog.Count, unreadable, reused, 0, 0, false, false, Stopwatch.GetElapsedTime(started));
        }
        // Similar lengths in one batch: the model pads every text to the longest of its batch.
        pending.Sort((a, b) => a.Text.Length != b.Text.Length ? a.Text.Length.CompareTo(b.Text.Length) : a.MovieId.CompareTo(b.MovieId));

        var done = 0;
        var sinceCheckpoint = 0;
        progress?.Report(new MovieEmbeddingProgress(0, pending.Count));
        try
        {
            var texts = new List<string>(options.BatchSize);
            for (var start = 0; start < pending.Count; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var end = Math.Min(pending.Count, start + options.BatchSize);
                texts.Clear();
                for (var i = start; i < end; i++)
                {
                    texts.Add(pending[i].Text);
                }
                var batch = embedder.Embed(texts, cancellationToken);
                if (batch.Length != texts.Count || batch.Any(v => v.Length != embedder.Dimensions))
                {
                    throw new InvalidOperationException($"{embedder.ModelName} returned {batch.Length} vectors for {texts.Count} texts or a wrong dimension");
                }
                for (var i = start; i < end; i++)
                {
                    vectors[pending[i].MovieId] = new MovieEmbedding(pending[i].MovieId, pending[i].Hash, batch[i - start]);
                }
                done += end - start;
                sinceCheckpoint += end - start;
                if (sinceCheckpoint >= options.CheckpointEvery && done < pending.Count)
                {
                    await SaveAsync(path, embedder, vectors, cancellationToken);
                    sinceCheckpoint = 0;
                }
                progress?.Report(new MovieEmbeddingProgress(done, pending.Count));
            }
        }
        catch (OperationCanceledException) when (sinceCheckpoint > 0)
        {
            // Interrupted (Ctrl+C): keep what was embedded since the last checkpoint; the next run continues from here.
            await SaveAsync(path, embedder, vectors, CancellationToken.None);
            throw;
        }
        await SaveAsync(path, embedder, vectors, cancellationToken);
        return new MovieEmbeddingResult(embedder.ModelName, catalog.Count, unreadable, reused, done, removed, modelChanged, true, Stopwatch.GetElapsedTime(started));
    }

    private static Task SaveAsync(string path, ITextEmbedder embedder, Dictionary<int, MovieEmbedding> vectors, CancellationToken cancellationToken) =>
        MovieEmbeddingFile.WriteAsync(path,
            new MovieEmbeddings(embedder.ModelName, embedder.Dimensions, vectors.Values.OrderBy(v => v.MovieId).ToList()), cancellationToken);
}
