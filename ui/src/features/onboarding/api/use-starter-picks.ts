import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { type Provenance, type UIMovie, mapRecommendations } from '@/lib/mappers';

/** One crowd favourite per genre: a spread of well-known films that tells tastes apart quickly. */
export const STARTER_GENRES = ['Animation', 'Action', 'Sci-Fi', 'Comedy', 'Romance', 'Horror', 'Crime', 'Drama'] as const;

export interface StarterPick {
  movie: UIMovie;
  provenance: Provenance;
  genre: string;
}

export function useStarterPicks() {
  return useQuery({
    queryKey: ['onboarding', 'starter-picks'],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async ({ signal }): Promise<StarterPick[]> => {
      const pages = await Promise.all(
        STARTER_GENRES.map((genre) => api.recommend({ genres: [genre], k: 6, recommender: 'baseline' }, null, signal)),
      );
      const taken = new Set<number>();
      const picks: StarterPick[] = [];
      pages.forEach((page, index) => {
        const mapped = mapRecommendations(page, null);
        const movie = mapped.movies.find((candidate) => !taken.has(candidate.id));
        if (!movie) return;
        taken.add(movie.id);
        picks.push({ movie, provenance: mapped.provenance, genre: STARTER_GENRES[index]! });
      });
      return picks;
    },
  });
}
