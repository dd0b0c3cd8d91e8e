using Marquee.Core.Catalog;
using Marquee.Core.Import;

namespace Marquee.Core.Enrichment;

/// <summary>
/// Reads Kaggle's "TMDB 5000" <c>tmdb_5000_movies.csv</c>, keyed by TMDB <c>id</c>. Its list cells are JSON:
/// <c>[{"id": 28, "name": "Action"}]</c>; countries carry <c>iso_3166_1</c>, languages <c>iso_639_1</c>.
/// </summary>
public static class Tmdb5000Reader
{
    public static MetadataDump Read(string path) =>
        DumpCells.ReadByTmdbId(path, MetadataDumpFormat.Tmdb5000, (tmdbId, row) => DumpCells.FlatFields(tmdbId, row) with
        {
            TmdbGenres = DumpCells.NullIfEmpty(DumpCells.Field(DumpCells.ParseJson(row.Text("genres")))),
            Keywords = DumpCells.Keywords(DumpCells.Field(DumpCells.ParseJson(row.Text("keywords")))),
            SpokenLanguages = DumpCells.NullIfEmpty(DumpCells.Field(DumpCells.ParseJson(row.Text("spoken_languages")), "iso_639_1")),
            ProductionCountries = DumpCells.NullIfEmpty(DumpCells.Field(DumpCells.ParseJson(row.Text("production_countries")), "iso_3166_1")),
            ProductionCompanies = DumpCells.NullIfEmpty(DumpCells.Field(DumpCells.ParseJson(row.Text("production_companies")))),
        });
}
