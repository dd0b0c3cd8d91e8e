import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MotionConfig } from 'motion/react';
import { useEffect, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { forgetDecks } from '@/features/discover/api/use-deck';
import { isApiError } from '@/lib/api';
import { onSessionChange } from '@/lib/session';
import { showToast } from '@/lib/toast';
import { AppShell } from './AppShell';
import { AppRoutes } from './routes';

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && isApiError(error) && error.isRetryable,
      },
    },
  });
}

export function App() {
  const [queryClient] = useState(createQueryClient);

  useEffect(
    () =>
      onSessionChange((_session, reason) => {
        if (reason === 'created') return;
        forgetDecks();
        if (reason === 'cleared') {
          queryClient.clear();
          return;
        }
        void queryClient.invalidateQueries();
        showToast({ tone: 'info', message: 'The server did not know this browser any more, so a fresh session started.' });
      }),
    [queryClient],
  );

  return (
    <QueryClientProvider client={queryClient}>
      <MotionConfig reducedMotion="user">
        <BrowserRouter>
          <AppShell>
            <AppRoutes />
          </AppShell>
        </BrowserRouter>
      </MotionConfig>
    </QueryClientProvider>
  );
}
