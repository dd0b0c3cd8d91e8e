using Marquee.Core.Catalog;

namespace Marquee.Core.Enrichment;

/// <summary>How many catalogue films have one field after enrichment, and which source gave it to most of them.</summary>
/// <param name="TopSource">A dump's file name, <see cref="MetadataEnrichment.AlreadyStored"/>, or null when no film has the field.</param>
public sealed record FieldCoverage(string Field, int Films, double Share, string? TopSource);

/// <summary>What one dump did in a run.</summary>
/// <param name="Matched">Catalogue films the file had a row for.</param>
/// <param name="Filled">Films that gained at least one field from this file.</param>
public sealed record DumpApplied(MetadataDump Dump, int Matched, int Filled);

/// <summary>The enriched rows to publish, and what the run did.</summary>
public sealed record MetadataEnrichmentResult(
    IReadOnlyList<MovieDetails> Rows, IReadOnlyList<DumpApplied> Dumps, IReadOnlyList<FieldCoverage> Coverage, int CatalogMovies);

/// <summary>
/// Applies metadata dumps to what <c>movies_enriched.parquet</c> holds, with one precedence: a stored value
/// (an earlier run, the TMDB API) is never overridden, and each dump, in the order given, only fills gaps
/// (<see cref="MovieDetailsMerge.FillGaps"/>). Afterwards every catalogue film has a display title.
/// </summary>
public static class MetadataEnrichment
{
    /// <summary>How coverage names values that were in <c>movies_enriched.parquet</c> before the run.</summary>
    public const string AlreadyStored = "(already stored)";

    /// <summary>The fields the coverage table reports, in its order.</summary>
    public static readonly IReadOnlyList<(string Name, Func<MovieDetails, bool> Has)> Fields =
    [
        ("overview", d => d.Overview is not null),
        ("poster", d => d.PosterPath is not null),
        ("backdrop", d => d.BackdropPath is not null),
        ("runtime", d => d.RuntimeMinutes is not null),
        ("release date", d => d.ReleaseDate is not null),
        ("TMDB rating", d => d.TmdbRating is not null),
        ("TMDB genres", d => d.TmdbGenres is { Count: > 0 }),
        ("keywords", d => d.Keywords is { Count: > 0 }),
        ("original language", d => d.OriginalLanguage is not null),
        ("spoken languages", d => d.SpokenLanguages is { Count: > 0 }),
        ("production countries", d => d.ProductionCountries is { Count: > 0 }),
        ("production companies", d => d.ProductionCompanies is { Count: > 0 }),
        ("collection", d => d.CollectionId is not null || d.CollectionName is not null),
        ("tagline", d => d.Tagline is not null),
        ("certification", d => d.Certification is not null),
        ("directors", d => d.Directors is { Count: > 0 }),
        ("cast", d => d.Cast is { Count: > 0 }),
        ("display title (TMDB)", d => d.Title is not null),
    ];

    /// <param name="movies">The catalogue (<c>movies.parquet</c>).</param>
    /// <param name="links">MovieLens → TMDB ids (<c>tmdb_mapping.parquet</c>); several films may share a TMDB id.</param>
    /// <param name="stored">What <c>movies_enriched.parquet</c> holds now.</param>
    /// <param name="dumps">The dumps, in the order given: an earlier one wins over a later one.</param>
    public static MetadataEnrichmentResult Apply(IReadOnlyList<Movie> movies, IEnumerable<MovieLink> links,
        IEnumerable<MovieDetails> stored, IReadOnlyList<MetadataDump> dumps)
    {
        var catalog = movies.ToDictionary(m => m.MovieId);
        var titles = movies.ToDictionary(m => m.MovieId, m => MovieTitle.SplitAlternates(m.Title));
        var rows = new Dictionary<int, MovieDetails>();
        foreach (var row in stored)
        {
            if (row.Source == MovieDetails.MovieLensTitleSource)
            {
                continue; // nothing but the MovieLens title: rebuilt below, and a dump may now have more
            }
            // A title equal to the MovieLens one may be this step's own fallback from an earlier run, not TMDB's:
            // forget it so a dump's TMDB title can take its place. Nothing records which it was, so in the rare case
            // a real TMDB title equals MovieLens's and a dump spells it differently, the dump's spelling wins.
            var isFallback = row.Title is not null && titles.TryGetValue(row.MovieId, out var title) && row.Title == title.Main;
            rows[row.MovieId] = isFallback ? row with { Title = null } : row;
        }

        var contributions = Fields.ToDictionary(f => f.Name, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        foreach (var (name, has) in Fields)
        {
            var stores = rows.Values.Count(r => catalog.ContainsKey(r.MovieId) && has(r));
            if (stores > 0)
            {
                contributions[name][AlreadyStored] = stores;
            }
        }

        var byTmdbId = links
            .Where(l => l.TmdbId is > 0 && catalog.ContainsKey(l.MovieId))
            .GroupBy(l => l.TmdbId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(l => l.MovieId).Distinct().ToList());
        var applied = new List<DumpApplied>();
        foreach (var dump in dumps)
        {
            var matched = new HashSet<int>();
            var filled = new HashSet<int>();
            foreach (var row in dump.Rows)
            {
                IEnumerable<int> targets = dump.KeyedByMovieId
                    ? catalog.ContainsKey(row.MovieId) ? [row.MovieId] : []
                    : row.TmdbId is { } tmdbId && byTmdbId.TryGetValue(tmdbId, out var ids) ? ids : [];
                foreach (var movieId in targets)
                {
                    matched.Add(movieId);
                    var filler = row with { MovieId = movieId };
                    var before = rows.GetValueOrDefault(movieId);
                    var after = before is null ? filler : MovieDetailsMerge.FillGaps(before, filler);
                    foreach (var (name, has) in Fields)
                    {
                        if (has(after) && (before is null || !has(before)))
                        {
                            contributions[name][dump.FileName] = contributions[name].GetValueOrDefault(dump.FileName) + 1;
                            filled.Add(movieId);
                        }
                    }
                    rows[movieId] = after;
                }
            }
            applied.Add(new DumpApplied(dump, matched.Count, filled.Count));
        }

        // Coverage of the TMDB title is taken before MovieLens titles fill the remaining gaps.
        var withTmdbTitle = rows.Values.Count(r => catalog.ContainsKey(r.MovieId) && r.Title is not null);
        foreach (var movie in movies)
        {
            var (main, alternates) = titles[movie.MovieId];
            var fromMovieLens = new MovieDetails
            {
                MovieId = movie.MovieId,
                Title = main,
                AlsoKnownAs = alternates.Count > 0 ? alternates : null,
                Source = MovieDetails.MovieLensTitleSource,
            };
            rows[movie.MovieId] = rows.TryGetValue(movie.MovieId, out var row) ? MovieDetailsMerge.FillGaps(row, fromMovieLens) : fromMovieLens;
        }

        var inCatalog = rows.Values.Where(r => catalog.ContainsKey(r.MovieId)).ToList();
        var coverage = Fields.Select(f =>
        {
            var films = f.Name == "display title (TMDB)" ? withTmdbTitle : inCatalog.Count(r => f.Has(r));
            var top = contributions[f.Name].OrderByDescending(c => c.Value).Select(c => c.Key).FirstOrDefault();
            return new FieldCoverage(f.Name, films, movies.Count == 0 ? 0 : (double)films / movies.Count, films > 0 ? top : null);
        }).ToList();
        return new MetadataEnrichmentResult(rows.Values.OrderBy(r => r.MovieId).ToList(), applied, coverage, movies.Count);
    }
}
