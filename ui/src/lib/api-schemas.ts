import { z } from 'zod';

const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);

// Credits, languages, certification and franchise arrived after the first release: every one of them
// is optional, so a server (or a data directory) from before them still parses.
export const personSchema = z.object({ name: z.string().min(1), tmdb_id: nullish(z.number().int()) });
export type ApiPerson = z.infer<typeof personSchema>;

export const certificationSchema = z.object({ rating: z.string().min(1), country: nullish(z.string()) });
export type ApiCertification = z.infer<typeof certificationSchema>;

export const collectionSchema = z.object({ id: nullish(z.number().int()), name: z.string().min(1) });

export const movieSchema = z.object({
  movie_id: z.number().int(),
  tmdb_id: nullish(z.number().int()),
  imdb_id: nullish(z.string()),
  title: z.string(),
  year: nullish(z.number().int()),
  genres: z.array(z.string()).default([]),
  overview: nullish(z.string()),
  tagline: nullish(z.string()),
  poster_url: nullish(z.string()),
  backdrop_url: nullish(z.string()),
  runtime_minutes: nullish(z.number()),
  is_short: nullish(z.boolean()),
  release_date: nullish(z.string()),
  original_language: nullish(z.string()),
  production_countries: nullish(z.array(z.string())),
  certification: nullish(certificationSchema),
  /** Names only on cards; the movie page has the people (below). */
  directors: nullish(z.array(z.string())),
  /** The first three of the cast. */
  cast: nullish(z.array(z.string())),
  rating: nullish(z.number()),
  rating_count: z.number().int().nonnegative().default(0),
  tmdb_rating: nullish(z.number()),
  predicted_rating: nullish(z.number()),
  score: nullish(z.number()),
  reasons: nullish(z.array(z.string())),
});
export type ApiMovie = z.infer<typeof movieSchema>;

/** GET /movies/{id}: a card's fields and everything else the catalogue knows. */
export const movieDetailSchema = movieSchema.extend({
  directors: nullish(z.array(personSchema)),
  writers: nullish(z.array(personSchema)),
  cast: nullish(z.array(personSchema)),
  original_title: nullish(z.string()),
  also_known_as: nullish(z.array(z.string())),
  keywords: nullish(z.array(z.string())),
  spoken_languages: nullish(z.array(z.string())),
  production_companies: nullish(z.array(z.string())),
  collection: nullish(collectionSchema),
  tmdb_vote_count: nullish(z.number().int()),
});
export type ApiMovieDetail = z.infer<typeof movieDetailSchema>;

export const healthSchema = z.object({
  status: z.string(),
  catalog_movies: z.number().int(),
  model_version: z.string(),
  recommenders: z.array(z.string()),
});
export type ApiHealth = z.infer<typeof healthSchema>;

export const genresSchema = z.array(z.object({ name: z.string(), movie_count: z.number().int() }));
export type ApiGenre = z.infer<typeof genresSchema>[number];

export const intentSchema = z.object({
  source: z.string(),
  genres: z.array(z.string()).default([]),
  exclude_genres: z.array(z.string()).default([]),
  moods: z.array(z.string()).default([]),
  year_from: nullish(z.number().int()),
  year_to: nullish(z.number().int()),
  max_runtime: nullish(z.number().int()),
  reference_movie_ids: z.array(z.number().int()).default([]),
  /** TMDB collections the wish named as a whole ("like Lord of the Rings"): their films are wished too. */
  franchises: z.array(z.number().int()).default([]),
  keywords: z.array(z.string()).default([]),
  /** Labels films carry (TMDB keywords, MovieLens tags) that the wish named word for word. */
  labels: z.array(z.string()).default([]),
  /** Moods, topics or words the wish ruled out ("not gory"). */
  exclude_keywords: z.array(z.string()).default([]),
  /** Films the wish named as known, not wished ("by the director of Inception"): left off the page. */
  exclude_movie_ids: z.array(z.number().int()).default([]),
  /** Words of the wish the server could not use. */
  unused: z.array(z.string()).default([]),
  min_runtime: nullish(z.number().int()),
  languages: z.array(z.string()).default([]),
  /** Original languages the wish ruled out ("foreign" rules out English). */
  exclude_languages: z.array(z.string()).default([]),
  countries: z.array(z.string()).default([]),
  /** Production countries the wish ruled out ("not american" rules out US). */
  exclude_countries: z.array(z.string()).default([]),
  people: z.array(z.string()).default([]),
  companies: z.array(z.string()).default([]),
  exclude_companies: z.array(z.string()).default([]),
  /** People the wish ruled out ("without Jim Carrey"). */
  exclude_people: z.array(z.string()).default([]),
  max_age: nullish(z.number().int()),
  /** Short films are wanted (otherwise the server leaves them out). */
  include_shorts: z.boolean().default(false),
});
export type ApiIntent = z.input<typeof intentSchema>;

