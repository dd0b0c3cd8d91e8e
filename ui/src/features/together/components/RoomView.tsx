import { useQueryClient } from '@tanstack/react-query';
import clsx from 'clsx';
import { Copy, Heart, Loader2, Popcorn, ThumbsDown, Wifi, WifiOff } from 'lucide-react';
import { AnimatePresence, motion } from 'motion/react';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Poster } from '@/components/Poster';
import { useSession } from '@/hooks/use-session';
import { isApiError } from '@/lib/api';
import type { ApiRoom, ApiRoomDeck, ApiRoomEvent, ApiRoomMatch } from '@/lib/api-schemas';
import { mapMovieRecToUI } from '@/lib/mappers';
import { queryKeys } from '@/lib/query-keys';
import { type LiveState, useRoomLive } from '../api/use-room-live';
import { useChoose, useJoinRoom, useRoom, useRoomDeck, useVote } from '../api/use-room';
import { rememberName, rememberedName } from '../lib/display-name';
import { MatchCelebration } from './MatchCelebration';
import { MatchList } from './MatchList';
import { NameField } from './NameField';
import { Members } from './Members';

/** /together/:code: the room's shared deck, who voted, the matches, and the celebration when one happens. */
export function RoomView({ code }: { code: string }) {
  const room = useRoom(code);
  if (room.isPending) {
    return (
      <div className="grid min-h-[50vh] place-items-center" role="status" aria-label="Loading the room">
        <Loader2 aria-hidden="true" className="size-6 animate-spin text-zinc-500" />
      </div>
    );
  }
  if (room.error && !room.data) {
    if (isApiError(room.error) && room.error.status === 403) return <JoinPrompt code={code} />;
    return (
      <div className="mx-auto max-w-xl px-4 py-16 text-center">
        <h1 className="text-2xl font-semibold text-white">No room here</h1>
        <p role="alert" className="mt-2 text-zinc-300">
          {room.error.message}
        </p>
        <Link to="/together" className="mt-6 inline-flex rounded-full bg-zinc-50 px-5 py-2.5 text-sm font-semibold text-ink-950">
          Start or join a room
        </Link>
      </div>
    );
  }
  return <Room room={room.data!} />;
}

