using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Marquee.Core.Artifacts;

namespace Marquee.Core.Recommenders.RatingPrediction;

/// <summary>The JSON half of a saved rating model: what it is, how it was fitted, where its arrays are.</summary>
internal sealed record RatingModelManifest
{
    public const string FileName = "rating-model.json";
    public const string CurrentFormat = "marquee-rating-model/1";

    public string Format { get; init; } = CurrentFormat;
    public required string Algorithm { get; init; }
    public required Dictionary<string, string> Parameters { get; init; }
    public required float MinRating { get; init; }
    public required float MaxRating { get; init; }
    /// <summary>Model-specific numbers (global mean, dimensions, sample count, …).</summary>
    public Dictionary<string, double> Scalars { get; init; } = [];
    /// <summary>Array name → element count; each lives in <c>&lt;name&gt;.f32</c> or <c>&lt;name&gt;.i32</c>.</summary>
    public Dictionary<string, long> Arrays { get; init; } = [];

    public double Scalar(string name) => Scalars.TryGetValue(name, out var value)
        ? value
        : throw new InvalidDataException($"{FileName} lacks the scalar '{name}'");

    public int IntScalar(string name) => checked((int)Scalar(name));
}

/// <summary>Reads and writes a rating model directory: the manifest plus little-endian binary arrays.</summary>
internal static class RatingModelFiles
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>Writes the arrays first and the manifest last, each atomically, so a manifest only ever describes complete arrays.</summary>
    public static async Task WriteAsync(string directory, RatingModelManifest manifest,
        IReadOnlyDictionary<string, float[]> floats, IReadOnlyDictionary<string, int[]>? ints, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var sizes = new Dictionary<string, long>();
        foreach (var (name, values) in floats)
        {
            await AtomicFile.WriteAllBytesAsync(Path.Combine(directory, name + ".f32"), ToLittleEndianBytes<float>(values), cancellationToken);
            sizes[name] = values.Length;
        }
        foreach (var (name, values) in ints ?? new Dictionary<string, int[]>())
        {
            await AtomicFile.WriteAllBytesAsync(Path.Combine(directory, name + ".i32"), ToLittleEndianBytes<int>(values), cancellationToken);
            sizes[name] = values.Length;
        }
        var complete = manifest with { Arrays = sizes };
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, RatingModelManifest.FileName),
            JsonSerializer.Serialize(complete, Json), cancellationToken);
    }

    public static RatingModelManifest ReadManifest(string directory)
    {
        var path = Path.Combine(directory, RatingModelManifest.FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no rating model in {directory} ({RatingModelManifest.FileName} is missing)", path);
        }
        var manifest = JsonSerializer.Deserialize<RatingModelManifest>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty");
        if (manifest.Format != RatingModelManifest.CurrentFormat)
        {
            throw new InvalidDataException($"{path} has format '{manifest.Format}', expected '{RatingModelManifest.CurrentFormat}'");
        }
        return manifest;
    }

    public static float[] ReadFloats(string directory, RatingModelManifest manifest, string name) =>
        Read<float>(directory, manifest, name, ".f32");

    public static int[] ReadInts(string directory, RatingModelManifest manifest, string name) =>
        Read<int>(directory, manifest, name, ".i32");

    private static T[] Read<T>(string directory, RatingModelManifest manifest, string name, string extension) where T : unmanaged
    {
        if (!manifest.Arrays.TryGetValue(name, out var count))
        {
            throw new InvalidDataException($"{RatingModelManifest.FileName} does not list the array '{name}'");
        }
        var bytes = File.ReadAllBytes(Path.Combine(directory, name + extension));
        var size = Marshal.SizeOf<T>();
        if (bytes.LongLength != count * size)
        {
            throw new InvalidDataException($"{name}{extension} holds {bytes.LongLength} bytes, expected {count * size}");
        }
        if (!BitConverter.IsLittleEndian)
        {
            ReverseEach(bytes, size);
        }
        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }

    private static byte[] ToLittleEndianBytes<T>(T[] values) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            ReverseEach(bytes, Marshal.SizeOf<T>());
        }
        return bytes;
    }

    private static void ReverseEach(byte[] bytes, int size)
    {
        for (var at = 0; at < bytes.Length; at += size)
        {
            bytes.AsSpan(at, size).Reverse();
        }
    }
}

/// <summary>Parses the text settings of an algorithm; unknown keys and bad values fail with the key's name.</summary>
internal sealed class SettingReader
{
    private readonly string _algorithm;
    private readonly Dictionary<string, string> _remaining;

    public SettingReader(string algorithm, IReadOnlyDictionary<string, string>? settings)
    {
        _algorithm = algorithm;
        _remaining = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _remaining[key.Trim().Replace('-', '_')] = value.Trim();
        }
    }

    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!_remaining.Remove(key, out var text))
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"{_algorithm}: '{key}' must be an integer in [{min}, {max}], got '{text}'", key);
        }
        return value;
    }

    public double Double(string key, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!_remaining.Remove(key, out var text))
        {
            return fallback;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= min && value <= max))
        {
            throw new ArgumentException($"{_algorithm}: '{key}' must be a number in [{min}, {max}], got '{text}'", key);
        }
        return value;
    }

    public bool Bool(string key, bool fallback)
    {
        if (!_remaining.Remove(key, out var text))
        {
            return fallback;
        }
        return text.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new ArgumentException($"{_algorithm}: '{key}' must be true or false, got '{text}'", key),
        };
    }

    public string Text(string key, string fallback) => _remaining.Remove(key, out var text) ? text : fallback;

    /// <summary>Throws when a setting was given that the algorithm does not have (a typo must not be ignored).</summary>
    public void EnsureAllUsed()
    {
        if (_remaining.Count > 0)
        {
            var key = _remaining.Keys.Order(StringComparer.Ordinal).First();
            throw new ArgumentException($"{_algorithm} has no setting '{key}'", key);
        }
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(bool value) => value ? "true" : "false";
}
