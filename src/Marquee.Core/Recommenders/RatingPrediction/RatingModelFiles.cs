using System.Globalization;
using Marquee.Core.Artifacts;

namespace Marquee.Core.Recommenders.RatingPrediction;

/// <summary>
/// A rating model's saved state in the one model format (see <c>Training/ModelStore</c>): each array a NumPy
/// <c>.npy</c> file in the model's folder, and the numbers it fitted besides them (mean, rating scale, sample count)
/// handed to the model manifest, which records them under <c>fitted</c>. A blend keeps each component under a prefix
/// (<c>mf.</c>, <c>knn.</c>, as its settings), so one folder and one manifest hold the whole model.
/// </summary>
public sealed class RatingModelFiles
{
    private readonly string _directory;
    private readonly string _prefix;
    private readonly Dictionary<string, double> _fitted;
    private readonly IReadOnlyDictionary<string, string> _parameters;

    private RatingModelFiles(string directory, string prefix, Dictionary<string, double> fitted, IReadOnlyDictionary<string, string> parameters)
    {
        _directory = directory;
        _prefix = prefix;
        _fitted = fitted;
        _parameters = parameters;
    }

    /// <summary>An empty folder to save a model into (created if missing).</summary>
    public static RatingModelFiles ForWriting(string directory)
    {
        Directory.CreateDirectory(directory);
        return new RatingModelFiles(directory, "", new Dictionary<string, double>(StringComparer.Ordinal), new Dictionary<string, string>());
    }

    /// <summary>A saved model's folder with the settings and fitted numbers its manifest records.</summary>
    public static RatingModelFiles ForReading(string directory, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, double> fitted) =>
        new(directory, "", new Dictionary<string, double>(fitted, StringComparer.Ordinal), parameters);

    /// <summary>Every fitted number written so far, by prefixed name: what the manifest records.</summary>
    public IReadOnlyDictionary<string, double> Fitted => _fitted;

    /// <summary>The settings of the model at this prefix (a blend component sees its own, unprefixed).</summary>
    public IReadOnlyDictionary<string, string> Parameters => _prefix.Length == 0
        ? _parameters
        : _parameters.Where(p => p.Key.StartsWith(_prefix, StringComparison.Ordinal)).ToDictionary(p => p.Key[_prefix.Length..], p => p.Value);

    /// <summary>The files of a component, kept under <paramref name="prefix"/> in the same folder.</summary>
    internal RatingModelFiles Part(string prefix) => new(_directory, _prefix + prefix, _fitted, _parameters);

    internal Task WriteAsync<T>(string name, T[] values, CancellationToken cancellationToken) where T : unmanaged =>
        NpyFile.WriteAsync(PathOf(name), values, [values.Length], cancellationToken);

    internal bool Has(string name) => File.Exists(PathOf(name));

    internal async Task<T[]> ReadAsync<T>(string name, CancellationToken cancellationToken) where T : unmanaged
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is missing");
        }
        var (values, shape) = await NpyFile.ReadAsync<T>(path, cancellationToken);
        if (shape.Length != 1)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is not one-dimensional");
        }
        return values;
    }

    internal void SetNumber(string name, double value) => _fitted[_prefix + name] = value;

    internal double Number(string name) => _fitted.TryGetValue(_prefix + name, out var value)
        ? value
        : throw new InvalidDataException($"the manifest lacks the fitted number '{_prefix + name}'");

    internal int Integer(string name) => checked((int)Number(name));

    private string PathOf(string name) => Path.Combine(_directory, _prefix + name + ".npy");
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