export const recommendResponseSchema = z.object({
  recommender: z.string(),
  model_version: z.string(),
  fallback_reason: nullish(z.string()),
  notice: nullish(z.string()),
  intent: nullish(intentSchema),
  items: z.array(movieSchema),
  page_id: nullish(z.string()),
});
export type ApiRecommendResponse = z.infer<typeof recommendResponseSchema>;

export type RecommenderChoice = 'auto' | 'baseline' | 'cf';

export interface RecommendRequest {
  query?: string;
  moods?: string[];
  genres?: string[];
  exclude_genres?: string[];
  min_rating?: number;
  year_from?: number;
  year_to?: number;
  max_runtime?: number;
  user_id?: string;
  recommender?: RecommenderChoice;
  k?: number;
  exclude_movie_ids?: number[];
}

export const sessionSchema = z.object({ user_id: z.string().min(1), token: z.string().min(1) });
export type Session = z.infer<typeof sessionSchema>;

export const feedbackActions = ['like', 'dislike', 'skip', 'superlike', 'seen', 'watchlist'] as const;
export type FeedbackAction = (typeof feedbackActions)[number];

export const feedbackContextSchema = z.object({
  query: nullish(z.string()),
  recommender: nullish(z.string()),
  model_version: nullish(z.string()),
  position: nullish(z.number().int()),
  page_id: nullish(z.string()),
});
export type FeedbackContext = z.infer<typeof feedbackContextSchema>;

export const feedbackCreatedSchema = z.object({ id: z.number().int(), stored_at: z.string() });
export type FeedbackCreated = z.infer<typeof feedbackCreatedSchema>;

export const feedbackItemSchema = z.object({
  id: z.number().int(),
  movie_id: z.number().int(),
  action: z.string(),
  stored_at: z.string(),
  undone: z.boolean().default(false),
  context: nullish(feedbackContextSchema),
  movie: nullish(movieSchema),
});
export type ApiFeedbackItem = z.infer<typeof feedbackItemSchema>;

export const feedbackListSchema = z.object({
  user_id: z.string(),
  items: z.array(feedbackItemSchema),
  next_before: nullish(z.number().int()),
});
export type ApiFeedbackList = z.infer<typeof feedbackListSchema>;

export const watchlistItemSchema = z.object({
  movie_id: z.number().int(),
  added_at: z.string(),
  movie: nullish(movieSchema),
});
export type ApiWatchlistItem = z.infer<typeof watchlistItemSchema>;

export const watchlistSchema = z.object({ user_id: z.string(), items: z.array(watchlistItemSchema) });
export type ApiWatchlist = z.infer<typeof watchlistSchema>;

export const movieSearchSchema = z.object({ query: z.string().optional(), items: z.array(movieSchema) });
export const similarMoviesSchema = z.object({
  movie_id: z.number().int().optional(),
  method: nullish(z.string()),
  items: z.array(movieSchema),
});
export type ApiSimilarMovies = z.infer<typeof similarMoviesSchema>;

// GET /moods is being built while this UI is; its exact shape is not pinned in the contract yet, so
// accept the plausible encodings (strings, or objects naming the mood) and normalise in mappers.ts.
const moodEntrySchema = z.union([
  z.string().min(1),
  z
    .object({
      name: z.string().optional(),
      mood: z.string().optional(),
      id: z.string().optional(),
      key: z.string().optional(),
      label: z.string().optional(),
      display_name: z.string().optional(),
      description: nullish(z.string()),
    })
    .refine((m) => Boolean(m.name ?? m.mood ?? m.id ?? m.key), { message: 'a mood needs a name' }),
]);
export const moodsSchema = z.union([
  z.array(moodEntrySchema),
  z.object({ moods: z.array(moodEntrySchema) }),
  z.object({ items: z.array(moodEntrySchema) }),
]);
export type ApiMoods = z.infer<typeof moodsSchema>;

export const problemSchema = z
  .object({
    type: z.string().optional(),
    title: z.string().optional(),
    status: z.number().optional(),
    detail: z.string().optional(),
    errors: z.record(z.string(), z.array(z.string())).optional(),
  })
  .loose();
