import { Bookmark, BookmarkX } from 'lucide-react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { MovieTile } from '@/components/MovieTile';
import { Skeleton } from '@/components/Skeleton';
import { useWatchlist, useWatchlistToggle } from '@/hooks/use-watchlist';
import { showToast } from '@/lib/toast';

export function WatchlistView() {
  const watchlist = useWatchlist();
  const toggle = useWatchlistToggle();
  const entries = watchlist.data ?? [];

  const remove = (movieId: number, title: string) =>
    toggle.mutate(
      { movieId, add: false },
      {
        onSuccess: () =>
          showToast({
            tone: 'info',
            message: `Removed “${title}”`,
            action: { label: 'Undo', run: () => toggle.mutate({ movieId, add: true }) },
          }),
        onError: (error) => showToast({ tone: 'error', message: `Could not remove “${title}”: ${error.message}` }),
      },
    );

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 lg:px-8 lg:py-12">
      <header className="mb-8 flex items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-white sm:text-4xl">Watchlist</h1>
          <p className="mt-2 text-zinc-400">
            {watchlist.isSuccess
              ? entries.length === 0
                ? 'Films you save land here.'
                : `${entries.length} ${entries.length === 1 ? 'film' : 'films'} saved for later`
              : 'Films you save for later'}
          </p>
        </div>
      </header>

      {watchlist.isPending ? (
        <ul
          className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6"
          aria-label="Loading watchlist"
        >
          {Array.from({ length: 6 }, (_, i) => (
            <li key={i}>
              <Skeleton className="aspect-[2/3] w-full rounded-2xl" />
              <Skeleton className="mt-3 h-4 w-2/3 rounded" />
            </li>
          ))}
        </ul>
      ) : watchlist.isError ? (
        <ErrorState error={watchlist.error} onRetry={() => void watchlist.refetch()} retrying={watchlist.isFetching} />
      ) : entries.length === 0 ? (
        <EmptyState icon={Bookmark} title="Your watchlist is empty">
          <p>
            Swipe a card up, press <kbd className="rounded border border-white/15 px-1">↑</kbd> or tap the bookmark to save a film
            for later.
          </p>
          <Link
            to="/"
            className="mt-5 inline-flex rounded-full bg-zinc-50 px-5 py-2.5 text-sm font-semibold text-ink-950 transition hover:bg-white"
          >
            Discover films
          </Link>
        </EmptyState>
      ) : (
        <ul className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6" aria-label="Saved films">
          {entries.map((entry) =>
            entry.movie ? (
              <li key={entry.movieId}>
                <MovieTile
                  movie={entry.movie}
                  action={
                    <button
                      type="button"
                      onClick={() => remove(entry.movieId, entry.movie?.title ?? `movie ${entry.movieId}`)}
                      aria-label={`Remove ${entry.movie.title} from watchlist`}
                      className="grid size-9 place-items-center rounded-full border border-white/15 bg-black/60 text-zinc-100 backdrop-blur-md transition hover:bg-nope hover:text-ink-950"
                    >
                      <BookmarkX aria-hidden="true" className="size-4" />
                    </button>
                  }
                />
              </li>
            ) : null,
          )}
        </ul>
      )}
    </div>
  );
}
