import { describe, expect, it } from 'vitest';
import { mapMovieRecToUI } from '@/lib/mappers';
import { apiMovie } from '@/testing/movies';
import {
  type StackCard,
  type StackState,
  emptyStack,
  excludedIds,
  lastSwipe,
  needsMore,
  stackReducer,
  topCard,
} from './card-stack';

const provenance = { query: 'cozy', recommender: 'baseline', modelVersion: 'baseline', pageId: null };
const card = (id: number): StackCard => ({
  movie: mapMovieRecToUI(apiMovie({ movie_id: id, title: `Movie ${id}` })),
  provenance,
});
const ids = (state: StackState) => state.queue.map((c) => c.movie.id);

function loaded(...movieIds: number[]): StackState {
  return stackReducer(emptyStack, { type: 'pageLoaded', cards: movieIds.map(card) });
}

describe('card stack', () => {
  it('fills the queue from a page, dropping duplicates', () => {
    const state = loaded(1, 2, 2, 3);
    expect(ids(state)).toEqual([1, 2, 3]);
    expect(topCard(state)?.movie.id).toBe(1);
    expect(state.exhausted).toBe(false);
  });

  it('swiping takes the top card off and remembers it with its stream position', () => {
    let state = loaded(1, 2, 3);
    state = stackReducer(state, { type: 'swiped', action: 'like', key: 'k1' });
    state = stackReducer(state, { type: 'swiped', action: 'dislike', key: 'k2' });
    expect(ids(state)).toEqual([3]);
    expect(state.swiped.map((r) => [r.card.movie.id, r.action, r.position])).toEqual([
      [1, 'like', 0],
      [2, 'dislike', 1],
    ]);
    expect(state.position).toBe(2);
    expect(state.lastSwipe).toEqual({ action: 'dislike', movieId: 2 });
  });

  it('swiping an empty stack changes nothing', () => {
    expect(stackReducer(emptyStack, { type: 'swiped', action: 'like', key: 'k' })).toBe(emptyStack);
  });

  it('records the stored feedback id against the right swipe', () => {
    let state = loaded(1, 2);
    state = stackReducer(state, { type: 'swiped', action: 'like', key: 'k1' });
    state = stackReducer(state, { type: 'swiped', action: 'skip', key: 'k2' });
    state = stackReducer(state, { type: 'feedbackStored', key: 'k1', feedbackId: 41 });
    expect(state.swiped.map((r) => r.feedbackId)).toEqual([41, null]);
  });

  it('undo puts the last swiped card back on top at its old position', () => {
    let state = loaded(1, 2, 3);
    state = stackReducer(state, { type: 'swiped', action: 'like', key: 'k1' });
    state = stackReducer(state, { type: 'swiped', action: 'watchlist', key: 'k2' });
    state = stackReducer(state, { type: 'undone' });
    expect(ids(state)).toEqual([2, 3]);
    expect(lastSwipe(state)?.card.movie.id).toBe(1);
    expect(state.position).toBe(1);
    expect(stackReducer(stackReducer(state, { type: 'undone' }), { type: 'undone' }).queue.map((c) => c.movie.id)).toEqual([
      1, 2, 3,
    ]);
  });

  it('a next page never repeats swiped or queued films', () => {
    let state = loaded(1, 2, 3);
    state = stackReducer(state, { type: 'swiped', action: 'like', key: 'k1' });
    expect(excludedIds(state)).toEqual([1, 2, 3]);
    state = stackReducer(state, { type: 'pageLoaded', cards: [card(1), card(3), card(4)] });
    expect(ids(state)).toEqual([2, 3, 4]);
  });

  it('a re-rank keeps the cards on screen and replaces the rest with the fresh ranking', () => {
    let state = loaded(1, 2, 3, 4, 5);
    state = stackReducer(state, { type: 'swiped', action: 'like', key: 'k1' });
    expect(excludedIds(state, 2)).toEqual([1, 2, 3]);
    state = stackReducer(state, { type: 'pageLoaded', cards: [card(9), card(3), card(5), card(8)], keepHead: 2 });
    expect(ids(state)).toEqual([2, 3, 9, 5, 8]);
  });

  it('knows when the server has nothing more', () => {
    let state = loaded(1);
    state = stackReducer(state, { type: 'swiped', action: 'like', key: 'k1' });
    expect(needsMore(state, 0)).toBe(true);
    state = stackReducer(state, { type: 'pageLoaded', cards: [card(1)] });
    expect(state.exhausted).toBe(true);
    expect(needsMore(state, 0)).toBe(false);
    expect(stackReducer(state, { type: 'undone' }).exhausted).toBe(false);
  });

  it('asks for more when the queue runs low', () => {
    const state = loaded(1, 2, 3);
    expect(needsMore(state, 2)).toBe(false);
    expect(needsMore(state, 3)).toBe(true);
  });
});
