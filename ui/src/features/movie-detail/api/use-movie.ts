import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { mapMovieDetailToUI } from '@/lib/mappers';
import { queryKeys } from '@/lib/query-keys';

export function useMovie(movieId: number) {
  return useQuery({
    queryKey: queryKeys.movie(movieId),
    queryFn: ({ signal }) => api.movie(movieId, signal),
    select: mapMovieDetailToUI,
    enabled: Number.isInteger(movieId) && movieId > 0,
    staleTime: 10 * 60_000,
  });
}
