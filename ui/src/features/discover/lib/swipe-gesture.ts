import type { SwipeAction } from './card-stack';

interface Vector {
  x: number;
  y: number;
}

/** How far (px) a card must travel to count, given its width: about a quarter of the card. */
export function swipeThreshold(cardWidth: number): number {
  return Math.min(150, Math.max(80, cardWidth * 0.28));
}

const FLICK_VELOCITY = 650;

/**
 * Decides what a released drag means: right is like, left dislike, up the watchlist. A short but
 * fast flick counts too; anything else springs back (null).
 */
export function decideSwipe(offset: Vector, velocity: Vector, cardWidth: number): SwipeAction | null {
  const threshold = swipeThreshold(cardWidth);
  const flickDistance = threshold / 3;
  if (Math.abs(offset.x) >= Math.abs(offset.y)) {
    if (offset.x > threshold || (velocity.x > FLICK_VELOCITY && offset.x > flickDistance)) return 'like';
    if (offset.x < -threshold || (velocity.x < -FLICK_VELOCITY && offset.x < -flickDistance)) return 'dislike';
    return null;
  }
  if (offset.y < -threshold || (velocity.y < -FLICK_VELOCITY && offset.y < -flickDistance)) return 'watchlist';
  return null;
}
