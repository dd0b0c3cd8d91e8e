import clsx from 'clsx';
import { ArrowLeft, Bookmark, BookmarkCheck, ExternalLink, Loader2, Sparkles } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { MovieTile } from '@/components/MovieTile';
import { Poster } from '@/components/Poster';
import { Ratings } from '@/components/Ratings';
import { Skeleton } from '@/components/Skeleton';
import { useWatchlist, useWatchlistToggle } from '@/hooks/use-watchlist';
import type { UIMovie } from '@/lib/mappers';
import { showToast } from '@/lib/toast';
import { useMovie } from '../api/use-movie';
import { useSimilarMovies } from '../api/use-similar';

export function MovieDetailView({ movieId }: { movieId: number }) {
  const movie = useMovie(movieId);
  const navigate = useNavigate();

  if (movie.isPending) return <DetailSkeleton />;
  if (movie.isError) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-16">
        <ErrorState
          error={movie.error}
          title={movie.error.message.includes('No movie') ? 'This film is not in the catalogue' : undefined}
          onRetry={() => void movie.refetch()}
          retrying={movie.isFetching}
        />
      </div>
    );
  }
  return (
    <article className="relative" aria-labelledby="movie-title">
      <Backdrop movie={movie.data} />
      <div className="relative mx-auto max-w-6xl px-4 pt-4 pb-12 lg:px-8 lg:pt-8">
        <button
          type="button"
          onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))}
          className="inline-flex items-center gap-2 rounded-full bg-black/40 px-3 py-1.5 text-sm font-medium text-zinc-200 ring-1 ring-white/10 backdrop-blur-md hover:bg-black/60"
        >
          <ArrowLeft aria-hidden="true" className="size-4" />
          Back
        </button>
        <div className="mt-6 grid gap-8 md:grid-cols-[240px_1fr] lg:grid-cols-[280px_1fr] lg:gap-12">
          <Poster
            movie={movie.data}
            size="card"
            eager
            className="mx-auto aspect-[2/3] w-48 rounded-3xl shadow-2xl ring-1 shadow-black/70 ring-white/10 md:w-full"
          />
          <Details movie={movie.data} />
        </div>
        <MoreLikeThis movie={movie.data} />
      </div>
    </article>
  );
}

function Backdrop({ movie }: { movie: UIMovie }) {
  const [loaded, setLoaded] = useState(false);
  const { hue, accentHue } = movie.art;
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-x-0 top-0 h-[70vh] overflow-hidden">
      <div
        className="absolute inset-0"
        style={{
          background: `radial-gradient(70% 90% at 20% 0%, hsl(${hue} 70% 35% / 0.55), transparent 70%), radial-gradient(60% 80% at 90% 10%, hsl(${accentHue} 70% 40% / 0.35), transparent 70%)`,
        }}
      />
      {movie.backdropUrl && (
        <img
          src={movie.backdropUrl}
          alt=""
          onLoad={() => setLoaded(true)}
          onError={() => setLoaded(false)}
          className={clsx(
            'absolute inset-0 h-full w-full object-cover transition-opacity duration-700',
            loaded ? 'opacity-40' : 'opacity-0',
          )}
        />
      )}
      <div className="absolute inset-0 bg-gradient-to-b from-ink-950/30 via-ink-950/70 to-ink-950" />
    </div>
  );
}

