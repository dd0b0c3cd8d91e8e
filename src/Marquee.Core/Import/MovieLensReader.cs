using System.Globalization;
using System.Text;
using Marquee.Core.Catalog;
using Marquee.Core.Interactions;
using nietras.SeparatedValues;

namespace Marquee.Core.Import;

/// <summary>The file layout of a MovieLens release.</summary>
public enum MovieLensLayout
{
    /// <summary>ml-latest-small, ml-latest, ml-20m, ml-25m, ml-32m: <c>movies.csv</c>, <c>ratings.csv</c>, <c>links.csv</c>, <c>tags.csv</c>.</summary>
    Csv,
    /// <summary>ml-1m, ml-10m: <c>::</c>-separated <c>movies.dat</c>, <c>ratings.dat</c>, <c>tags.dat</c>.</summary>
    Dat,
    /// <summary>ml-100k: tab-separated <c>u.data</c>, pipe-separated <c>u.item</c> with genre flags.</summary>
    Ml100K,
}

/// <summary>Everything read from one MovieLens release, plus the rows that had to be skipped
/// (the first 1,000 of <paramref name="ProblemCount"/> are kept).</summary>
public sealed record ImportedDataset(
    MovieLensLayout Layout,
    IReadOnlyList<Movie> Movies,
    InteractionTable Ratings,
    IReadOnlyList<MovieLink> Links,
    IReadOnlyList<MovieTag> Tags,
    IReadOnlyList<ImportProblem> Problems,
    long ProblemCount);

/// <summary>Reads every MovieLens layout into one shape. Bad rows are skipped and reported with their line.</summary>
public static class MovieLensReader
{
    private const int MaxProblemsKept = 1000;

    public static MovieLensLayout DetectLayout(DatasetFiles files) =>
        files.Exists("ratings.csv") ? MovieLensLayout.Csv
        : files.Exists("ratings.dat") ? MovieLensLayout.Dat
        : files.Exists("u.data") ? MovieLensLayout.Ml100K
        : throw new DatasetException($"no MovieLens ratings file in {files.Origin}");

    /// <summary>Reads a release. <paramref name="progress"/> receives the fraction of rating bytes read.</summary>
    public static ImportedDataset Read(DatasetFiles files, IProgress<double>? progress = null)
    {
        var layout = DetectLayout(files);
        var problems = new ProblemLog();
        var movies = layout switch
        {
            MovieLensLayout.Csv => ReadCsvMovies(files, problems),
            MovieLensLayout.Dat => ReadDatMovies(files, problems),
            _ => Read100KMovies(files, problems),
        };
        var known = movies.Select(m => m.MovieId).ToHashSet();
        var ratings = layout switch
        {
            MovieLensLayout.Csv => ReadCsvRatings(files, known, problems, progress),
            MovieLensLayout.Dat => ReadSeparatedRatings(files, "ratings.dat", "::", known, problems, progress),
            _ => ReadSeparatedRatings(files, "u.data", "\t", known, problems, progress),
        };
        if (ratings.Count == 0)
        {
            throw new DatasetException($"no valid ratings in {files.Origin}");
        }
        var links = layout == MovieLensLayout.Csv && files.Exists("links.csv") ? ReadCsvLinks(files, known, problems) : [];
        var tags = layout switch
        {
            MovieLensLayout.Csv when files.Exists("tags.csv") => ReadCsvTags(files, known, problems),
            MovieLensLayout.Dat when files.Exists("tags.dat") => ReadDatTags(files, known, problems),
            _ => [],
        };
        progress?.Report(1.0);
        return new ImportedDataset(layout, movies, ratings, links, tags, problems.Items, problems.Total);
    }

