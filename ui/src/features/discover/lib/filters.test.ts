import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  defaultFilters,
  filtersFromSearchParams,
  filtersKey,
  filtersToSearchParams,
  relaxations,
  toRecommendRequest,
} from './filters';

const busy = {
  ...defaultFilters,
  query: '  cozy rainy night ',
  moods: ['cozy'],
  genres: ['Comedy'],
  excludeGenres: ['Horror'],
  minRating: 3.5,
  era: '80s' as const,
  maxRuntime: 120,
  recommender: 'cf' as const,
};

describe('discover filters', () => {
  it('turns the filters into the contract request', () => {
    expect(toRecommendRequest(busy)).toEqual({
      query: 'cozy rainy night',
      moods: ['cozy'],
      genres: ['Comedy'],
      exclude_genres: ['Horror'],
      min_rating: 3.5,
      year_from: 1980,
      year_to: 1989,
      max_runtime: 120,
      recommender: 'cf',
    });
    expect(toRecommendRequest(defaultFilters)).toEqual({ recommender: 'auto' });
    expect(toRecommendRequest({ ...defaultFilters, era: 'classic' })).toEqual({ recommender: 'auto', year_to: 1969 });
  });

  it('round-trips through the address bar', () => {
    const params = filtersToSearchParams(busy);
    expect(filtersFromSearchParams(params)).toEqual({ ...busy, query: 'cozy rainy night' });
    expect(filtersFromSearchParams(new URLSearchParams('engine=evil&era=1850&rating=abc'))).toEqual(defaultFilters);
  });

  it('keys the same search the same way whatever the order', () => {
    expect(filtersKey({ ...busy, genres: ['A', 'B'] })).toBe(
      filtersKey({ ...busy, genres: ['B', 'A'], query: 'Cozy rainy night' }),
    );
    expect(filtersKey(busy)).not.toBe(filtersKey({ ...busy, maxRuntime: 90 }));
  });

  it('counts narrowing filters and offers ways to relax them', () => {
    expect(activeFilterCount(busy)).toBe(5);
    const options = relaxations(busy);
    expect(options.map((o) => o.id)).toEqual(['runtime', 'rating', 'era', 'genres', 'exclude', 'moods', 'query']);
    expect(options[0]?.apply(busy).maxRuntime).toBeNull();
    expect(relaxations(defaultFilters)).toEqual([]);
  });
});
