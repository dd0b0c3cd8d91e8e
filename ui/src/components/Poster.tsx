import clsx from 'clsx';
import { useState } from 'react';
import type { UIMovie } from '@/lib/mappers';

type PosterMovie = Pick<UIMovie, 'id' | 'title' | 'year' | 'posterUrl' | 'art' | 'genres'>;

interface PosterProps {
  movie: PosterMovie;
  className?: string;
  /** Large cards show the generated title treatment big; thumbnails keep it small. */
  size?: 'card' | 'tile' | 'thumb';
  /** Keep the generated title clear of controls laid over the bottom of the poster. */
  titleOnTop?: boolean;
  eager?: boolean;
}

/** The TMDB poster when it loads, a generated title card underneath for when it does not. */
export function Poster({ movie, className, size = 'tile', titleOnTop = false, eager = false }: PosterProps) {
  const [state, setState] = useState<'loading' | 'loaded' | 'failed'>(movie.posterUrl ? 'loading' : 'failed');
  const [triedUrl, setTriedUrl] = useState(movie.posterUrl);
  if (triedUrl !== movie.posterUrl) {
    setTriedUrl(movie.posterUrl);
    setState(movie.posterUrl ? 'loading' : 'failed');
  }
  return (
    <div
      className={clsx('overflow-hidden bg-ink-800', !/\b(absolute|fixed)\b/.test(className ?? '') && 'relative', className)}
      data-poster-state={state}
    >
      <GeneratedPoster movie={movie} size={size} titleOnTop={titleOnTop || size === 'card'} hidden={state === 'loaded'} />
      {movie.posterUrl && state !== 'failed' && (
        <img
          src={movie.posterUrl}
          alt=""
          draggable={false}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          onLoad={() => setState('loaded')}
          onError={() => setState('failed')}
          className={clsx(
            'absolute inset-0 h-full w-full object-cover transition-opacity duration-500 select-none',
            state === 'loaded' ? 'opacity-100' : 'opacity-0',
          )}
        />
      )}
    </div>
  );
}

// Long titles step down so that the title card never runs into the details laid over the poster.
function cardTitleSize(title: string): string {
  // "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb" in four big lines reached the card's own title.
  if (title.length > 48) return 'line-clamp-3 text-2xl sm:text-3xl';
  if (title.length > 32) return 'line-clamp-4 text-3xl sm:text-4xl';
  if (title.length > 18) return 'line-clamp-3 text-4xl sm:text-[2.6rem]';
  return 'line-clamp-3 text-4xl sm:text-5xl';
}

function GeneratedPoster(props: { movie: PosterMovie; size: 'card' | 'tile' | 'thumb'; titleOnTop: boolean; hidden: boolean }) {
  const { movie, size, hidden } = props;
  const { hue, accentHue, angle, initials } = movie.art;
  const layout = props.titleOnTop ? 'top' : movie.art.layout;
  const background = [
    `radial-gradient(120% 80% at ${layout === 'top' ? '15% 10%' : '85% 90%'}, hsl(${accentHue} 85% 62% / 0.55), transparent 60%)`,
    `radial-gradient(90% 70% at ${layout === 'top' ? '90% 85%' : '10% 15%'}, hsl(${hue} 80% 55% / 0.45), transparent 65%)`,
    `linear-gradient(${angle}deg, hsl(${hue} 55% 16%), hsl(${accentHue} 45% 9%))`,
  ].join(', ');
  return (
    <div
      aria-hidden="true"
      data-testid="poster-placeholder"
      className={clsx(
        'absolute inset-0 flex flex-col overflow-hidden p-[8%] transition-opacity duration-500',
        hidden && 'opacity-0',
      )}
      style={{ background }}
    >
      <div
        className="pointer-events-none absolute inset-0 opacity-[0.18] mix-blend-overlay"
        style={{
          backgroundImage:
            'repeating-linear-gradient(0deg, rgba(255,255,255,0.25) 0 1px, transparent 1px 3px), repeating-linear-gradient(90deg, rgba(0,0,0,0.25) 0 1px, transparent 1px 4px)',
        }}
      />
      <span
        className={clsx(
          'pointer-events-none absolute font-display leading-none font-bold tracking-tighter text-white/[0.07] select-none',
          layout === 'top' ? '-right-[6%] -bottom-[4%]' : '-top-[4%] -left-[4%]',
          size === 'thumb' ? 'text-[5rem]' : 'text-[11rem]',
          size === 'card' && 'sm:text-[15rem]',
        )}
      >
        {initials}
      </span>
      {size !== 'thumb' && (
        <div
          className={clsx(
            'relative flex flex-1 flex-col',
            layout === 'top' ? 'justify-start' : 'justify-end',
            size === 'card' && 'pt-12',
          )}
        >
          <div className="mb-3 h-[3px] w-10 rounded-full" style={{ background: `hsl(${accentHue} 90% 65%)` }} />
          <p
            className={clsx(
              'pb-[0.08em] font-display leading-[0.98] font-semibold tracking-tight text-balance break-words text-white uppercase',
              size === 'card' ? cardTitleSize(movie.title) : 'line-clamp-4 text-lg sm:text-xl',
            )}
          >
            {movie.title}
          </p>
          {movie.year !== null && (
            <p className={clsx('mt-2 font-display tracking-[0.3em] text-white/70', size === 'card' ? 'text-base' : 'text-xs')}>
              {movie.year}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
