import type { Provenance, UIMovie } from '@/lib/mappers';

export type SwipeAction = 'like' | 'dislike' | 'skip' | 'watchlist';

export interface StackCard {
  movie: UIMovie;
  provenance: Provenance;
}

export interface SwipeRecord {
  card: StackCard;
  action: SwipeAction;
  /** Position of the card in the stream of this search, as sent in the feedback context. */
  position: number;
  /** Idempotency key of the feedback request; also how the stored id is matched back. */
  key: string;
  feedbackId: number | null;
}

export interface StackState {
  /** queue[0] is the card on top. */
  queue: StackCard[];
  /** Swipes of this search, oldest first. */
  swiped: SwipeRecord[];
  /** Stream position of the top card. */
  position: number;
  /** The server had nothing more for this search. */
  exhausted: boolean;
  lastSwipe: { action: SwipeAction; movieId: number } | null;
}

export type StackEvent =
  | { type: 'pageLoaded'; cards: StackCard[]; keepHead?: number }
  | { type: 'swiped'; action: SwipeAction; key: string }
  | { type: 'feedbackStored'; key: string; feedbackId: number }
  | { type: 'undone' };

export const emptyStack: StackState = { queue: [], swiped: [], position: 0, exhausted: false, lastSwipe: null };

/** Movies the next page must not repeat: everything swiped, plus the cards kept on the stack. */
export function excludedIds(state: StackState, keepHead = Number.POSITIVE_INFINITY): number[] {
  const ids = state.swiped.map((record) => record.card.movie.id);
  for (const card of state.queue.slice(0, keepHead)) ids.push(card.movie.id);
  return ids;
}

export function topCard(state: StackState): StackCard | null {
  return state.queue[0] ?? null;
}

export function lastSwipe(state: StackState): SwipeRecord | null {
  return state.swiped.at(-1) ?? null;
}

export function needsMore(state: StackState, lowWater: number): boolean {
  return !state.exhausted && state.queue.length <= lowWater;
}

/**
 * Applies one event to the stack. A page either extends the queue, or (with `keepHead`) replaces
 * everything after the first `keepHead` cards: the cards a person may already be looking at stay
 * put, the rest is re-ranked with the latest swipes taken into account.
 */
export function stackReducer(state: StackState, event: StackEvent): StackState {
  switch (event.type) {
    case 'pageLoaded': {
      const head = event.keepHead === undefined ? state.queue : state.queue.slice(0, event.keepHead);
      const taken = new Set(excludedIds({ ...state, queue: head }));
      const fresh: StackCard[] = [];
      for (const card of event.cards) {
        if (taken.has(card.movie.id)) continue;
        taken.add(card.movie.id);
        fresh.push(card);
      }
      return { ...state, queue: [...head, ...fresh], exhausted: fresh.length === 0 };
    }
    case 'swiped': {
      const [top, ...rest] = state.queue;
      if (!top) return state;
      const record: SwipeRecord = { card: top, action: event.action, position: state.position, key: event.key, feedbackId: null };
      return {
        ...state,
        queue: rest,
        swiped: [...state.swiped, record],
        position: state.position + 1,
        lastSwipe: { action: event.action, movieId: top.movie.id },
      };
    }
    case 'feedbackStored':
      return {
        ...state,
        swiped: state.swiped.map((record) => (record.key === event.key ? { ...record, feedbackId: event.feedbackId } : record)),
      };
    case 'undone': {
      const record = state.swiped.at(-1);
      if (!record) return state;
      return {
        ...state,
        queue: [record.card, ...state.queue.filter((card) => card.movie.id !== record.card.movie.id)],
        swiped: state.swiped.slice(0, -1),
        position: record.position,
        exhausted: false,
        lastSwipe: null,
      };
    }
  }
}