    private static SepReaderOptions CsvOptions => Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = true });

    private static List<Movie> ReadCsvMovies(DatasetFiles files, ProblemLog problems)
    {
        const string file = "movies.csv";
        var movies = new List<Movie>();
        var seen = new HashSet<int>();
        using var stream = files.Open(file);
        using var reader = CsvOptions.From(stream);
        foreach (var row in reader)
        {
            if (row.ColCount < 3)
            {
                problems.Add(file, row.LineNumberFrom, $"expected 3 columns (movieId,title,genres), found {row.ColCount}");
                continue;
            }
            if (!TryParseId(row[0].Span, out var movieId))
            {
                problems.Add(file, row.LineNumberFrom, $"movieId '{row[0]}' is not a positive integer");
                continue;
            }
            if (!seen.Add(movieId))
            {
                problems.Add(file, row.LineNumberFrom, $"duplicate movieId {movieId}");
                continue;
            }
            var (title, year) = MovieTitle.Parse(row[1].ToString());
            if (title.Length == 0)
            {
                problems.Add(file, row.LineNumberFrom, $"movie {movieId} has an empty title");
                continue;
            }
            movies.Add(new Movie(movieId, title, year, Genres.ParseList(row[2].Span)));
        }
        return movies;
    }

    private static List<Movie> ReadDatMovies(DatasetFiles files, ProblemLog problems)
    {
        const string file = "movies.dat";
        var movies = new List<Movie>();
        var seen = new HashSet<int>();
        var line = 0L;
        foreach (var text in ReadLines(files, file))
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }
            var parts = text.Split("::");
            if (parts.Length != 3 || !TryParseId(parts[0], out var movieId))
            {
                problems.Add(file, line, "expected MovieID::Title::Genres");
                continue;
            }
            if (!seen.Add(movieId))
            {
                problems.Add(file, line, $"duplicate movieId {movieId}");
                continue;
            }
            var (title, year) = MovieTitle.Parse(parts[1]);
            movies.Add(new Movie(movieId, title, year, Genres.ParseList(parts[2])));
        }
        return movies;
    }

    private static List<Movie> Read100KMovies(DatasetFiles files, ProblemLog problems)
    {
        // u.genre maps flag positions to names; fall back to the documented order if it is absent.
        string[] genreNames = ["unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime",
            "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
            "Thriller", "War", "Western"];
        if (files.Exists("u.genre"))
        {
            var fromFile = new SortedDictionary<int, string>();
            foreach (var text in ReadLines(files, "u.genre"))
            {
                var parts = text.Split('|');
                if (parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var index))
                {
                    fromFile[index] = parts[0];
                }
            }
            if (fromFile.Count > 0)
            {
                genreNames = [.. fromFile.Values];
            }
        }

        const string file = "u.item";
        var movies = new List<Movie>();
        var seen = new HashSet<int>();
        var line = 0L;
        foreach (var text in ReadLines(files, file))
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }
            var parts = text.Split('|');
            if (parts.Length < 5 + genreNames.Length || !TryParseId(parts[0], out var movieId))
            {
                problems.Add(file, line, $"expected id|title|release date|video release date|IMDb URL|{genreNames.Length} genre flags");
                continue;
            }
            if (!seen.Add(movieId))
            {
                problems.Add(file, line, $"duplicate movie id {movieId}");
                continue;
            }
            var (title, year) = MovieTitle.Parse(parts[1]);
            if (year is null && DateOnly.TryParseExact(parts[2], "dd-MMM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var released))
            {
                year = released.Year;
            }
            var genres = new List<string>();
            for (var g = 0; g < genreNames.Length; g++)
            {
                if (parts[5 + g] == "1" && Genres.Normalize(genreNames[g]) is { } genre && !genres.Contains(genre))
                {
                    genres.Add(genre);
                }
            }
            movies.Add(new Movie(movieId, title, year, genres));
        }
        return movies;
    }

    private static InteractionTable ReadCsvRatings(DatasetFiles files, HashSet<int> knownMovies, ProblemLog problems, IProgress<double>? progress)
    {
        const string file = "ratings.csv";
        var builder = new InteractionTableBuilder(1 << 16);
        using var stream = files.Open(file);
        using var counting = new ProgressStream(stream, progress);
        using var reader = CsvOptions.From(counting);
        var lastLine = 0L;
        foreach (var row in reader)
        {
            lastLine = row.LineNumberFrom;
            if (row.ColCount < 4)
            {
                problems.Add(file, row.LineNumberFrom, $"expected 4 columns (userId,movieId,rating,timestamp), found {row.ColCount}");
                continue;
            }
            AddRating(builder, file, row.LineNumberFrom, row[0].Span, row[1].Span, row[2].Span, row[3].Span, knownMovies, problems);
        }
        RefuseCutOff(files, file, counting, lastLine);
        return builder.Build();
    }

    private static InteractionTable ReadSeparatedRatings(DatasetFiles files, string file, string separator, HashSet<int> knownMovies, ProblemLog problems, IProgress<double>? progress)
    {
        var builder = new InteractionTableBuilder(1 << 16);
        using var stream = files.Open(file);
        using var counting = new ProgressStream(stream, progress);
        using var reader = new StreamReader(counting, Encoding.UTF8);
        var line = 0L;
        Span<Range> fields = stackalloc Range[5];
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }
            var span = text.AsSpan();
            var count = span.Split(fields, separator);
            if (count != 4)
            {
                problems.Add(file, line, $"expected 4 fields (user, movie, rating, timestamp) separated by '{Printable(separator)}', found {count}");
                continue;
            }
            AddRating(builder, file, line, span[fields[0]], span[fields[1]], span[fields[2]], span[fields[3]], knownMovies, problems);
        }
        RefuseCutOff(files, file, counting, line);
        return builder.Build();
    }

    /// <summary>
    /// Every MovieLens ratings file ends its last line. One that stops mid-line was cut off (an interrupted
    /// copy or download), and its last row may still parse, with a truncated timestamp or rating: refuse the
    /// import instead of keeping a made-up row and silently losing the rest of the file.
    /// </summary>
    private static void RefuseCutOff(DatasetFiles files, string file, ProgressStream stream, long lastLine)
    {
        if (!stream.EndsWithNewLine)
        {
            throw new DatasetException($"{file} in {files.Origin} ends in the middle of line {lastLine:N0}: the file looks cut off "
                                       + "(an interrupted download or copy); get the whole file again (if it is complete, end its last line with a newline)");
        }
    }

    private static void AddRating(InteractionTableBuilder builder, string file, long line,
        ReadOnlySpan<char> user, ReadOnlySpan<char> movie, ReadOnlySpan<char> rating, ReadOnlySpan<char> timestamp,
        HashSet<int> knownMovies, ProblemLog problems)
    {
        if (!TryParseId(user, out var userId))
        {
            problems.Add(file, line, $"user id '{user}' is not a positive integer");
            return;
        }
        if (!TryParseId(movie, out var movieId))
        {
            problems.Add(file, line, $"movie id '{movie}' is not a positive integer");
            return;
        }
        if (!float.TryParse(rating.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var stars) || stars is < 0.5f or > 5f)
        {
            problems.Add(file, line, $"rating '{rating}' is not a number between 0.5 and 5");
            return;
        }
        if (!long.TryParse(timestamp.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            problems.Add(file, line, $"timestamp '{timestamp}' is not an integer");
            return;
        }
        if (!knownMovies.Contains(movieId))
        {
            problems.Add(file, line, $"movie {movieId} is not in the movie list");
            return;
        }
        builder.Add(userId, movieId, stars, seconds);
    }

    private static List<MovieLink> ReadCsvLinks(DatasetFiles files, HashSet<int> knownMovies, ProblemLog problems)
    {
        const string file = "links.csv";
        var links = new List<MovieLink>();
        using var stream = files.Open(file);
        using var reader = CsvOptions.From(stream);
        foreach (var row in reader)
        {
            if (row.ColCount < 3 || !TryParseId(row[0].Span, out var movieId))
            {
                problems.Add(file, row.LineNumberFrom, "expected movieId,imdbId,tmdbId");
                continue;
            }
            if (!knownMovies.Contains(movieId))
            {
                continue;
            }
            var imdb = row[1].Span.Trim();
            var imdbId = imdb.Length > 0 && TryParseId(imdb, out _) ? $"tt{imdb.ToString().PadLeft(7, '0')}" : null;
            int? tmdbId = TryParseId(row[2].Span, out var tmdb) ? tmdb : null;
            links.Add(new MovieLink(movieId, imdbId, tmdbId));
        }
        return links;
    }

    private static List<MovieTag> ReadCsvTags(DatasetFiles files, HashSet<int> knownMovies, ProblemLog problems)
    {
        const string file = "tags.csv";
        var tags = new List<MovieTag>();
        using var stream = files.Open(file);
        using var reader = CsvOptions.From(stream);
        foreach (var row in reader)
        {
            if (row.ColCount < 4 || !TryParseId(row[0].Span, out var userId) || !TryParseId(row[1].Span, out var movieId)
                || !long.TryParse(row[3].Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp))
            {
                problems.Add(file, row.LineNumberFrom, "expected userId,movieId,tag,timestamp");
                continue;
            }
            var tag = row[2].ToString().Trim();
            if (tag.Length > 0 && knownMovies.Contains(movieId))
            {
                tags.Add(new MovieTag(userId, movieId, tag, timestamp));
            }
        }
        return tags;
    }

    private static List<MovieTag> ReadDatTags(DatasetFiles files, HashSet<int> knownMovies, ProblemLog problems)
    {
        const string file = "tags.dat";
        var tags = new List<MovieTag>();
        var line = 0L;
        foreach (var text in ReadLines(files, file))
        {
            line++;
            var parts = text.Split("::");
            if (parts.Length != 4 || !TryParseId(parts[0], out var userId) || !TryParseId(parts[1], out var movieId)
                || !long.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp))
            {
                problems.Add(file, line, "expected UserID::MovieID::Tag::Timestamp");
                continue;
            }
            if (parts[2].Trim().Length > 0 && knownMovies.Contains(movieId))
            {
                tags.Add(new MovieTag(userId, movieId, parts[2].Trim(), timestamp));
            }
        }
        return tags;
    }

    /// <summary>Reads text lines, as UTF-8 when valid and as Latin-1 otherwise (ml-100k and ml-1m predate UTF-8).</summary>
    private static IEnumerable<string> ReadLines(DatasetFiles files, string file)
    {
        byte[] bytes;
        using (var stream = files.Open(file))
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
        }
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static bool TryParseId(ReadOnlySpan<char> text, out int id) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    private static string Printable(string separator) => separator == "\t" ? "\\t" : separator;

    private sealed class ProblemLog
    {
        public List<ImportProblem> Items { get; } = [];
        public long Total { get; private set; }

        public void Add(string file, long line, string message)
        {
            Total++;
            if (Items.Count < MaxProblemsKept)
            {
                Items.Add(new ImportProblem(file, line, message));
            }
        }
    }
}
