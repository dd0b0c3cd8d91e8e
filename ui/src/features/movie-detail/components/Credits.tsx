import { useState } from 'react';
import type { UIMovieDetail } from '@/lib/mappers';

const castShown = 8;

/** Writers, cast, studios, countries and languages, then keywords: nothing rendered for what is unknown. */
export function Credits({ movie }: { movie: UIMovieDetail }) {
  const [allCast, setAllCast] = useState(false);
  const otherLanguages = movie.spokenLanguages.filter((language) => language !== movie.originalLanguageName);
  const cast = allCast ? movie.cast : movie.cast.slice(0, castShown);
  const rows = [
    { term: 'Written by', value: movie.writers.join(', ') },
    { term: movie.countries.length > 1 ? 'Countries' : 'Country', value: movie.countries.join(', ') },
    { term: movie.studios.length > 1 ? 'Studios' : 'Studio', value: movie.studios.join(', ') },
    { term: 'Also spoken', value: otherLanguages.join(', ') },
  ].filter((row) => row.value.length > 0);
  if (cast.length === 0 && rows.length === 0 && movie.keywords.length === 0) return null;

  return (
    <section className="mt-8 max-w-2xl" aria-labelledby="credits-heading">
      <h2 id="credits-heading" className="text-sm font-semibold tracking-wide text-zinc-400 uppercase">
        Cast &amp; crew
      </h2>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2.5 text-sm sm:gap-x-6">
        {cast.length > 0 && (
          <div className="contents">
            <dt className="text-zinc-400">Starring</dt>
            <dd className="text-zinc-100">
              {cast.join(', ')}
              {movie.cast.length > castShown && (
                <button
                  type="button"
                  onClick={() => setAllCast((open) => !open)}
                  aria-expanded={allCast}
                  className="ml-2 font-semibold text-zinc-50 underline decoration-white/30 underline-offset-4 hover:decoration-white"
                >
                  {allCast ? 'Fewer' : `+${movie.cast.length - castShown} more`}
                </button>
              )}
            </dd>
          </div>
        )}
        {rows.map((row) => (
          <div key={row.term} className="contents">
            <dt className="text-zinc-400">{row.term}</dt>
            <dd className="text-zinc-100">{row.value}</dd>
          </div>
        ))}
      </dl>
      {movie.keywords.length > 0 && (
        <ul className="mt-5 flex flex-wrap gap-1.5" aria-label="Keywords">
          {movie.keywords.slice(0, 16).map((keyword) => (
            <li key={keyword} className="rounded-full bg-white/6 px-2.5 py-0.5 text-xs text-zinc-300 ring-1 ring-white/10">
              {keyword}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
