import { api, isApiError } from './api';
import { type Session, sessionSchema } from './api-schemas';

const STORAGE_KEY = 'marquee.session';

export type SessionChange = 'created' | 'replaced' | 'cleared';
type Listener = (session: Session | null, reason: SessionChange) => void;
const listeners = new Set<Listener>();
let pending: Promise<Session> | null = null;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function loadSession(): Session | null {
  const raw = storage()?.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const parsed = sessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function saveSession(session: Session): void {
  storage()?.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function createSession(reason: 'created' | 'replaced'): Promise<Session> {
  pending ??= api
    .createSession()
    .then((session) => {
      saveSession(session);
      listeners.forEach((listener) => listener(session, reason));
      return session;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

/** The anonymous session kept in localStorage, created on first use. */
export async function ensureSession(): Promise<Session> {
  return loadSession() ?? createSession('created');
}

/**
 * The server no longer knows this session (its database was reset, or the token was revoked):
 * tells whether an error means "start a fresh session and try again".
 */
export function isLostSession(error: unknown): boolean {
  if (!isApiError(error) || error.kind !== 'http') return false;
  return error.status === 401 || (error.status === 404 && error.title === 'User not found');
}

/**
 * Runs a call that needs the session; when the server answers that it does not know the session
 * any more, replaces it with a new one and runs the call once more.
 */
export async function withSession<T>(call: (session: Session) => Promise<T>): Promise<T> {
  const session = await ensureSession();
  try {
    return await call(session);
  } catch (error) {
    if (!isLostSession(error)) throw error;
    const current = loadSession();
    // Another call may already have replaced it while this one was in flight.
    const fresh =
      current && current.token !== session.token
        ? current
        : (storage()?.removeItem(STORAGE_KEY), await createSession('replaced'));
    return call(fresh);
  }
}

/** "Start over": forgets the stored session; the next call that needs one creates a new one. */
export function clearSession(): void {
  storage()?.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener(null, 'cleared'));
}
