import type { ApiMovie } from '@/lib/api-schemas';

/** Shapes of movies as the API sends them (the values of ml-latest-small + the metadata join). */
export function apiMovie(overrides: Partial<ApiMovie> & { movie_id: number; title: string }): ApiMovie {
  return {
    tmdb_id: null,
    imdb_id: null,
    year: null,
    genres: [],
    overview: null,
    tagline: null,
    poster_url: null,
    backdrop_url: null,
    runtime_minutes: null,
    release_date: null,
    rating: null,
    rating_count: 0,
    tmdb_rating: null,
    predicted_rating: null,
    score: null,
    reasons: null,
    ...overrides,
  };
}

export const shawshank = apiMovie({
  movie_id: 318,
  tmdb_id: 278,
  imdb_id: 'tt0111161',
  title: 'The Shawshank Redemption',
  year: 1994,
  genres: ['Crime', 'Drama'],
  overview:
    'Framed in the 1940s for the double murder of his wife and her lover, upstanding banker Andy Dufresne begins a new life.',
  poster_url: 'https://image.tmdb.org/t/p/w500/q6y0Go1tsGEsmtFryDOJo3dEmqu.jpg',
  runtime_minutes: 142,
  release_date: '1994-09-23',
  rating: 4.43,
  rating_count: 317,
  tmdb_rating: 8.5,
  score: 1.9,
  reasons: ['4.4★ from 317 ratings'],
});

export const toyStory = apiMovie({
  movie_id: 1,
  tmdb_id: 862,
  imdb_id: 'tt0114709',
  title: 'Toy Story',
  year: 1995,
  genres: ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'],
  runtime_minutes: 81,
  rating: 3.92,
  rating_count: 215,
  tmdb_rating: 7.7,
  predicted_rating: 4.3,
  reasons: ['Because you liked Monsters, Inc.', "Matches 'funny': Comedy"],
});

export const pulpFiction = apiMovie({
  movie_id: 296,
  title: 'Pulp Fiction',
  year: 1994,
  genres: ['Comedy', 'Crime', 'Drama', 'Thriller'],
  rating: 4.2,
  rating_count: 307,
});

export const matrix = apiMovie({
  movie_id: 2571,
  title: 'The Matrix',
  year: 1999,
  genres: ['Action', 'Sci-Fi', 'Thriller'],
  rating: 4.19,
  rating_count: 278,
});
