import { RefreshCcw } from 'lucide-react';
import { useNavigate } from 'react-router';
import { TMDB_NOTICE } from '@/components/Footer';
import { TmdbWordmark } from '@/components/TmdbWordmark';
import { useSession } from '@/hooks/use-session';
import { setOnboarded } from '@/lib/onboarding';
import { clearSession } from '@/lib/session';

export function AboutView() {
  const session = useSession();
  const navigate = useNavigate();
  const startOver = () => {
    clearSession();
    setOnboarded(false);
    void navigate('/');
  };
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 lg:py-14">
      <h1 className="text-3xl font-bold tracking-tight text-white sm:text-4xl">About Marquee</h1>
      <div className="mt-6 space-y-4 text-base leading-relaxed text-zinc-300">
        <p>
          Marquee is an open movie recommender you run yourself. Tell it your mood or a wish, swipe through the cards, and every
          swipe shapes the very next ones.
        </p>
        <p>
          Picks come from a blend of what fits your wish, what people with similar taste loved, and how well a film is rated
          overall. Each card says why it was chosen.
        </p>
      </div>

      <section className="mt-10 rounded-2xl bg-ink-850 p-6 ring-1 ring-white/5" aria-labelledby="credits">
        <h2 id="credits" className="text-lg font-semibold text-white">
          Data and credits
        </h2>
        <div className="mt-4 flex flex-col gap-4 sm:flex-row sm:items-center">
          <TmdbWordmark className="shrink-0 self-start rounded-full [&_svg]:h-7" />
          <p className="text-sm text-zinc-300">
            {TMDB_NOTICE} Posters, overviews and TMDB ratings come from{' '}
            <a
              href="https://www.themoviedb.org"
              target="_blank"
              rel="noreferrer"
              className="text-zinc-100 underline decoration-white/30 underline-offset-2"
            >
              The Movie Database
            </a>
            .
          </p>
        </div>
        <p className="mt-4 text-sm text-zinc-300">
          Community ratings come from the{' '}
          <a
            href="https://grouplens.org/datasets/movielens/"
            target="_blank"
            rel="noreferrer"
            className="text-zinc-100 underline decoration-white/30 underline-offset-2"
          >
            MovieLens
          </a>{' '}
          datasets by GroupLens Research at the University of Minnesota (F. Maxwell Harper and Joseph A. Konstan, “The MovieLens
          Datasets: History and Context”, ACM TiiS 5(4), 2015).
        </p>
      </section>

      <section className="mt-6 rounded-2xl bg-ink-850 p-6 ring-1 ring-white/5" aria-labelledby="privacy">
        <h2 id="privacy" className="text-lg font-semibold text-white">
          Your session
        </h2>
        <p className="mt-2 text-sm text-zinc-300">
          No account needed: this browser holds an anonymous session
          {session ? (
            <>
              {' '}
              (<code className="rounded bg-white/8 px-1.5 py-0.5 text-xs text-zinc-200">{session.user_id}</code>)
            </>
          ) : null}{' '}
          and the server keeps its swipes and watchlist.
        </p>
        <button
          type="button"
          onClick={startOver}
          className="mt-4 inline-flex items-center gap-2 rounded-full bg-white/8 px-4 py-2 text-sm font-semibold text-zinc-100 ring-1 ring-white/15 hover:bg-white/15"
        >
          <RefreshCcw aria-hidden="true" className="size-4" />
          Start over with a fresh session
        </button>
      </section>
    </div>
  );
}
