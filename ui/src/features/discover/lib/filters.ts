import type { RecommendRequest, RecommenderChoice } from '@/lib/api-schemas';

export interface DiscoverFilters {
  query: string;
  moods: string[];
  genres: string[];
  excludeGenres: string[];
  minRating: number | null;
  era: EraId | null;
  maxRuntime: number | null;
  recommender: RecommenderChoice;
}

export const defaultFilters: DiscoverFilters = {
  query: '',
  moods: [],
  genres: [],
  excludeGenres: [],
  minRating: null,
  era: null,
  maxRuntime: null,
  recommender: 'auto',
};

export const eras = [
  { id: 'classic', label: 'Before 1970', yearFrom: null, yearTo: 1969 },
  { id: '70s', label: '70s', yearFrom: 1970, yearTo: 1979 },
  { id: '80s', label: '80s', yearFrom: 1980, yearTo: 1989 },
  { id: '90s', label: '90s', yearFrom: 1990, yearTo: 1999 },
  { id: '00s', label: '2000s', yearFrom: 2000, yearTo: 2009 },
  { id: '10s', label: '2010 on', yearFrom: 2010, yearTo: null },
] as const;
export type EraId = (typeof eras)[number]['id'];

export const minRatings = [3, 3.5, 4] as const;
export const runtimes = [
  { minutes: 90, label: 'Under 90 min' },
  { minutes: 120, label: 'Under 2 h' },
  { minutes: 150, label: 'Under 2½ h' },
] as const;
export const recommenders: { id: RecommenderChoice; label: string; hint: string }[] = [
  { id: 'auto', label: 'Auto', hint: 'Your swipes when there are enough, the crowd otherwise' },
  { id: 'baseline', label: 'Popular', hint: 'Well-loved films (damped mean rating and popularity)' },
  { id: 'cf', label: 'For you', hint: 'Collaborative filtering on your swipes' },
];

export function toRecommendRequest(filters: DiscoverFilters): RecommendRequest {
  const request: RecommendRequest = { recommender: filters.recommender };
  const query = filters.query.trim();
  if (query) request.query = query;
  if (filters.moods.length) request.moods = filters.moods;
  if (filters.genres.length) request.genres = filters.genres;
  if (filters.excludeGenres.length) request.exclude_genres = filters.excludeGenres;
  if (filters.minRating !== null) request.min_rating = filters.minRating;
  const era = eras.find((candidate) => candidate.id === filters.era);
  if (era?.yearFrom) request.year_from = era.yearFrom;
  if (era?.yearTo) request.year_to = era.yearTo;
  if (filters.maxRuntime !== null) request.max_runtime = filters.maxRuntime;
  return request;
}

/** A stable identity for "the same search": the stack is kept per key. */
export function filtersKey(filters: DiscoverFilters): string {
  const sorted = (values: string[]) => [...values].sort();
  return JSON.stringify({
    q: filters.query.trim().toLowerCase(),
    m: sorted(filters.moods),
    g: sorted(filters.genres),
    x: sorted(filters.excludeGenres),
    r: filters.minRating,
    e: filters.era,
    t: filters.maxRuntime,
    k: filters.recommender,
  });
}

/** Filters narrowing the results (the query and the engine are not counted). */
export function activeFilterCount(filters: DiscoverFilters): number {
  return (
    filters.genres.length +
    filters.excludeGenres.length +
    (filters.minRating === null ? 0 : 1) +
    (filters.era === null ? 0 : 1) +
    (filters.maxRuntime === null ? 0 : 1)
  );
}

export interface Relaxation {
  id: string;
  label: string;
  apply: (filters: DiscoverFilters) => DiscoverFilters;
}

/** Ways to widen a search that found nothing, most restrictive first. */
export function relaxations(filters: DiscoverFilters): Relaxation[] {
  const options: Relaxation[] = [];
  if (filters.maxRuntime !== null)
    options.push({ id: 'runtime', label: 'Any runtime', apply: (f) => ({ ...f, maxRuntime: null }) });
  if (filters.minRating !== null) options.push({ id: 'rating', label: 'Any rating', apply: (f) => ({ ...f, minRating: null }) });
  if (filters.era !== null) options.push({ id: 'era', label: 'Any era', apply: (f) => ({ ...f, era: null }) });
  if (filters.genres.length) options.push({ id: 'genres', label: 'Any genre', apply: (f) => ({ ...f, genres: [] }) });
  if (filters.excludeGenres.length)
    options.push({ id: 'exclude', label: 'Allow all genres', apply: (f) => ({ ...f, excludeGenres: [] }) });
  if (filters.moods.length) options.push({ id: 'moods', label: 'Drop the mood chips', apply: (f) => ({ ...f, moods: [] }) });
  if (filters.query.trim()) options.push({ id: 'query', label: 'Clear the wish', apply: (f) => ({ ...f, query: '' }) });
  return options;
}

const recommenderIds = new Set<string>(['auto', 'baseline', 'cf']);
const eraIds = new Set<string>(eras.map((era) => era.id));

export function filtersFromSearchParams(params: URLSearchParams): DiscoverFilters {
  const number = (name: string) => {
    const value = Number(params.get(name));
    return params.has(name) && Number.isFinite(value) && value > 0 ? value : null;
  };
  const engine = params.get('engine') ?? 'auto';
  const era = params.get('era');
  return {
    query: params.get('q') ?? '',
    moods: params.getAll('mood'),
    genres: params.getAll('genre'),
    excludeGenres: params.getAll('not'),
    minRating: number('rating'),
    era: era && eraIds.has(era) ? (era as EraId) : null,
    maxRuntime: number('runtime'),
    recommender: recommenderIds.has(engine) ? (engine as RecommenderChoice) : 'auto',
  };
}

export function filtersToSearchParams(filters: DiscoverFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.query.trim()) params.set('q', filters.query.trim());
  filters.moods.forEach((mood) => params.append('mood', mood));
  filters.genres.forEach((genre) => params.append('genre', genre));
  filters.excludeGenres.forEach((genre) => params.append('not', genre));
  if (filters.minRating !== null) params.set('rating', String(filters.minRating));
  if (filters.era !== null) params.set('era', filters.era);
  if (filters.maxRuntime !== null) params.set('runtime', String(filters.maxRuntime));
  if (filters.recommender !== 'auto') params.set('engine', filters.recommender);
  return params;
}
