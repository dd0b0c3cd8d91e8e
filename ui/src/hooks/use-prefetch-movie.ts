import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '@/lib/api';
import { queryKeys } from '@/lib/query-keys';

/** Warms the cache for a movie's page when a link to it is hovered or focused. */
export function usePrefetchMovie(movieId: number): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.prefetchQuery({
      queryKey: queryKeys.movie(movieId),
      queryFn: ({ signal }) => api.movie(movieId, signal),
      staleTime: 10 * 60_000,
    });
  }, [movieId, queryClient]);
}
