import clsx from 'clsx';
import { Check, Minus, RotateCcw } from 'lucide-react';
import { type ReactNode, useId } from 'react';
import { ErrorState } from '@/components/ErrorState';
import { Skeleton } from '@/components/Skeleton';
import { useGenres } from '../api/use-genres';
import { useHealth } from '../api/use-health';
import {
  type DiscoverFilters,
  activeFilterCount,
  defaultFilters,
  eras,
  minRatings,
  recommenders,
  runtimes,
} from '../lib/filters';

interface FilterPanelProps {
  filters: DiscoverFilters;
  onChange: (filters: DiscoverFilters) => void;
}

export function FilterPanel({ filters, onChange, inSheet = false }: FilterPanelProps & { inSheet?: boolean }) {
  const active = activeFilterCount(filters);
  return (
    <div className="flex flex-col gap-6">
      <div className={clsx('flex items-center', inSheet ? '-mb-4 justify-end' : 'justify-between')}>
        {!inSheet && <h2 className="text-sm font-semibold tracking-wide text-zinc-400 uppercase">Filters</h2>}
        <button
          type="button"
          disabled={active === 0 && filters.recommender === 'auto'}
          onClick={() => onChange({ ...defaultFilters, query: filters.query, moods: filters.moods })}
          className="inline-flex items-center gap-1.5 rounded-full px-2 py-1 text-xs font-medium text-zinc-400 transition hover:text-zinc-100 disabled:opacity-40"
        >
          <RotateCcw aria-hidden="true" className="size-3.5" />
          Reset
        </button>
      </div>
      <GenrePicker filters={filters} onChange={onChange} />
      <RadioRow
        legend="Minimum rating"
        value={filters.minRating === null ? 'any' : String(filters.minRating)}
        options={[
          { value: 'any', label: 'Any' },
          ...minRatings.map((rating) => ({ value: String(rating), label: `${rating}★+` })),
        ]}
        onChange={(value) => onChange({ ...filters, minRating: value === 'any' ? null : Number(value) })}
      />
      <RadioRow
        legend="Era"
        value={filters.era ?? 'any'}
        options={[{ value: 'any', label: 'Any' }, ...eras.map((era) => ({ value: era.id, label: era.label }))]}
        onChange={(value) => onChange({ ...filters, era: value === 'any' ? null : (value as DiscoverFilters['era']) })}
      />
      <RadioRow
        legend="Runtime"
        value={filters.maxRuntime === null ? 'any' : String(filters.maxRuntime)}
        options={[{ value: 'any', label: 'Any' }, ...runtimes.map((r) => ({ value: String(r.minutes), label: r.label }))]}
        onChange={(value) => onChange({ ...filters, maxRuntime: value === 'any' ? null : Number(value) })}
      />
      <EnginePicker filters={filters} onChange={onChange} />
    </div>
  );
}

function GenrePicker({ filters, onChange }: FilterPanelProps) {
  const genres = useGenres();
  const hintId = useId();
  const cycle = (genre: string) => {
    if (filters.genres.includes(genre)) {
      onChange({
        ...filters,
        genres: filters.genres.filter((g) => g !== genre),
        excludeGenres: [...filters.excludeGenres, genre],
      });
    } else if (filters.excludeGenres.includes(genre)) {
      onChange({ ...filters, excludeGenres: filters.excludeGenres.filter((g) => g !== genre) });
    } else {
      onChange({ ...filters, genres: [...filters.genres, genre] });
    }
  };
  return (
    <fieldset aria-describedby={hintId}>
      <legend className="mb-1 text-sm font-semibold text-zinc-100">Genres</legend>
      <p id={hintId} className="mb-3 text-xs text-zinc-500">
        Tap once to include, twice to leave out.
      </p>
      {genres.isPending ? (
        <div className="flex flex-wrap gap-2">
          {Array.from({ length: 12 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-20 rounded-full" />
          ))}
        </div>
      ) : genres.isError ? (
        <ErrorState error={genres.error} onRetry={() => void genres.refetch()} compact />
      ) : (
        <ul className="flex flex-wrap gap-2">
          {genres.data.map(({ name, movie_count }) => {
            const state = filters.genres.includes(name) ? 'included' : filters.excludeGenres.includes(name) ? 'left out' : null;
            return (
              <li key={name}>
                <button
                  type="button"
                  onClick={() => cycle(name)}
                  aria-label={state ? `${name}, ${state}` : name}
                  title={`${movie_count.toLocaleString('en-US')} films`}
                  className={clsx(
                    'inline-flex h-8 items-center gap-1 rounded-full px-3 text-sm font-medium ring-1 transition',
                    state === 'included' && 'bg-like/15 text-emerald-200 ring-like/50',
                    state === 'left out' && 'bg-nope/12 text-rose-200 line-through decoration-rose-300/60 ring-nope/45',
                    state === null && 'bg-white/5 text-zinc-300 ring-white/10 hover:bg-white/10 hover:text-zinc-100',
                  )}
                >
                  {state === 'included' && <Check aria-hidden="true" className="size-3.5" />}
                  {state === 'left out' && <Minus aria-hidden="true" className="size-3.5" />}
                  {name}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}

function EnginePicker({ filters, onChange }: FilterPanelProps) {
  const health = useHealth();
  const cfReady = health.data?.recommenders.includes('cf') ?? true;
  const selected = recommenders.find((r) => r.id === filters.recommender) ?? recommenders[0]!;
  return (
    <div>
      <RadioRow
        legend="Recommender"
        value={filters.recommender}
        options={recommenders.map((r) => ({ value: r.id, label: r.label }))}
        onChange={(value) => onChange({ ...filters, recommender: value as DiscoverFilters['recommender'] })}
        segmented
      />
      <p className="mt-2 text-xs text-zinc-500">
        {selected.hint}
        {!cfReady && filters.recommender !== 'baseline' && ' — no trained model yet, so popular picks stand in.'}
      </p>
    </div>
  );
}

function RadioRow({
  legend,
  value,
  options,
  onChange,
  segmented = false,
}: {
  legend: string;
  value: string;
  options: { value: string; label: ReactNode }[];
  onChange: (value: string) => void;
  segmented?: boolean;
}) {
  const name = useId();
  return (
    <fieldset>
      <legend className="mb-3 text-sm font-semibold text-zinc-100">{legend}</legend>
      <div
        className={clsx(
          segmented ? 'grid grid-cols-3 gap-1 rounded-full bg-ink-800 p-1 ring-1 ring-white/10' : 'flex flex-wrap gap-2',
        )}
      >
        {options.map((option) => (
          <label key={option.value} className="relative cursor-pointer">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="peer sr-only"
            />
            <span
              className={clsx(
                'flex h-8 items-center justify-center rounded-full px-3 text-sm font-medium whitespace-nowrap transition',
                'peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-amber-300',
                segmented
                  ? 'text-zinc-400 peer-checked:bg-zinc-100 peer-checked:text-ink-950 hover:text-zinc-100'
                  : 'bg-white/5 text-zinc-300 ring-1 ring-white/10 peer-checked:bg-zinc-100 peer-checked:text-ink-950 peer-checked:ring-zinc-100 hover:bg-white/10',
              )}
            >
              {option.label}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
