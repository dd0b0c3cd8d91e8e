import { useId } from 'react';

/** TMDB's name as a wordmark link; their logo file cannot be fetched offline, so it is drawn here. */
export function TmdbWordmark({ className }: { className?: string }) {
  const gradient = useId();
  return (
    <a
      href="https://www.themoviedb.org"
      target="_blank"
      rel="noreferrer"
      aria-label="The Movie Database (TMDB)"
      className={className}
    >
      <svg viewBox="0 0 96 20" aria-hidden="true" className="h-4 w-auto">
        <defs>
          <linearGradient id={gradient} x1="0" x2="1" y1="0" y2="0">
            <stop offset="0" stopColor="#90cea1" />
            <stop offset="0.56" stopColor="#3cbec9" />
            <stop offset="1" stopColor="#00b3e5" />
          </linearGradient>
        </defs>
        <rect x="0" y="0" width="96" height="20" rx="10" fill={`url(#${gradient})`} />
        <text
          x="48"
          y="14.5"
          textAnchor="middle"
          fontFamily="ui-sans-serif, system-ui, sans-serif"
          fontSize="13"
          fontWeight="800"
          letterSpacing="2"
          fill="#0d253f"
        >
          TMDB
        </text>
      </svg>
    </a>
  );
}
