import clsx from 'clsx';
import { ArrowRight, Clapperboard, Search, X } from 'lucide-react';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { Skeleton } from '@/components/Skeleton';
import { useMoods } from '../api/use-moods';
import type { DiscoverFilters } from '../lib/filters';
import { LikePicker } from './LikePicker';

/** On wide screens the chips wrap: show the first few, the rest on request. */
const FOLDED_MOODS = 11;

interface MoodBoxProps {
  filters: DiscoverFilters;
  onChange: (filters: DiscoverFilters) => void;
  trailing?: ReactNode;
}

export function MoodBox({ filters, onChange, trailing }: MoodBoxProps) {
  const [draft, setDraft] = useState(filters.query);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [showAllMoods, setShowAllMoods] = useState(false);
  const headingId = useId();
  const moods = useMoods();

  useEffect(() => setDraft(filters.query), [filters.query]);

  const submit = (query: string) => onChange({ ...filters, query: query.trim() });
  const toggleMood = (mood: string) =>
    onChange({
      ...filters,
      moods: filters.moods.includes(mood) ? filters.moods.filter((m) => m !== mood) : [...filters.moods, mood],
    });

  return (
    <div className="relative flex flex-col gap-3">
      <h1 id={headingId} className="sr-only text-3xl leading-tight font-bold tracking-tight text-white lg:not-sr-only">
        What are you in the mood for?
      </h1>
      <div className="flex items-center gap-2">
        <form
          role="search"
          aria-labelledby={headingId}
          className="relative min-w-0 flex-1"
          onSubmit={(event) => {
            event.preventDefault();
            submit(draft);
          }}
        >
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-4 size-5 -translate-y-1/2 text-zinc-400"
          />
          <input
            type="search"
            name="q"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            maxLength={500}
            aria-labelledby={headingId}
            placeholder="e.g. cozy and funny"
            enterKeyHint="search"
            autoComplete="off"
            className="h-12 w-full rounded-full border border-white/10 bg-ink-800/80 pr-24 pl-12 text-[15px] text-zinc-50 shadow-inner shadow-black/30 placeholder:text-zinc-500 focus:border-white/25 focus:bg-ink-800 focus:outline-none [&::-webkit-search-cancel-button]:hidden"
          />
          {draft && (
            <button
              type="button"
              onClick={() => {
                setDraft('');
                if (filters.query) submit('');
              }}
              aria-label="Clear the wish"
              className="absolute top-1/2 right-12 grid size-8 -translate-y-1/2 place-items-center rounded-full text-zinc-400 hover:bg-white/10 hover:text-zinc-100"
            >
              <X aria-hidden="true" className="size-4" />
            </button>
          )}
          <button
            type="submit"
            aria-label="Find films"
            className="absolute top-1/2 right-1.5 grid size-9 -translate-y-1/2 place-items-center rounded-full bg-gradient-to-br from-brand to-brand-2 text-white shadow-lg shadow-brand/30 transition hover:brightness-110"
          >
            <ArrowRight aria-hidden="true" className="size-5" />
          </button>
        </form>
        {trailing}
      </div>

      <div className="flex flex-col gap-2">
        <ul
          className="-mx-4 scrollbar-none flex gap-2 overflow-x-auto px-4 lg:mx-0 lg:flex-wrap lg:overflow-visible lg:px-0"
          aria-label="Moods"
          data-mood-source={moods.data?.source}
        >
          {moods.isPending &&
            Array.from({ length: 6 }, (_, i) => (
              <li key={i}>
                <Skeleton className="h-8 w-20 rounded-full" />
              </li>
            ))}
          <li className="shrink-0">
            <button
              type="button"
              aria-expanded={pickerOpen}
              onClick={() => setPickerOpen((open) => !open)}
              className={clsx(
                'inline-flex h-8 items-center gap-1.5 rounded-full px-3.5 text-sm font-medium whitespace-nowrap ring-1 transition',
                pickerOpen
                  ? 'bg-amber-300 text-ink-950 ring-amber-300'
                  : 'bg-amber-300/10 text-amber-200 ring-amber-300/25 hover:bg-amber-300/20',
              )}
            >
              <Clapperboard aria-hidden="true" className="size-4" />
              Like a film…
            </button>
          </li>
          {moods.data?.moods.map((mood, index) => {
            const selected = filters.moods.includes(mood.value);
            const folded = !showAllMoods && index >= FOLDED_MOODS && !selected;
            return (
              <li key={mood.value} className={clsx('shrink-0', folded && 'lg:hidden')}>
                <button
                  type="button"
                  aria-pressed={selected}
                  title={mood.description ?? undefined}
                  onClick={() => toggleMood(mood.value)}
                  className={clsx(
                    'h-8 rounded-full px-3.5 text-sm font-medium whitespace-nowrap ring-1 transition',
                    selected
                      ? 'bg-zinc-50 text-ink-950 ring-zinc-50'
                      : 'bg-white/5 text-zinc-200 ring-white/10 hover:bg-white/10 hover:ring-white/20',
                  )}
                >
                  {mood.label}
                </button>
              </li>
            );
          })}
          {(moods.data?.moods.length ?? 0) > FOLDED_MOODS && (
            <li className="hidden shrink-0 lg:block">
              <button
                type="button"
                aria-expanded={showAllMoods}
                onClick={() => setShowAllMoods((all) => !all)}
                className="h-8 rounded-full px-3 text-sm font-medium text-zinc-400 transition hover:text-zinc-100"
              >
                {showAllMoods ? 'Fewer moods' : `${(moods.data?.moods.length ?? 0) - FOLDED_MOODS} more moods`}
              </button>
            </li>
          )}
        </ul>
        {moods.data?.source === 'fallback' && (
          <p className="text-xs text-zinc-500">This server has no mood list yet; these are common moods.</p>
        )}
        {moods.isError && <p className="text-xs text-zinc-500">Mood chips are unavailable right now.</p>}
      </div>
      {pickerOpen && (
        <div className="absolute inset-x-0 top-full z-30 mt-2">
          <LikePicker
            onPick={(title) => {
              const wish = draft.trim() ? `${draft.trim()}, like ${title}` : `like ${title}`;
              setDraft(wish);
              submit(wish);
              setPickerOpen(false);
            }}
            onClose={() => setPickerOpen(false)}
          />
        </div>
      )}
    </div>
  );
}