function Details({ movie }: { movie: UIMovie }) {
  const watchlist = useWatchlist();
  const toggle = useWatchlistToggle();
  const saved = watchlist.data?.some((entry) => entry.movieId === movie.id) ?? false;
  const [expanded, setExpanded] = useState(false);
  const longOverview = (movie.overview?.length ?? 0) > 420;

  const onToggle = () =>
    toggle.mutate(
      { movieId: movie.id, add: !saved },
      {
        onSuccess: () =>
          showToast({
            tone: 'success',
            message: saved ? `Removed “${movie.title}” from your watchlist` : `Saved “${movie.title}” for later`,
          }),
        onError: (error) => showToast({ tone: 'error', message: error.message }),
      },
    );

  return (
    <div className="min-w-0">
      <h1 id="movie-title" className="text-4xl leading-[1.05] font-bold tracking-tight text-balance text-white sm:text-5xl">
        {movie.title}
      </h1>
      {movie.tagline && <p className="mt-3 text-lg text-zinc-300 italic">{movie.tagline}</p>}
      <p className="mt-4 text-zinc-300">{[movie.year, movie.runtimeLabel].filter((part) => part !== null).join(' · ')}</p>
      {movie.genres.length > 0 && (
        <ul className="mt-4 flex flex-wrap gap-2" aria-label="Genres">
          {movie.genres.map((genre) => (
            <li key={genre} className="rounded-full bg-white/8 px-3 py-1 text-sm text-zinc-200 ring-1 ring-white/10">
              {genre}
            </li>
          ))}
        </ul>
      )}
      <Ratings movie={movie} className="mt-5 text-base" />
      {movie.ratingCount > 0 && !movie.communityRatingLabel && (
        <p className="mt-2 text-sm text-zinc-500">{movie.ratingCountLabel}</p>
      )}

      <div className="mt-6 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={onToggle}
          disabled={toggle.isPending || watchlist.isPending}
          aria-pressed={saved}
          className={clsx(
            'inline-flex items-center gap-2 rounded-full px-5 py-2.5 text-sm font-semibold transition disabled:opacity-60',
            saved ? 'bg-save text-ink-950 hover:brightness-110' : 'bg-zinc-50 text-ink-950 hover:bg-white',
          )}
        >
          {toggle.isPending ? (
            <Loader2 aria-hidden="true" className="size-4 animate-spin" />
          ) : saved ? (
            <BookmarkCheck aria-hidden="true" className="size-4" />
          ) : (
            <Bookmark aria-hidden="true" className="size-4" />
          )}
          {saved ? 'On your watchlist' : 'Add to watchlist'}
        </button>
        <Link
          to={`/?q=${encodeURIComponent(`like ${movie.title}`)}`}
          className="inline-flex items-center gap-2 rounded-full bg-white/8 px-5 py-2.5 text-sm font-semibold text-zinc-100 ring-1 ring-white/15 transition hover:bg-white/15"
        >
          <Sparkles aria-hidden="true" className="size-4 text-amber-300" />
          Swipe films like this
        </Link>
      </div>

      {movie.overview ? (
        <section className="mt-8 max-w-2xl" aria-labelledby="overview-heading">
          <h2 id="overview-heading" className="text-sm font-semibold tracking-wide text-zinc-400 uppercase">
            Overview
          </h2>
          <p
            id="overview-text"
            className={clsx('mt-2 text-base leading-relaxed text-zinc-200', longOverview && !expanded && 'line-clamp-5')}
          >
            {movie.overview}
          </p>
          {longOverview && (
            <button
              type="button"
              onClick={() => setExpanded((open) => !open)}
              aria-expanded={expanded}
              aria-controls="overview-text"
              className="mt-2 text-sm font-semibold text-zinc-100 underline decoration-white/30 underline-offset-4"
            >
              {expanded ? 'Show less' : 'Read more'}
            </button>
          )}
        </section>
      ) : (
        <p className="mt-8 text-sm text-zinc-500">No overview for this film yet.</p>
      )}

      {(movie.tmdbUrl || movie.imdbUrl) && (
        <p className="mt-8 flex flex-wrap gap-4 text-sm">
          {movie.tmdbUrl && (
            <a
              href={movie.tmdbUrl}
              target="_blank"
              rel="noreferrer"
              className="inline-flex items-center gap-1.5 text-zinc-400 hover:text-zinc-100"
            >
              TMDB <ExternalLink aria-hidden="true" className="size-3.5" />
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          )}
          {movie.imdbUrl && (
            <a
              href={movie.imdbUrl}
              target="_blank"
              rel="noreferrer"
              className="inline-flex items-center gap-1.5 text-zinc-400 hover:text-zinc-100"
            >
              IMDb <ExternalLink aria-hidden="true" className="size-3.5" />
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          )}
        </p>
      )}
    </div>
  );
}

function MoreLikeThis({ movie }: { movie: UIMovie }) {
  const similar = useSimilarMovies(movie);
  const heading =
    similar.data?.basis.kind === 'genres' && similar.data.basis.genres.length > 0
      ? `More in ${similar.data.basis.genres.join(' & ')}`
      : 'More like this';
  return (
    <section className="mt-12" aria-labelledby="more-heading">
      <h2 id="more-heading" className="text-xl font-bold tracking-tight text-white">
        {heading}
      </h2>
      <div className="mt-5">
        {similar.isPending ? (
          <ul className="flex gap-4 overflow-hidden" aria-label="Loading similar films">
            {Array.from({ length: 6 }, (_, i) => (
              <li key={i} className="w-36 shrink-0 sm:w-40">
                <Skeleton className="aspect-[2/3] w-full rounded-2xl" />
              </li>
            ))}
          </ul>
        ) : similar.isError ? (
          <ErrorState error={similar.error} onRetry={() => void similar.refetch()} compact />
        ) : similar.data.movies.length === 0 ? (
          <p className="text-sm text-zinc-500">Nothing close enough yet.</p>
        ) : (
          <ul
            className="-mx-4 scrollbar-none flex snap-x scroll-px-4 gap-4 overflow-x-auto px-4 pb-2 lg:-mx-8 lg:scroll-px-8 lg:px-8"
            aria-label={heading}
          >
            {similar.data.movies.map((item) => (
              <li key={item.id} className="w-36 shrink-0 snap-start sm:w-40">
                <MovieTile movie={item} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function DetailSkeleton() {
  return (
    <div className="mx-auto max-w-6xl px-4 pt-16 lg:px-8" role="status" aria-label="Loading film">
      <div className="grid gap-8 md:grid-cols-[240px_1fr] lg:grid-cols-[280px_1fr] lg:gap-12">
        <Skeleton className="mx-auto aspect-[2/3] w-48 rounded-3xl md:w-full" />
        <div className="space-y-4">
          <Skeleton className="h-12 w-3/4 rounded-lg" />
          <Skeleton className="h-5 w-1/3 rounded" />
          <Skeleton className="h-5 w-1/2 rounded" />
          <Skeleton className="mt-8 h-24 w-full rounded-lg" />
        </div>
      </div>
    </div>
  );
}
