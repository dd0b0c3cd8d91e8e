import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api';
import { type UIMovie, mapMovieRecToUI } from '@/lib/mappers';
import { queryKeys } from '@/lib/query-keys';

export interface SimilarMovies {
  movies: UIMovie[];
  /** How the list was made, for the heading: the server's similarity, or a genre fallback. */
  basis: { kind: 'similar'; method: string | null } | { kind: 'genres'; genres: string[] };
}

/**
 * "More like this" from GET /movies/{id}/similar. Servers without that endpoint get the closest
 * honest substitute: the best films sharing this one's most specific genres.
 */
export function useSimilarMovies(movie: UIMovie | undefined) {
  return useQuery({
    queryKey: movie ? queryKeys.similar(movie.id) : ['movie', 'none', 'similar'],
    enabled: movie !== undefined,
    staleTime: 10 * 60_000,
    queryFn: async ({ signal }): Promise<SimilarMovies> => {
      const current = movie!;
      try {
        const similar = await api.similarMovies(current.id, signal);
        return {
          movies: similar.items.map(mapMovieRecToUI).filter((m) => m.id !== current.id),
          basis: { kind: 'similar', method: similar.method },
        };
      } catch (error) {
        if (!(isApiError(error) && error.isUnavailable)) throw error;
      }
      if (current.genres.length === 0) return { movies: [], basis: { kind: 'genres', genres: [] } };
      const counts = new Map((await api.genres(signal)).map((genre) => [genre.name, genre.movie_count]));
      const specific = [...current.genres].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0)).slice(0, 2);
      const page = await api.recommend(
        { genres: specific, exclude_movie_ids: [current.id], k: 12, recommender: 'baseline' },
        null,
        signal,
      );
      return { movies: page.items.map(mapMovieRecToUI), basis: { kind: 'genres', genres: specific } };
    },
  });
}
