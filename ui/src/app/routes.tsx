import { Compass, Loader2 } from 'lucide-react';
import { type ReactNode, Suspense, lazy } from 'react';
import { Link, Route, Routes, useParams } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { DiscoverView } from '@/features/discover/components/DiscoverView';
import { setOnboarded, useOnboarded } from '@/lib/onboarding';

// Discover is the landing view; the others load when first visited.
const Onboarding = lazy(() => import('@/features/onboarding/components/Onboarding').then((m) => ({ default: m.Onboarding })));
const WatchlistView = lazy(() =>
  import('@/features/watchlist/components/WatchlistView').then((m) => ({ default: m.WatchlistView })),
);
const HistoryView = lazy(() => import('@/features/history/components/HistoryView').then((m) => ({ default: m.HistoryView })));
const MovieDetailView = lazy(() =>
  import('@/features/movie-detail/components/MovieDetailView').then((m) => ({ default: m.MovieDetailView })),
);
const AdminView = lazy(() => import('@/features/admin/components/AdminView').then((m) => ({ default: m.AdminView })));
const TogetherView = lazy(() => import('@/features/together/components/TogetherView').then((m) => ({ default: m.TogetherView })));
const RoomView = lazy(() => import('@/features/together/components/RoomView').then((m) => ({ default: m.RoomView })));
const AboutView = lazy(() => import('@/features/about/components/AboutView').then((m) => ({ default: m.AboutView })));

function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="grid min-h-[50vh] place-items-center" role="status" aria-label="Loading">
          <Loader2 aria-hidden="true" className="size-6 animate-spin text-zinc-500" />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

function DiscoverRoute() {
  const onboarded = useOnboarded();
  return onboarded ? (
    <DiscoverView />
  ) : (
    <Lazy>
      <Onboarding onDone={() => setOnboarded(true)} />
    </Lazy>
  );
}

function MovieRoute() {
  const { movieId } = useParams();
  const id = Number(movieId);
  return (
    <Lazy>
      <MovieDetailView key={id} movieId={id} />
    </Lazy>
  );
}

function RoomRoute() {
  // Codes are typed in any case and with a dash ("k7qm-3xpd"); the room is cached under its canonical form.
  const code = (useParams().code ?? '').replace(/[-\s]/g, '').toUpperCase();
  return (
    <Lazy>
      <RoomView key={code} code={code} />
    </Lazy>
  );
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
      <Route
        path="/watchlist"
        element={
          <Lazy>
            <WatchlistView />
          </Lazy>
        }
      />
      <Route
        path="/history"
        element={
          <Lazy>
            <HistoryView />
          </Lazy>
        }
      />
      <Route path="/movie/:movieId" element={<MovieRoute />} />
      <Route
        path="/together"
        element={
          <Lazy>
            <TogetherView />
          </Lazy>
        }
      />
      <Route path="/together/:code" element={<RoomRoute />} />
      <Route
        path="/about"
        element={
          <Lazy>
            <AboutView />
          </Lazy>
        }
      />
      <Route
        path="/admin"
        element={
          <Lazy>
            <AdminView />
          </Lazy>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
