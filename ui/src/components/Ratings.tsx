import clsx from 'clsx';
import { Sparkles, Star } from 'lucide-react';
import type { UIMovie } from '@/lib/mappers';

type RatingMovie = Pick<
  UIMovie,
  'communityRatingLabel' | 'ratingCountLabel' | 'ratingCount' | 'tmdbRatingLabel' | 'predictedRatingLabel'
>;

/** Community stars with their count, the TMDB score and, when the engine has one, the predicted rating. */
export function Ratings({ movie, className, size = 'md' }: { movie: RatingMovie; className?: string; size?: 'sm' | 'md' }) {
  const text = size === 'sm' ? 'text-xs' : 'text-sm';
  return (
    <ul className={clsx('flex flex-wrap items-center gap-x-3 gap-y-1.5', text, className)} aria-label="Ratings">
      {movie.communityRatingLabel && (
        <li className="inline-flex items-center gap-1">
          <Star aria-hidden="true" className="size-[1.1em] fill-amber-400 text-amber-400" />
          <span className="font-semibold text-zinc-50">{movie.communityRatingLabel}</span>
          <span className="text-zinc-300">
            <span className="sr-only">stars from </span>({movie.ratingCountLabel})
          </span>
        </li>
      )}
      {movie.tmdbRatingLabel && (
        <li className="inline-flex items-center gap-1.5">
          <span className="rounded bg-gradient-to-r from-[#90cea1] to-[#01b4e4] px-1 py-px text-[0.7em] font-black tracking-wide text-[#0d253f]">
            TMDB
          </span>
          <span className="font-semibold text-zinc-50">{movie.tmdbRatingLabel}</span>
          <span className="sr-only">out of 10</span>
        </li>
      )}
      {movie.predictedRatingLabel && (
        <li className="inline-flex items-center gap-1 rounded-full bg-fuchsia-500/15 px-2 py-0.5 text-fuchsia-200">
          <Sparkles aria-hidden="true" className="size-[1em]" />
          <span>
            You’d rate it <span className="font-semibold">~{movie.predictedRatingLabel}</span>
          </span>
        </li>
      )}
    </ul>
  );
}
