const KEY = 'marquee.displayName';

/** The name this browser last used in a room, so the next room starts with it filled in. */
export function rememberedName(): string {
  try {
    return window.localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberName(name: string): void {
  try {
    window.localStorage.setItem(KEY, name.trim());
  } catch {
    // Private mode: the name is simply typed again next time.
  }
}

/** "Ana Lopez" → "AL", "ben" → "B". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '?') + (words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

const AVATAR_COLORS = [
  'bg-rose-400',
  'bg-amber-300',
  'bg-emerald-300',
  'bg-sky-300',
  'bg-violet-300',
  'bg-orange-300',
  'bg-teal-300',
  'bg-pink-300',
];

export function avatarColor(memberId: number): string {
  return AVATAR_COLORS[(memberId - 1) % AVATAR_COLORS.length] ?? 'bg-zinc-300';
}
