import clsx from 'clsx';
import { RotateCw, WifiOff, TriangleAlert } from 'lucide-react';
import { isApiError } from '@/lib/api';

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  title?: string;
  className?: string;
  compact?: boolean;
}

/** An API failure shown where the content would have been, with the server's own explanation. */
export function ErrorState({ error, onRetry, retrying = false, title, className, compact = false }: ErrorStateProps) {
  const network = isApiError(error) && error.kind === 'network';
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const Icon = network ? WifiOff : TriangleAlert;
  return (
    <div
      role="alert"
      className={clsx(
        'flex flex-col items-center gap-3 rounded-2xl border border-nope/25 bg-nope/[0.06] text-center',
        compact ? 'p-4' : 'px-6 py-10',
        className,
      )}
    >
      <span className="grid size-11 place-items-center rounded-full bg-nope/15 text-nope">
        <Icon aria-hidden="true" className="size-5" />
      </span>
      <div className="max-w-sm">
        <p className="font-semibold text-zinc-50">{title ?? (network ? 'The server is not answering' : 'That did not work')}</p>
        <p className="mt-1 text-sm text-zinc-300">{message}</p>
      </div>
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className="inline-flex items-center gap-2 rounded-full bg-zinc-100 px-4 py-2 text-sm font-semibold text-ink-950 transition hover:bg-white disabled:opacity-60"
        >
          <RotateCw aria-hidden="true" className={clsx('size-4', retrying && 'animate-spin')} />
          {retrying ? 'Retrying…' : 'Try again'}
        </button>
      )}
    </div>
  );
}
