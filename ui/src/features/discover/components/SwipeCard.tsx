import clsx from 'clsx';
import { Info, Quote } from 'lucide-react';
import {
  type MotionValue,
  type PanInfo,
  type Variants,
  animate,
  motion,
  useMotionValue,
  useReducedMotion,
  useIsPresent,
  useTransform,
} from 'motion/react';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Poster } from '@/components/Poster';
import { Ratings } from '@/components/Ratings';
import type { StackCard, SwipeAction } from '../lib/card-stack';
import { decideSwipe } from '../lib/swipe-gesture';

interface SwipeCardProps {
  card: StackCard;
  depth: number;
  onSwipe: (action: SwipeAction) => void;
}

const springBack = { type: 'spring', stiffness: 520, damping: 34 } as const;

export const cardVariants: Variants = {
  enter: { opacity: 0, scale: 0.9, y: 24 },
  stacked: (depth: number) => ({
    opacity: depth > 2 ? 0 : 1,
    scale: 1 - depth * 0.045,
    y: depth * 30,
    transition: { type: 'spring', stiffness: 300, damping: 30 },
  }),
  exit: (action: SwipeAction) => ({
    x: action === 'like' ? 640 : action === 'dislike' ? -640 : 0,
    y: action === 'watchlist' ? -760 : action === 'skip' ? 220 : 0,
    opacity: 0,
    scale: action === 'skip' ? 0.85 : 1,
    transition: { duration: 0.34, ease: [0.32, 0.72, 0, 1] },
  }),
};