function Room({ room }: { room: ApiRoom }) {
  const code = room.code;
  const queryClient = useQueryClient();
  const session = useSession();
  const open = room.status === 'open';
  const deck = useRoomDeck(code, open);
  const vote = useVote(code);
  const choose = useChoose(code);
  const [celebrating, setCelebrating] = useState<ApiRoomMatch | null>(null);
  // Matches already on screen when the room loads are not celebrated again (a reload keeps the list, not the party).
  const celebrated = useRef(new Set(room.matches.map((m) => m.movie_id)));

  const celebrate = useCallback((match: ApiRoomMatch) => {
    if (celebrated.current.has(match.movie_id)) return;
    celebrated.current.add(match.movie_id);
    setCelebrating(match);
  }, []);

  const onEvent = useCallback(
    (event: ApiRoomEvent) => {
      if (event.kind === 'voted' && event.movie_id != null && event.member_id != null) {
        const { movie_id: movieId, member_id: memberId } = event;
        queryClient.setQueryData<ApiRoomDeck>(queryKeys.roomDeck(code), (current) =>
          current
            ? {
                ...current,
                cards: current.cards.map((card) =>
                  card.movie.movie_id === movieId && !card.voted_by.includes(memberId)
                    ? { ...card, voted_by: [...card.voted_by, memberId] }
                    : card,
                ),
              }
            : current,
        );
      }
      if (event.kind === 'matched' && event.match) celebrate(event.match);
      if (event.kind === 'resync' || event.kind === 'closed')
        void queryClient.invalidateQueries({ queryKey: queryKeys.roomDeck(code) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.room(code), exact: true });
    },
    [celebrate, code, queryClient],
  );
  const live = useRoomLive(code, session?.token ?? null, onEvent);

  const top = deck.data?.cards[0] ?? null;
  const send = useCallback(
    (choice: 'like' | 'dislike') => {
      if (!top || vote.isPending) return;
      vote.mutate(
        { movieId: top.movie.movie_id, vote: choice },
        { onSuccess: (result) => result.match && celebrate(result.match) },
      );
    },
    [celebrate, top, vote],
  );

  useEffect(() => {
    if (!open || celebrating) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      if (event.key === 'ArrowRight') send('like');
      if (event.key === 'ArrowLeft') send('dislike');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [celebrating, open, send]);

  const onChoose = (movieId: number) => choose.mutate(movieId, { onSuccess: () => setCelebrating(null) });

  return (
    <div className="mx-auto max-w-5xl px-4 py-5 lg:py-8">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h1 className="font-display text-2xl font-semibold tracking-wide text-white uppercase">Watch together</h1>
          {room.query && <p className="truncate text-sm text-zinc-400">“{room.query}”</p>}
        </div>
        <RoomCode code={code} joinPath={room.join_path} />
      </header>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <Members members={room.members} you={room.you} votedBy={top?.voted_by ?? []} />
        <LiveBadge state={live} />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div>
          {open ? (
            <DeckCard
              deck={deck.data ?? null}
              loading={deck.isPending}
              error={deck.error}
              voting={vote.isPending}
              onVote={send}
            />
          ) : (
            <Closed room={room} />
          )}
          {vote.error && (
            <p role="alert" className="mt-3 text-sm text-nope">
              {vote.error.message}
            </p>
          )}
        </div>
        <MatchList matches={room.matches} onChoose={open ? onChoose : undefined} disabled={choose.isPending} />
      </div>

      <AnimatePresence>
        {celebrating && open && (
          <MatchCelebration
            key={celebrating.movie_id}
            match={celebrating}
            choosing={choose.isPending}
            onChoose={() => onChoose(celebrating.movie_id)}
            onDismiss={() => setCelebrating(null)}
          />
        )}
      </AnimatePresence>
    </div>
  );
}

function DeckCard({
  deck,
  loading,
  error,
  voting,
  onVote,
}: {
  deck: ApiRoomDeck | null;
  loading: boolean;
  error: Error | null;
  voting: boolean;
  onVote: (vote: 'like' | 'dislike') => void;
}) {
  if (loading) {
    return <div className="aspect-[2/3] w-full max-w-sm skeleton rounded-3xl" role="status" aria-label="Dealing cards" />;
  }
  if (error && !deck) {
    return (
      <p role="alert" className="text-nope">
        {error.message}
      </p>
    );
  }
  const card = deck?.cards[0];
  if (!card) {
    return <p className="text-zinc-300">{deck?.exhausted ? 'No more films fit this room.' : 'Dealing more films…'}</p>;
  }
  const movie = mapMovieRecToUI(card.movie);
  return (
    <AnimatePresence mode="popLayout">
      <motion.article
        key={movie.id}
        aria-labelledby="room-card-title"
        data-testid="room-card"
        data-movie-id={movie.id}
        className="mx-auto w-full max-w-sm overflow-hidden rounded-3xl border border-white/10 bg-ink-900"
        initial={{ opacity: 0, y: 24, scale: 0.96 }}
        animate={{ opacity: 1, y: 0, scale: 1 }}
        exit={{ opacity: 0, x: 80, rotate: 6 }}
        transition={{ duration: 0.2 }}
      >
        <Poster movie={movie} size="card" className="aspect-[2/3] max-h-[46vh] w-full" eager />
        <div className="p-4">
          <h2 id="room-card-title" className="text-xl font-semibold text-white">
            {movie.title}
          </h2>
          <p className="text-sm text-zinc-400">{movie.cardFacts.join(' · ') || movie.year}</p>
          {movie.reasons[0] && <p className="mt-1 text-sm text-amber-200">{movie.reasons[0]}</p>}
          {movie.overview && <p className="mt-2 line-clamp-3 text-sm text-zinc-300">{movie.overview}</p>}
          <div className="mt-4 grid grid-cols-2 gap-3">
            <button
              type="button"
              onClick={() => onVote('dislike')}
              disabled={voting}
              aria-label={`Not for me: ${movie.title}`}
              className="inline-flex items-center justify-center gap-2 rounded-full bg-ink-700 py-3 text-sm font-semibold text-nope ring-1 ring-nope/40 transition hover:bg-ink-600 disabled:opacity-60"
            >
              <ThumbsDown aria-hidden="true" className="size-5" /> Nope
            </button>
            <button
              type="button"
              onClick={() => onVote('like')}
              disabled={voting}
              aria-label={`I'd watch ${movie.title}`}
              className="inline-flex items-center justify-center gap-2 rounded-full bg-like py-3 text-sm font-semibold text-ink-950 transition hover:brightness-110 disabled:opacity-60"
            >
              <Heart aria-hidden="true" className="size-5" /> Like
            </button>
          </div>
          <p className="mt-3 text-center text-xs text-zinc-500">← nope · like →</p>
        </div>
      </motion.article>
    </AnimatePresence>
  );
}

function Closed({ room }: { room: ApiRoom }) {
  const chosen = room.chosen ? mapMovieRecToUI(room.chosen) : null;
  return (
    <section
      aria-labelledby="closed-title"
      className="mx-auto max-w-sm rounded-3xl border border-white/10 bg-ink-900 p-5 text-center"
    >
      <Popcorn aria-hidden="true" className="mx-auto size-8 text-amber-300" />
      <h2 id="closed-title" className="mt-2 text-xl font-semibold text-white">
        {chosen ? `Tonight: ${chosen.title}` : 'This room is closed'}
      </h2>
      {chosen ? (
        <Poster movie={chosen} size="tile" className="mx-auto mt-4 aspect-[2/3] w-44 rounded-2xl" eager />
      ) : (
        <p className="mt-1 text-sm text-zinc-400">The host ended it without a choice.</p>
      )}
      <Link
        to="/together"
        className="mt-5 inline-flex rounded-full px-4 py-2 text-sm font-semibold text-zinc-200 ring-1 ring-white/15"
      >
        Start another room
      </Link>
    </section>
  );
}

function RoomCode({ code, joinPath }: { code: string; joinPath: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(new URL(joinPath, window.location.origin).toString());
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="flex items-center gap-2 rounded-2xl bg-ink-800 px-3 py-2">
      <span className="text-xs text-zinc-400">Code</span>
      <span data-testid="room-code" className="font-mono text-lg font-semibold tracking-[0.2em] text-white">
        {code}
      </span>
      <button
        type="button"
        onClick={() => void copy()}
        className="inline-flex items-center gap-1 rounded-full px-2 py-1 text-xs text-zinc-200 ring-1 ring-white/15"
      >
        <Copy aria-hidden="true" className="size-3.5" /> {copied ? 'Copied' : 'Copy link'}
      </button>
    </div>
  );
}

function LiveBadge({ state }: { state: LiveState }) {
  const label = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline: retrying' }[state];
  const Icon = state === 'live' ? Wifi : WifiOff;
  return (
    <span
      role="status"
      data-testid="live-state"
      data-state={state}
      className={clsx(
        'inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs',
        state === 'live' ? 'text-like' : 'text-zinc-400',
      )}
    >
      <Icon aria-hidden="true" className="size-3.5" /> {label}
    </span>
  );
}

function JoinPrompt({ code }: { code: string }) {
  const join = useJoinRoom();
  const [name, setName] = useState(rememberedName);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    rememberName(name);
    join.mutate({ code, displayName: name.trim() });
  };
  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby="join-title"
      className="mx-auto mt-10 max-w-sm rounded-3xl border border-white/10 bg-ink-900 p-5"
    >
      <h1 id="join-title" className="text-xl font-semibold text-white">
        Join room <span className="font-mono tracking-[0.2em]">{code.toUpperCase()}</span>
      </h1>
      <NameField value={name} onChange={setName} />
      {join.error && (
        <p role="alert" className="mt-3 text-sm text-nope">
          {join.error.message}
        </p>
      )}
      <button
        type="submit"
        disabled={join.isPending}
        className="mt-5 w-full rounded-full bg-zinc-50 py-3 text-sm font-semibold text-ink-950 disabled:opacity-60"
      >
        Join room
      </button>
    </form>
  );
}
