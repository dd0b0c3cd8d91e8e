import { describe, expect, it } from 'vitest';
import { countryName, formatCount, formatRelativeTime, formatRuntime, formatStars, languageName, languageTag } from './format';
import { initialsOf } from './placeholder';

describe('format', () => {
  it('formats runtimes like a streaming app', () => {
    expect(formatRuntime(81)).toBe('1h 21m');
    expect(formatRuntime(120)).toBe('2h');
    expect(formatRuntime(45)).toBe('45m');
    expect(formatRuntime(null)).toBeNull();
  });

  it('formats counts, stars and relative times', () => {
    expect(formatCount(1204)).toBe('1,204');
    expect(formatStars(4.25)).toBe('4.3');
    expect(formatStars(null)).toBeNull();
    const now = new Date('2026-11-26T12:00:00Z');
    expect(formatRelativeTime('2026-11-26T11:58:00Z', now)).toBe('2 minutes ago');
    expect(formatRelativeTime('2026-11-26T11:59:59Z', now)).toBe('just now');
    expect(formatRelativeTime('2026-11-25T12:00:00Z', now)).toBe('yesterday');
  });

  it('takes initials from the meaningful words of a title', () => {
    expect(initialsOf('The Lord of the Rings: The Fellowship of the Ring')).toBe('LR');
    expect(initialsOf('Amélie')).toBe('A');
    expect(initialsOf('8½')).toBe('8');
    expect(initialsOf('The')).toBe('T');
  });

  it('names languages and countries in English, and gives up on codes it cannot read', () => {
    expect(languageName('fr')).toBe('French');
    expect(languageName('KO')).toBe('Korean');
    expect(languageName('cn')).toBe('Cantonese');
    expect(languageName('xx')).toBeNull();
    expect(languageName('not a code')).toBeNull();
    expect(languageName(null)).toBeNull();
    expect(countryName('KR')).toBe('South Korea');
    expect(countryName('gb')).toBe('United Kingdom');
    expect(countryName('??')).toBeNull();
    expect([languageTag('fr'), languageTag('cn'), languageTag('xx'), languageTag(null)]).toEqual(['fr', 'yue', null, null]);
  });
});
