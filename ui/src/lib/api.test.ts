import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, on, problem } from '@/testing/fake-fetch';
import { shawshank } from '@/testing/movies';
import { ApiError, NETWORK_ERROR_MESSAGE, api } from './api';

const session = { user_id: 'u_42', token: 'secret-token' };

afterEach(() => vi.unstubAllGlobals());

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

describe('api client: errors', () => {
  it('surfaces the detail of a problem response', async () => {
    fakeFetch(
      on(
        'GET',
        '/movies/999999',
        problem(404, { title: 'Movie not found', detail: 'No movie with id 999999 is in the catalogue.' }),
      ),
    );
    const error = await failure(api.movie(999999));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(404);
    expect(error.title).toBe('Movie not found');
    expect(error.message).toBe('No movie with id 999999 is in the catalogue.');
  });

  it('names the fields of a validation problem', async () => {
    fakeFetch(
      on(
        'POST',
        '/recommend',
        problem(400, {
          title: 'The recommendation request is not valid',
          errors: { year_from: ['must not be after year_to (2000 > 1990)'] },
        }),
      ),
    );
    const error = await failure(api.recommend({ year_from: 2000, year_to: 1990 }));
    expect(error.status).toBe(400);
    expect(error.fieldErrors).toEqual({ year_from: ['must not be after year_to (2000 > 1990)'] });
    expect(error.message).toBe('The recommendation request is not valid: year_from must not be after year_to (2000 > 1990)');
    expect(error.isRetryable).toBe(false);
  });

  it('turns a refused connection into a retryable network error with a human message', async () => {
    fakeFetch(on('GET', '/genres', new TypeError('Failed to fetch')));
    const error = await failure(api.genres());
    expect(error.kind).toBe('network');
    expect(error.message).toBe(NETWORK_ERROR_MESSAGE);
    expect(error.isRetryable).toBe(true);
  });

  it('treats a gateway error page as the server being unreachable', async () => {
    fakeFetch(
      on('GET', '/health', new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })),
    );
    expect((await failure(api.health())).kind).toBe('network');
  });

  it('marks rate limiting and server errors retryable, client errors not', async () => {
    fakeFetch(
      on('POST', '/sessions', problem(429, { title: 'Too many requests', detail: 'Slow down and retry in a minute.' })),
      on('GET', '/genres', problem(503, { title: 'Service Unavailable' })),
    );
    const limited = await failure(api.createSession());
    expect(limited.message).toBe('Slow down and retry in a minute.');
    expect(limited.isRetryable).toBe(true);
    expect((await failure(api.genres())).isRetryable).toBe(true);
  });

  it('recognises an endpoint this server does not have: the SPA fallback page', async () => {
    fakeFetch(
      on(
        'GET',
        '/moods',
        new Response('<!doctype html><html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      ),
    );
    const error = await failure(api.moods());
    expect(error.isUnavailable).toBe(true);
  });

  it('recognises an endpoint this server does not have: the bare 404 status page', async () => {
    fakeFetch(
      on(
        'GET',
        '/movies/1/similar',
        problem(404, { title: 'Not Found', type: 'https://tools.ietf.org/html/rfc9110#section-15.5.5' }),
      ),
    );
    expect((await failure(api.similarMovies(1))).isUnavailable).toBe(true);
  });

  it('does not mistake a real "not found" for a missing endpoint', async () => {
    fakeFetch(
      on(
        'GET',
        '/movies/5/similar',
        problem(404, { title: 'Movie not found', detail: 'No movie with id 5 is in the catalogue.' }),
      ),
    );
    const error = await failure(api.similarMovies(5));
    expect(error.isUnavailable).toBe(false);
    expect(error.status).toBe(404);
  });

  it('rejects an answer that does not match the contract, saying where', async () => {
    fakeFetch(
      on('POST', '/recommend', json({ recommender: 'baseline', model_version: 'v1', items: [{ movie_id: 'one', title: 'x' }] })),
    );
    const error = await failure(api.recommend({}));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('items.0.movie_id');
  });

  it('rejects unreadable JSON', async () => {
    fakeFetch(on('GET', '/health', new Response('{"status":', { status: 200, headers: { 'Content-Type': 'application/json' } })));
    expect((await failure(api.health())).kind).toBe('invalid-response');
  });

  it('says 401 plainly so the session can be replaced', async () => {
    fakeFetch(
      on(
        'GET',
        '/users/u_42/watchlist',
        problem(401, { title: 'Unauthorized', detail: 'This needs the session token of the user.' }),
      ),
    );
    const error = await failure(api.watchlist(session));
    expect(error.isUnauthorized).toBe(true);
  });
});

describe('api client: requests', () => {
  it('posts feedback with the token, the idempotency key and the context', async () => {
    const { requests } = fakeFetch(on('POST', '/feedback', json({ id: 7, stored_at: '2026-11-26T10:00:00Z' }, 201)));
    const created = await api.postFeedback(
      session,
      {
        movie_id: 318,
        action: 'like',
        context: { query: 'cozy', recommender: 'baseline', model_version: 'baseline', position: 3, page_id: 'p1' },
      },
      'key-1',
    );
    expect(created).toEqual({ id: 7, stored_at: '2026-11-26T10:00:00Z' });
    // A swipe must survive the page being closed or reloaded right after it.
    expect(requests[0]?.keepalive).toBe(true);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: '/feedback',
      headers: { authorization: 'Bearer secret-token', 'idempotency-key': 'key-1', 'content-type': 'application/json' },
      body: {
        user_id: 'u_42',
        movie_id: 318,
        action: 'like',
        context: { query: 'cozy', recommender: 'baseline', model_version: 'baseline', position: 3 },
      },
    });
  });

  it('sends the recommend request as JSON and parses the enriched items', async () => {
    const { requests } = fakeFetch(
      on(
        'POST',
        '/recommend',
        json({ recommender: 'baseline', model_version: 'baseline', fallback_reason: null, intent: null, items: [shawshank] }),
      ),
    );
    const response = await api.recommend({ query: 'prison', genres: ['Drama'], k: 5 }, session);
    expect(response.items[0]?.title).toBe('The Shawshank Redemption');
    expect(requests[0]?.body).toEqual({ query: 'prison', genres: ['Drama'], k: 5 });
    expect(requests[0]?.headers.authorization).toBe('Bearer secret-token');
  });

  it('encodes user ids and paging in paths', async () => {
    const { requests } = fakeFetch(on('GET', /\/users\/.+\/feedback/, json({ user_id: 'u/x', items: [], next_before: null })));
    await api.listFeedback({ user_id: 'u/x', token: 't' }, { limit: 50, before: 10 });
    expect(requests[0]?.url).toBe('/users/u%2Fx/feedback?limit=50&before=10');
  });

  it('accepts 204 for undo and treats removing an absent watchlist entry as done', async () => {
    fakeFetch(
      on('DELETE', '/users/u_42/feedback/7', new Response(null, { status: 204 })),
      on(
        'DELETE',
        '/users/u_42/watchlist/318',
        problem(404, { title: 'Not on the watchlist', detail: 'Movie 318 is not on the watchlist.' }),
      ),
    );
    await expect(api.undoFeedback(session, 7)).resolves.toBeUndefined();
    await expect(api.removeFromWatchlist(session, 318)).resolves.toBeUndefined();
  });
});
