using System.Globalization;
using Marquee.Core.Catalog;
using Marquee.Core.Import;
using nietras.SeparatedValues;

namespace Marquee.Core.Enrichment;

/// <summary>
/// Reads an offline TMDB metadata dump keyed by MovieLens <c>movieId</c>, with the columns of
/// <c>shared/datasets/ml-latest-small-metadata-join</c>: overview, poster_path, runtime, vote_average,
/// vote_count, release_date (optional: tmdbId, imdbId, tagline, backdrop_path).
/// </summary>
public static class MetadataFile
{
    public const string SourceName = "metadata-file";

    public static List<MovieDetails> Read(string path, List<ImportProblem>? problems = null)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException($"metadata file not found: {path}");
        }
        var result = new List<MovieDetails>();
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        var header = reader.Header;
        if (!header.ColNames.Contains("movieId"))
        {
            throw new DatasetException($"{path} has no movieId column; expected the columns of movie_metadata_join.csv");
        }
        var columns = header.ColNames.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.OrdinalIgnoreCase);
        var file = Path.GetFileName(path);
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, index) in columns)
            {
                if (index < row.ColCount && row[index].Span.Trim().Length > 0)
                {
                    values[name] = row[index].ToString().Trim();
                }
            }
            string? Text(string column) => values.GetValueOrDefault(column);

            if (!int.TryParse(Text("movieId"), NumberStyles.None, CultureInfo.InvariantCulture, out var movieId) || movieId <= 0)
            {
                problems?.Add(new ImportProblem(file, row.LineNumberFrom, "movieId is not a positive integer"));
                continue;
            }
            var voteCount = ParseInt(Text("vote_count"));
            var imdb = Text("imdbId");
            result.Add(new MovieDetails
            {
                MovieId = movieId,
                TmdbId = ParseInt(Text("tmdbId")),
                ImdbId = imdb is null ? null : imdb.StartsWith("tt", StringComparison.Ordinal) ? imdb : $"tt{imdb.PadLeft(7, '0')}",
                Overview = Text("overview"),
                Tagline = Text("tagline"),
                PosterPath = Text("poster_path"),
                BackdropPath = Text("backdrop_path"),
                // Dumps write 0 for an unknown runtime; no feature film runs zero minutes.
                RuntimeMinutes = ParseInt(Text("runtime")) is > 0 and var minutes ? minutes : null,
                ReleaseDate = DateOnly.TryParseExact(Text("release_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
                TmdbRating = voteCount is > 0 && double.TryParse(Text("vote_average"), NumberStyles.Float, CultureInfo.InvariantCulture, out var rating) ? rating : null,
                TmdbVoteCount = voteCount,
                Source = SourceName,
            });
        }
        return result;
    }

    private static int? ParseInt(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (int)value : null;
}
