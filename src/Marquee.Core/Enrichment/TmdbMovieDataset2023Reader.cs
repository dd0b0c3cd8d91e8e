using Marquee.Core.Catalog;
using Marquee.Core.Import;

namespace Marquee.Core.Enrichment;

/// <summary>
/// Reads Kaggle's "TMDB Movies Dataset 2023" <c>TMDB_movie_dataset_v11.csv</c>, keyed by TMDB <c>id</c>. Its
/// list cells are comma-separated names ("United Kingdom, United States of America", "English, French");
/// countries and languages are turned into ISO codes with <see cref="IsoNames"/>, and names it does not know
/// are left out and counted.
/// </summary>
public static class TmdbMovieDataset2023Reader
{
    public static MetadataDump Read(string path)
    {
        var rows = new List<MovieDetails>();
        var skipped = new List<ImportProblem>();
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
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
                ImdbId = DumpCells.ImdbId(row.Text("imdb_id")),
                Title = row.Text("title"),
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
                TmdbGenres = DumpCells.NullIfEmpty(DumpCells.CommaNames(row.Text("genres"))),
                Keywords = DumpCells.Keywords(DumpCells.CommaNames(row.Text("keywords"))),
                OriginalLanguage = row.Text("original_language"),
                SpokenLanguages = Codes(row.Text("spoken_languages"), IsoNames.LanguageCode, unknown),
                ProductionCountries = Codes(row.Text("production_countries"), IsoNames.CountryCode, unknown),
                ProductionCompanies = DumpCells.NullIfEmpty(DumpCells.CommaNames(row.Text("production_companies"))),
                Source = MetadataFile.SourceName,
            });
        }
        return new MetadataDump { Path = path, Format = MetadataDumpFormat.TmdbMovieDataset2023, Rows = rows, Skipped = skipped, UnknownNames = unknown };
    }

    private static IReadOnlyList<string>? Codes(string? names, Func<string, string?> code, Dictionary<string, int> unknown)
    {
        var codes = new List<string>();
        foreach (var name in DumpCells.CommaNames(names))
        {
            if (code(name) is { } known)
            {
                if (!codes.Contains(known, StringComparer.Ordinal))
                {
                    codes.Add(known);
                }
            }
            else
            {
                unknown[name] = unknown.GetValueOrDefault(name) + 1;
            }
        }
        return DumpCells.NullIfEmpty(codes);
    }
}
