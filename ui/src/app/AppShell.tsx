import clsx from 'clsx';
import { Bookmark, Compass, History, Info, Users } from 'lucide-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { Footer } from '@/components/Footer';
import { OfflineBanner } from '@/components/OfflineBanner';
import { Toaster } from '@/components/Toaster';
import { useWatchlist } from '@/hooks/use-watchlist';

const nav = [
  { to: '/', label: 'Discover', icon: Compass, end: true },
  { to: '/together', label: 'Together', icon: Users, end: false },
  { to: '/watchlist', label: 'Watchlist', icon: Bookmark, end: false },
  { to: '/history', label: 'History', icon: History, end: false },
  { to: '/about', label: 'About', icon: Info, end: false },
];

export function AppShell({ children }: { children: ReactNode }) {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const isDiscover = location.pathname === '/';
  const watchlist = useWatchlist();
  const saved = watchlist.data?.length ?? 0;

  useEffect(() => {
    main.current?.scrollTo({ top: 0 });
  }, [location.pathname]);

  return (
    <div className="flex h-dvh flex-col overflow-hidden">
      <a
        href="#main"
        className="sr-only z-50 rounded-full bg-zinc-50 px-4 py-2 font-semibold text-ink-950 focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <OfflineBanner />
      <header className="relative z-20 shrink-0 border-b border-white/5 bg-ink-950/80 backdrop-blur-xl">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-4 lg:h-16 lg:px-8">
          <Link to="/" className="flex items-center gap-2.5 rounded-lg" aria-label="Marquee, home">
            <Logo />
            <span className="font-display text-xl font-semibold tracking-[0.14em] text-white uppercase">Marquee</span>
          </Link>
          <nav aria-label="Main" className="hidden md:block">
            <ul className="flex items-center gap-1">
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.end}
                    className={({ isActive }) =>
                      clsx(
                        'relative inline-flex items-center gap-2 rounded-full px-4 py-2 text-sm font-medium transition',
                        isActive ? 'bg-white/10 text-white' : 'text-zinc-400 hover:text-zinc-100',
                      )
                    }
                  >
                    <item.icon aria-hidden="true" className="size-4" />
                    {item.label}
                    {item.to === '/watchlist' && saved > 0 && (
                      <span className="rounded-full bg-save px-1.5 text-[11px] leading-4 font-bold text-ink-950">
                        {saved}
                        <span className="sr-only"> saved</span>
                      </span>
                    )}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>

      <main
        id="main"
        ref={main}
        tabIndex={-1}
        className="relative min-h-0 flex-1 overflow-x-hidden overflow-y-auto focus:outline-none"
      >
        {isDiscover ? (
          children
        ) : (
          <div className="flex min-h-full flex-col">
            <div className="flex-1">{children}</div>
            <Footer />
          </div>
        )}
      </main>

      <nav
        aria-label="Main"
        className="shrink-0 border-t border-white/5 bg-ink-950/95 pb-[env(safe-area-inset-bottom)] backdrop-blur-xl md:hidden"
      >
        <ul className="grid grid-cols-5">
          {nav.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                end={item.end}
                className={({ isActive }) =>
                  clsx(
                    'relative flex h-16 flex-col items-center justify-center gap-1 text-[11px] font-medium transition',
                    isActive ? 'text-white' : 'text-zinc-500 hover:text-zinc-200',
                  )
                }
              >
                {({ isActive }) => (
                  <>
                    <item.icon aria-hidden="true" className={clsx('size-5', isActive && 'text-amber-300')} />
                    {item.label}
                    {item.to === '/watchlist' && saved > 0 && (
                      <span className="absolute top-2 left-1/2 ml-2 rounded-full bg-save px-1.5 text-[10px] leading-4 font-bold text-ink-950">
                        {saved}
                        <span className="sr-only"> saved</span>
                      </span>
                    )}
                  </>
                )}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Toaster />
    </div>
  );
}

function Logo() {
  return (
    <svg viewBox="0 0 64 64" aria-hidden="true" className="size-8">
      <defs>
        <linearGradient id="marquee-logo" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#f43f5e" />
          <stop offset="1" stopColor="#f59e0b" />
        </linearGradient>
      </defs>
      <rect width="64" height="64" rx="16" fill="url(#marquee-logo)" />
      <path
        d="M16 46V19l16 14 16-14v27"
        fill="none"
        stroke="#0b0b10"
        strokeWidth="7"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
