import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { ApiFeedbackList } from '@/lib/api-schemas';
import { type UIFeedbackEvent, mapFeedbackItem } from '@/lib/mappers';
import { queryKeys } from '@/lib/query-keys';
import { withSession } from '@/lib/session';

const PAGE = 50;

export function useHistory() {
  const query = useInfiniteQuery({
    queryKey: queryKeys.feedback,
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) =>
      withSession((session) => api.listFeedback(session, { limit: PAGE, before: pageParam }, signal)),
    getNextPageParam: (last: ApiFeedbackList) => last.next_before ?? undefined,
  });
  const events: UIFeedbackEvent[] = (query.data?.pages ?? []).flatMap((page) => page.items.map(mapFeedbackItem));
  return { ...query, events };
}

export function useUndoFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (event: UIFeedbackEvent) => {
      await withSession((session) => api.undoFeedback(session, event.id));
      if (event.action === 'watchlist') await withSession((session) => api.removeFromWatchlist(session, event.movieId));
    },
    onSuccess: (_data, event) => {
      queryClient.setQueryData<InfiniteData<ApiFeedbackList>>(queryKeys.feedback, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.map((item) => (item.id === event.id ? { ...item, undone: true } : item)),
              })),
            }
          : data,
      );
      if (event.action === 'watchlist') void queryClient.invalidateQueries({ queryKey: queryKeys.watchlist });
    },
  });
}
