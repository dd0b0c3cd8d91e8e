using Marquee.Core.Catalog;
using Marquee.Core.Import;

namespace Marquee.Core.Enrichment;

/// <summary>
/// Reads Kaggle's "The Movies Dataset": <c>movies_metadata.csv</c> (or any subset of its columns), keyed by
/// TMDB <c>id</c>, with <c>keywords.csv</c> and <c>credits.csv</c> when they sit in the same folder. Its list
/// cells are Python reprs: <c>[{'id': 16, 'name': 'Animation'}]</c>, <c>{'id': 10194, 'name': 'Toy Story Collection'}</c>.
/// </summary>
public static class MoviesDatasetReader
{
    public const string KeywordsFileName = "keywords.csv";
    public const string CreditsFileName = "credits.csv";

    /// <summary>Top-billed cast kept per film: enough for "with Tom Hanks", not the whole crowd scene.</summary>
    public const int CastKept = 10;

    public static MetadataDump Read(string path)
    {
        var main = DumpCells.ReadByTmdbId(path, MetadataDumpFormat.MoviesDataset, (tmdbId, row) =>
        {
            var collection = DumpCells.ParsePython(row.Text("belongs_to_collection")) as Dictionary<string, object?>;
            return DumpCells.FlatFields(tmdbId, row) with
            {
                TmdbGenres = DumpCells.NullIfEmpty(DumpCells.Field(DumpCells.ParsePython(row.Text("genres")))),
                SpokenLanguages = DumpCells.NullIfEmpty(DumpCells.Field(DumpCells.ParsePython(row.Text("spoken_languages")), "iso_639_1")),
                ProductionCountries = DumpCells.NullIfEmpty(DumpCells.Field(DumpCells.ParsePython(row.Text("production_countries")), "iso_3166_1")),
                ProductionCompanies = DumpCells.NullIfEmpty(DumpCells.Field(DumpCells.ParsePython(row.Text("production_companies")))),
                CollectionId = DumpCells.Id(collection?.GetValueOrDefault("id") as string),
                CollectionName = (collection?.GetValueOrDefault("name") as string)?.Trim() is { Length: > 0 } name ? name : null,
            };
        });
        var rows = new List<MovieDetails>(main.Rows);
        var skipped = new List<ImportProblem>(main.Skipped);
        var companions = new List<string>();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var (name, read) in new (string, Func<string, MetadataDump>)[] { (KeywordsFileName, ReadKeywords), (CreditsFileName, ReadCredits) })
        {
            var companion = Path.Combine(folder, name);
            if (File.Exists(companion) && !string.Equals(Path.GetFullPath(path), companion, StringComparison.Ordinal))
            {
                // Extra rows for the same TMDB ids: applying them fills keywords and credits in the same pass.
                var dump = read(companion);
                rows.AddRange(dump.Rows);
                skipped.AddRange(dump.Skipped);
                companions.Add(companion);
            }
        }
        return new MetadataDump { Path = path, Format = MetadataDumpFormat.MoviesDataset, Rows = rows, Skipped = skipped, Companions = companions };
    }

    /// <summary><c>keywords.csv</c>: id, keywords (<c>[{'id': 931, 'name': 'jealousy'}]</c>).</summary>
    public static MetadataDump ReadKeywords(string path) =>
        DumpCells.ReadByTmdbId(path, MetadataDumpFormat.MoviesDatasetKeywords, (tmdbId, row) => new MovieDetails
        {
            MovieId = 0,
            TmdbId = tmdbId,
            Keywords = DumpCells.Keywords(DumpCells.Field(DumpCells.ParsePython(row.Text("keywords")))),
            Source = MetadataFile.SourceName,
        });

    /// <summary>
    /// <c>credits.csv</c>: cast (name, id, order), crew (name, id, job, department), id. Directors are the crew
    /// whose job is "Director"; writers the crew in the "Writing" department.
    /// </summary>
    public static MetadataDump ReadCredits(string path) =>
        DumpCells.ReadByTmdbId(path, MetadataDumpFormat.MoviesDatasetCredits, (tmdbId, row) =>
        {
            var crew = DumpCells.Objects(DumpCells.ParsePython(row.Text("crew"))).ToList();
            var cast = DumpCells.Objects(DumpCells.ParsePython(row.Text("cast")))
                .OrderBy(c => DumpCells.Int(c.GetValueOrDefault("order") as string) ?? int.MaxValue);
            return new MovieDetails
            {
                MovieId = 0,
                TmdbId = tmdbId,
                Directors = People(crew.Where(c => c.GetValueOrDefault("job") as string == "Director")),
                Writers = People(crew.Where(c => c.GetValueOrDefault("department") as string == "Writing")),
                Cast = People(cast, CastKept),
                Source = MetadataFile.SourceName,
            };
        });

    private static IReadOnlyList<CreditedPerson>? People(IEnumerable<Dictionary<string, object?>> entries, int max = int.MaxValue) =>
        DumpCells.NullIfEmpty(entries
            .Where(e => e.GetValueOrDefault("name") is string { Length: > 0 })
            .Select(e => new CreditedPerson(((string)e["name"]!).Trim(), DumpCells.Id(e.GetValueOrDefault("id") as string)))
            .DistinctBy(p => (p.Name, p.TmdbId))
            .Take(max)
            .ToList());
}
