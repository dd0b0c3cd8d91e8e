import type {
  ApiCertification,
  ApiFeedbackItem,
  ApiIntent,
  ApiMoods,
  ApiMovie,
  ApiMovieDetail,
  ApiPerson,
  ApiRecommendResponse,
  ApiWatchlistItem,
} from './api-schemas';
import { countryName, formatCount, formatRuntime, formatStars, languageName } from './format';
import { type PosterArt, posterArt } from './placeholder';

/** A movie as every view renders it: display-ready, with nothing the API left out invented. */
export interface UIMovie {
  id: number;
  title: string;
  year: number | null;
  genres: string[];
  overview: string | null;
  tagline: string | null;
  posterUrl: string | null;
  backdropUrl: string | null;
  runtimeMinutes: number | null;
  runtimeLabel: string | null;
  communityRating: number | null;
  communityRatingLabel: string | null;
  ratingCount: number;
  ratingCountLabel: string;
  tmdbRating: number | null;
  tmdbRatingLabel: string | null;
  predictedRating: number | null;
  predictedRatingLabel: string | null;
  reasons: string[];
  tmdbUrl: string | null;
  imdbUrl: string | null;
  art: PosterArt;
  isShort: boolean;
  /** "2h 22m", or "Short · 8 min" for a short film. */
  lengthLabel: string | null;
  directors: string[];
  /** Top-billed first; cards get the first three, the movie page everyone known. */
  cast: string[];
  originalLanguage: string | null;
  originalLanguageName: string | null;
  countries: string[];
  certification: UICertification | null;
  /** The compact line under a card's title: "Wes Anderson · 2014 · 1h 40m · R · French". */
  cardFacts: string[];
}

export interface UICertification {
  rating: string;
  /** The country whose board gave the rating, by name. */
  country: string | null;
  /** "Rated PG-13 (United States)", for assistive technology and tooltips. */
  description: string;
}

/** Everything the movie page shows: a card's fields and the rest of what the catalogue knows. */
export interface UIMovieDetail extends UIMovie {
  /** The title in the film's own language, only when it differs from the display title. */
  originalTitle: string | null;
  /** Other titles, without the display and original titles. */
  alsoKnownAs: string[];
  keywords: string[];
  spokenLanguages: string[];
  studios: string[];
  collection: string | null;
  writers: string[];
}

function safeImageUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, 'http://relative.invalid');
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function cleanText(text: string | null): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

function uniqueText(values: readonly (string | null | undefined)[] | null): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values ?? []) {
    const text = value?.trim();
    if (text && !seen.has(text.toLowerCase())) {
      seen.add(text.toLowerCase());
      result.push(text);
    }
  }
  return result;
}

function names(people: ApiPerson[] | null): string[] | null {
  return people && people.map((person) => person.name);
}

function mapCertification(certification: ApiCertification | null): UICertification | null {
  const rating = certification?.rating.trim();
  if (!rating) return null;
  const country = countryName(certification?.country ?? null);
  return { rating, country, description: country ? `Rated ${rating} (${country})` : `Rated ${rating}` };
}

/** "Lana Wachowski & Lilly Wachowski"; "Joel Coen, Ethan Coen & 1 more". */
export function creditLine(people: readonly string[]): string | null {
  const [first, second, ...rest] = people;
  if (!first) return null;
  if (!second) return first;
  return rest.length === 0 ? `${first} & ${second}` : `${first}, ${second} & ${rest.length} more`;
}

function cardFacts(
  movie: Pick<
    UIMovie,
    | 'directors'
    | 'year'
    | 'isShort'
    | 'runtimeMinutes'
    | 'runtimeLabel'
    | 'certification'
    | 'originalLanguage'
    | 'originalLanguageName'
  >,
): string[] {
  const runtime =
    movie.isShort && movie.runtimeMinutes !== null ? ['Short', `${movie.runtimeMinutes} min`] : [movie.runtimeLabel];
  // English is what most films here are in, so naming it on every card is noise; any other
  // language tells the viewer to expect subtitles.
  const language = movie.originalLanguage === 'en' ? null : movie.originalLanguageName;
  return [
    creditLine(movie.directors),
    movie.year === null ? null : String(movie.year),
    ...runtime,
    movie.certification?.rating ?? null,
    language,
  ].filter((fact): fact is string => fact !== null);
}

