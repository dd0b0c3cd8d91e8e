import type { ApiMovie, ApiMovieDetail } from '@/lib/api-schemas';

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
    is_short: null,
    release_date: null,
    original_language: null,
    production_countries: null,
    certification: null,
    directors: null,
    cast: null,
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

/** GET /movies/{id} as a server that knows no more than a card (an old data directory). */
export function apiMovieDetail(overrides: Partial<ApiMovieDetail> & { movie_id: number; title: string }): ApiMovieDetail {
  const { directors = null, cast = null, writers = null, ...rest } = overrides;
  return {
    ...apiMovie(rest),
    original_title: null,
    also_known_as: null,
    keywords: null,
    spoken_languages: null,
    production_companies: null,
    collection: null,
    tmdb_vote_count: null,
    ...rest,
    directors,
    cast,
    writers,
  };
}

/** A movie page with everything TMDB knows: credits, languages, franchise, certification. */
export const fellowship = apiMovieDetail({
  movie_id: 4993,
  tmdb_id: 120,
  imdb_id: 'tt0120737',
  title: 'The Lord of the Rings: The Fellowship of the Ring',
  original_title: 'The Lord of the Rings: The Fellowship of the Ring',
  also_known_as: ['Der Herr der Ringe: Die Gefährten', 'the lord of the rings: the fellowship of the ring'],
  year: 2001,
  genres: ['Adventure', 'Fantasy'],
  overview: 'Young hobbit Frodo Baggins, after inheriting a mysterious ring from his uncle Bilbo, must leave his home.',
  poster_url: 'https://image.tmdb.org/t/p/w500/6oom5QYQ2yQTMJIbnvbkBL9cHo6.jpg',
  backdrop_url: 'https://image.tmdb.org/t/p/w1280/x2RS3uTcsJJ9IfjNPcgDmukoEcQ.jpg',
  runtime_minutes: 179,
  is_short: false,
  release_date: '2001-12-18',
  original_language: 'en',
  spoken_languages: ['en'],
  production_countries: ['NZ', 'US'],
  production_companies: ['New Line Cinema', 'WingNut Films'],
  collection: { id: 119, name: 'The Lord of the Rings Collection' },
  certification: { rating: 'PG-13', country: 'US' },
  keywords: ['elves', 'hobbit', 'quest'],
  directors: [{ name: 'Peter Jackson', tmdb_id: 108 }],
  writers: [
    { name: 'Fran Walsh', tmdb_id: 6265 },
    { name: 'Philippa Boyens', tmdb_id: 6266 },
    { name: 'Peter Jackson', tmdb_id: 108 },
  ],
  cast: [
    { name: 'Elijah Wood', tmdb_id: 109 },
    { name: 'Ian McKellen', tmdb_id: 1327 },
    { name: 'Viggo Mortensen', tmdb_id: 110 },
    { name: 'Sean Astin', tmdb_id: null },
  ],
  rating: 4.11,
  rating_count: 198,
  tmdb_rating: 8.0,
  tmdb_vote_count: 18000,
});

/** A French film: its language is worth naming on a card. */
export const amelie = apiMovie({
  movie_id: 4973,
  title: 'Amélie',
  year: 2001,
  overview: 'At a tiny Parisian café, the adorable yet painfully shy Amélie accidentally discovers a gift for helping others.',
  genres: ['Comedy', 'Romance'],
  runtime_minutes: 122,
  is_short: false,
  original_language: 'fr',
  production_countries: ['FR', 'DE'],
  certification: { rating: 'R', country: 'US' },
  directors: ['Jean-Pierre Jeunet'],
  cast: ['Audrey Tautou', 'Mathieu Kassovitz'],
});
