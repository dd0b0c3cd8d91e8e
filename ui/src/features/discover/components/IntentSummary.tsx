import { Sparkles } from 'lucide-react';
import { countryName, languageName } from '@/lib/format';
import { type UIIntent, isIntentEmpty } from '@/lib/mappers';
import { useReferenceTitles } from '../api/use-reference-titles';

function yearsLabel(from: number | null, to: number | null): string | null {
  if (from !== null && to !== null) return from === to ? `${from}` : `${from}–${to}`;
  if (from !== null) return `${from} or later`;
  if (to !== null) return `up to ${to}`;
  return null;
}

/** What the server understood of the wish, so a person can see why these cards came up. */
export function IntentSummary({ intent }: { intent: UIIntent | null }) {
  const references = useReferenceTitles(intent?.referenceMovieIds ?? []);
  if (!intent || isIntentEmpty(intent)) return null;
  const chips: { key: string; label: string; tone?: 'exclude' | 'unused' }[] = [
    ...intent.moods.map((mood) => ({ key: `mood-${mood}`, label: mood })),
    ...intent.genres.map((genre) => ({ key: `genre-${genre}`, label: genre })),
    ...intent.excludeGenres.map((genre) => ({ key: `not-${genre}`, label: `no ${genre}`, tone: 'exclude' as const })),
    ...references.map((title) => ({ key: `like-${title}`, label: `like ${title}` })),
    ...intent.people.map((person) => ({ key: `person-${person}`, label: person })),
    ...intent.companies.map((company) => ({ key: `studio-${company}`, label: company })),
    ...intent.excludePeople.map((person) => ({
      key: `not-person-${person}`,
      label: `not ${person}`,
      tone: 'exclude' as const,
    })),
    ...intent.excludeCompanies.map((company) => ({
      key: `not-studio-${company}`,
      label: `not ${company}`,
      tone: 'exclude' as const,
    })),
  ];
  // A language says it best ("Korean"); countries only when no language was named ("American").
  const places =
    intent.languages.length > 0
      ? intent.languages.map((code) => languageName(code) ?? code)
      : intent.countries.map((code) => countryName(code) ?? code);
  chips.push(...places.map((place) => ({ key: `place-${place}`, label: place })));
  // "Foreign" rules out English unless English is wished ("no subtitles" wishes it).
  const ruledOutPlaces = [
    ...intent.excludeLanguages.map((code) => `not in ${languageName(code) ?? code}`),
    ...intent.excludeCountries.map((code) => `not from ${countryName(code) ?? code}`),
  ];
  chips.push(...ruledOutPlaces.map((place) => ({ key: `not-place-${place}`, label: place, tone: 'exclude' as const })));
  if (intent.maxAge !== null) chips.push({ key: 'age', label: `for age ${intent.maxAge}` });
  if (intent.minRuntime !== null) chips.push({ key: 'min-runtime', label: `over ${intent.minRuntime} min` });
  const years = yearsLabel(intent.yearFrom, intent.yearTo);
  if (years) chips.push({ key: 'years', label: years });
  if (intent.maxRuntime !== null) chips.push({ key: 'runtime', label: `under ${intent.maxRuntime} min` });
  chips.push(...intent.labels.slice(0, 3).map((label) => ({ key: `label-${label}`, label: `about ${label}` })));
  chips.push(...intent.keywords.slice(0, 4).map((keyword) => ({ key: `kw-${keyword}`, label: `“${keyword}”` })));
  chips.push(
    ...intent.excludeKeywords.map((keyword) => ({ key: `not-kw-${keyword}`, label: `not ${keyword}`, tone: 'exclude' as const })),
  );
  // Every part of the wish is accounted for: what could not be used is said, not silently dropped.
  if (intent.unused.length > 0) {
    chips.push({ key: 'unused', label: `couldn't use: ${intent.unused.join(', ')}`, tone: 'unused' });
  }

  return (
    <div className="flex min-w-0 items-center gap-2 text-xs" data-testid="intent-summary">
      <span className="inline-flex shrink-0 items-center gap-1 font-medium text-zinc-400">
        <Sparkles aria-hidden="true" className="size-3.5 text-amber-300" />
        Understood
        {intent.source !== 'rules' && <span className="text-zinc-500">({intent.source})</span>}
      </span>
      {/* On a phone the chips overflow: focusable, so the keyboard can scroll them too. */}
      <ul
        tabIndex={0}
        className="scrollbar-none flex min-w-0 gap-1.5 overflow-x-auto rounded-full focus-visible:ring-2 focus-visible:ring-white/60 focus-visible:outline-none"
        aria-label="What your wish was understood as"
      >
        {chips.map((chip) => (
          <li
            key={chip.key}
            className={
              chip.tone === 'exclude'
                ? 'shrink-0 rounded-full bg-nope/10 px-2.5 py-1 text-rose-200 ring-1 ring-nope/25'
                : chip.tone === 'unused'
                  ? 'shrink-0 rounded-full px-2.5 py-1 text-zinc-400 italic ring-1 ring-white/15 ring-inset'
                  : 'shrink-0 rounded-full bg-white/8 px-2.5 py-1 text-zinc-200 ring-1 ring-white/10'
            }
            data-tone={chip.tone ?? 'wish'}
          >
            {chip.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
