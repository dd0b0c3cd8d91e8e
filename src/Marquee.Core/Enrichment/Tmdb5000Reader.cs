using Marquee.Core.Catalog;
using Marquee.Core.Import;

namespace Marquee.Core.Enrichment;

/// <summary>
/// Reads Kaggle's "TMDB 5000" <c>tmdb_5000_movies.csv</c>, keyed by TMDB <c>id</c>. Its list cells are JSON:
/// <c>[{"id": 28, "name": "Action"}]</c>; countries carry <c>iso_3166_1</c>, languages <c>iso_639_1</c>.
/// </summary>
public static class Tmdb5000Reader
{
    public static MetadataDump Read(string path)
    {
        var rows = new List<MovieDetails>();
        var skipped = new List<ImportProblem>();
        var file = Path.GetFileName(path);
        foreach (var row in DumpCells.Rows(path))
        {
            if (DumpCells.Id(row.Text("id")) is not { } tmdbId)
            {
                skipped.Add(new ImportProblem(file, row.Line, "id is not a positive integer"));
                continue;
            }
            var voteCount = DumpCells.PositiveInt(row.Text("vote_count"));
            rows.Add(new MovieDetails
            {
                MovieId = 0,
                TmdbId = tmdbId,
                Title = row.Text("title"),
                OriginalTitle = row.Text("original_title"),
                Overview = row.Text("overview"),
                Tagline = row.Text("tagline"),
                RuntimeMinutes = DumpCells.PositiveInt(row.Text("runtime")),
                ReleaseDate = DumpCells.Date(row.Text("release_date")),
                TmdbRating = DumpCells.Rating(row.Text("vote_average"), voteCount),
                TmdbVoteCount = voteCount,
                TmdbPopularity = DumpCells.Double(row.Text("popularity")),
                TmdbGenres = DumpCells.NullIfEmpty(DumpCells.Field(DumpCells.ParseJson(row.Text("genres")))),
                Keywords = DumpCells.Keywords(DumpCells.Field(DumpCells.ParseJson(row.Text("keywords")))),
                OriginalLanguage = row.Text("original_language"),
                SpokenLanguages = DumpCells.NullIfEmpty(DumpCells.Field(DumpCells.ParseJson(row.Text("spoken_languages")), "iso_639_1")),
                ProductionCountries = DumpCells.NullIfEmpty(DumpCells.Field(DumpCells.ParseJson(row.Text("production_countries")), "iso_3166_1")),
                ProductionCompanies = DumpCells.NullIfEmpty(DumpCells.Field(DumpCells.ParseJson(row.Text("production_companies")))),
                Source = MetadataFile.SourceName,
            });
        }
        return new MetadataDump { Path = path, Format = MetadataDumpFormat.Tmdb5000, Rows = rows, Skipped = skipped };
    }
}
