using Marquee.Core.Catalog;
using Marquee.Core.Import;

namespace Marquee.Core.Enrichment;

/// <summary>
/// Reads a dump keyed by MovieLens <c>movieId</c>, with the columns of
/// <c>shared/datasets/ml-latest-small-metadata-join</c>: overview, poster_path, runtime, vote_average,
/// vote_count, release_date (optional: tmdbId, imdbId, title, original_title, tagline, backdrop_path, popularity).
/// </summary>
public static class JoinFileReader
{
    public static MetadataDump Read(string path)
    {
        var rows = new List<MovieDetails>();
        var skipped = new List<ImportProblem>();
        var file = Path.GetFileName(path);
        foreach (var row in DumpCells.Rows(path))
        {
            if (DumpCells.Id(row.Text("movieId")) is not { } movieId)
            {
                skipped.Add(new ImportProblem(file, row.Line, "movieId is not a positive integer"));
                continue;
            }
            var voteCount = DumpCells.PositiveInt(row.Text("vote_count"));
            rows.Add(new MovieDetails
            {
                MovieId = movieId,
                TmdbId = DumpCells.PositiveInt(row.Text("tmdbId")),
                ImdbId = DumpCells.ImdbId(row.Text("imdbId")),
                Title = TmdbTitle(row.Text("title")),
                OriginalTitle = row.Text("original_title"),
                Overview = row.Text("overview"),
                Tagline = row.Text("tagline"),
                PosterPath = row.Text("poster_path"),
                BackdropPath = row.Text("backdrop_path"),
                RuntimeMinutes = DumpCells.PositiveInt(row.Text("runtime")),
                ReleaseDate = DumpCells.Date(row.Text("release_date")),
                TmdbRating = DumpCells.Rating(row.Text("vote_average"), voteCount),
                TmdbVoteCount = voteCount,
                TmdbPopularity = DumpCells.Double(row.Text("popularity")),
                Source = MetadataFile.SourceName,
            });
        }
        return new MetadataDump { Path = path, Format = MetadataDumpFormat.JoinFile, Rows = rows, Skipped = skipped };
    }

    // The shared join file copies MovieLens's title ("Toy Story (1995)", see its SOURCE.md), which is not TMDB's:
    // taken as the display title it would bring back the year and the alternates. A title with a year is MovieLens's.
    private static string? TmdbTitle(string? title) => title is not null && MovieTitle.Parse(title).Year is null ? title : null;
}
