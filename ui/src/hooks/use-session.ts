import { useEffect, useState } from 'react';
import type { Session } from '@/lib/api-schemas';
import { loadSession, onSessionChange } from '@/lib/session';

/** The current anonymous session, or null until the first call that needs one creates it. */
export function useSession(): Session | null {
  const [session, setSession] = useState(loadSession);
  useEffect(() => onSessionChange((next) => setSession(next)), []);
  return session;
}
