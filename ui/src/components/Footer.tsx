import clsx from 'clsx';
import { Link } from 'react-router';
import { TmdbWordmark } from './TmdbWordmark';

export const TMDB_NOTICE = 'This product uses the TMDB API but is not endorsed or certified by TMDB.';

export function Footer({ compact = false }: { compact?: boolean }) {
  return (
    <footer className={clsx('text-xs text-zinc-500', compact ? 'space-y-2' : 'border-t border-white/5 py-8')}>
      <div
        className={clsx(
          !compact && 'mx-auto flex max-w-7xl flex-col gap-3 px-4 sm:flex-row sm:items-center sm:justify-between lg:px-8',
        )}
      >
        <div className="flex items-start gap-3">
          <TmdbWordmark className="mt-0.5 shrink-0 rounded-full" />
          <p>{TMDB_NOTICE}</p>
        </div>
        <p className={clsx(compact && 'mt-2')}>
          Ratings from{' '}
          <a
            className="underline decoration-white/20 underline-offset-2 hover:text-zinc-300"
            href="https://grouplens.org/datasets/movielens/"
            target="_blank"
            rel="noreferrer"
          >
            MovieLens
          </a>{' '}
          by GroupLens Research.{' '}
          <Link to="/about" className="underline decoration-white/20 underline-offset-2 hover:text-zinc-300">
            About Marquee
          </Link>
        </p>
      </div>
    </footer>
  );
}
