using System.Globalization;
using System.Text.Json.Serialization;
using Marquee.Core.Artifacts;
using Parquet.Serialization;

namespace Marquee.Core.Semantic;

/// <summary>One film's vector and the hash of the text it was computed from.</summary>
public sealed record MovieEmbedding(int MovieId, string TextHash, float[] Vector);

/// <summary>The film vectors of one model, as stored in <c>movie_embeddings.parquet</c>.</summary>
public sealed record MovieEmbeddings(string ModelName, int Dimensions, IReadOnlyList<MovieEmbedding> Rows);

/// <summary>
/// <c>movie_embeddings.parquet</c>: columns <c>movie_id</c> (int32), <c>text_hash</c> (string), <c>vector</c>
/// (list&lt;float&gt;), and the model name, dimension and format version in the file's key-value metadata, so
/// pandas (<c>pyarrow.parquet.read_schema(...).metadata</c>) and DuckDB (<c>parquet_kv_metadata</c>) read it as is.
/// One file written atomically: vectors and the model that made them cannot get out of step.
/// </summary>
public static class MovieEmbeddingFile
{
    public const int FormatVersion = 1;
    public const string ModelKey = "marquee.embedding_model";
    public const string DimensionsKey = "marquee.embedding_dimensions";
    public const string FormatKey = "marquee.embedding_format";

    public static Task WriteAsync(string path, MovieEmbeddings embeddings, CancellationToken cancellationToken = default)
    {
        var metadata = new Dictionary<string, string>
        {
            [ModelKey] = embeddings.ModelName,
            [DimensionsKey] = embeddings.Dimensions.ToString(CultureInfo.InvariantCulture),
            [FormatKey] = FormatVersion.ToString(CultureInfo.InvariantCulture),
        };
        var rows = embeddings.Rows.Select(r => new Row { MovieId = r.MovieId, TextHash = r.TextHash, Vector = r.Vector });
        // Checkpoints never overwrite the last good file with a torn one: a killed run resumes from it.
        return AtomicFile.WriteAsync(path,
            stream => ParquetSerializer.SerializeAsync(rows, stream, customMetadata: metadata, cancellationToken: cancellationToken),
            cancellationToken);
    }

    /// <summary>The stored vectors, or null when the file is missing or of a format this version cannot read.</summary>
    public static async Task<MovieEmbeddings?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        await using var stream = File.OpenRead(path);
        var result = await ParquetSerializer.DeserializeAsync<Row>(stream, cancellationToken: cancellationToken);
        var metadata = result.CustomMetadata ?? new Dictionary<string, string>();
        if (metadata.GetValueOrDefault(FormatKey) != FormatVersion.ToString(CultureInfo.InvariantCulture)
            || metadata.GetValueOrDefault(ModelKey) is not { Length: > 0 } model
            || !int.TryParse(metadata.GetValueOrDefault(DimensionsKey), NumberStyles.None, CultureInfo.InvariantCulture, out var dimensions))
        {
            return null;
        }
        var rows = new List<MovieEmbedding>(result.Data.Count);
        foreach (var row in result.Data)
        {
            if (row.Vector is { Length: var length } vector && length == dimensions && row.TextHash is { } hash)
            {
                rows.Add(new MovieEmbedding(row.MovieId, hash, vector));
            }
        }
        return new MovieEmbeddings(model, dimensions, rows);
    }

    private sealed class Row
    {
        [JsonPropertyName("movie_id")] public int MovieId { get; set; }
        [JsonPropertyName("text_hash")] public string? TextHash { get; set; }
        [JsonPropertyName("vector")] public float[]? Vector { get; set; }
    }
}
