/**
 * Pan and zoom for an SVG picture: `usePanZoom(content)` keeps a view transform
 * (translate, then scale `k`) and answers the handlers that change it — drag the
 * background to pan, the wheel to zoom around the pointer, arrow keys / `+` `-` `0`
 * on the focused canvas, and buttons (`zoomBy`, `fit`, `reset`, `reveal` a rectangle).
 *
 * The first time the canvas has a size, the view fits the picture's width (never
 * below `MIN_START` so that the text stays legible; tall pictures start at the top).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent, RefObject } from 'react';

/** The view: screen = (picture × k) + (x, y). */
export interface View {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

const MIN_K = 0.1;
const MAX_K = 3;
const MIN_START = 0.85;
const MARGIN = 12;
const PAN_STEP = 60;

function clampK(k: number): number {
  return Math.min(MAX_K, Math.max(MIN_K, k));
}

/** What the canvas needs from the hook. */
export interface PanZoom {
  readonly view: View;
  zoomBy(factor: number): void;
  /** The whole picture in view. */
  fit(): void;
  /** Scale 1, top left. */
  reset(): void;
  /** Pans so that this picture rectangle is in view (keeps the zoom). */
  reveal(x: number, y: number, width: number, height: number): void;
  onPointerDown(event: PointerEvent<HTMLDivElement>): void;
  onPointerMove(event: PointerEvent<HTMLDivElement>): void;
  onPointerUp(event: PointerEvent<HTMLDivElement>): void;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
}

type Size = { readonly width: number; readonly height: number };

/** The view that shows `content` in a canvas of `size`: fitted, never below `minimum` (0: whole picture). */
function fitted(content: Size | null, size: Size, minimum: number): View | null {
  if (content === null || size.width === 0 || content.width === 0) return null;
  const kw = (size.width - 2 * MARGIN) / content.width;
  const kh = (size.height - 2 * MARGIN) / content.height;
  const k = clampK(minimum > 0 ? Math.max(minimum, Math.min(kw, 1)) : Math.min(kw, kh, 1));
  const x = Math.max(MARGIN, (size.width - content.width * k) / 2);
  const y =
    content.height * k > size.height ? MARGIN : Math.max(MARGIN, (size.height - content.height * k) / 2);
  return { x, y, k };
}

/**
 * Pan/zoom state for a picture of `content` size shown in the element of `ref` (see
 * the module header). A new `content` object starts from its fitted view.
 */
export function usePanZoom(ref: RefObject<HTMLDivElement | null>, content: Size | null): PanZoom {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  // The view the user made, and the picture it belongs to (a new picture starts fitted).
  const [state, setState] = useState<{ readonly content: Size | null; readonly view: View }>({
    content: null,
    view: { x: MARGIN, y: MARGIN, k: 1 },
  });
  const drag = useRef<{ id: number; x: number; y: number } | null>(null);
  const start = useMemo(
    () => fitted(content, size, MIN_START) ?? { x: MARGIN, y: MARGIN, k: 1 },
    [content, size],
  );
  const view = state.content === content ? state.view : start;

  const update = useCallback(
    (change: (v: View) => View) =>
      setState((s) => ({ content, view: change(s.content === content ? s.view : start) })),
    [content, start],
  );

  useEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    const observer = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    const onWheel = (event: WheelEvent): void => {
      event.preventDefault();
      const rect = el.getBoundingClientRect();
      const px = event.clientX - rect.left;
      const py = event.clientY - rect.top;
      const factor = Math.exp(-event.deltaY * 0.0015);
      update((v) => {
        const k = clampK(v.k * factor);
        return { k, x: px - ((px - v.x) * k) / v.k, y: py - ((py - v.y) * k) / v.k };
      });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [ref, update]);

  const zoomBy = (factor: number): void =>
    update((v) => {
      const k = clampK(v.k * factor);
      const cx = size.width / 2;
      const cy = size.height / 2;
      return { k, x: cx - ((cx - v.x) * k) / v.k, y: cy - ((cy - v.y) * k) / v.k };
    });
  const fit = (): void => {
    const next = fitted(content, size, 0);
    if (next !== null) update(() => next);
  };
  const reveal = (x: number, y: number, width: number, height: number): void =>
    update((v) => {
      const left = x * v.k + v.x;
      const top = y * v.k + v.y;
      const right = left + width * v.k;
      const bottom = top + height * v.k;
      let dx = 0;
      let dy = 0;
      if (left < MARGIN) dx = MARGIN - left;
      else if (right > size.width - MARGIN) dx = size.width - MARGIN - right;
      if (top < MARGIN) dy = MARGIN - top;
      else if (bottom > size.height - MARGIN) dy = size.height - MARGIN - bottom;
      return dx === 0 && dy === 0 ? v : { ...v, x: v.x + dx, y: v.y + dy };
    });
  const pan = (dx: number, dy: number): void => update((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));

  return {
    view,
    zoomBy,
    fit,
    reset: () => update(() => ({ x: MARGIN, y: MARGIN, k: 1 })),
    reveal,
    onPointerDown(event) {
      // Drag from the background only: nodes keep their clicks.
      if (event.button !== 0 || (event.target as Element).closest('[data-node]') !== null) return;
      drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove(event) {
      const d = drag.current;
      if (d === null || d.id !== event.pointerId) return;
      drag.current = { id: d.id, x: event.clientX, y: event.clientY };
      pan(event.clientX - d.x, event.clientY - d.y);
    },
    onPointerUp(event) {
      if (drag.current?.id === event.pointerId) drag.current = null;
    },
    onKeyDown(event) {
      if (event.target !== event.currentTarget) return;
      const actions: Record<string, () => void> = {
        ArrowLeft: () => pan(PAN_STEP, 0),
        ArrowRight: () => pan(-PAN_STEP, 0),
        ArrowUp: () => pan(0, PAN_STEP),
        ArrowDown: () => pan(0, -PAN_STEP),
        '+': () => zoomBy(1.2),
        '=': () => zoomBy(1.2),
        '-': () => zoomBy(1 / 1.2),
        '0': fit,
      };
      const action = actions[event.key];
      if (action === undefined) return;
      event.preventDefault();
      action();
    },
  };
}
