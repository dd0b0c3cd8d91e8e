import { Route, Routes, useParams } from 'react-router';
import { Compass } from 'lucide-react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { AboutView } from '@/features/about/components/AboutView';
import { DiscoverView } from '@/features/discover/components/DiscoverView';
import { HistoryView } from '@/features/history/components/HistoryView';
import { MovieDetailView } from '@/features/movie-detail/components/MovieDetailView';
import { Onboarding } from '@/features/onboarding/components/Onboarding';
import { WatchlistView } from '@/features/watchlist/components/WatchlistView';
import { setOnboarded, useOnboarded } from '@/lib/onboarding';

function DiscoverRoute() {
  const onboarded = useOnboarded();
  return onboarded ? <DiscoverView /> : <Onboarding onDone={() => setOnboarded(true)} />;
}

function MovieRoute() {
  const { movieId } = useParams();
  const id = Number(movieId);
  return <MovieDetailView key={id} movieId={id} />;
}

function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <EmptyState icon={Compass} title="This page is not showing">
        <Link to="/" className="mt-4 inline-flex rounded-full bg-zinc-50 px-5 py-2.5 text-sm font-semibold text-ink-950">
          Back to Discover
        </Link>
      </EmptyState>
    </div>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<DiscoverRoute />} />
      <Route path="/watchlist" element={<WatchlistView />} />
      <Route path="/history" element={<HistoryView />} />
      <Route path="/movie/:movieId" element={<MovieRoute />} />
      <Route path="/about" element={<AboutView />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
