import clsx from 'clsx';
import { ArrowRight, Loader2, ThumbsDown, ThumbsUp } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { ErrorState } from '@/components/ErrorState';
import { Poster } from '@/components/Poster';
import { Skeleton } from '@/components/Skeleton';
import { showToast } from '@/lib/toast';
import { type Rating, type StarterVerdict, useRateStarter } from '../api/use-rate-starter';
import { STARTER_GENRES, type StarterPick, useStarterPicks } from '../api/use-starter-picks';

export function Onboarding({ onDone }: { onDone: () => void }) {
  const picks = useStarterPicks();
  const rate = useRateStarter();
  const [ratings, setRatings] = useState<Record<number, Rating>>({});
  const [saving, setSaving] = useState<Record<number, boolean>>({});
  const rated = Object.keys(ratings).length;
  const busy = Object.values(saving).some(Boolean);

  const choose = async (pick: StarterPick, position: number, verdict: StarterVerdict) => {
    const previous = ratings[pick.movie.id] ?? null;
    const next = previous?.verdict === verdict ? null : verdict;
    setSaving((state) => ({ ...state, [pick.movie.id]: true }));
    try {
      const stored = await rate.mutateAsync({ pick, position, verdict: next, previous });
      setRatings((state) => {
        const copy = { ...state };
        if (stored) copy[pick.movie.id] = stored;
        else delete copy[pick.movie.id];
        return copy;
      });
    } catch (error) {
      showToast({ tone: 'error', message: `Could not save that: ${error instanceof Error ? error.message : 'unknown error'}` });
    } finally {
      setSaving((state) => ({ ...state, [pick.movie.id]: false }));
    }
  };

  return (
    <div className="relative mx-auto flex min-h-full max-w-6xl flex-col px-4 pt-8 pb-32 lg:px-8 lg:pt-14">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 -top-24 -z-10 h-96 bg-[radial-gradient(60%_60%_at_50%_0%,rgba(244,63,94,0.22),transparent_70%)]"
      />
      <p className="text-sm font-semibold tracking-[0.2em] text-amber-300 uppercase">Welcome to Marquee</p>
      <h1 className="mt-3 max-w-2xl text-3xl leading-tight font-bold tracking-tight text-balance text-white sm:text-5xl">
        Rate a few films you know.
      </h1>
      <p className="mt-3 max-w-xl text-base text-zinc-300 sm:text-lg">
        A thumbs up or down on the ones you have seen, and your very first cards will already feel like you. Not seen it? Leave
        it.
      </p>

      <div className="mt-8">
        {picks.isPending ? (
          <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" aria-label="Loading films">
            {STARTER_GENRES.map((genre) => (
              <li key={genre}>
                <Skeleton className="aspect-[2/3] w-full rounded-2xl" />
                <Skeleton className="mt-3 h-4 w-3/4 rounded" />
              </li>
            ))}
          </ul>
        ) : picks.isError ? (
          <ErrorState error={picks.error} onRetry={() => void picks.refetch()} retrying={picks.isFetching} />
        ) : (
          <ul className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 lg:grid-cols-4" aria-label="Films to rate">
            {picks.data.map((pick, position) => (
              <StarterTile
                key={pick.movie.id}
                pick={pick}
                verdict={ratings[pick.movie.id]?.verdict ?? null}
                saving={saving[pick.movie.id] ?? false}
                onChoose={(verdict) => void choose(pick, position, verdict)}
              />
            ))}
          </ul>
        )}
      </div>

      <div className="fixed inset-x-0 bottom-16 z-30 border-t border-white/10 bg-ink-950/85 backdrop-blur-xl md:bottom-0">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 lg:px-8">
          <p className="text-sm text-zinc-400" aria-live="polite">
            {rated === 0 ? 'Nothing rated yet' : `${rated} rated`}
          </p>
          <div className="flex items-center gap-2">
            {rated === 0 && (
              <button
                type="button"
                onClick={onDone}
                className="rounded-full px-4 py-2.5 text-sm font-semibold text-zinc-300 hover:text-white"
              >
                Skip for now
              </button>
            )}
            <button
              type="button"
              onClick={onDone}
              disabled={busy}
              className="inline-flex items-center gap-2 rounded-full bg-gradient-to-r from-brand to-brand-2 px-5 py-2.5 text-sm font-semibold text-white shadow-lg shadow-brand/30 transition hover:brightness-110 disabled:opacity-60"
            >
              {busy ? <Loader2 aria-hidden="true" className="size-4 animate-spin" /> : null}
              Start swiping
              <ArrowRight aria-hidden="true" className="size-4" />
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}

function StarterTile({
  pick,
  verdict,
  saving,
  onChoose,
}: {
  pick: StarterPick;
  verdict: StarterVerdict | null;
  saving: boolean;
  onChoose: (verdict: StarterVerdict) => void;
}) {
  const { movie } = pick;
  return (
    <li className="group">
      <div
        className={clsx(
          'relative overflow-hidden rounded-2xl ring-2 transition',
          verdict === 'like' ? 'ring-like' : verdict === 'dislike' ? 'ring-nope' : 'ring-transparent',
        )}
      >
        <Poster movie={movie} titleOnTop className="aspect-[2/3] w-full transition duration-500 group-hover:scale-[1.02]" />
        <div className="absolute inset-x-0 bottom-0 flex justify-center gap-3 bg-gradient-to-t from-black/90 to-transparent px-3 pt-12 pb-3">
          <VerdictButton
            label={`Dislike ${movie.title}`}
            pressed={verdict === 'dislike'}
            disabled={saving}
            onClick={() => onChoose('dislike')}
            tone="nope"
          >
            <ThumbsDown aria-hidden="true" className="size-5" />
          </VerdictButton>
          <VerdictButton
            label={`Like ${movie.title}`}
            pressed={verdict === 'like'}
            disabled={saving}
            onClick={() => onChoose('like')}
            tone="like"
          >
            <ThumbsUp aria-hidden="true" className="size-5" />
          </VerdictButton>
        </div>
      </div>
      <p className="mt-3 truncate font-semibold text-zinc-100">{movie.title}</p>
      <p className="text-sm text-zinc-500">{[movie.year, pick.genre].filter((part) => part !== null).join(' · ')}</p>
    </li>
  );
}

function VerdictButton(props: {
  label: string;
  pressed: boolean;
  disabled: boolean;
  tone: 'like' | 'nope';
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={props.label}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
      className={clsx(
        'grid size-11 place-items-center rounded-full border backdrop-blur-md transition active:scale-95 disabled:opacity-60',
        props.pressed
          ? props.tone === 'like'
            ? 'border-like bg-like text-ink-950'
            : 'border-nope bg-nope text-ink-950'
          : 'border-white/20 bg-black/50 text-zinc-100 hover:bg-black/75',
      )}
    >
      {props.children}
    </button>
  );
}
