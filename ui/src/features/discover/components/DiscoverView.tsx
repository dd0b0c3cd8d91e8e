import { SlidersHorizontal } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Footer } from '@/components/Footer';
import { Sheet } from '@/components/Sheet';
import {
  type DiscoverFilters,
  activeFilterCount,
  filtersFromSearchParams,
  filtersKey,
  filtersToSearchParams,
} from '../lib/filters';
import { Deck } from './Deck';
import { FilterPanel } from './FilterPanel';
import { MoodBox } from './MoodBox';

export function DiscoverView() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(params), [params]);
  const [sheetOpen, setSheetOpen] = useState(false);
  const setFilters = useCallback(
    (next: DiscoverFilters) => setParams(filtersToSearchParams(next), { replace: true }),
    [setParams],
  );
  const closeSheet = useCallback(() => setSheetOpen(false), []);
  const active = activeFilterCount(filters);

  const filtersButton = (
    <button
      type="button"
      onClick={() => setSheetOpen(true)}
      aria-haspopup="dialog"
      className="relative grid size-12 shrink-0 place-items-center rounded-full border border-white/10 bg-ink-800/80 text-zinc-200 transition hover:bg-ink-700 lg:hidden"
    >
      <SlidersHorizontal aria-hidden="true" className="size-5" />
      <span className="sr-only">Filters{active > 0 ? ` (${active} active)` : ''}</span>
      {active > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-1 -right-1 grid size-5 place-items-center rounded-full bg-brand text-[11px] font-bold text-white"
        >
          {active}
        </span>
      )}
    </button>
  );

  return (
    <div className="mx-auto grid h-full max-w-7xl grid-cols-[minmax(0,1fr)] grid-rows-[auto_minmax(0,1fr)] gap-x-10 gap-y-3 px-4 pt-3 pb-3 lg:grid-cols-[360px_minmax(0,1fr)] lg:px-8 lg:pt-8">
      <div className="lg:col-start-1 lg:row-start-1">
        <MoodBox filters={filters} onChange={setFilters} trailing={filtersButton} />
      </div>
      <aside
        aria-label="Filters"
        className="scrollbar-none hidden min-h-0 flex-col gap-10 overflow-y-auto pt-4 pb-2 lg:col-start-1 lg:row-start-2 lg:flex"
      >
        <FilterPanel filters={filters} onChange={setFilters} />
        <div className="mt-auto">
          <Footer compact />
        </div>
      </aside>
      <section aria-label="Recommendations" className="min-h-0 lg:col-start-2 lg:row-span-2 lg:row-start-1">
        <Deck key={filtersKey(filters)} filters={filters} onFiltersChange={setFilters} keyboardEnabled={!sheetOpen} />
      </section>
      <Sheet
        open={sheetOpen}
        title="Filters"
        onClose={closeSheet}
        footer={
          <button
            type="button"
            onClick={closeSheet}
            className="h-12 w-full rounded-full bg-zinc-50 font-semibold text-ink-950 transition hover:bg-white"
          >
            Show films
          </button>
        }
      >
        <FilterPanel filters={filters} onChange={setFilters} inSheet />
      </Sheet>
    </div>
  );
}
