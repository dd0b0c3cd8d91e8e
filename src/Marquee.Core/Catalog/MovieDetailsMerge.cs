namespace Marquee.Core.Catalog;

/// <summary>
/// Combines what several sources know of one film, field by field. The rule every enrichment path
/// follows: what is already stored wins, a later source only fills what is missing.
/// </summary>
public static class MovieDetailsMerge
{
    /// <summary>
    /// <paramref name="kept"/> with each missing field taken from <paramref name="filler"/>. Identity
    /// (<see cref="MovieDetails.MovieId"/>, <see cref="MovieDetails.Source"/>, <see cref="MovieDetails.FetchedAt"/>)
    /// stays <paramref name="kept"/>'s. A list counts as missing when it is null or empty. Keywords are the one
    /// exception: they are labels, not one reading of a fact, and TMDB's editors add them over the years (the 2017
    /// dump tags Freaky Friday "body exchange", the 2023 one "body-swap"), so every source's keywords are kept.
    /// </summary>
    public static MovieDetails FillGaps(MovieDetails kept, MovieDetails filler) => kept with
    {
        TmdbId = kept.TmdbId ?? filler.TmdbId,
        ImdbId = kept.ImdbId ?? filler.ImdbId,
        Title = kept.Title ?? filler.Title,
        OriginalTitle = kept.OriginalTitle ?? filler.OriginalTitle,
        AlsoKnownAs = List(kept.AlsoKnownAs, filler.AlsoKnownAs),
        Overview = kept.Overview ?? filler.Overview,
        Tagline = kept.Tagline ?? filler.Tagline,
        PosterPath = kept.PosterPath ?? filler.PosterPath,
        BackdropPath = kept.BackdropPath ?? filler.BackdropPath,
        RuntimeMinutes = kept.RuntimeMinutes ?? filler.RuntimeMinutes,
        ReleaseDate = kept.ReleaseDate ?? filler.ReleaseDate,
        // Rating and vote count describe one poll: take them together.
        TmdbRating = kept.TmdbVoteCount is not null ? kept.TmdbRating : filler.TmdbRating,
        TmdbVoteCount = kept.TmdbVoteCount ?? filler.TmdbVoteCount,
        TmdbPopularity = kept.TmdbPopularity ?? filler.TmdbPopularity,
        TmdbGenres = List(kept.TmdbGenres, filler.TmdbGenres),
        Keywords = Union(kept.Keywords, filler.Keywords),
        OriginalLanguage = kept.OriginalLanguage ?? filler.OriginalLanguage,
        SpokenLanguages = List(kept.SpokenLanguages, filler.SpokenLanguages),
        ProductionCountries = List(kept.ProductionCountries, filler.ProductionCountries),
        ProductionCompanies = List(kept.ProductionCompanies, filler.ProductionCompanies),
        CollectionId = kept.CollectionId ?? filler.CollectionId,
        CollectionName = kept.CollectionName ?? filler.CollectionName,
        Certification = kept.Certification ?? filler.Certification,
        CertificationCountry = kept.Certification is not null ? kept.CertificationCountry : filler.CertificationCountry,
        Directors = List(kept.Directors, filler.Directors),
        Writers = List(kept.Writers, filler.Writers),
        Cast = List(kept.Cast, filler.Cast),
    };

    private static IReadOnlyList<string>? Union(IReadOnlyList<string>? kept, IReadOnlyList<string>? filler)
    {
        if (filler is not { Count: > 0 })
        {
            return kept;
        }
        if (kept is not { Count: > 0 })
        {
            return filler;
        }
        var seen = new HashSet<string>(kept, StringComparer.OrdinalIgnoreCase);
        return [.. kept, .. filler.Where(seen.Add)];
    }

    private static IReadOnlyList<T>? List<T>(IReadOnlyList<T>? kept, IReadOnlyList<T>? filler) =>
        kept is { Count: > 0 } ? kept : filler is { Count: > 0 } ? filler : kept;
}
