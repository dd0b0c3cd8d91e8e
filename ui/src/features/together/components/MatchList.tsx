import { Heart } from 'lucide-react';
import { Poster } from '@/components/Poster';
import type { ApiRoomMatch } from '@/lib/api-schemas';
import { mapMovieRecToUI } from '@/lib/mappers';

/** The films the room agreed on, newest last, each one a tap away from "we're watching this". */
export function MatchList({
  matches,
  onChoose,
  disabled,
}: {
  matches: ApiRoomMatch[];
  onChoose?: (movieId: number) => void;
  disabled?: boolean;
}) {
  return (
    <section aria-labelledby="matches-title" className="rounded-3xl border border-white/10 bg-ink-900 p-4">
      <h2 id="matches-title" className="flex items-center gap-2 text-base font-semibold text-white">
        <Heart aria-hidden="true" className="size-4 text-like" /> Matches
        <span className="text-sm font-normal text-zinc-400">({matches.length})</span>
      </h2>
      {matches.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-400">No match yet: a film lands here when everyone likes it.</p>
      ) : (
        <ul aria-label="Matched films" className="mt-3 grid gap-3">
          {matches.map((match) => {
            const movie = match.movie ? mapMovieRecToUI(match.movie) : null;
            const title = movie?.title ?? `Film ${match.movie_id}`;
            return (
              <li key={match.movie_id} data-testid="room-match" className="flex items-center gap-3">
                {movie && <Poster movie={movie} size="thumb" className="aspect-[2/3] w-12 shrink-0 rounded-lg" />}
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium text-white">{title}</p>
                  <p className="text-xs text-zinc-400">
                    {movie?.year ?? ''} · liked by {match.likes}
                  </p>
                </div>
                {onChoose && (
                  <button
                    type="button"
                    disabled={disabled}
                    onClick={() => onChoose(match.movie_id)}
                    aria-label={`We're watching ${title}`}
                    className="shrink-0 rounded-full bg-zinc-50 px-3 py-1.5 text-xs font-semibold text-ink-950 disabled:opacity-60"
                  >
                    Watch this
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
