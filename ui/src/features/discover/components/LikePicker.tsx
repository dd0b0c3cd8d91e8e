import clsx from 'clsx';
import { Loader2 } from 'lucide-react';
import { useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { Poster } from '@/components/Poster';
import { useMovieSearch } from '../api/use-movie-search';

interface LikePickerProps {
  onPick: (title: string) => void;
  onClose: () => void;
}

/** "Like …": find a film by (misspelt) title and ask for more like it. */
export function LikePicker({ onPick, onClose }: LikePickerProps) {
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const search = useMovieSearch(deferred);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const labelId = useId();
  const results = deferred.trim().length >= 2 ? (search.data ?? []).slice(0, 6) : [];

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => setActive(0), [deferred]);

  const pick = (index: number) => {
    const movie = results[index];
    if (movie) onPick(movie.title);
  };

  return (
    <div className="rounded-2xl border border-amber-300/20 bg-ink-850 p-3 shadow-xl shadow-black/40">
      <label id={labelId} className="mb-2 block text-xs font-medium text-amber-200" htmlFor={`${listId}-input`}>
        More like which film?
      </label>
      <div className="relative">
        <input
          ref={inputRef}
          id={`${listId}-input`}
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={results.length > 0 ? `${listId}-${active}` : undefined}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive((index) => Math.min(results.length - 1, index + 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((index) => Math.max(0, index - 1));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              if (results.length > 0) pick(active);
              else if (!search.available && text.trim()) onPick(text.trim());
            } else if (event.key === 'Escape') {
              event.preventDefault();
              onClose();
            }
          }}
          placeholder="Start typing a title, e.g. Arrival"
          autoComplete="off"
          className="h-10 w-full rounded-xl border border-white/10 bg-ink-800 px-3 text-sm text-zinc-50 placeholder:text-zinc-500 focus:border-white/25 focus:outline-none"
        />
        {search.isFetching && (
          <Loader2 aria-hidden="true" className="absolute top-1/2 right-3 size-4 -translate-y-1/2 animate-spin text-zinc-500" />
        )}
      </div>
      {!search.available ? (
        <p className="mt-2 text-xs text-zinc-400">
          Title search is not available on this server yet — press Enter to ask for films like “{text.trim() || '…'}”.
        </p>
      ) : search.isError && search.error ? (
        <p className="mt-2 text-xs text-rose-300">{search.error.message}</p>
      ) : (
        deferred.trim().length >= 2 &&
        search.isSuccess &&
        results.length === 0 && <p className="mt-2 text-xs text-zinc-400">No title like that in the catalogue.</p>
      )}
      <ul id={listId} role="listbox" aria-labelledby={labelId} className={clsx(results.length > 0 && 'mt-2 space-y-1')}>
        {results.map((movie, index) => (
          <li
            key={movie.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseEnter={() => setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(index)}
            className={clsx(
              'flex cursor-pointer items-center gap-3 rounded-lg p-1.5 text-sm',
              index === active ? 'bg-white/10 text-zinc-50' : 'text-zinc-300',
            )}
          >
            <Poster movie={movie} size="thumb" className="h-12 w-8 shrink-0 rounded" />
            <span className="min-w-0 flex-1 truncate">
              {movie.title}
              {movie.year !== null && <span className="text-zinc-500"> ({movie.year})</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
