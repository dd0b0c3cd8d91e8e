using System.Collections.Frozen;

namespace Marquee.Core.Catalog;

/// <summary>One movie with everything known about it: identity, rating evidence, links and details.</summary>
public sealed class CatalogMovie
{
    internal CatalogMovie(int index, Movie movie, MovieStats? stats, MovieLink? link, MovieDetails? details, IReadOnlyList<string> tags,
        string imageBaseUrl)
    {
        PosterUrl = TmdbImages.Url(details?.PosterPath, "w500", imageBaseUrl);
        BackdropUrl = TmdbImages.Url(details?.BackdropPath, "w1280", imageBaseUrl);
        Index = index;
        Movie = movie;
        RatingCount = stats?.RatingCount ?? 0;
        RatingMean = stats is { RatingCount: > 0 } s ? s.RatingMean : null;
        TmdbId = details?.TmdbId ?? link?.TmdbId;
        ImdbId = details?.ImdbId ?? link?.ImdbId;
        Details = details;
        Tags = tags;
        GenreMask = GenreSet.From(movie.Genres);
        TmdbGenres = (details?.TmdbGenres ?? []).Select(Catalog.Genres.FromTmdb).OfType<string>().Distinct().ToList();
        TmdbGenreMask = GenreSet.From(TmdbGenres);
        ReleaseYear = movie.Year ?? details?.ReleaseDate?.Year;
        var (main, alternates) = MovieTitle.SplitAlternates(movie.Title);
        HasOriginalTitle = MovieTitle.HasOriginalTitle(movie.Title);
        Title = details?.Title is { Length: > 0 } display ? display : main;
        AlsoKnownAs = new[] { details?.OriginalTitle }
            .Concat(details?.AlsoKnownAs ?? [])
            .Concat(alternates)
            .Append(main)
            .OfType<string>()
            .Where(t => t.Length > 0 && !string.Equals(t, Title, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Dense position in the catalogue (movies ordered by id).</summary>
    public int Index { get; }
    public Movie Movie { get; }
    public int MovieId => Movie.MovieId;
    /// <summary>
    /// The title people know the film by: TMDB's title when enrichment found one, else the MovieLens
    /// title without the alternates it keeps in parentheses ("Amelie", not "Amelie (Fabuleux destin…)").
    /// </summary>
    public string Title { get; }
    /// <summary>Original-language and alternate titles, without the display title itself.</summary>
    public IReadOnlyList<string> AlsoKnownAs { get; }
    /// <summary>MovieLens lists the film with a title in another language (<see cref="MovieTitle.HasOriginalTitle"/>): it is not an English-language film.</summary>
    public bool HasOriginalTitle { get; }
    /// <summary>Runs under <see cref="MovieDetails.ShortRuntimeMinutes"/> minutes: not what people mean by "a film".</summary>
    public bool IsShort => Details?.IsShort ?? false;
    public int? ReleaseYear { get; }
    public IReadOnlyList<string> Genres => Movie.Genres;
    public GenreSet GenreMask { get; }
    /// <summary>
    /// The film's TMDB genres in MovieLens terms, in TMDB's order: a second opinion where MovieLens files fewer genres
    /// (Gravity and The Grey are thrillers to TMDB, not to MovieLens). Empty without TMDB details.
    /// </summary>
    public IReadOnlyList<string> TmdbGenres { get; }
    /// <summary><see cref="TmdbGenres"/> as bits.</summary>
    public GenreSet TmdbGenreMask { get; }
    public int RatingCount { get; }
    /// <summary>Mean community rating on the 0.5–5 scale; null when nobody rated the movie.</summary>
    public double? RatingMean { get; }
    public int? TmdbId { get; }
    public string? ImdbId { get; }
    public MovieDetails? Details { get; }
    public int? RuntimeMinutes => Details?.RuntimeMinutes;
    public string? PosterUrl { get; }
    public string? BackdropUrl { get; }
    /// <summary>Distinct MovieLens user tags, most used first.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>
    /// What the film is filed under: its MovieLens tags, then its TMDB keywords. One set of labels: "time travel"
    /// filed by a viewer and by TMDB is one fact about the film.
    /// </summary>
    public IEnumerable<string> Labels => Tags.Concat(Details?.Keywords ?? []);
}

/// <summary>The movie catalogue served by the API, built from the rows an import wrote (<c>MovieCatalog.LoadAsync</c>, in
/// Marquee.Core.Artifacts, reads them from a data directory).</summary>
public sealed class MovieCatalog
{
    private readonly FrozenDictionary<int, CatalogMovie> _byId;

    public MovieCatalog(IReadOnlyList<Movie> movies, IEnumerable<MovieStats> stats, IEnumerable<MovieLink> links,
        IEnumerable<MovieDetails> details, IEnumerable<MovieTag> tags, string? imageBaseUrl = null)
    {
        ImageBaseUrl = imageBaseUrl is { Length: > 0 } ? imageBaseUrl : TmdbImages.DefaultBaseUrl;
        var statsById = stats.ToDictionary(s => s.MovieId);
        var linksById = links.GroupBy(l => l.MovieId).ToDictionary(g => g.Key, g => g.First());
        var detailsById = details.GroupBy(d => d.MovieId).ToDictionary(g => g.Key, g => g.Last());
        var tagsById = tags
            .GroupBy(t => t.MovieId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g
                .GroupBy(t => t.Tag.Trim().ToLowerInvariant())
                .OrderByDescending(t => t.Count()).ThenBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => t.Key).ToList());

        var ordered = movies.OrderBy(m => m.MovieId).ToList();
        var items = new CatalogMovie[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var id = ordered[i].MovieId;
            items[i] = new CatalogMovie(i, ordered[i],
                statsById.TryGetValue(id, out var s) ? s : null,
                linksById.TryGetValue(id, out var l) ? l : null,
                detailsById.GetValueOrDefault(id),
                tagsById.GetValueOrDefault(id) ?? [], ImageBaseUrl);
        }
        Movies = items;
        _byId = items.ToFrozenDictionary(m => m.MovieId);
        var rated = items.Where(m => m.RatingCount > 0).ToList();
        var totalRatings = rated.Sum(m => (long)m.RatingCount);
        GlobalMeanRating = totalRatings == 0 ? 3.5 : rated.Sum(m => m.RatingMean!.Value * m.RatingCount) / totalRatings;
        GenreCounts = Catalog.Genres.All
            .Select(g => (Genre: g, Count: items.Count(m => m.Movie.Genres.Contains(g))))
            .Where(g => g.Count > 0)
            .OrderBy(g => g.Genre, StringComparer.Ordinal)
            .ToList();
        DetailsCount = detailsById.Values.Count(d => d.HasTmdbDetails());
        // The median ratio over films well rated in both: an old classic's fame is what MovieLens says, a recent
        // film's (A Quiet Place: 4 ratings, thousands of votes) what TMDB says.
        var ratios = items.Where(m => m.RatingCount >= 10 && m.Details?.TmdbVoteCount > 0)
            .Select(m => (double)m.Details!.TmdbVoteCount!.Value / m.RatingCount).Order().ToList();
        TmdbVotesPerRating = ratios.Count > 0 ? ratios[ratios.Count / 2] : double.PositiveInfinity;
    }

    /// <summary>How many TMDB votes one MovieLens rating is worth in this catalogue (infinite when no film has both).</summary>
    public double TmdbVotesPerRating { get; }

    /// <summary>A film's TMDB votes in MovieLens ratings (0 without votes).</summary>
    public double TmdbVotesAsRatings(CatalogMovie movie) => (movie.Details?.TmdbVoteCount ?? 0) / TmdbVotesPerRating;

    /// <summary>How many people know a film: its MovieLens ratings, or its TMDB votes in ratings when those say more.</summary>
    public int KnownRatings(CatalogMovie movie) => (int)Math.Min(int.MaxValue, Math.Max(movie.RatingCount, TmdbVotesAsRatings(movie)));

    public IReadOnlyList<CatalogMovie> Movies { get; }
    public int Count => Movies.Count;
    public double GlobalMeanRating { get; }
    public IReadOnlyList<(string Genre, int Count)> GenreCounts { get; }
    /// <summary>Movies with details from TMDB or a dump; rows that hold only the MovieLens display title do not count.</summary>
    public int DetailsCount { get; }

    /// <summary>TMDB's image base URL as its <c>/configuration</c> last answered (enrich --tmdb), else the usual one.</summary>
    public string ImageBaseUrl { get; }

    public CatalogMovie? Find(int movieId) => _byId.GetValueOrDefault(movieId);

    public bool Contains(int movieId) => _byId.ContainsKey(movieId);

    /// <summary>
    /// Artifacts of the data directory left out because they were built for another dataset, one sentence each
    /// (empty when everything fits); <c>/health</c> reports them.
    /// </summary>
    public IReadOnlyList<string> Refused { get; internal init; } = [];
}
