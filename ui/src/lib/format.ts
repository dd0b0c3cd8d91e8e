const integer = new Intl.NumberFormat('en-US');

export function formatCount(count: number): string {
  return integer.format(count);
}

export function formatRuntime(minutes: number | null): string | null {
  if (minutes === null || !Number.isFinite(minutes) || minutes <= 0) return null;
  const rounded = Math.round(minutes);
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

export function formatStars(value: number | null): string | null {
  return value === null || !Number.isFinite(value) ? null : value.toFixed(1);
}

export function formatRelativeTime(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000);
  if (!Number.isFinite(seconds)) return '';
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

// TMDB's codes that are not ISO: "cn" is its code for Cantonese, "xx" means no spoken language.
const tmdbLanguages: Record<string, string | null> = { cn: 'Cantonese', xx: null };

const displayNames = {
  language: new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }),
  region: new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }),
};

function displayName(type: keyof typeof displayNames, code: string | null): string | null {
  if (!code) return null;
  try {
    return displayNames[type].of(code) ?? null;
  } catch {
    return null; // not a well-formed code
  }
}

/** "fr" → "French"; null for codes no one could read. */
export function languageName(code: string | null): string | null {
  const key = code?.trim().toLowerCase() ?? '';
  if (Object.hasOwn(tmdbLanguages, key)) return tmdbLanguages[key] ?? null;
  return displayName('language', key);
}

/** A BCP 47 tag for the `lang` attribute: "fr" → "fr", TMDB's "cn" → "yue"; null when there is none. */
export function languageTag(code: string | null): string | null {
  const key = code?.trim().toLowerCase() ?? '';
  if (key === 'cn') return 'yue';
  return languageName(key) === null ? null : key;
}

/** "KR" → "South Korea"; null for codes no one could read. */
export function countryName(code: string | null): string | null {
  return displayName('region', code?.trim().toUpperCase() ?? null);
}
