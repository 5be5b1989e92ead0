/**
 * Windowing for the trace tables: which rows of a long list to render, and the spacer
 * heights above and below them that keep the scroll bar honest.
 *
 * Rows have one fixed height (`ROW_HEIGHT`, matched by traces.css) below a sticky header
 * row of the same height, so the virtualizer never measures the DOM: scrolling through
 * 100,000 rows renders a few dozen `<tr>`s and stays smooth. The table stays a real
 * `<table>` (spacer rows, not absolutely positioned divs), so its rows and cells keep
 * their roles for assistive technology and tests.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { RefObject } from 'react';

/** Height of one table row in CSS pixels (`.trace-table tr` in traces.css). */
export const ROW_HEIGHT = 26;

/** The rows to render now and the blank space around them. */
export interface VirtualRows {
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  readonly virtualizer: Virtualizer<HTMLDivElement, HTMLTableRowElement>;
  /** Indices of the rows to render, ascending. */
  readonly indices: readonly number[];
  readonly spaceBefore: number;
  readonly spaceAfter: number;
}

/** Windows `count` rows of the scroll container that `scrollRef` must be attached to. */
export function useVirtualRows(count: number): VirtualRows {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // The virtualizer is a mutable object by design; the React Compiler skips this hook and
  // its callers re-render on its updates (it calls back into React on every range change).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: ROW_HEIGHT, // the sticky header row
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    scrollRef,
    virtualizer,
    indices: items.map((item) => item.index),
    spaceBefore: first === undefined ? 0 : first.start - ROW_HEIGHT,
    spaceAfter: last === undefined ? 0 : virtualizer.getTotalSize() - last.end,
  };
}