export function SwipeCard({ card, depth, onSwipe }: SwipeCardProps) {
  const { movie } = card;
  const present = useIsPresent();
  const isTop = depth === 0 && present;
  const reduceMotion = useReducedMotion();
  const x = useMotionValue(0);
  const y = useMotionValue(0);
  const rotate = useTransform(x, [-360, 0, 360], reduceMotion ? [0, 0, 0] : [-18, 0, 18]);
  const fade = useTransform([x, y], ([dx = 0, dy = 0]: number[]) => 1 - Math.min(0.45, Math.hypot(dx, dy) / 900));
  const likeStamp = useTransform(x, [30, 130], [0, 1]);
  const nopeStamp = useTransform(x, [-130, -30], [1, 0]);
  const saveStamp = useTransform(y, [-130, -30], [1, 0]);
  const ref = useRef<HTMLElement>(null);
  const [expanded, setExpanded] = useState(false);
  const titleId = useId();
  const overviewId = useId();

  const handleDragEnd = (_event: PointerEvent | MouseEvent | TouchEvent, info: PanInfo) => {
    const width = ref.current?.offsetWidth ?? 360;
    const action = decideSwipe(info.offset, info.velocity, width);
    if (action) {
      onSwipe(action);
      return;
    }
    animate(x, 0, springBack);
    animate(y, 0, springBack);
  };

  const year = movie.year === null ? '' : ` (${movie.year})`;
  return (
    <motion.article
      ref={ref}
      aria-labelledby={titleId}
      aria-hidden={isTop ? undefined : true}
      inert={!isTop}
      data-testid={isTop ? 'top-card' : present ? undefined : 'leaving-card'}
      data-movie-id={movie.id}
      custom={depth}
      variants={cardVariants}
      initial="enter"
      animate="stacked"
      exit="exit"
      drag={isTop}
      dragMomentum={false}
      dragElastic={0.9}
      onDragEnd={handleDragEnd}
      whileDrag={{ cursor: 'grabbing' }}
      style={{ x, y, rotate: isTop ? rotate : 0, zIndex: 10 - depth }}
      className={clsx('absolute inset-0 select-none', isTop ? 'cursor-grab touch-none' : 'pointer-events-none')}
    >
      <motion.div
        style={{ opacity: isTop ? fade : 1 }}
        className="absolute inset-0 overflow-hidden rounded-[28px] bg-ink-800 shadow-2xl ring-1 shadow-black/60 ring-white/10"
      >
        <Poster movie={movie} size="card" eager className="absolute inset-0" />
        {!isTop && <div className="absolute inset-0 bg-ink-950/40" />}

        {isTop && (
          <>
            <Stamp label="Like" className="top-8 left-6 -rotate-12 border-like text-like" opacity={likeStamp} />
            <Stamp label="Nope" className="top-8 right-6 rotate-12 border-nope text-nope" opacity={nopeStamp} />
            <Stamp label="Watchlist" className="top-1/3 left-1/2 -translate-x-1/2 border-save text-save" opacity={saveStamp} />
          </>
        )}

        <div className="absolute inset-x-0 top-0 flex items-start justify-between gap-2 p-4">
          {movie.reasons[0] ? (
            <p className="flex max-w-[80%] items-center gap-1.5 rounded-full border border-white/15 bg-black/45 px-3 py-1.5 text-xs font-medium text-zinc-50 backdrop-blur-md">
              <Quote aria-hidden="true" className="size-3 shrink-0 text-amber-300" />
              <span className="truncate">{movie.reasons[0]}</span>
            </p>
          ) : (
            <span />
          )}
          {isTop && (
            <Link
              to={`/movie/${movie.id}`}
              onPointerDownCapture={(event) => event.stopPropagation()}
              className="grid size-9 shrink-0 place-items-center rounded-full border border-white/15 bg-black/45 text-zinc-50 backdrop-blur-md transition hover:bg-black/70"
              aria-label={`Details for ${movie.title}`}
            >
              <Info aria-hidden="true" className="size-4" />
            </Link>
          )}
        </div>

        <div
          className={clsx(
            'absolute inset-x-0 bottom-0 flex flex-col bg-gradient-to-t from-black via-black/90 to-transparent px-5 pt-24 pb-5 sm:px-6',
            expanded && 'max-h-[78%] from-black via-black/95',
          )}
        >
          <h2 id={titleId} className="text-[1.65rem] leading-tight font-bold tracking-tight text-balance text-white sm:text-3xl">
            {movie.title}
            <span className="sr-only">{year}</span>
          </h2>
          {movie.cardFacts.length > 0 && (
            // Every fact has its dot in front; the negative margin puts the first dot of each line
            // outside the clipped box, so a wrapped line never starts with a separator.
            <div className="mt-1 overflow-hidden">
              <p className="-ml-3 flex flex-wrap items-center gap-x-2 text-sm text-zinc-200" data-testid="card-facts">
                {movie.cardFacts.map((part, index) => (
                  <span key={`${index}-${part}`} className="inline-flex items-center gap-2">
                    <Dot />
                    {part}
                  </span>
                ))}
              </p>
            </div>
          )}
          {movie.genres.length > 0 && <p className="mt-0.5 text-xs text-zinc-400">{movie.genres.slice(0, 3).join(' · ')}</p>}
          <Ratings movie={movie} className="mt-3" />
          {movie.reasons.length > 1 && (
            <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Why this pick">
              {movie.reasons.slice(1, 4).map((reason) => (
                <li key={reason} className="rounded-full bg-white/10 px-2.5 py-1 text-xs text-zinc-100 ring-1 ring-white/10">
                  {reason}
                </li>
              ))}
            </ul>
          )}
          {movie.overview && (
            <div className={clsx('mt-3 min-h-0', expanded && 'overflow-y-auto overscroll-contain')}>
              <p
                id={overviewId}
                className={clsx('text-sm leading-relaxed text-zinc-300', !expanded && 'line-clamp-2 sm:line-clamp-3')}
              >
                {movie.overview}
              </p>
              {expanded && movie.cast.length > 0 && (
                <p className="mt-2 text-sm text-zinc-300">
                  With <span className="text-zinc-100">{movie.cast.join(', ')}</span>
                </p>
              )}
              <button
                type="button"
                onPointerDownCapture={(event) => event.stopPropagation()}
                onClick={() => setExpanded((open) => !open)}
                aria-expanded={expanded}
                aria-controls={overviewId}
                className="mt-1 text-sm font-semibold text-zinc-50 underline decoration-white/30 underline-offset-4 hover:decoration-white"
              >
                {expanded ? 'Less' : 'More'}
                <span className="sr-only"> about {movie.title}</span>
              </button>
            </div>
          )}
        </div>
      </motion.div>
    </motion.article>
  );
}

function Dot() {
  return <span aria-hidden="true" className="size-1 rounded-full bg-zinc-500" />;
}

function Stamp({ label, className, opacity }: { label: string; className: string; opacity: MotionValue<number> }) {
  return (
    <motion.span
      aria-hidden="true"
      style={{ opacity }}
      className={clsx(
        'pointer-events-none absolute z-10 rounded-xl border-4 bg-black/20 px-3 py-1 font-display text-3xl font-bold tracking-widest uppercase backdrop-blur-[2px]',
        className,
      )}
    >
      {label}
    </motion.span>
  );
}
