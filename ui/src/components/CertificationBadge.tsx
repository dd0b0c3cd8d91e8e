import clsx from 'clsx';
import type { UICertification } from '@/lib/mappers';

/** "PG-13" in a rating-board box; assistive technology hears "Rated PG-13 (United States)". */
export function CertificationBadge({ certification, className }: { certification: UICertification; className?: string }) {
  return (
    <span
      title={certification.description}
      className={clsx(
        'inline-flex items-center rounded-md border border-zinc-300/60 px-1.5 py-px text-[0.8em] leading-tight font-semibold tracking-wide text-zinc-100',
        className,
      )}
    >
      <span className="sr-only">Rated </span>
      {certification.rating}
      {certification.country && <span className="sr-only"> ({certification.country})</span>}
    </span>
  );
}
