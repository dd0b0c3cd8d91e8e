import clsx from 'clsx';
import { ArrowLeft, Bookmark, BookmarkCheck, ExternalLink, Layers, Loader2, Sparkles } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CertificationBadge } from '@/components/CertificationBadge';
import { ErrorState } from '@/components/ErrorState';
import { MovieTile } from '@/components/MovieTile';
import { Poster } from '@/components/Poster';
import { Ratings } from '@/components/Ratings';
import { Skeleton } from '@/components/Skeleton';
import { useWatchlist, useWatchlistToggle } from '@/hooks/use-watchlist';
import { languageTag } from '@/lib/format';
import type { UIMovie, UIMovieDetail } from '@/lib/mappers';
import { showToast } from '@/lib/toast';
import { useMovie } from '../api/use-movie';
import { useSimilarMovies } from '../api/use-similar';
import { Credits } from './Credits';

const everyone = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

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
  const [state, setState] = useState<'loading' | 'loaded' | 'failed'>('loading');
  const { hue, accentHue } = movie.art;
  const showImage = movie.backdropUrl !== null && state !== 'failed';
  return (
    <div
      aria-hidden="true"
      data-testid="backdrop"
      data-backdrop-state={movie.backdropUrl === null ? 'none' : state}
      className="pointer-events-none absolute inset-x-0 top-0 h-[70vh] overflow-hidden"
    >
      <div
        className="absolute inset-0"
        style={{
          background: `radial-gradient(70% 90% at 20% 0%, hsl(${hue} 70% 35% / 0.55), transparent 70%), radial-gradient(60% 80% at 90% 10%, hsl(${accentHue} 70% 40% / 0.35), transparent 70%)`,
        }}
      />
      {showImage && (
        <img
          src={movie.backdropUrl!}
          alt=""
          onLoad={() => setState('loaded')}
          onError={() => setState('failed')}
          className={clsx(
            'absolute inset-0 h-full w-full object-cover object-top transition-opacity duration-700',
            state === 'loaded' ? 'opacity-50' : 'opacity-0',
          )}
        />
      )}
      <div className="absolute inset-0 bg-gradient-to-b from-ink-950/20 via-ink-950/70 to-ink-950" />
    </div>
  );
}

function Details({ movie }: { movie: UIMovieDetail }) {
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
      <OtherTitles movie={movie} />
      {movie.tagline && <p className="mt-3 text-lg text-zinc-300 italic">{movie.tagline}</p>}
      <Facts movie={movie} />
      {movie.directors.length > 0 && (
        <p className="mt-2 text-zinc-300">
          Directed by <span className="font-semibold text-zinc-50">{everyone.format(movie.directors)}</span>
        </p>
      )}
      {movie.collection && (
        <p className="mt-3 inline-flex items-center gap-2 rounded-full bg-white/8 px-3 py-1 text-sm text-zinc-200 ring-1 ring-white/10">
          <Layers aria-hidden="true" className="size-4 shrink-0 text-amber-300" />
          <span>
            Part of <span className="font-semibold text-zinc-50">{movie.collection}</span>
          </span>
        </p>
      )}
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

      <Credits movie={movie} />

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

function OtherTitles({ movie }: { movie: UIMovieDetail }) {
  const others = movie.alsoKnownAs.slice(0, 3);
  if (!movie.originalTitle && others.length === 0) return null;
  // The original title is in the film's language: say so, so screen readers pronounce it as such.
  const lang = languageTag(movie.originalLanguage) ?? undefined;
  return (
    <p className="mt-2 text-sm text-pretty text-zinc-400">
      {movie.originalTitle && (
        <>
          Original title:{' '}
          <span lang={lang} className="text-zinc-300 italic">
            {movie.originalTitle}
          </span>
        </>
      )}
      {movie.originalTitle && others.length > 0 && <span aria-hidden="true"> · </span>}
      {others.length > 0 && <>Also known as {others.join(', ')}</>}
    </p>
  );
}

function Facts({ movie }: { movie: UIMovieDetail }) {
  const parts = [movie.year === null ? null : String(movie.year), movie.lengthLabel, movie.originalLanguageName].filter(
    (part) => part !== null,
  );
  if (parts.length === 0 && !movie.certification) return null;
  return (
    <p className="mt-4 flex flex-wrap items-center gap-x-2 gap-y-1 text-zinc-300">
      {movie.certification && <CertificationBadge certification={movie.certification} />}
      {parts.join(' · ')}
    </p>
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
