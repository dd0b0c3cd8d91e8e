import clsx from 'clsx';
import { X } from 'lucide-react';
import { AnimatePresence, motion } from 'motion/react';
import { dismissToast, useToasts } from '@/lib/toast';

export function Toaster() {
  const toasts = useToasts();
  return (
    <div
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-20 z-50 flex flex-col items-center gap-2 px-4 md:bottom-6"
    >
      <AnimatePresence initial={false}>
        {toasts.map((toast) => (
          <motion.div
            key={toast.id}
            layout
            initial={{ opacity: 0, y: 16, scale: 0.96 }}
            animate={{ opacity: 1, y: 0, scale: 1 }}
            exit={{ opacity: 0, y: 8, scale: 0.96 }}
            transition={{ type: 'spring', stiffness: 420, damping: 32 }}
            role={toast.tone === 'error' ? 'alert' : 'status'}
            className={clsx(
              'pointer-events-auto flex max-w-md items-center gap-3 rounded-full border py-2 pr-2 pl-4 text-sm shadow-2xl shadow-black/50 backdrop-blur-xl',
              toast.tone === 'error'
                ? 'border-nope/40 bg-ink-800/95 text-zinc-50'
                : 'border-white/10 bg-ink-700/95 text-zinc-100',
            )}
          >
            <span>{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                onClick={() => {
                  toast.action?.run();
                  dismissToast(toast.id);
                }}
                className="rounded-full bg-white/10 px-3 py-1 font-semibold text-zinc-50 hover:bg-white/20"
              >
                {toast.action.label}
              </button>
            )}
            <button
              type="button"
              onClick={() => dismissToast(toast.id)}
              aria-label="Dismiss"
              className="grid size-7 place-items-center rounded-full text-zinc-400 hover:bg-white/10 hover:text-zinc-100"
            >
              <X aria-hidden="true" className="size-4" />
            </button>
          </motion.div>
        ))}
      </AnimatePresence>
    </div>
  );
}
