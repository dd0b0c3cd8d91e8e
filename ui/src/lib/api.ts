import type { z } from 'zod';
import {
  type FeedbackAction,
  type FeedbackContext,
  type ProblemDetails,
  type RecommendRequest,
  type CreateRoomRequest,
  type Session,
  experimentSchema,
  feedbackCreatedSchema,
  feedbackListSchema,
  genresSchema,
  healthSchema,
  movieDetailSchema,
  movieSearchSchema,
  monitoringSchema,
  moodsSchema,
  problemSchema,
  recommendResponseSchema,
  roomDeckSchema,
  roomMatchSchema,
  roomSchema,
  roomVoteSchema,
  sessionSchema,
  similarMoviesSchema,
  watchlistItemSchema,
  watchlistSchema,
} from './api-schemas';

export type ApiErrorKind = 'http' | 'network' | 'invalid-response' | 'unavailable';

/** Every failure of the API client: the message is what a person should read. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly title: string | null;
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: { status?: number | null; title?: string | null; fieldErrors?: Record<string, string[]>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = options.status ?? null;
    this.title = options.title ?? null;
    this.fieldErrors = options.fieldErrors ?? {};
  }

  get isUnauthorized(): boolean {
    return this.kind === 'http' && this.status === 401;
  }

  /** The endpoint does not exist on this server (yet): callers may degrade instead of failing. */
  get isUnavailable(): boolean {
    return this.kind === 'unavailable';
  }

  get isRetryable(): boolean {
    return this.kind === 'network' || (this.kind === 'http' && (this.status === 429 || (this.status ?? 0) >= 500));
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export const NETWORK_ERROR_MESSAGE = 'Could not reach the Marquee server. Check that it is running, then try again.';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Writes a person expects to stick even if they reload or leave right after (swipes, saves). */
  keepalive?: boolean;
}

function describeProblem(problem: ProblemDetails, status: number): string {
  if (problem.detail) return problem.detail;
  const fields = Object.entries(problem.errors ?? {});
  if (fields.length > 0) {
    const listed = fields.map(([field, messages]) => `${field} ${messages.join('; ')}`).join('. ');
    return problem.title ? `${problem.title}: ${listed}` : listed;
  }
  return problem.title ?? `The server answered ${status}.`;
}

function isJson(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.includes('application/json') || type.includes('+json');
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const init: RequestInit = { method: options.method ?? 'GET', headers };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  if (options.keepalive) init.keepalive = true;
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('network', NETWORK_ERROR_MESSAGE, { cause });
  }
  if (response.ok) return response;

  if (!isJson(response)) {
    // No problem details: a missing route (or a proxy in the way) rather than the API saying no.
    if (response.status === 404 || response.status === 405) {
      throw new ApiError('unavailable', `This server does not offer ${path.split('?')[0]} yet.`, { status: response.status });
    }
    if (response.status === 502 || response.status === 503 || response.status === 504) {
      throw new ApiError('network', NETWORK_ERROR_MESSAGE, { status: response.status });
    }
    throw new ApiError('http', `The server answered ${response.status} ${response.statusText}`.trim() + '.', {
      status: response.status,
    });
  }
  const parsed = problemSchema.safeParse(await response.json().catch(() => ({})));
  const problem: ProblemDetails = parsed.success ? parsed.data : {};
  if (response.status === 404 && !problem.detail && !problem.errors) {
    // The framework's bare status page for an unmapped route; Marquee's own 404s always explain themselves.
    throw new ApiError('unavailable', `This server does not offer ${path.split('?')[0]} yet.`, { status: 404 });
  }
  throw new ApiError('http', describeProblem(problem, response.status), {
    status: response.status,
    title: problem.title ?? null,
    fieldErrors: problem.errors ?? {},
  });
}

async function parse<T>(response: Response, schema: z.ZodType<T>, path: string): Promise<T> {
  if (!isJson(response)) {
    // The SPA fallback answers unknown GET paths with index.html: that endpoint is not there.
    throw new ApiError('unavailable', `This server does not offer ${path.split('?')[0]} yet.`, { status: 404 });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new ApiError('invalid-response', `The server sent unreadable JSON for ${path}.`, { cause });
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new ApiError('invalid-response', `The server's answer for ${path.split('?')[0]} was not understood${where}.`, {
      cause: result.error,
    });
  }
  return result.data;
}

async function getJson<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  return parse(await send(path, options), schema, path);
}

const userPath = (session: Session) => `/users/${encodeURIComponent(session.user_id)}`;

const roomPath = (code: string) => `/rooms/${encodeURIComponent(code)}`;