export function mapMovieRecToUI(movie: ApiMovie): UIMovie {
  const communityRating = movie.rating !== null && movie.rating > 0 ? movie.rating : null;
  const tmdbRating = movie.tmdb_rating !== null && movie.tmdb_rating > 0 ? movie.tmdb_rating : null;
  const runtime = movie.runtime_minutes !== null && movie.runtime_minutes > 0 ? movie.runtime_minutes : null;
  const originalLanguage = movie.original_language?.trim().toLowerCase() || null;
  const credited = {
    year: movie.year,
    runtimeMinutes: runtime,
    runtimeLabel: formatRuntime(runtime),
    isShort: movie.is_short === true && runtime !== null,
    directors: uniqueText(movie.directors),
    certification: mapCertification(movie.certification),
    originalLanguage,
    originalLanguageName: languageName(originalLanguage),
  };
  return {
    ...credited,
    lengthLabel: credited.isShort ? `Short · ${runtime} min` : credited.runtimeLabel,
    cast: uniqueText(movie.cast),
    countries: uniqueText((movie.production_countries ?? []).map(countryName)),
    cardFacts: cardFacts(credited),
    id: movie.movie_id,
    title: movie.title,
    genres: movie.genres.filter((genre) => genre && genre !== '(no genres listed)'),
    overview: cleanText(movie.overview),
    tagline: cleanText(movie.tagline),
    posterUrl: safeImageUrl(movie.poster_url),
    backdropUrl: safeImageUrl(movie.backdrop_url),
    communityRating,
    communityRatingLabel: formatStars(communityRating),
    ratingCount: movie.rating_count,
    ratingCountLabel: `${formatCount(movie.rating_count)} ${movie.rating_count === 1 ? 'rating' : 'ratings'}`,
    tmdbRating,
    tmdbRatingLabel: tmdbRating === null ? null : tmdbRating.toFixed(1),
    predictedRating: movie.predicted_rating,
    predictedRatingLabel: formatStars(movie.predicted_rating),
    reasons: (movie.reasons ?? []).map((reason) => reason.trim()).filter(Boolean),
    tmdbUrl: movie.tmdb_id === null ? null : `https://www.themoviedb.org/movie/${movie.tmdb_id}`,
    imdbUrl: movie.imdb_id && /^tt\d+$/.test(movie.imdb_id) ? `https://www.imdb.com/title/${movie.imdb_id}/` : null,
    art: posterArt(movie.movie_id, movie.title),
  };
}

export function mapMovieDetailToUI(movie: ApiMovieDetail): UIMovieDetail {
  const card = mapMovieRecToUI({ ...movie, directors: names(movie.directors), cast: names(movie.cast) });
  const titles = new Set([card.title.toLowerCase()]);
  const originalTitle = cleanText(movie.original_title);
  const showOriginal = originalTitle !== null && !titles.has(originalTitle.toLowerCase());
  if (originalTitle) titles.add(originalTitle.toLowerCase());
  return {
    ...card,
    originalTitle: showOriginal ? originalTitle : null,
    alsoKnownAs: uniqueText(movie.also_known_as).filter((title) => !titles.has(title.toLowerCase())),
    keywords: uniqueText(movie.keywords),
    spokenLanguages: uniqueText((movie.spoken_languages ?? []).map(languageName)),
    studios: uniqueText(movie.production_companies),
    collection: cleanText(movie.collection?.name ?? null),
    writers: uniqueText(names(movie.writers)),
  };
}

/** Where a card came from, so its feedback can say so. */
export interface Provenance {
  query: string | null;
  recommender: string;
  modelVersion: string;
  /** The answer the card came from (monitoring counts pages that got a like); null from older servers. */
  pageId: string | null;
}

export interface UIRecommendations {
  movies: UIMovie[];
  provenance: Provenance;
  fallbackReason: string | null;
  /** Said when fewer films than asked truly match the wish ("Only 6 films match 'samurai'…"). */
  notice: string | null;
  intent: UIIntent | null;
}

export interface UIIntent {
  source: string;
  genres: string[];
  excludeGenres: string[];
  moods: string[];
  yearFrom: number | null;
  yearTo: number | null;
  maxRuntime: number | null;
  referenceMovieIds: number[];
  keywords: string[];
  /** Labels films are filed under that the wish named ("psychological thriller"). */
  labels: string[];
  /** Moods, topics or words the wish ruled out ("not gory"). */
  excludeKeywords: string[];
  /** Words of the wish the server could not use: shown back, never dropped silently. */
  unused: string[];
  minRuntime: number | null;
  /** Original languages wished (ISO 639-1) and production countries (ISO 3166-1). */
  languages: string[];
  countries: string[];
  /** Original languages ("foreign" rules out English) and production countries ("not american") ruled out. */
  excludeLanguages: string[];
  excludeCountries: string[];
  people: string[];
  companies: string[];
  excludeCompanies: string[];
  excludePeople: string[];
  /** Age of the youngest viewer ("with my 8-year-old"). */
  maxAge: number | null;
}

