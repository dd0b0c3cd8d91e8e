import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'marquee.onboarded';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return true;
  }
}

export function setOnboarded(done: boolean): void {
  try {
    if (done) window.localStorage.setItem(STORAGE_KEY, '1');
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode without storage: onboarding simply shows again next time.
  }
  listeners.forEach((listener) => listener());
}

export function useOnboarded(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
    () => true,
  );
}
