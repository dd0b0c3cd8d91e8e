import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { useEffect, useRef, useState } from 'react';
import { type ApiRoomEvent, roomEventSchema } from '@/lib/api-schemas';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** Retry delays after a dropped connection; the last one repeats for as long as the room is open on screen. */
const RETRY_MS = [0, 1000, 2000, 5000, 10000];

/**
 * The room's live feed (SignalR at /rooms/live): calls `onEvent` for every change, and with `kind: 'resync'`
 * after a reconnect, when events may have been missed and the room should be read again.
 */
export function useRoomLive(code: string, token: string | null, onEvent: (event: ApiRoomEvent) => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    if (!token) return;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connection = new HubConnectionBuilder()
      .withUrl('/rooms/live', { accessTokenFactory: () => token })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (context) => RETRY_MS[Math.min(context.previousRetryCount, RETRY_MS.length - 1)] ?? 10000,
      })
      // The server pings every 5 s: a connection silent for 10 s is dead (a phone that lost its network).
      .withServerTimeout(10_000)
      .withKeepAliveInterval(5_000)
      .configureLogging(LogLevel.None)
      .build();
    connection.on('changed', (raw: unknown) => {
      const parsed = roomEventSchema.safeParse(raw);
      if (parsed.success) handler.current(parsed.data);
    });
    const watch = async () => {
      await connection.invoke('Watch', code);
      setState('live');
      handler.current({ code, kind: 'resync', member_id: null, movie_id: null, match: null });
    };
    const start = async () => {
      try {
        setState('connecting');
        await connection.start();
        await watch();
      } catch {
        if (stopped) return;
        setState('offline');
        retry = setTimeout(() => void start(), 3000);
      }
    };
    connection.onreconnecting(() => setState('reconnecting'));
    connection.onreconnected(() => void watch().catch(() => setState('offline')));
    connection.onclose(() => {
      if (stopped) return;
      setState('offline');
      retry = setTimeout(() => void start(), 3000);
    });
    void start();
    return () => {
      stopped = true;
      clearTimeout(retry);
      void connection.stop();
    };
  }, [code, token]);

  return state;
}
