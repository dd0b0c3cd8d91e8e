import { AnimatePresence } from 'motion/react';
import type { StackCard, SwipeAction } from '../lib/card-stack';
import { SwipeCard } from './SwipeCard';

const VISIBLE_CARDS = 3;

interface CardStackProps {
  cards: readonly StackCard[];
  exitAction: SwipeAction;
  onSwipe: (action: SwipeAction) => void;
}

export function CardStack({ cards, exitAction, onSwipe }: CardStackProps) {
  // Deepest card first in the DOM so that the top card (and a card flying out) paints above the rest.
  const layered = cards
    .slice(0, VISIBLE_CARDS)
    .map((card, depth) => ({ card, depth }))
    .reverse();
  return (
    <div className="relative h-full w-full" data-testid="card-stack">
      <AnimatePresence custom={exitAction} initial={false}>
        {layered.map(({ card, depth }) => (
          <SwipeCard key={card.movie.id} card={card} depth={depth} onSwipe={onSwipe} />
        ))}
      </AnimatePresence>
    </div>
  );
}
