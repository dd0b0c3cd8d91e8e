using System.Globalization;
using System.Text;
using System.Text.Json;
using Marquee.Core.Catalog;
using Marquee.Core.Import;
using nietras.SeparatedValues;

namespace Marquee.Core.Enrichment;

/// <summary>One CSV row of a dump: the non-blank cells by column name, and where the row starts.</summary>
internal sealed class DumpRow(IReadOnlyDictionary<string, string> cells, int line)
{
    public int Line { get; } = line;

    /// <summary>The trimmed cell, or null when the column is missing or blank.</summary>
    public string? Text(string column) => cells.GetValueOrDefault(column);
}

/// <summary>
/// What the dump readers share: reading a CSV by column name, and turning the cells TMDB-shaped dumps
/// hold (JSON arrays, Python reprs, comma-separated names, "81.0", "0") into the values
/// <see cref="Catalog.MovieDetails"/> keeps.
/// </summary>
internal static class DumpCells
{
    /// <summary>The header's column names, as written.</summary>
    public static IReadOnlyList<string> Header(string path)
    {
        using var reader = Open(path);
        return [.. reader.Header.ColNames];
    }

    /// <summary>
    /// The rows of a dump keyed by TMDB <c>id</c>, each built by <paramref name="build"/> from its id and cells; a row
    /// without a usable id is skipped and reported, never guessed.
    /// </summary>
    public static MetadataDump ReadByTmdbId(string path, MetadataDumpFormat format, Func<int, DumpRow, MovieDetails> build)
    {
        var rows = new List<MovieDetails>();
        var skipped = new List<ImportProblem>();
        var file = System.IO.Path.GetFileName(path);
        foreach (var row in Rows(path))
        {
            if (Id(row.Text("id")) is not { } tmdbId)
            {
                skipped.Add(new ImportProblem(file, row.Line, "id is not a positive integer"));
                continue;
            }
            rows.Add(build(tmdbId, row));
        }
        return new MetadataDump { Path = path, Format = format, Rows = rows, Skipped = skipped };
    }

    /// <summary>
    /// The flat fields every TMDB-shaped dump spells alike (a column a dump lacks reads as null): the readers add
    /// their list cells, which each dump writes its own way.
    /// </summary>
    public static MovieDetails FlatFields(int tmdbId, DumpRow row)
    {
        var voteCount = PositiveInt(row.Text("vote_count"));
        return new MovieDetails
        {
            MovieId = 0,
            TmdbId = tmdbId,
            ImdbId = ImdbId(row.Text("imdb_id")),
            Title = row.Text("title"),
            OriginalTitle = row.Text("original_title"),
            Overview = row.Text("overview"),
            Tagline = row.Text("tagline"),
            PosterPath = row.Text("poster_path"),
            BackdropPath = row.Text("backdrop_path"),
            RuntimeMinutes = PositiveInt(row.Text("runtime")),
            ReleaseDate = Date(row.Text("release_date")),
            TmdbRating = Rating(row.Text("vote_average"), voteCount),
            TmdbVoteCount = voteCount,
            TmdbPopularity = Double(row.Text("popularity")),
            OriginalLanguage = row.Text("original_language"),
            Source = MetadataFile.SourceName,
        };
    }

