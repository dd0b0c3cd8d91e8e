import { describe, expect, it } from 'vitest';
import { amelie, apiMovie, apiMovieDetail, fellowship, shawshank, toyStory } from '@/testing/movies';
import { moodsSchema, movieDetailSchema, movieSchema } from './api-schemas';
import {
  creditLine,
  isIntentEmpty,
  mapFeedbackItem,
  mapIntent,
  mapMoods,
  mapMovieDetailToUI,
  mapMovieRecToUI,
  mapRecommendations,
} from './mappers';

describe('mapMovieRecToUI', () => {
  it('maps a fully enriched recommendation to display-ready fields', () => {
    const movie = mapMovieRecToUI(toyStory);
    expect(movie).toMatchObject({
      id: 1,
      title: 'Toy Story',
      year: 1995,
      genres: ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'],
      runtimeLabel: '1h 21m',
      communityRatingLabel: '3.9',
      ratingCountLabel: '215 ratings',
      tmdbRatingLabel: '7.7',
      predictedRatingLabel: '4.3',
      reasons: ['Because you liked Monsters, Inc.', "Matches 'funny': Comedy"],
      tmdbUrl: 'https://www.themoviedb.org/movie/862',
      imdbUrl: 'https://www.imdb.com/title/tt0114709/',
    });
  });

  it('keeps unknown fields empty instead of inventing values', () => {
    const movie = mapMovieRecToUI(apiMovie({ movie_id: 99, title: 'Obscure (1921)', rating_count: 1 }));
    expect(movie.year).toBeNull();
    expect(movie.overview).toBeNull();
    expect(movie.posterUrl).toBeNull();
    expect(movie.runtimeLabel).toBeNull();
    expect(movie.communityRatingLabel).toBeNull();
    expect(movie.tmdbRatingLabel).toBeNull();
    expect(movie.predictedRatingLabel).toBeNull();
    expect(movie.reasons).toEqual([]);
    expect(movie.tmdbUrl).toBeNull();
    expect(movie.ratingCountLabel).toBe('1 rating');
  });

  it('treats blank text, zero ratings and zero runtimes as unknown', () => {
    const movie = mapMovieRecToUI(
      apiMovie({ movie_id: 5, title: 'Blank', overview: '   ', tagline: '', rating: 0, tmdb_rating: 0, runtime_minutes: 0 }),
    );
    expect(movie.overview).toBeNull();
    expect(movie.tagline).toBeNull();
    expect(movie.communityRating).toBeNull();
    expect(movie.tmdbRating).toBeNull();
    expect(movie.runtimeLabel).toBeNull();
  });

  it('drops the "(no genres listed)" marker of MovieLens', () => {
    expect(mapMovieRecToUI(apiMovie({ movie_id: 7, title: 'X', genres: ['(no genres listed)'] })).genres).toEqual([]);
  });

  it('refuses image URLs that are not http(s)', () => {
    const movie = mapMovieRecToUI(
      apiMovie({ movie_id: 8, title: 'X', poster_url: 'javascript:alert(1)', backdrop_url: 'data:image/png;base64,AA' }),
    );
    expect(movie.posterUrl).toBeNull();
    expect(movie.backdropUrl).toBeNull();
    expect(mapMovieRecToUI(shawshank).posterUrl).toBe(shawshank.poster_url);
  });

  it('gives every movie the same generated poster art each time, and different movies different art', () => {
    const first = mapMovieRecToUI(shawshank).art;
    expect(mapMovieRecToUI(shawshank).art).toEqual(first);
    expect(first.initials).toBe('SR');
    expect(mapMovieRecToUI(toyStory).art).not.toEqual(first);
  });

  it('accepts what the API omits: absent optional fields parse as null', () => {
    const parsed = movieSchema.parse({ movie_id: 2, title: 'Jumanji', genres: ['Adventure'], rating_count: 110 });
    expect(mapMovieRecToUI(parsed)).toMatchObject({ id: 2, year: null, posterUrl: null, reasons: [] });
  });
});

