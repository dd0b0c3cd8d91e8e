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
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        var dump = DumpCells.ReadByTmdbId(path, MetadataDumpFormat.TmdbMovieDataset2023, (tmdbId, row) => DumpCells.FlatFields(tmdbId, row) with
        {
            TmdbGenres = DumpCells.NullIfEmpty(DumpCells.CommaNames(row.Text("genres"))),
            Keywords = DumpCells.Keywords(DumpCells.CommaNames(row.Text("keywords"))),
            SpokenLanguages = Codes(row.Text("spoken_languages"), IsoNames.LanguageCode, unknown),
            ProductionCountries = Codes(row.Text("production_countries"), IsoNames.CountryCode, unknown),
            ProductionCompanies = DumpCells.NullIfEmpty(DumpCells.CommaNames(row.Text("production_companies"))),
        });
        return dump with { UnknownNames = unknown };
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
