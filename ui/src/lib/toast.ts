import { useSyncExternalStore } from 'react';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'success' | 'error';
  action?: { label: string; run: () => void };
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit() {
  listeners.forEach((listener) => listener());
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((toast) => toast.id !== id);
  const timer = timers.get(id);
  if (timer) clearTimeout(timer);
  timers.delete(id);
  emit();
}

export function showToast(toast: Omit<Toast, 'id'>, durationMs = 4500): number {
  const id = nextId++;
  toasts = [...toasts.slice(-2), { ...toast, id }];
  timers.set(
    id,
    setTimeout(() => dismissToast(id), toast.tone === 'error' ? durationMs * 2 : durationMs),
  );
  emit();
  return id;
}

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
    () => toasts,
  );
}
