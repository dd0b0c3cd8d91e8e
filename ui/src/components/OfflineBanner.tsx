import { WifiOff } from 'lucide-react';
import { useOnline } from '@/hooks/use-online';

export function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <div role="status" className="flex items-center justify-center gap-2 bg-amber-400 px-4 py-2 text-sm font-medium text-ink-950">
      <WifiOff aria-hidden="true" className="size-4 shrink-0" />
      You are offline. Your swipes are kept and sent when the connection is back.
    </div>
  );
}
