import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { type UIWatchlistEntry, mapWatchlistItem } from '@/lib/mappers';
import { queryKeys } from '@/lib/query-keys';
import { withSession } from '@/lib/session';

export function useWatchlist() {
  return useQuery({
    queryKey: queryKeys.watchlist,
    queryFn: ({ signal }) =>
      withSession((session) => api.watchlist(session, signal)).then((list) => list.items.map(mapWatchlistItem)),
  });
}

/** Adds or removes a movie, updating every view that shows the watchlist right away. */
export function useWatchlistToggle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ movieId, add }: { movieId: number; add: boolean }) => {
      if (add) await withSession((session) => api.addToWatchlist(session, movieId));
      else await withSession((session) => api.removeFromWatchlist(session, movieId));
    },
    onMutate: async ({ movieId, add }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.watchlist });
      const previous = queryClient.getQueryData<UIWatchlistEntry[]>(queryKeys.watchlist);
      if (previous && !add) {
        queryClient.setQueryData<UIWatchlistEntry[]>(
          queryKeys.watchlist,
          previous.filter((entry) => entry.movieId !== movieId),
        );
      }
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.watchlist, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.watchlist }),
  });
}
