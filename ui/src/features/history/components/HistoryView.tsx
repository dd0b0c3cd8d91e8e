import clsx from 'clsx';
import { Bookmark, History as HistoryIcon, Loader2, SkipForward, ThumbsDown, ThumbsUp, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { Poster } from '@/components/Poster';
import { Skeleton } from '@/components/Skeleton';
import { formatRelativeTime } from '@/lib/format';
import type { UIFeedbackEvent } from '@/lib/mappers';
import { showToast } from '@/lib/toast';
import { useHistory, useUndoFeedback } from '../api/use-history';

type Tab = 'like' | 'dislike' | 'all';

const tabs: { id: Tab; label: string }[] = [
  { id: 'like', label: 'Liked' },
  { id: 'dislike', label: 'Disliked' },
  { id: 'all', label: 'Everything' },
];

const actionStyle = {
  like: { label: 'Liked', icon: ThumbsUp, className: 'bg-like/15 text-emerald-300' },
  superlike: { label: 'Loved', icon: ThumbsUp, className: 'bg-like/15 text-emerald-300' },
  dislike: { label: 'Disliked', icon: ThumbsDown, className: 'bg-nope/15 text-rose-300' },
  skip: { label: 'Skipped', icon: SkipForward, className: 'bg-white/8 text-zinc-300' },
  watchlist: { label: 'Saved', icon: Bookmark, className: 'bg-save/15 text-amber-300' },
  seen: { label: 'Seen', icon: HistoryIcon, className: 'bg-white/8 text-zinc-300' },
  other: { label: 'Rated', icon: HistoryIcon, className: 'bg-white/8 text-zinc-300' },
} as const;

export function HistoryView() {
  const history = useHistory();
  const undo = useUndoFeedback();
  const [tab, setTab] = useState<Tab>('like');
  const visible = history.events.filter(
    (event) => !event.undone && (tab === 'all' || event.action === tab || (tab === 'like' && event.action === 'superlike')),
  );

  const undoEvent = (event: UIFeedbackEvent) =>
    undo.mutate(event, {
      onSuccess: () =>
        showToast({
          tone: 'info',
          message: `Undone: ${actionStyle[event.action].label.toLowerCase()} “${event.movie?.title ?? event.movieId}”`,
        }),
      onError: (error) => showToast({ tone: 'error', message: `Could not undo: ${error.message}` }),
    });

  return (
    <div className="mx-auto max-w-3xl px-4 py-8 lg:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-white sm:text-4xl">History</h1>
      <p className="mt-2 text-zinc-400">Every swipe shapes your next cards. Changed your mind? Undo it.</p>

      <div className="mt-6 inline-flex rounded-full bg-ink-800 p-1 ring-1 ring-white/10" role="group" aria-label="Show">
        {tabs.map((option) => (
          <button
            key={option.id}
            type="button"
            aria-pressed={tab === option.id}
            onClick={() => setTab(option.id)}
            className={clsx(
              'rounded-full px-4 py-1.5 text-sm font-medium transition',
              tab === option.id ? 'bg-zinc-100 text-ink-950' : 'text-zinc-400 hover:text-zinc-100',
            )}
          >
            {option.label}
          </button>
        ))}
      </div>

      <div className="mt-6">
        {history.isPending ? (
          <ul className="space-y-3" aria-label="Loading history">
            {Array.from({ length: 5 }, (_, i) => (
              <li key={i} className="flex items-center gap-4">
                <Skeleton className="h-20 w-14 rounded-lg" />
                <div className="flex-1 space-y-2">
                  <Skeleton className="h-4 w-1/2 rounded" />
                  <Skeleton className="h-3 w-1/3 rounded" />
                </div>
              </li>
            ))}
          </ul>
        ) : history.isError ? (
          <ErrorState error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />
        ) : visible.length === 0 ? (
          <EmptyState
            icon={HistoryIcon}
            title={tab === 'all' ? 'No swipes yet' : `Nothing ${tab === 'like' ? 'liked' : 'disliked'} yet`}
          >
            <p>Your likes and dislikes from Discover show up here.</p>
            <Link
              to="/"
              className="mt-5 inline-flex rounded-full bg-zinc-50 px-5 py-2.5 text-sm font-semibold text-ink-950 hover:bg-white"
            >
              Start swiping
            </Link>
          </EmptyState>
        ) : (
          <ul className="divide-y divide-white/5 rounded-2xl bg-ink-850/60 ring-1 ring-white/5" aria-label="Your swipes">
            {visible.map((event) => (
              <HistoryRow
                key={event.id}
                event={event}
                onUndo={() => undoEvent(event)}
                undoing={undo.isPending && undo.variables?.id === event.id}
              />
            ))}
          </ul>
        )}
        {history.hasNextPage && (
          <div className="mt-6 flex justify-center">
            <button
              type="button"
              onClick={() => void history.fetchNextPage()}
              disabled={history.isFetchingNextPage}
              className="inline-flex items-center gap-2 rounded-full bg-white/8 px-5 py-2 text-sm font-semibold text-zinc-100 ring-1 ring-white/10 hover:bg-white/12"
            >
              {history.isFetchingNextPage && <Loader2 aria-hidden="true" className="size-4 animate-spin" />}
              Load older swipes
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

function HistoryRow({ event, onUndo, undoing }: { event: UIFeedbackEvent; onUndo: () => void; undoing: boolean }) {
  const style = actionStyle[event.action];
  const Icon = style.icon;
  const title = event.movie?.title ?? `Movie ${event.movieId}`;
  return (
    <li className="flex items-center gap-4 p-3 sm:p-4" data-testid="history-row">
      {event.movie ? (
        <Link to={`/movie/${event.movieId}`} className="shrink-0 rounded-lg" tabIndex={-1} aria-hidden="true">
          <Poster movie={event.movie} size="thumb" className="h-20 w-14 rounded-lg ring-1 ring-white/10" />
        </Link>
      ) : (
        <div className="h-20 w-14 shrink-0 rounded-lg bg-ink-700" />
      )}
      <div className="min-w-0 flex-1">
        <Link to={`/movie/${event.movieId}`} className="block truncate font-semibold text-zinc-100 hover:text-white">
          {title}
          {event.movie?.year != null && <span className="font-normal text-zinc-500"> ({event.movie.year})</span>}
        </Link>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-500">
          <span className={clsx('inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-medium', style.className)}>
            <Icon aria-hidden="true" className="size-3" />
            {style.label}
          </span>
          <time dateTime={event.storedAt}>{formatRelativeTime(event.storedAt)}</time>
          {event.query && <span className="truncate">for “{event.query}”</span>}
        </p>
      </div>
      <button
        type="button"
        onClick={onUndo}
        disabled={undoing}
        aria-label={`Undo ${style.label.toLowerCase()} for ${title}`}
        className="inline-flex shrink-0 items-center gap-1.5 rounded-full px-3 py-1.5 text-sm font-medium text-zinc-300 ring-1 ring-white/10 transition hover:bg-white/10 hover:text-white disabled:opacity-50"
      >
        {undoing ? (
          <Loader2 aria-hidden="true" className="size-4 animate-spin" />
        ) : (
          <Undo2 aria-hidden="true" className="size-4" />
        )}
        <span className="hidden sm:inline">Undo</span>
      </button>
    </li>
  );
}
