import { describe, expect, it } from 'vitest';
import { decideSwipe, swipeThreshold } from './swipe-gesture';

const still = { x: 0, y: 0 };

describe('swipe gesture', () => {
  it('scales the threshold with the card but keeps it sensible', () => {
    expect(swipeThreshold(400)).toBeCloseTo(112);
    expect(swipeThreshold(200)).toBe(80);
    expect(swipeThreshold(1000)).toBe(150);
  });

  it('commits a drag past the threshold: right likes, left dislikes, up saves', () => {
    expect(decideSwipe({ x: 130, y: 10 }, still, 400)).toBe('like');
    expect(decideSwipe({ x: -130, y: -20 }, still, 400)).toBe('dislike');
    expect(decideSwipe({ x: 20, y: -140 }, still, 400)).toBe('watchlist');
  });

  it('springs back below the threshold', () => {
    expect(decideSwipe({ x: 100, y: 0 }, still, 400)).toBeNull();
    expect(decideSwipe({ x: 0, y: 140 }, still, 400)).toBeNull();
  });

  it('commits a short fast flick but not a tiny twitch', () => {
    expect(decideSwipe({ x: 50, y: 0 }, { x: 900, y: 0 }, 400)).toBe('like');
    expect(decideSwipe({ x: 10, y: 0 }, { x: 900, y: 0 }, 400)).toBeNull();
    expect(decideSwipe({ x: -50, y: 0 }, { x: -900, y: 0 }, 400)).toBe('dislike');
  });
});
