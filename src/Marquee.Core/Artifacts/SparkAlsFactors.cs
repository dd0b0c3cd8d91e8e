using System.Text.Json.Serialization;
using Parquet.Serialization;

namespace Marquee.Core.Artifacts;

/// <summary>
/// Reads the factors Spark MLlib's <c>ALSModel.save</c> writes: a folder (<c>itemFactors/</c>, <c>userFactors/</c>) of
/// Parquet part files with the columns <c>id: int</c> and <c>features: array&lt;float&gt;</c>, rows in no particular
/// order. A model trained on a Spark cluster then serves here: its folder holds these two folders and a
/// <c>manifest.json</c> saying <c>"algorithm": "als"</c> with the alpha and lambda it was trained with
/// (docs/performance.md, "Past one machine").
/// </summary>
public static class SparkAlsFactors
{
    public const string ItemFactorsFolder = "itemFactors";
    public const string UserFactorsFolder = "userFactors";

    /// <summary>Ids ascending and their factors as rows of one row-major array, from every <c>*.parquet</c> file of <paramref name="folder"/>.</summary>
    public static async Task<(int[] Ids, float[] Factors, int Rank)> ReadAsync(string folder, CancellationToken cancellationToken = default)
    {
        var parts = Directory.EnumerateFiles(folder, "*.parquet").Order(StringComparer.Ordinal).ToList();
        if (parts.Count == 0)
        {
            throw new InvalidDataException($"{folder} has no Parquet part files");
        }
        var ids = new List<int>();
        var vectors = new List<float[]>();
        var rank = -1;
        foreach (var part in parts)
        {
            await using var stream = File.OpenRead(part);
            foreach (var row in (await ParquetSerializer.DeserializeAsync<FactorRow>(stream, cancellationToken: cancellationToken)).Data)
            {
                ids.Add(row.Id);
                vectors.Add(row.Features ?? throw new InvalidDataException($"{part}: id {row.Id} has no features"));
            }
        }
        foreach (var vector in vectors)
        {
            if (rank < 0)
            {
                rank = vector.Length;
            }
            if (vector.Length != rank || rank == 0)
            {
                throw new InvalidDataException($"{folder}: the feature lists differ in length or are empty");
            }
        }
        var order = Enumerable.Range(0, ids.Count).OrderBy(i => ids[i]).ToArray();
        var sortedIds = order.Select(i => ids[i]).ToArray();
        for (var i = 1; i < sortedIds.Length; i++)
        {
            if (sortedIds[i] == sortedIds[i - 1])
            {
                throw new InvalidDataException($"{folder}: id {sortedIds[i]} appears twice");
            }
        }
        var factors = new float[(long)order.Length * rank];
        for (var r = 0; r < order.Length; r++)
        {
            vectors[order[r]].CopyTo(factors, (long)r * rank);
        }
        return (sortedIds, factors, rank);
    }

    /// <summary>One row of a Spark factor file.</summary>
    private sealed class FactorRow
    {
        [JsonPropertyName("id")] public int Id { get; set; }
        [JsonPropertyName("features")] public float[]? Features { get; set; }
    }
}