describe('credits, languages and certification', () => {
  it('parses the compact card fields and keeps them on the card', () => {
    const parsed = movieSchema.parse(amelie);
    const movie = mapMovieRecToUI(parsed);
    expect(movie).toMatchObject({
      directors: ['Jean-Pierre Jeunet'],
      cast: ['Audrey Tautou', 'Mathieu Kassovitz'],
      originalLanguage: 'fr',
      originalLanguageName: 'French',
      countries: ['France', 'Germany'],
      certification: { rating: 'R', country: 'United States', description: 'Rated R (United States)' },
      isShort: false,
    });
    expect(movie.cardFacts).toEqual(['Jean-Pierre Jeunet', '2001', '2h 2m', 'R', 'French']);
  });

  it('leaves English unnamed on a card: only another language is worth the space', () => {
    expect(mapMovieDetailToUI(fellowship).cardFacts).toEqual(['Peter Jackson', '2001', '2h 59m', 'PG-13']);
  });

  it('marks shorts with their minutes', () => {
    const short = mapMovieRecToUI(apiMovie({ movie_id: 9, title: 'Paperman', year: 2012, runtime_minutes: 7, is_short: true }));
    expect(short.cardFacts).toEqual(['2012', 'Short', '7 min']);
    expect(short.lengthLabel).toBe('Short · 7 min');
    expect(mapMovieRecToUI(toyStory).lengthLabel).toBe('1h 21m');
  });

  it('names two directors, then counts the rest', () => {
    expect(creditLine(['Lana Wachowski', 'Lilly Wachowski'])).toBe('Lana Wachowski & Lilly Wachowski');
    expect(creditLine(['A', 'B', 'C', 'D'])).toBe('A, B & 2 more');
    expect(creditLine([])).toBeNull();
  });

  it('parses a movie from an older server, without any of the new fields, as unknown', () => {
    const parsed = movieDetailSchema.parse({ movie_id: 2, title: 'Jumanji', genres: ['Adventure'], rating_count: 110 });
    const movie = mapMovieDetailToUI(parsed);
    expect(movie).toMatchObject({
      directors: [],
      cast: [],
      writers: [],
      studios: [],
      countries: [],
      keywords: [],
      alsoKnownAs: [],
      originalTitle: null,
      originalLanguageName: null,
      certification: null,
      collection: null,
      isShort: false,
    });
    expect(movie.cardFacts).toEqual([]);
  });

  it('accepts explicit nulls for every new field', () => {
    expect(() =>
      movieDetailSchema.parse({
        movie_id: 2,
        title: 'Jumanji',
        directors: null,
        cast: null,
        writers: null,
        certification: null,
        collection: null,
        is_short: null,
        keywords: null,
        tmdb_vote_count: null,
      }),
    ).not.toThrow();
  });

  it('checks the shape of people: names on cards, {name, tmdb_id} on the movie page', () => {
    expect(movieSchema.safeParse({ movie_id: 1, title: 'X', directors: ['Agnès Varda'] }).success).toBe(true);
    expect(movieSchema.safeParse({ movie_id: 1, title: 'X', directors: [{ name: 'Agnès Varda' }] }).success).toBe(false);
    expect(movieDetailSchema.safeParse({ movie_id: 1, title: 'X', directors: [{ tmdb_id: 5 }] }).success).toBe(false);
    expect(movieDetailSchema.parse({ movie_id: 1, title: 'X', directors: [{ name: 'Agnès Varda' }] }).directors).toEqual([
      { name: 'Agnès Varda', tmdb_id: null },
    ]);
  });

  it('maps the movie page: franchise, studios, spoken languages and other titles without repeats', () => {
    const movie = mapMovieDetailToUI(movieDetailSchema.parse(fellowship));
    expect(movie).toMatchObject({
      collection: 'The Lord of the Rings Collection',
      studios: ['New Line Cinema', 'WingNut Films'],
      spokenLanguages: ['English'],
      countries: ['New Zealand', 'United States'],
      writers: ['Fran Walsh', 'Philippa Boyens', 'Peter Jackson'],
      cast: ['Elijah Wood', 'Ian McKellen', 'Viggo Mortensen', 'Sean Astin'],
      keywords: ['elves', 'hobbit', 'quest'],
      // The original title equals the display title, and one alternate only differs in case.
      originalTitle: null,
      alsoKnownAs: ['Der Herr der Ringe: Die Gefährten'],
    });
  });

  it('keeps an original title that differs from the display title', () => {
    const movie = mapMovieDetailToUI(
      apiMovieDetail({
        movie_id: 4973,
        title: 'Amélie',
        original_title: "Le Fabuleux Destin d'Amélie Poulain",
        also_known_as: ["Le Fabuleux Destin d'Amélie Poulain", 'Amelie from Montmartre'],
      }),
    );
    expect(movie.originalTitle).toBe("Le Fabuleux Destin d'Amélie Poulain");
    expect(movie.alsoKnownAs).toEqual(['Amelie from Montmartre']);
  });
});

describe('mapRecommendations', () => {
  it('keeps where the cards came from for the feedback context', () => {
    const page = mapRecommendations(
      {
        recommender: 'baseline',
        model_version: 'baseline',
        page_id: null,
        fallback_reason: 'not enough history for cf',
        notice: null,
        intent: null,
        items: [shawshank, toyStory],
      },
      'cozy',
    );
    expect(page.movies.map((m) => m.title)).toEqual(['The Shawshank Redemption', 'Toy Story']);
    expect(page.provenance).toEqual({ query: 'cozy', recommender: 'baseline', modelVersion: 'baseline', pageId: null });
    expect(page.fallbackReason).toBe('not enough history for cf');
    expect(page.notice).toBeNull();
  });

  it('passes on the notice of a wish with fewer matches than a page', () => {
    const page = mapRecommendations(
      {
        recommender: 'baseline',
        model_version: 'baseline',
        page_id: null,
        fallback_reason: null,
        notice: "Only 6 films match 'tarantino'; the rest are close to them.",
        intent: null,
        items: [shawshank],
      },
      'tarantino',
    );
    expect(page.notice).toBe("Only 6 films match 'tarantino'; the rest are close to them.");
  });
});