export type ProblemDetails = z.infer<typeof problemSchema>;

// --- admin (X-Api-Key): model versions, online metrics, the experiment switch ---

export const onlineMetricsSchema = z.object({
  swipes: z.number().int(),
  likes: z.number().int(),
  dislikes: z.number().int(),
  sessions: z.number().int(),
  like_rate: nullish(z.number()),
  dislike_rate: nullish(z.number()),
  swipes_per_session: nullish(z.number()),
  liked_page_share: nullish(z.number()),
  catalogue_coverage: z.number(),
});
export type ApiOnlineMetrics = z.infer<typeof onlineMetricsSchema>;

export const modelSchema = z.object({
  version: z.string(),
  algorithm: z.string(),
  is_current: z.boolean(),
  is_serving: z.boolean(),
  created_at: z.string(),
  promoted_at: nullish(z.string()),
  validation: nullish(
    z.object({
      ndcg_at_10: nullish(z.number()),
      recall_at_10: nullish(z.number()),
      coverage_at_10: nullish(z.number()),
    }),
  ),
});
export type ApiModel = z.infer<typeof modelSchema>;

export const experimentSchema = z.object({
  name: z.string(),
  control_version: z.string(),
  candidate_version: z.string(),
  candidate_share: z.number(),
  started_at: z.string(),
  stopped_at: nullish(z.string()),
  arms: z
    .array(
      z.object({
        arm: z.string(),
        model_version: z.string(),
        metrics: onlineMetricsSchema,
        like_rate_standard_error: nullish(z.number()),
      }),
    )
    .default([]),
  like_rate_difference: nullish(
    z.object({ estimate: z.number(), low: nullish(z.number()), high: nullish(z.number()), confidence: z.number() }),
  ),
});
export type ApiExperiment = z.infer<typeof experimentSchema>;

export const monitoringSchema = z.object({
  serving_version: z.string(),
  catalog_movies: z.number().int(),
  bucket: z.string(),
  models: z.array(modelSchema),
  online: z.array(z.object({ model_version: z.string(), metrics: onlineMetricsSchema })),
  series: z.array(z.object({ model_version: z.string(), bucket_start: z.string(), metrics: onlineMetricsSchema })),
  experiment: nullish(experimentSchema),
});
export type ApiMonitoring = z.infer<typeof monitoringSchema>;

/** Watch-together rooms (docs/rooms.md). */
export const roomMemberSchema = z.object({
  member_id: z.number().int(),
  display_name: z.string(),
  is_host: z.boolean(),
  present: z.boolean(),
  online: z.boolean(),
  votes: z.number().int(),
});
export type ApiRoomMember = z.infer<typeof roomMemberSchema>;

export const roomMatchSchema = z.object({
  movie_id: z.number().int(),
  likes: z.number().int(),
  matched_at: z.string(),
  movie: nullish(movieSchema),
});
export type ApiRoomMatch = z.infer<typeof roomMatchSchema>;

export const roomSchema = z.object({
  code: z.string(),
  join_path: z.string(),
  status: z.enum(['open', 'closed']),
  match_rule: z.string(),
  query: nullish(z.string()),
  moods: z.array(z.string()),
  genres: z.array(z.string()),
  you: z.number().int(),
  members: z.array(roomMemberSchema),
  matches: z.array(roomMatchSchema),
  deck_size: z.number().int(),
  chosen: nullish(movieSchema),
});
export type ApiRoom = z.infer<typeof roomSchema>;

export const roomDeckSchema = z.object({
  code: z.string(),
  cards: z.array(z.object({ position: z.number().int(), movie: movieSchema, voted_by: z.array(z.number().int()) })),
  strategy: z.string(),
  exhausted: z.boolean(),
});
export type ApiRoomDeck = z.infer<typeof roomDeckSchema>;

export const roomVoteSchema = z.object({
  movie_id: z.number().int(),
  vote: z.string(),
  match: nullish(roomMatchSchema),
});

export const roomEventSchema = z.object({
  code: z.string(),
  kind: z.string(),
  member_id: nullish(z.number().int()),
  movie_id: nullish(z.number().int()),
  match: nullish(roomMatchSchema),
});
export type ApiRoomEvent = z.infer<typeof roomEventSchema>;

export interface CreateRoomRequest {
  display_name: string;
  query?: string;
  moods?: string[];
  match_rule?: 'all' | 'majority';
}