export const api = {
  createRoom: (session: Session, request: CreateRoomRequest) =>
    getJson('/rooms', roomSchema, { method: 'POST', token: session.token, body: request }),

  joinRoom: (session: Session, code: string, displayName: string) =>
    getJson(`${roomPath(code)}/members`, roomSchema, {
      method: 'POST',
      token: session.token,
      body: { display_name: displayName },
    }),

  room: (session: Session, code: string, signal?: AbortSignal) =>
    getJson(roomPath(code), roomSchema, { token: session.token, signal }),

  roomDeck: (session: Session, code: string, count: number, signal?: AbortSignal) =>
    getJson(`${roomPath(code)}/deck?count=${count}`, roomDeckSchema, { token: session.token, signal }),

  voteInRoom: (session: Session, code: string, movieId: number, vote: 'like' | 'dislike') =>
    getJson(`${roomPath(code)}/votes`, roomVoteSchema, {
      method: 'POST',
      token: session.token,
      body: { movie_id: movieId, vote },
      keepalive: true,
    }),

  roomMatches: (session: Session, code: string, signal?: AbortSignal) =>
    getJson(`${roomPath(code)}/matches`, roomMatchSchema.array(), { token: session.token, signal }),

  chooseInRoom: (session: Session, code: string, movieId: number) =>
    getJson(`${roomPath(code)}/choice`, roomSchema, { method: 'POST', token: session.token, body: { movie_id: movieId } }),

  closeRoom: (session: Session, code: string) =>
    getJson(`${roomPath(code)}/close`, roomSchema, { method: 'POST', token: session.token }),

  health: (signal?: AbortSignal) => getJson('/health', healthSchema, { signal }),

  genres: (signal?: AbortSignal) => getJson('/genres', genresSchema, { signal }),

  moods: (signal?: AbortSignal) => getJson('/moods', moodsSchema, { signal }),

  recommend: (request: RecommendRequest, session?: Session | null, signal?: AbortSignal) =>
    getJson('/recommend', recommendResponseSchema, {
      method: 'POST',
      body: request,
      token: session?.token,
      signal,
    }),

  movie: (movieId: number, signal?: AbortSignal) => getJson(`/movies/${movieId}`, movieDetailSchema, { signal }),

  searchMovies: (query: string, signal?: AbortSignal) =>
    getJson(`/movies/search?q=${encodeURIComponent(query)}`, movieSearchSchema, { signal }),

  similarMovies: (movieId: number, signal?: AbortSignal) =>
    getJson(`/movies/${movieId}/similar`, similarMoviesSchema, { signal }),

  createSession: () => getJson('/sessions', sessionSchema, { method: 'POST' }),

  postFeedback: (
    session: Session,
    feedback: { movie_id: number; action: FeedbackAction; context?: FeedbackContext },
    idempotencyKey: string,
  ) =>
    getJson('/feedback', feedbackCreatedSchema, {
      method: 'POST',
      token: session.token,
      headers: { 'Idempotency-Key': idempotencyKey },
      body: { user_id: session.user_id, ...feedback },
      keepalive: true,
    }),

  listFeedback: (session: Session, page: { limit?: number; before?: number | null } = {}, signal?: AbortSignal) => {
    const params = new URLSearchParams();
    if (page.limit) params.set('limit', String(page.limit));
    if (page.before) params.set('before', String(page.before));
    const query = params.size > 0 ? `?${params}` : '';
    return getJson(`${userPath(session)}/feedback${query}`, feedbackListSchema, { token: session.token, signal });
  },

  undoFeedback: async (session: Session, feedbackId: number) => {
    await send(`${userPath(session)}/feedback/${feedbackId}`, { method: 'DELETE', token: session.token, keepalive: true });
  },

  watchlist: (session: Session, signal?: AbortSignal) =>
    getJson(`${userPath(session)}/watchlist`, watchlistSchema, { token: session.token, signal }),

  addToWatchlist: (session: Session, movieId: number) =>
    getJson(`${userPath(session)}/watchlist/${movieId}`, watchlistItemSchema, {
      method: 'PUT',
      token: session.token,
      keepalive: true,
    }),

  removeFromWatchlist: async (session: Session, movieId: number) => {
    try {
      await send(`${userPath(session)}/watchlist/${movieId}`, { method: 'DELETE', token: session.token, keepalive: true });
    } catch (error) {
      // Already gone is what the caller wanted.
      if (isApiError(error) && error.kind === 'http' && error.status === 404) return;
      throw error;
    }
  },

  monitoring: (adminKey: string, bucket: 'hour' | 'day', signal?: AbortSignal) =>
    getJson(`/admin/monitoring?bucket=${bucket}`, monitoringSchema, { headers: { 'X-Api-Key': adminKey }, signal }),

  startExperiment: (
    adminKey: string,
    experiment: { name?: string; control_version: string; candidate_version: string; candidate_share: number },
  ) => getJson('/admin/experiment', experimentSchema, { method: 'PUT', body: experiment, headers: { 'X-Api-Key': adminKey } }),

  stopExperiment: (adminKey: string) =>
    getJson('/admin/experiment', experimentSchema, { method: 'DELETE', headers: { 'X-Api-Key': adminKey } }),
};

export type Api = typeof api;
