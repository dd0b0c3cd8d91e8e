using System.CommandLine;
using Marquee.Core.Artifacts;
using Marquee.Core.Catalog;
using Marquee.Core.Enrichment;
using Marquee.Core.Import;

namespace Marquee.Cli.Commands;

internal static class EnrichCommand
{
    public static Command Create()
    {
        var metadataFile = new Option<string?>("--metadata-file") { Description = "Offline metadata dump (columns of movie_metadata_join.csv)" };
        var command = new Command("enrich", "Add overviews, posters and runtimes to the imported movies") { metadataFile };
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(metadataFile) is { } file)
            {
                return EnrichFromFileAsync(file, CliEnvironment.DataDir, cancellationToken);
            }
            throw new CliException("enrich needs --metadata-file CSV");
        });
        return command;
    }

    /// <summary>
    /// Merges a metadata dump into <c>movies_enriched.parquet</c>. Rows fetched from the TMDB API are
    /// fresher than any dump and are kept.
    /// </summary>
    public static async Task<int> EnrichFromFileAsync(string file, string dataDir, CancellationToken cancellationToken)
    {
        var data = new DataDirectory(dataDir);
        if (!data.HasDataset)
        {
            throw new CliException($"no imported dataset in {data.Root}; run ./marquee import first");
        }
        var movies = await ParquetTables.ReadMoviesAsync(data.Movies, cancellationToken);
        var known = movies.Select(m => m.MovieId).ToHashSet();
        var problems = new List<ImportProblem>();
        var rows = await Progress.RunAsync("Reading metadata", _ => Task.FromResult(MetadataFile.Read(Path.GetFullPath(file), problems)));
        var existing = File.Exists(data.MoviesEnriched)
            ? (await ParquetTables.ReadMovieDetailsAsync(data.MoviesEnriched, cancellationToken)).ToDictionary(d => d.MovieId)
            : [];
        var merged = new Dictionary<int, MovieDetails>(existing);
        var applied = 0;
        foreach (var row in rows.Where(r => known.Contains(r.MovieId)))
        {
            if (existing.TryGetValue(row.MovieId, out var current) && current.Source is not (null or MetadataFile.SourceName))
            {
                continue;
            }
            merged[row.MovieId] = row;
            applied++;
        }
        await ParquetTables.WriteMovieDetailsAsync(data.MoviesEnriched, merged.Values.OrderBy(d => d.MovieId), cancellationToken);
        foreach (var problem in problems.Take(10))
        {
            Console.Error.WriteLine($"skipped {problem}");
        }
        var withOverview = merged.Values.Count(d => d.Overview is not null);
        var withPoster = merged.Values.Count(d => d.PosterPath is not null);
        Console.WriteLine($"Enriched {applied:N0} of {movies.Count:N0} movies from {Path.GetFileName(file)}: "
                          + $"{withOverview:N0} with an overview, {withPoster:N0} with a poster");
        return 0;
    }
}
