/**
 * The Plan tab (PLAYGROUND.md part 5, issue #8): every installed program's optimized
 * plan as one picture — programs and scopes as nested boxes, operators as nodes,
 * shared arrangements once with all their readers, feedback edges marked, traces linking
 * programs — laid out by ELK in a worker, so the page never waits on it. After each
 * tick the nodes show their work; idle ones are grey. Clicking an operator shows its
 * details and puts the editor on its source line. ELK's worker starts (and lays out)
 * only once the first load is done, never competing with the first results.
 *
 * The region named `Plan` is the test hook; its operator nodes carry `data-operator`
 * and `data-work` (see `PlanCanvas`).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { usePlayground, usePlaygroundState } from '../app/context.js';
import { useFirstLoadDone } from '../app/first-load.js';
import { layoutGraph, layoutKey, prepareLayout } from './layout-client.js';
import { OperatorDetails } from './OperatorDetails.js';
import { PlanCanvas } from './PlanCanvas.js';
import { usePanZoom } from './use-pan-zoom.js';
import { busyCount, workByNode } from './work.js';
import type { LaidOutGraph, LaidOutNode, LayoutInput } from './graph-model.js';
import './plan.css';

/** A finished layout of one structure (`key`). */
type Done =
  { readonly key: string; readonly graph: LaidOutGraph } | { readonly key: string; readonly message: string };

/** The Plan tab (see the module header). */
export function PlanPanel() {
  const playground = usePlayground();
  const plans = usePlaygroundState((s) => s.plans);
  const lastTick = usePlaygroundState((s) => s.lastTick);
  const input: LayoutInput = useMemo(
    () => ({ programs: plans.map((p) => ({ program: p.program, plan: p.plan })) }),
    [plans],
  );
  const key = useMemo(() => layoutKey(input), [input]);
  const [done, setDone] = useState<Done | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const empty = input.programs.length === 0;
  const started = useFirstLoadDone();

  // Start the layout worker (it warms ELK up) once the first results are in, before the
  // tab is likely to be opened.
  useEffect(() => {
    if (started) prepareLayout();
  }, [started]);

  useEffect(() => {
    if (empty || !started) return undefined;
    let live = true;
    layoutGraph(input).then(
      (graph) => {
        if (live) setDone({ key, graph });
      },
      (error: unknown) => {
        if (live) setDone({ key, message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
    // `key` captures the structure of `input`; counters alone never relayout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, started]);

  // While a new structure is being laid out, the previous picture stays up.
  const current = done !== null && done.key === key ? done : null;
  const pending = !empty && current === null;
  const graph = empty || done === null || !('graph' in done) ? null : done.graph;
  const failed = current !== null && 'message' in current ? current.message : null;
  const canvas = useRef<HTMLDivElement | null>(null);
  const panZoom = usePanZoom(canvas, graph);
  const work = useMemo(() => workByNode(plans), [plans]);
  const counts = useMemo(() => busyCount(work), [work]);
  const selectedNode = graph?.nodes.find((n) => n.id === selected) ?? null;

  const onSelect = useCallback(
    (node: LaidOutNode) => {
      setSelected(node.id);
      const plan = plans.find((p) => p.program === node.program);
      const span = plan?.plan.nodes.find((n) => n.id === node.planId)?.span;
      if (plan !== undefined && span?.line !== undefined)
        playground.openAt(plan.file, span.line, span.col ?? 1);
    },
    [plans, playground],
  );

  return (
    <section className="plan-panel" role="region" aria-label="Plan">
      <div className="plan-toolbar" role="toolbar" aria-label="Plan view">
        <button type="button" onClick={() => panZoom.zoomBy(1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => panZoom.zoomBy(0.8)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={panZoom.fit}>
          Fit
        </button>
        <button type="button" onClick={panZoom.reset}>
          100%
        </button>
        <span className="plan-status" aria-live="polite">
          {pending ? 'Laying out… ' : null}
          {failed === null ? null : `Layout failed: ${failed}`}
          {graph === null
            ? null
            : `${counts.busy} of ${counts.total} nodes did work in the last tick${lastTick === null ? '' : ` (to epoch ${lastTick.epoch})`} · layout ${Math.round(graph.ms)} ms`}
        </span>
        <span className="plan-legend" aria-hidden="true">
          <span className="plan-legend-busy">did work</span>
          <span className="plan-legend-idle">idle</span>
          <span className="plan-legend-feedback">feedback</span>
          <span className="plan-legend-import">trace between programs</span>
        </span>
      </div>
      {empty ? (
        <p className="plan-empty">
          No programs installed yet. Install one (or run the script) to see its plan.
        </p>
      ) : null}
      <div className="plan-body">
        <div
          className="plan-canvas"
          ref={canvas}
          tabIndex={0}
          aria-label="Plan graph: drag or use the arrow keys to pan, the wheel or + and − to zoom, 0 to fit; Tab moves between operators"
          onPointerDown={panZoom.onPointerDown}
          onPointerMove={panZoom.onPointerMove}
          onPointerUp={panZoom.onPointerUp}
          onPointerCancel={panZoom.onPointerUp}
          onKeyDown={panZoom.onKeyDown}
        >
          {graph === null ? null : (
            <PlanCanvas graph={graph} work={work} selected={selected} onSelect={onSelect} panZoom={panZoom} />
          )}
        </div>
        {selectedNode === null ? null : (
          <OperatorDetails
            node={selectedNode}
            plan={plans.find((p) => p.program === selectedNode.program)}
            stats={work.get(selectedNode.id)}
          />
        )}
      </div>
    </section>
  );
}
