import { Film, Info, SearchX } from 'lucide-react';
import { AnimatePresence, motion } from 'motion/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { Poster } from '@/components/Poster';
import { Skeleton } from '@/components/Skeleton';
import { showToast } from '@/lib/toast';
import { useDeck } from '../api/use-deck';
import type { StackCard, SwipeAction } from '../lib/card-stack';
import { type DiscoverFilters, relaxations } from '../lib/filters';
import { ActionBar } from './ActionBar';
import { CardStack } from './CardStack';
import { IntentSummary } from './IntentSummary';

const pastTense: Record<SwipeAction, string> = {
  like: 'Liked',
  dislike: 'Disliked',
  skip: 'Skipped',
  watchlist: 'Added to watchlist:',
};

interface DeckProps {
  filters: DiscoverFilters;
  onFiltersChange: (filters: DiscoverFilters) => void;
  /** Arrow keys swipe only while no dialog (the filter sheet) has the keyboard. */
  keyboardEnabled: boolean;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function Deck({ filters, onFiltersChange, keyboardEnabled }: DeckProps) {
  const deck = useDeck(filters);
  const { stack, swipe, undo: undoSwipe } = deck;
  const [exitAction, setExitAction] = useState<SwipeAction>('like');
  const [announcement, setAnnouncement] = useState('');
  const top = stack.queue[0] ?? null;

  const commit = useCallback(
    (action: SwipeAction) => {
      if (!top) return;
      setExitAction(action);
      const stored = swipe(action);
      const title = top.movie.title;
      setAnnouncement(`${pastTense[action]} ${title}`);
      stored?.catch((error: unknown) =>
        showToast({
          tone: 'error',
          message: `Could not save “${title}”: ${error instanceof Error ? error.message : 'unknown error'}`,
        }),
      );
    },
    [top, swipe],
  );

  const undo = useCallback(async () => {
    try {
      const record = await undoSwipe();
      if (record) setAnnouncement(`Undid: ${pastTense[record.action].replace(':', '')} ${record.card.movie.title}`);
    } catch (error) {
      showToast({ tone: 'error', message: `Could not undo: ${error instanceof Error ? error.message : 'unknown error'}` });
    }
  }, [undoSwipe]);

  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keyHandler.current = (event: KeyboardEvent) => {
    if (!keyboardEnabled || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target))
      return;
    const action: SwipeAction | undefined = (
      { ArrowRight: 'like', ArrowLeft: 'dislike', ArrowDown: 'skip', ArrowUp: 'watchlist' } as const
    )[event.key as 'ArrowRight'];
    if (action) {
      event.preventDefault();
      if (!event.repeat) commit(action);
    } else if ((event.key === 'Backspace' || event.key === 'z') && stack.swiped.length > 0) {
      event.preventDefault();
      void undo();
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const showIntent = filters.query.trim() !== '' || filters.moods.length > 0;
  return (
    <div className="relative flex h-full min-h-0 gap-10">
      <div className="relative flex h-full min-h-0 min-w-0 flex-1 flex-col items-center gap-4">
        <Ambience card={top} />
        {showIntent && (
          <div className="flex h-6 w-full max-w-[min(100%,460px)] shrink-0 items-center justify-center">
            <IntentSummary intent={deck.meta.intent} />
          </div>
        )}
        <div className="relative min-h-0 w-full flex-1" style={{ containerType: 'size' }}>
          <div className="absolute inset-x-0 top-0 mx-auto h-[min(calc(100cqh-32px),calc(100cqw*1.5),690px)] w-[min(100cqw,460px,calc((100cqh-32px)*0.8))] lg:w-[min(100cqw,460px,calc((100cqh-32px)*2/3))]">
            {top ? (
              <CardStack cards={stack.queue} exitAction={exitAction} onSwipe={commit} />
            ) : deck.error ? (
              <ErrorState error={deck.error} onRetry={deck.retry} retrying={deck.loading} className="h-full justify-center" />
            ) : stack.exhausted ? (
              <Exhausted filters={filters} swipedAny={stack.swiped.length > 0} onFiltersChange={onFiltersChange} />
            ) : (
              <CardSkeleton />
            )}
          </div>
        </div>
        {deck.meta.notice && top && (
          <p className="-mt-1 flex items-center gap-1.5 text-xs text-zinc-400">
            <Info aria-hidden="true" className="size-3.5" />
            {deck.meta.notice}
          </p>
        )}
        {deck.meta.fallbackReason && top && (
          <p className="-mt-1 flex items-center gap-1.5 text-xs text-zinc-400">
            <Info aria-hidden="true" className="size-3.5" />
            {deck.meta.fallbackReason}
          </p>
        )}
        <ActionBar disabled={!top} canUndo={stack.swiped.length > 0} onAction={commit} onUndo={() => void undo()} />
        <KeyboardHints />
        <p className="sr-only" aria-live="polite">
          {announcement}
        </p>
      </div>
      <UpNext cards={stack.queue.slice(1, 6)} />
    </div>
  );
}

function UpNext({ cards }: { cards: StackCard[] }) {
  return (
    <aside aria-labelledby="up-next" className="hidden w-64 shrink-0 flex-col pt-10 xl:flex 2xl:w-72">
      <h2 id="up-next" className="text-xs font-semibold tracking-[0.18em] text-zinc-400 uppercase">
        Up next
      </h2>
      {cards.length === 0 ? (
        <ul className="mt-4 space-y-3" aria-hidden="true">
          {Array.from({ length: 4 }, (_, i) => (
            <li key={i} className="flex items-center gap-3">
              <Skeleton className="h-16 w-11 rounded-md" />
              <Skeleton className="h-3 w-32 rounded" />
            </li>
          ))}
        </ul>
      ) : (
        <ol className="mt-4 space-y-1">
          {cards.map(({ movie }) => (
            <li key={movie.id}>
              <Link
                to={`/movie/${movie.id}`}
                className="group flex items-center gap-3 rounded-xl p-1.5 transition hover:bg-white/5"
              >
                <Poster movie={movie} size="thumb" className="h-16 w-11 shrink-0 rounded-md ring-1 ring-white/10" />
                <span className="min-w-0">
                  <span className="block truncate text-sm font-medium text-zinc-200 group-hover:text-white">{movie.title}</span>
                  <span className="mt-0.5 block truncate text-xs text-zinc-400">
                    {[movie.directors[0], movie.year, movie.isShort ? 'Short' : null, movie.genres.slice(0, 2).join(' · ')]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
      <p className="mt-4 text-xs leading-relaxed text-zinc-400">Every like and dislike re-ranks this queue right away.</p>
    </aside>
  );
}

function Ambience({ card }: { card: StackCard | null }) {
  return (
    <AnimatePresence initial={false}>
      {card && (
        <motion.div
          key={card.movie.id}
          aria-hidden="true"
          initial={{ opacity: 0 }}
          animate={{ opacity: 1 }}
          exit={{ opacity: 0 }}
          transition={{ duration: 0.8 }}
          className="pointer-events-none absolute -inset-x-40 -top-24 -bottom-10 -z-10 blur-3xl"
          style={{
            background: `radial-gradient(38% 45% at 50% 40%, hsl(${card.movie.art.hue} 75% 45% / 0.42), transparent 70%), radial-gradient(30% 35% at 60% 62%, hsl(${card.movie.art.accentHue} 85% 50% / 0.26), transparent 70%)`,
          }}
        />
      )}
    </AnimatePresence>
  );
}

function CardSkeleton() {
  return (
    <div className="relative h-full w-full" role="status" aria-label="Loading recommendations">
      <Skeleton className="absolute inset-0 translate-y-[36px] scale-90 rounded-[28px] opacity-40" />
      <Skeleton className="absolute inset-0 translate-y-[18px] scale-95 rounded-[28px] opacity-70" />
      <div className="absolute inset-0 overflow-hidden rounded-[28px] bg-ink-800 ring-1 ring-white/10">
        <Skeleton className="absolute inset-0 rounded-none" />
        <div className="absolute inset-x-0 bottom-0 space-y-3 p-6">
          <div className="h-8 w-3/4 rounded-lg bg-white/10" />
          <div className="h-4 w-1/2 rounded bg-white/10" />
          <div className="h-4 w-2/3 rounded bg-white/5" />
        </div>
        <Film aria-hidden="true" className="absolute top-1/3 left-1/2 size-12 -translate-x-1/2 text-white/10" />
      </div>
    </div>
  );
}

function Exhausted({
  filters,
  swipedAny,
  onFiltersChange,
}: {
  filters: DiscoverFilters;
  swipedAny: boolean;
  onFiltersChange: (filters: DiscoverFilters) => void;
}) {
  const options = relaxations(filters);
  return (
    <EmptyState
      icon={SearchX}
      title={swipedAny ? 'You have seen every match' : 'Nothing matches all of that'}
      className="h-full justify-center"
    >
      <p>{options.length > 0 ? 'Relax a filter to see more films:' : 'Try another mood or wish.'}</p>
      {options.length > 0 && (
        <div className="mt-4 flex flex-wrap justify-center gap-2">
          {options.map((option) => (
            <button
              key={option.id}
              type="button"
              onClick={() => onFiltersChange(option.apply(filters))}
              className="rounded-full bg-white/10 px-3.5 py-1.5 text-sm font-medium text-zinc-100 ring-1 ring-white/15 transition hover:bg-white/20"
            >
              {option.label}
            </button>
          ))}
        </div>
      )}
    </EmptyState>
  );
}

function KeyboardHints() {
  const keys: [string, string][] = [
    ['←', 'Dislike'],
    ['↓', 'Skip'],
    ['↑', 'Watchlist'],
    ['→', 'Like'],
    ['⌫', 'Undo'],
  ];
  return (
    <p className="hidden items-center gap-4 text-xs text-zinc-500 lg:[@media(hover:hover)]:flex" aria-hidden="true">
      {keys.map(([key, label]) => (
        <span key={label} className="inline-flex items-center gap-1.5">
          <kbd className="grid min-w-6 place-items-center rounded-md border border-white/10 bg-ink-800 px-1.5 py-0.5 font-sans text-[11px] text-zinc-300">
            {key}
          </kbd>
          {label}
        </span>
      ))}
    </p>
  );
}
