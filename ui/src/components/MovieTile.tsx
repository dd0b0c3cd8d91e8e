import clsx from 'clsx';
import { Star } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePrefetchMovie } from '@/hooks/use-prefetch-movie';
import type { UIMovie } from '@/lib/mappers';
import { Poster } from './Poster';

interface MovieTileProps {
  movie: UIMovie;
  action?: ReactNode;
  className?: string;
}

/** A poster with its title under it, linking to the movie's page. */
export function MovieTile({ movie, action, className }: MovieTileProps) {
  const prefetch = usePrefetchMovie(movie.id);
  return (
    <article className={clsx('group relative', className)}>
      <Link
        to={`/movie/${movie.id}`}
        onMouseEnter={prefetch}
        onFocus={prefetch}
        className="block rounded-2xl focus-visible:outline-offset-4"
      >
        <Poster
          movie={movie}
          className="aspect-[2/3] w-full rounded-2xl ring-1 ring-white/10 transition duration-300 group-hover:-translate-y-1 group-hover:shadow-2xl group-hover:shadow-black/60"
        />
        <h3 className="mt-3 line-clamp-2 text-sm leading-snug font-semibold text-zinc-100 group-hover:text-white">
          {movie.title}
        </h3>
      </Link>
      <p className="mt-1 flex items-center gap-2 text-xs text-zinc-500">
        {movie.year !== null && <span>{movie.year}</span>}
        {movie.communityRatingLabel && (
          <span className="inline-flex items-center gap-0.5 text-zinc-400">
            <Star aria-hidden="true" className="size-3 fill-amber-400 text-amber-400" />
            {movie.communityRatingLabel}
            <span className="sr-only"> stars</span>
          </span>
        )}
        {movie.lengthLabel && <span>{movie.lengthLabel}</span>}
      </p>
      {action && <div className="absolute top-2 right-2">{action}</div>}
    </article>
  );
}