    public static IEnumerable<DumpRow> Rows(string path)
    {
        using var reader = Open(path);
        var columns = reader.Header.ColNames.Select((name, index) => (Name: name.Trim(), Index: index)).ToList();
        foreach (var row in reader)
        {
            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, index) in columns)
            {
                if (index < row.ColCount && row[index].Span.Trim().Length > 0)
                {
                    cells[name] = row[index].ToString().Trim();
                }
            }
            yield return new DumpRow(cells, row.LineNumberFrom);
        }
    }

    private static SepReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException($"metadata file not found: {path}");
        }
        // Overviews hold commas, quotes and (in the real Movies Dataset) line breaks; rows may be short.
        return Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
    }

    /// <summary>A positive integer id written as digits only; null for anything else ("1997-08-20" in a slipped row).</summary>
    public static int? Id(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>A whole number, also when written "81.0" or "5415.0".</summary>
    public static int? Int(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
        && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>Null for 0: dumps write 0 for an unknown runtime or for nobody having voted.</summary>
    public static int? PositiveInt(string? text) => Int(text) is > 0 and var value ? value : null;

    public static double? Double(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    /// <summary>The average of a vote only when somebody voted: "0.0" over 0 votes is no rating.</summary>
    public static double? Rating(string? average, int? voteCount) => voteCount is > 0 ? Double(average) : null;

    public static DateOnly? Date(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;

    /// <summary>IMDb ids as "tt0114709", whether the dump writes "tt0114709" or MovieLens's "0114709".</summary>
    public static string? ImdbId(string? text) =>
        text is null ? null : text.StartsWith("tt", StringComparison.Ordinal) ? text : $"tt{text.PadLeft(7, '0')}";

    /// <summary>Null for an empty list, so that "no names" reads like a missing field.</summary>
    public static IReadOnlyList<T>? NullIfEmpty<T>(List<T> items) => items.Count > 0 ? items : null;

    /// <summary>Keywords as stored: lower case, each once.</summary>
    public static IReadOnlyList<string>? Keywords(IEnumerable<string> names) =>
        NullIfEmpty(names.Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList());

    /// <summary>"Action, Science Fiction" → ["Action", "Science Fiction"].</summary>
    public static List<string> CommaNames(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The <paramref name="field"/> of each object of a parsed list (<c>[{'id': 16, 'name': 'Animation'}]</c>), or
    /// the list's own strings when it holds plain names (<c>['Animation', 'Comedy']</c>).
    /// </summary>
    public static List<string> Field(object? list, string field = "name")
    {
        var result = new List<string>();
        if (list is not List<object?> items)
        {
            return result;
        }
        foreach (var item in items)
        {
            var value = item switch
            {
                Dictionary<string, object?> entry => entry.GetValueOrDefault(field) as string,
                string name => name,
                _ => null,
            };
            if (value?.Trim() is { Length: > 0 } text && !result.Contains(text, StringComparer.Ordinal))
            {
                result.Add(text);
            }
        }
        return result;
    }

    /// <summary>The objects of a parsed list, skipping anything else.</summary>
    public static IEnumerable<Dictionary<string, object?>> Objects(object? list) =>
        list is List<object?> items ? items.OfType<Dictionary<string, object?>>() : [];

    /// <summary>
    /// Parses a JSON cell into the same shape <see cref="ParsePython"/> gives: lists, string-keyed objects, and
    /// scalars as their text (numbers as written, booleans as "True"/"False", null as null). Null when the cell
    /// is not JSON.
    /// </summary>
    public static object? ParseJson(string? cell)
    {
        if (cell is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(cell);
            return FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => element.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => FromJson(g.First().Value)),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        _ => null,
    };

    /// <summary>
    /// Parses a Python literal as <c>repr()</c> writes it — <c>[{'id': 16, 'name': 'Animation'}]</c>,
    /// <c>{'id': 10194, 'name': 'Toy Story Collection'}</c>, a name with an apostrophe as <c>"Love's Labour"</c>,
    /// True/False/None — into lists, string-keyed objects and scalar text. Null when the cell is blank or is
    /// not such a literal (the real Movies Dataset has a few rows whose columns slipped).
    /// </summary>
    public static object? ParsePython(string? cell)
    {
        if (cell is null)
        {
            return null;
        }
        var parser = new PythonLiteral(cell);
        return parser.TryParse(out var value) ? value : null;
    }

    /// <summary>A small recursive-descent reader for the subset of Python literals the dumps use.</summary>
    private ref struct PythonLiteral(string text)
    {
        private readonly string _text = text;
        private int _at;

        public bool TryParse(out object? value)
        {
            try
            {
                value = Value();
                SkipSpace();
                return _at == _text.Length;
            }
            catch (FormatException)
            {
                value = null;
                return false;
            }
        }

        private object? Value()
        {
            SkipSpace();
            if (_at >= _text.Length)
            {
                throw new FormatException("unexpected end");
            }
            return _text[_at] switch
            {
                '[' => Sequence(']'),
                '(' => Sequence(')'),
                '{' => Mapping(),
                '\'' or '"' => String(),
                _ => Scalar(),
            };
        }

        private List<object?> Sequence(char close)
        {
            _at++;
            var items = new List<object?>();
            while (true)
            {
                SkipSpace();
                if (Peek() == close)
                {
                    _at++;
                    return items;
                }
                items.Add(Value());
                SkipSpace();
                if (Peek() == ',')
                {
                    _at++;
                }
                else if (Peek() != close)
                {
                    throw new FormatException($"expected ',' or '{close}'");
                }
            }
        }

        private Dictionary<string, object?> Mapping()
        {
            _at++;
            var entries = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (true)
            {
                SkipSpace();
                if (Peek() == '}')
                {
                    _at++;
                    return entries;
                }
                var key = Value()?.ToString() ?? "None";
                SkipSpace();
                if (Peek() != ':')
                {
                    throw new FormatException("expected ':'");
                }
                _at++;
                entries.TryAdd(key, Value());
                SkipSpace();
                if (Peek() == ',')
                {
                    _at++;
                }
                else if (Peek() != '}')
                {
                    throw new FormatException("expected ',' or '}'");
                }
            }
        }

        private string String()
        {
            var quote = _text[_at++];
            var result = new StringBuilder();
            while (_at < _text.Length)
            {
                var c = _text[_at++];
                if (c == quote)
                {
                    return result.ToString();
                }
                if (c != '\\' || _at >= _text.Length)
                {
                    result.Append(c);
                    continue;
                }
                var escaped = _text[_at++];
                switch (escaped)
                {
                    case 'n': result.Append('\n'); break;
                    case 't': result.Append('\t'); break;
                    case 'r': result.Append('\r'); break;
                    case 'x': result.Append((char)Hex(2)); break;
                    case 'u': result.Append((char)Hex(4)); break;
                    case 'U': result.Append(char.ConvertFromUtf32(Hex(8))); break;
                    default: result.Append(escaped); break; // \\ \' \" and anything Python keeps as is
                }
            }
            throw new FormatException("unterminated string");
        }

        private int Hex(int digits)
        {
            if (_at + digits > _text.Length
                || !int.TryParse(_text.AsSpan(_at, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                throw new FormatException("bad escape");
            }
            _at += digits;
            return code;
        }

        private string? Scalar()
        {
            var start = _at;
            while (_at < _text.Length && _text[_at] is not (',' or ']' or ')' or '}' or ':') && !char.IsWhiteSpace(_text[_at]))
            {
                _at++;
            }
            var token = _text[start.._at];
            return token switch
            {
                "" => throw new FormatException("expected a value"),
                "None" or "null" or "nan" => null,
                "True" or "true" => "True",
                "False" or "false" => "False",
                _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => token,
                _ => throw new FormatException($"unexpected '{token}'"),
            };
        }

        private readonly char Peek() => _at < _text.Length ? _text[_at] : '\0';

        private void SkipSpace()
        {
            while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
            {
                _at++;
            }
        }
    }
}
