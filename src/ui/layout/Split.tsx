/**
 * A two-pane horizontal split with a draggable, keyboard-operable separator (←/→ move it
 * by 5 %, Home/End to the limits). The ratio is kept in localStorage. On narrow screens
 * the CSS stacks the panes and `view` picks which one shows.
 */
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';

const KEY = 'ddir-playground:split';
const MIN = 20;
const MAX = 80;

function initialRatio(): number {
  const stored = Number(localStorage.getItem(KEY));
  return stored >= MIN && stored <= MAX ? stored : 50;
}

/** The split view. */
export function Split({
  left,
  right,
  view,
}: {
  readonly left: ReactNode;
  readonly right: ReactNode;
  readonly view: 'editor' | 'results';
}) {
  const [ratio, setRatio] = useState(initialRatio);
  const box = useRef<HTMLDivElement>(null);
  const set = (r: number): void => {
    const clamped = Math.round(Math.max(MIN, Math.min(MAX, r)));
    setRatio(clamped);
    localStorage.setItem(KEY, String(clamped));
  };
  const onPointerDown = (event: React.PointerEvent): void => {
    const el = box.current;
    if (el === null) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const rect = el.getBoundingClientRect();
    const move = (e: PointerEvent): void => set(((e.clientX - rect.left) / rect.width) * 100);
    const up = (): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return (
    <div
      className="split"
      ref={box}
      data-view={view}
      style={{ gridTemplateColumns: `${ratio}fr 6px ${100 - ratio}fr` }}
    >
      <div className="split-pane split-left">{left}</div>
      <div
        className="split-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize editor and results"
        aria-valuemin={MIN}
        aria-valuemax={MAX}
        aria-valuenow={ratio}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={(e) => {
          const step = e.key === 'ArrowLeft' ? -5 : e.key === 'ArrowRight' ? 5 : 0;
          if (step !== 0) set(ratio + step);
          else if (e.key === 'Home') set(MIN);
          else if (e.key === 'End') set(MAX);
          else return;
          e.preventDefault();
        }}
      />
      <div className="split-pane split-right">{right}</div>
    </div>
  );
}
