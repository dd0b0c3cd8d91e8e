/** Colours and lettering for a generated poster, the same for a movie on every render and device. */
export interface PosterArt {
  hue: number;
  accentHue: number;
  angle: number;
  initials: string;
  layout: 'top' | 'bottom';
}

// FNV-1a: tiny, stable across browsers, good enough to spread movies over the colour wheel.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SMALL_WORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'in',
  'on',
  'to',
  'for',
  'at',
  'la',
  'le',
  'les',
  'el',
  'der',
  'die',
  'das',
]);

export function initialsOf(title: string): string {
  const words = title
    .replace(/\(.*?\)/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const meaningful = words.filter((word) => !SMALL_WORDS.has(word.toLowerCase()));
  const picked = (meaningful.length > 0 ? meaningful : words).slice(0, 2);
  const letters = picked.map((word) => Array.from(word)[0] ?? '').join('');
  return letters.toUpperCase() || '?';
}

export function posterArt(movieId: number, title: string): PosterArt {
  const h = hash(`${movieId}:${title}`);
  const hue = h % 360;
  // Analogous-to-complementary accent, never the same muddy hue twice.
  const accentHue = (hue + 40 + ((h >>> 9) % 140)) % 360;
  return {
    hue,
    accentHue,
    angle: 120 + ((h >>> 17) % 100),
    initials: initialsOf(title),
    layout: (h >>> 24) % 2 === 0 ? 'top' : 'bottom',
  };
}
