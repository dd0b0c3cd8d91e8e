import { PartyPopper } from 'lucide-react';
import { motion } from 'motion/react';
import { useEffect, useRef } from 'react';
import { Poster } from '@/components/Poster';
import type { ApiRoomMatch } from '@/lib/api-schemas';
import { mapMovieRecToUI } from '@/lib/mappers';

/** "It's a match!": everyone liked the same film. Shown on every member's screen at once. */
export function MatchCelebration({
  match,
  onChoose,
  onDismiss,
  choosing,
}: {
  match: ApiRoomMatch;
  onChoose: () => void;
  onDismiss: () => void;
  choosing: boolean;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    keep.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onDismiss();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onDismiss]);
  const movie = match.movie ? mapMovieRecToUI(match.movie) : null;
  return (
    <motion.div
      className="fixed inset-0 z-40 grid place-items-center bg-ink-950/85 p-4 backdrop-blur-sm"
      initial={{ opacity: 0 }}
      animate={{ opacity: 1 }}
      exit={{ opacity: 0 }}
    >
      <motion.div
        role="dialog"
        aria-modal="true"
        aria-labelledby="match-title"
        aria-describedby="match-film"
        className="w-full max-w-sm rounded-3xl border border-amber-300/30 bg-ink-900 p-6 text-center shadow-2xl"
        initial={{ scale: 0.6, rotate: -4, y: 40 }}
        animate={{ scale: 1, rotate: 0, y: 0 }}
        exit={{ scale: 0.8, opacity: 0 }}
        transition={{ type: 'spring', stiffness: 260, damping: 18 }}
      >
        <motion.div
          aria-hidden="true"
          className="mx-auto grid size-14 place-items-center rounded-full bg-gradient-to-br from-brand to-brand-2 text-ink-950"
          animate={{ rotate: [0, -12, 12, -6, 0], scale: [1, 1.15, 1] }}
          transition={{ duration: 0.9, delay: 0.2 }}
        >
          <PartyPopper className="size-7" />
        </motion.div>
        <h2 id="match-title" className="mt-4 font-display text-3xl font-semibold tracking-wide text-white uppercase">
          It's a match!
        </h2>
        <p id="match-film" className="mt-1 text-zinc-300">
          You all like <strong className="text-white">{movie?.title ?? `film ${match.movie_id}`}</strong>
        </p>
        {movie && <Poster movie={movie} size="tile" className="mx-auto mt-4 aspect-[2/3] w-40 rounded-2xl" eager />}
        <div className="mt-6 grid gap-2">
          <button
            type="button"
            onClick={onChoose}
            disabled={choosing}
            className="rounded-full bg-zinc-50 px-5 py-3 text-sm font-semibold text-ink-950 transition hover:bg-white disabled:opacity-60"
          >
            We're watching this
          </button>
          <button
            ref={keep}
            type="button"
            onClick={onDismiss}
            className="rounded-full px-5 py-3 text-sm font-semibold text-zinc-200 ring-1 ring-white/15 transition hover:bg-white/5"
          >
            Keep swiping
          </button>
        </div>
      </motion.div>
    </motion.div>
  );
}
