import clsx from 'clsx';
import { Bookmark, Heart, RotateCcw, SkipForward, X } from 'lucide-react';
import type { ReactNode } from 'react';
import type { SwipeAction } from '../lib/card-stack';

interface ActionBarProps {
  disabled: boolean;
  canUndo: boolean;
  onAction: (action: SwipeAction) => void;
  onUndo: () => void;
}

export function ActionBar({ disabled, canUndo, onAction, onUndo }: ActionBarProps) {
  return (
    <div className="flex items-center justify-center gap-3 sm:gap-4" role="group" aria-label="Swipe actions">
      <RoundButton label="Undo last swipe" shortcut="Backspace" size="sm" disabled={!canUndo} onClick={onUndo} tone="neutral">
        <RotateCcw aria-hidden="true" className="size-[18px]" />
      </RoundButton>
      <RoundButton label="Dislike" shortcut="←" size="lg" disabled={disabled} onClick={() => onAction('dislike')} tone="nope">
        <X aria-hidden="true" className="size-8" strokeWidth={2.75} />
      </RoundButton>
      <RoundButton label="Skip" shortcut="↓" size="md" disabled={disabled} onClick={() => onAction('skip')} tone="neutral">
        <SkipForward aria-hidden="true" className="size-5" />
      </RoundButton>
      <RoundButton
        label="Add to watchlist"
        shortcut="↑"
        size="md"
        disabled={disabled}
        onClick={() => onAction('watchlist')}
        tone="save"
      >
        <Bookmark aria-hidden="true" className="size-5" />
      </RoundButton>
      <RoundButton label="Like" shortcut="→" size="lg" disabled={disabled} onClick={() => onAction('like')} tone="like">
        <Heart aria-hidden="true" className="size-8" strokeWidth={2.5} />
      </RoundButton>
    </div>
  );
}

const tones = {
  like: 'text-like hover:bg-like hover:text-ink-950 hover:shadow-like/30',
  nope: 'text-nope hover:bg-nope hover:text-ink-950 hover:shadow-nope/30',
  save: 'text-save hover:bg-save hover:text-ink-950 hover:shadow-save/30',
  neutral: 'text-zinc-300 hover:bg-zinc-200 hover:text-ink-950',
};
const sizes = { sm: 'size-11', md: 'size-13', lg: 'size-16 sm:size-[4.5rem]' };

function RoundButton(props: {
  label: string;
  shortcut: string;
  size: keyof typeof sizes;
  tone: keyof typeof tones;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={props.label}
      aria-keyshortcuts={
        props.shortcut === '←'
          ? 'ArrowLeft'
          : props.shortcut === '→'
            ? 'ArrowRight'
            : props.shortcut === '↑'
              ? 'ArrowUp'
              : props.shortcut === '↓'
                ? 'ArrowDown'
                : props.shortcut
      }
      title={`${props.label} (${props.shortcut})`}
      disabled={props.disabled}
      onClick={props.onClick}
      className={clsx(
        'grid shrink-0 place-items-center rounded-full border border-white/10 bg-ink-800/90 shadow-lg shadow-black/40 backdrop-blur transition duration-200',
        'hover:scale-105 hover:shadow-xl active:scale-95 disabled:pointer-events-none disabled:opacity-35',
        sizes[props.size],
        tones[props.tone],
      )}
    >
      {props.children}
    </button>
  );
}