export function mapIntent(intent: ApiIntent | null): UIIntent | null {
  if (!intent) return null;
  return {
    source: intent.source,
    genres: intent.genres ?? [],
    excludeGenres: intent.exclude_genres ?? [],
    moods: intent.moods ?? [],
    yearFrom: intent.year_from ?? null,
    yearTo: intent.year_to ?? null,
    maxRuntime: intent.max_runtime ?? null,
    referenceMovieIds: intent.reference_movie_ids ?? [],
    keywords: intent.keywords ?? [],
    labels: intent.labels ?? [],
    excludeKeywords: intent.exclude_keywords ?? [],
    unused: intent.unused ?? [],
    minRuntime: intent.min_runtime ?? null,
    languages: intent.languages ?? [],
    countries: intent.countries ?? [],
    excludeLanguages: intent.exclude_languages ?? [],
    excludeCountries: intent.exclude_countries ?? [],
    people: intent.people ?? [],
    companies: intent.companies ?? [],
    excludeCompanies: intent.exclude_companies ?? [],
    excludePeople: intent.exclude_people ?? [],
    maxAge: intent.max_age ?? null,
  };
}

export function isIntentEmpty(intent: UIIntent | null): boolean {
  return (
    !intent ||
    (intent.genres.length === 0 &&
      intent.excludeGenres.length === 0 &&
      intent.moods.length === 0 &&
      intent.yearFrom === null &&
      intent.yearTo === null &&
      intent.maxRuntime === null &&
      intent.referenceMovieIds.length === 0 &&
      intent.keywords.length === 0 &&
      intent.labels.length === 0 &&
      intent.excludeKeywords.length === 0 &&
      intent.unused.length === 0 &&
      intent.minRuntime === null &&
      intent.languages.length === 0 &&
      intent.countries.length === 0 &&
      intent.excludeLanguages.length === 0 &&
      intent.excludeCountries.length === 0 &&
      intent.people.length === 0 &&
      intent.companies.length === 0 &&
      intent.excludeCompanies.length === 0 &&
      intent.excludePeople.length === 0 &&
      intent.maxAge === null)
  );
}

export function mapRecommendations(response: ApiRecommendResponse, query: string | null): UIRecommendations {
  return {
    movies: response.items.map(mapMovieRecToUI),
    provenance: { query, recommender: response.recommender, modelVersion: response.model_version, pageId: response.page_id },
    fallbackReason: response.fallback_reason,
    notice: response.notice ?? null,
    intent: mapIntent(response.intent),
  };
}

export interface UIMood {
  value: string;
  label: string;
  description: string | null;
}

function titleCase(text: string): string {
  return text.replace(/[-_]+/g, ' ').replace(/^\p{L}/u, (letter) => letter.toUpperCase());
}

export function mapMoods(moods: ApiMoods): UIMood[] {
  const entries = Array.isArray(moods) ? moods : 'moods' in moods ? moods.moods : moods.items;
  const seen = new Set<string>();
  const result: UIMood[] = [];
  for (const entry of entries) {
    const mood =
      typeof entry === 'string'
        ? { value: entry, label: titleCase(entry), description: null }
        : {
            value: (entry.name ?? entry.mood ?? entry.id ?? entry.key)!,
            label: entry.label ?? entry.display_name ?? titleCase((entry.name ?? entry.mood ?? entry.id ?? entry.key)!),
            description: entry.description ?? null,
          };
    const key = mood.value.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      result.push(mood);
    }
  }
  return result;
}

export type HistoryAction = 'like' | 'dislike' | 'skip' | 'superlike' | 'seen' | 'watchlist';

export interface UIFeedbackEvent {
  id: number;
  movieId: number;
  action: HistoryAction | 'other';
  storedAt: string;
  undone: boolean;
  query: string | null;
  movie: UIMovie | null;
}

const knownActions = new Set<string>(['like', 'dislike', 'skip', 'superlike', 'seen', 'watchlist']);

export function mapFeedbackItem(item: ApiFeedbackItem): UIFeedbackEvent {
  return {
    id: item.id,
    movieId: item.movie_id,
    action: knownActions.has(item.action) ? (item.action as HistoryAction) : 'other',
    storedAt: item.stored_at,
    undone: item.undone,
    query: item.context?.query ?? null,
    movie: item.movie ? mapMovieRecToUI(item.movie) : null,
  };
}

export interface UIWatchlistEntry {
  movieId: number;
  addedAt: string;
  movie: UIMovie | null;
}

export function mapWatchlistItem(item: ApiWatchlistItem): UIWatchlistEntry {
  return { movieId: item.movie_id, addedAt: item.added_at, movie: item.movie ? mapMovieRecToUI(item.movie) : null };
}