describe('intent', () => {
  it('maps the parsed intent and tells when nothing was understood', () => {
    const intent = mapIntent({
      source: 'rules',
      genres: ['Horror'],
      exclude_genres: [],
      moods: ['scary'],
      year_from: 1980,
      year_to: 1989,
      max_runtime: null,
      reference_movie_ids: [],
      keywords: [],
    });
    expect(intent).toMatchObject({ genres: ['Horror'], moods: ['scary'], yearFrom: 1980, yearTo: 1989 });
    expect(isIntentEmpty(intent)).toBe(false);
    expect(
      isIntentEmpty(
        mapIntent({
          source: 'rules',
          genres: [],
          exclude_genres: [],
          moods: [],
          year_from: null,
          year_to: null,
          max_runtime: null,
          reference_movie_ids: [],
          keywords: [],
        }),
      ),
    ).toBe(true);
  });

  it('maps people, studios, places, ages and runtime floors, and reads an older server without them as empty', () => {
    const intent = mapIntent({
      source: 'rules',
      keywords: [],
      people: ['Wes Anderson'],
      companies: ['ghibli'],
      exclude_companies: ['marvel'],
      exclude_people: ['Jim Carrey'],
      languages: ['ko'],
      countries: ['KR'],
      exclude_languages: ['en'],
      exclude_countries: ['US'],
      max_age: 8,
      min_runtime: 180,
    });
    expect(intent).toMatchObject({
      excludeLanguages: ['en'],
      excludeCountries: ['US'],
      people: ['Wes Anderson'],
      companies: ['ghibli'],
      excludeCompanies: ['marvel'],
      excludePeople: ['Jim Carrey'],
      languages: ['ko'],
      countries: ['KR'],
      maxAge: 8,
      minRuntime: 180,
    });
    expect(isIntentEmpty(intent)).toBe(false);
    expect(isIntentEmpty(mapIntent({ source: 'rules', max_age: 5 }))).toBe(false);
    expect(mapIntent({ source: 'rules' })).toMatchObject({
      people: [],
      excludePeople: [],
      languages: [],
      maxAge: null,
      minRuntime: null,
    });
    expect(isIntentEmpty(mapIntent({ source: 'rules', exclude_people: ['Jim Carrey'] }))).toBe(false);
    expect(isIntentEmpty(mapIntent({ source: 'rules', exclude_countries: ['US'] }))).toBe(false);
    expect(mapIntent({ source: 'rules' })).toMatchObject({ excludeLanguages: [], excludeCountries: [] });
  });
});

describe('mapMoods', () => {
  it('reads a plain list of mood names', () => {
    expect(mapMoods(moodsSchema.parse(['cozy', 'feel-good']))).toEqual([
      { value: 'cozy', label: 'Cozy', description: null },
      { value: 'feel-good', label: 'Feel good', description: null },
    ]);
  });

  it('reads objects with labels, wrapped or not, without duplicates', () => {
    expect(
      mapMoods(
        moodsSchema.parse({
          moods: [{ name: 'date-night', label: 'Date night', description: 'Romance, comedy' }, { name: 'Date-Night' }],
        }),
      ),
    ).toEqual([{ value: 'date-night', label: 'Date night', description: 'Romance, comedy' }]);
    expect(mapMoods(moodsSchema.parse({ items: [{ mood: 'scary' }] }))).toEqual([
      { value: 'scary', label: 'Scary', description: null },
    ]);
  });

  it('reads the vocabulary as GET /moods serves it', () => {
    const served = [
      {
        name: 'cozy',
        label: 'Cozy',
        emoji: '☕',
        description: 'Warm, gentle films',
        genres: ['Comedy'],
        exclude_genres: ['Horror'],
      },
      {
        name: 'thrilling',
        label: 'Edge of your seat',
        emoji: null,
        description: 'Tension',
        genres: ['Thriller'],
        exclude_genres: [],
      },
    ];
    expect(mapMoods(moodsSchema.parse(served))).toEqual([
      { value: 'cozy', label: 'Cozy', description: 'Warm, gentle films' },
      { value: 'thrilling', label: 'Edge of your seat', description: 'Tension' },
    ]);
  });
});

describe('mapFeedbackItem', () => {
  it('maps a history entry with its movie and marks unknown actions', () => {
    const event = mapFeedbackItem({
      id: 12,
      movie_id: 318,
      action: 'like',
      stored_at: '2026-11-26T10:00:00Z',
      undone: false,
      context: { query: 'prison drama', recommender: 'baseline', model_version: 'baseline', position: 0, page_id: null },
      movie: shawshank,
    });
    expect(event).toMatchObject({ id: 12, action: 'like', query: 'prison drama', movie: { title: 'The Shawshank Redemption' } });
    expect(
      mapFeedbackItem({ id: 1, movie_id: 1, action: 'rewatch', stored_at: 'x', undone: true, context: null, movie: null }).action,
    ).toBe('other');
  });
});
