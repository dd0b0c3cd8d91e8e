import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, on, problem } from '@/testing/fake-fetch';
import { api } from './api';
import { ensureSession, loadSession, onSessionChange, withSession } from './session';

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('session', () => {
  it('creates one session on first use and keeps it in localStorage', async () => {
    const { requests } = fakeFetch(on('POST', '/sessions', json({ user_id: 'u_1', token: 't1' }, 201)));
    const [a, b] = await Promise.all([ensureSession(), ensureSession()]);
    expect(a).toEqual({ user_id: 'u_1', token: 't1' });
    expect(b).toEqual(a);
    expect(requests.filter((r) => r.url === '/sessions')).toHaveLength(1);
    expect(loadSession()).toEqual(a);
  });

  it('ignores a corrupt stored session', () => {
    localStorage.setItem('marquee.session', '{"user_id": 3}');
    expect(loadSession()).toBeNull();
  });

  it('replaces a session the server no longer knows and retries the call once', async () => {
    localStorage.setItem('marquee.session', JSON.stringify({ user_id: 'u_old', token: 'stale' }));
    const { requests } = fakeFetch(
      on(
        'GET',
        '/users/u_old/watchlist',
        problem(401, { title: 'Unauthorized', detail: 'This needs the session token of the user.' }),
      ),
      on('POST', '/sessions', json({ user_id: 'u_new', token: 'fresh' }, 201)),
      on('GET', '/users/u_new/watchlist', json({ user_id: 'u_new', items: [] })),
    );
    const changes: string[] = [];
    const stop = onSessionChange((session, reason) => changes.push(`${reason}:${session?.user_id}`));
    const list = await withSession((session) => api.watchlist(session));
    stop();
    expect(list.user_id).toBe('u_new');
    expect(loadSession()).toEqual({ user_id: 'u_new', token: 'fresh' });
    expect(changes).toEqual(['replaced:u_new']);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /users/u_old/watchlist',
      'POST /sessions',
      'GET /users/u_new/watchlist',
    ]);
  });

  it('also recovers when the database no longer has the user at all', async () => {
    localStorage.setItem('marquee.session', JSON.stringify({ user_id: 'u_gone', token: 'x' }));
    fakeFetch(
      on('POST', '/recommend', (request) =>
        (request.body as { user_id: string }).user_id === 'u_gone'
          ? problem(404, { title: 'User not found', detail: "No user 'u_gone'." })
          : json({ recommender: 'baseline', model_version: 'b', items: [] }),
      ),
      on('POST', '/sessions', json({ user_id: 'u_2', token: 't2' }, 201)),
    );
    const response = await withSession((session) => api.recommend({ user_id: session.user_id }, session));
    expect(response.items).toEqual([]);
    expect(loadSession()?.user_id).toBe('u_2');
  });

  it('does not hide other failures behind a new session', async () => {
    localStorage.setItem('marquee.session', JSON.stringify({ user_id: 'u_1', token: 't' }));
    const { requests } = fakeFetch(
      on('GET', '/users/u_1/watchlist', problem(500, { title: 'Boom', detail: 'Database is locked.' })),
    );
    await expect(withSession((session) => api.watchlist(session))).rejects.toThrow('Database is locked.');
    expect(requests).toHaveLength(1);
  });
});
