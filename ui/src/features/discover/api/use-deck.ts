import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { type ApiError, api, isApiError } from '@/lib/api';
import type { FeedbackAction } from '@/lib/api-schemas';
import { newIdempotencyKey } from '@/lib/ids';
import { type UIIntent, mapRecommendations } from '@/lib/mappers';
import { queryKeys } from '@/lib/query-keys';
import { withSession } from '@/lib/session';
import {
  type StackState,
  type SwipeAction,
  type SwipeRecord,
  emptyStack,
  excludedIds,
  lastSwipe,
  needsMore,
  stackReducer,
} from '../lib/card-stack';
import { type DiscoverFilters, filtersKey, toRecommendRequest } from '../lib/filters';

export const PAGE_SIZE = 20;
/** Cards on top of the stack that a re-rank must leave in place: they may already be on screen. */
export const KEEP_HEAD = 2;
const LOW_WATER = 6;
const MAX_EXCLUDED = 1000;

export interface DeckMeta {
  intent: UIIntent | null;
  fallbackReason: string | null;
  notice: string | null;
  recommender: string | null;
}

interface DeckSnapshot {
  stack: StackState;
  meta: DeckMeta;
}

// Kept across route changes so that leaving Discover for the watchlist and coming back finds the
// same stack; keyed by the search so that each search has its own.
const snapshots = new Map<string, DeckSnapshot>();
const emptyMeta: DeckMeta = { intent: null, fallbackReason: null, notice: null, recommender: null };

export function forgetDecks(): void {
  snapshots.clear();
}

type LoadMode = 'fill' | 'rerank';

const profileChanging = new Set<SwipeAction>(['like', 'dislike', 'watchlist']);

export function useDeck(filters: DiscoverFilters) {
  const key = filtersKey(filters);
  const queryClient = useQueryClient();
  const [stack, dispatch] = useReducer(stackReducer, snapshots.get(key)?.stack ?? emptyStack);
  const [meta, setMeta] = useState<DeckMeta>(snapshots.get(key)?.meta ?? emptyMeta);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const stackRef = useRef(stack);
  const generation = useRef(0);
  const inFlight = useRef<AbortController | null>(null);
  const pending = useRef(new Map<string, Promise<number>>());
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  // Layout effect: a click on the freshly painted card must already see the stack it shows.
  useLayoutEffect(() => {
    stackRef.current = stack;
    snapshots.set(key, { stack, meta });
  }, [key, stack, meta]);

  const load = useCallback(async (mode: LoadMode) => {
    const gen = ++generation.current;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    const current = stackRef.current;
    const keepHead = mode === 'rerank' ? KEEP_HEAD : undefined;
    const exclude = excludedIds(current, keepHead).slice(-MAX_EXCLUDED);
    const query = filtersRef.current.query.trim() || null;
    setLoading(true);
    try {
      const response = await withSession((session) =>
        api.recommend(
          { ...toRecommendRequest(filtersRef.current), user_id: session.user_id, k: PAGE_SIZE, exclude_movie_ids: exclude },
          session,
          controller.signal,
        ),
      );
      if (gen !== generation.current) return;
      const page = mapRecommendations(response, query);
      dispatch({
        type: 'pageLoaded',
        cards: page.movies.map((movie) => ({ movie, provenance: page.provenance })),
        ...(keepHead === undefined ? {} : { keepHead }),
      });
      setMeta({
        intent: page.intent,
        fallbackReason: page.fallbackReason,
        notice: page.notice,
        recommender: page.provenance.recommender,
      });
      setError(null);
    } catch (caught) {
      if (controller.signal.aborted || gen !== generation.current) return;
      setError(isApiError(caught) ? caught : null);
      if (!isApiError(caught)) throw caught;
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => () => inFlight.current?.abort(), []);

  const feedback = useMutation({
    mutationFn: async (record: SwipeRecord) => {
      const feedbackAction: FeedbackAction = record.action;
      // The feedback and the watchlist entry are independent writes: send both at once.
      const saved =
        record.action === 'watchlist' ? withSession((session) => api.addToWatchlist(session, record.card.movie.id)) : null;
      const created = await withSession((session) =>
        api.postFeedback(
          session,
          {
            movie_id: record.card.movie.id,
            action: feedbackAction,
            context: {
              query: record.card.provenance.query,
              recommender: record.card.provenance.recommender,
              model_version: record.card.provenance.modelVersion,
              page_id: record.card.provenance.pageId,
              position: record.position,
            },
          },
          record.key,
        ),
      );
      await saved;
      return created.id;
    },
    retry: (failures, caught) => failures < 3 && isApiError(caught) && caught.isRetryable,
    retryDelay: (attempt) => Math.min(4000, 500 * 2 ** attempt),
    onSettled: (_data, _error, record) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.feedback });
      if (record.action === 'watchlist') void queryClient.invalidateQueries({ queryKey: queryKeys.watchlist });
    },
  });
  const postFeedback = feedback.mutateAsync;

  const swipe = useCallback(
    (action: SwipeAction): Promise<number> | null => {
      const current = stackRef.current;
      const top = current.queue[0];
      if (!top) return null;
      const record: SwipeRecord = { card: top, action, position: current.position, key: newIdempotencyKey(), feedbackId: null };
      dispatch({ type: 'swiped', action, key: record.key });
      const stored = postFeedback(record);
      pending.current.set(record.key, stored);
      stored
        .then((feedbackId) => {
          dispatch({ type: 'feedbackStored', key: record.key, feedbackId });
          if (profileChanging.has(action)) void load('rerank');
        })
        .catch(() => undefined)
        .finally(() => pending.current.delete(record.key));
      // The queue runs low before the stored feedback comes back: top it up now, re-rank later.
      if (needsMore({ ...current, queue: current.queue.slice(1) }, LOW_WATER) && !profileChanging.has(action)) void load('fill');
      return stored;
    },
    [load, postFeedback],
  );

  const undo = useCallback(async (): Promise<SwipeRecord | null> => {
    const record = lastSwipe(stackRef.current);
    if (!record) return null;
    dispatch({ type: 'undone' });
    const feedbackId = record.feedbackId ?? (await pending.current.get(record.key)?.catch(() => null)) ?? null;
    if (feedbackId !== null) await withSession((session) => api.undoFeedback(session, feedbackId));
    if (record.action === 'watchlist') {
      await withSession((session) => api.removeFromWatchlist(session, record.card.movie.id));
      void queryClient.invalidateQueries({ queryKey: queryKeys.watchlist });
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.feedback });
    if (profileChanging.has(record.action)) void load('rerank');
    return record;
  }, [load, queryClient]);

  const retry = useCallback(() => void load(stackRef.current.queue.length === 0 ? 'fill' : 'rerank'), [load]);

  useEffect(() => {
    if (!loading && !error && needsMore(stack, 0)) void load('fill');
  }, [stack, loading, error, load]);

  return { stack, meta, loading, error, swipe, undo, retry };
}
