/**
 * The plan picture as SVG: program and scope boxes (nested), edges (data solid,
 * feedback dashed and labelled, imports between programs dotted), operator nodes with
 * their work in the last tick — busy ones highlighted, idle ones grey. Each operator
 * node carries the test hooks `data-operator` (its kind) and `data-work` (in + out in
 * the last tick); structure nodes carry `data-node` = `enter` / `leave` / `source`.
 * Pan by dragging the background, zoom with the wheel or the keys of `usePanZoom`.
 */
import { memo, useId } from 'react';
import { NODE_METRICS } from './graph-model.js';
import { workLine, workOf } from './node-text.js';
import type { PanZoom } from './use-pan-zoom.js';
import type { LaidOutBox, LaidOutEdge, LaidOutGraph, LaidOutNode } from './graph-model.js';
import type { OperatorStats } from '../../engine/api.js';

/** The props of `<PlanCanvas>`. */
export interface PlanCanvasProps {
  readonly graph: LaidOutGraph;
  readonly work: ReadonlyMap<string, OperatorStats>;
  readonly selected: string | null;
  readonly onSelect: (node: LaidOutNode) => void;
  readonly panZoom: PanZoom;
}

function pathOf(points: LaidOutEdge['points']): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
}

const Box = memo(function Box({ box }: { box: LaidOutBox }) {
  const text =
    box.kind === 'program'
      ? `program ${box.label}`
      : `${box.label}: ${box.iterates ? 'loop (var)' : 'scope'}`;
  return (
    <g
      className={`plan-box plan-box-${box.kind}${box.iterates ? ' plan-box-loop' : ''}`}
      data-scope={box.label}
    >
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={box.kind === 'program' ? 4 : 10} />
      <text x={box.x + 10} y={box.y + NODE_METRICS.boxHeader - 7} className="plan-box-label">
        {text}
      </text>
    </g>
  );
});

const Edge = memo(function Edge({ edge, marker }: { edge: LaidOutEdge; marker: string }) {
  return (
    <g className={`plan-edge plan-edge-${edge.kind}`} data-edge={edge.kind}>
      <path
        d={pathOf(edge.points)}
        markerEnd={`url(#${marker}-${edge.kind === 'feedback' ? 'fb' : 'arrow'})`}
      />
      {edge.label === undefined ? null : (
        <g className="plan-edge-label">
          <rect x={edge.label.x - 28} y={edge.label.y - 8} width={56} height={16} rx={3} />
          <text x={edge.label.x} y={edge.label.y + 4} textAnchor="middle">
            {edge.label.text}
          </text>
        </g>
      )}
    </g>
  );
});

interface NodeProps {
  readonly node: LaidOutNode;
  readonly stats: OperatorStats | undefined;
  readonly selected: boolean;
  readonly onSelect: (node: LaidOutNode) => void;
  readonly onFocusNode: (node: LaidOutNode) => void;
}

const Node = memo(function Node({ node, stats, selected, onSelect, onFocusNode }: NodeProps) {
  const work = workOf(stats);
  const state = stats === undefined ? 'none' : work > 0 ? 'busy' : 'idle';
  const structure = node.kind !== 'operator';
  const hooks = structure
    ? { 'data-node': node.kind }
    : { 'data-node': 'operator', 'data-operator': node.op };
  const label = `${node.title}${node.kind === 'source' ? '' : `: ${stats === undefined ? 'no counters' : workLine(stats)}`}`;
  const select = (): void => onSelect(node);
  return (
    <g
      {...hooks}
      data-work={work}
      data-id={node.id}
      className={`plan-node plan-node-${node.kind} plan-op-${node.op} is-${state}${node.shared ? ' is-shared' : ''}${selected ? ' is-selected' : ''}`}
      transform={`translate(${node.x} ${node.y})`}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={selected}
      onClick={select}
      onFocus={() => onFocusNode(node)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select();
        }
      }}
    >
      <title>{label}</title>
      <rect width={node.width} height={node.height} rx={structure ? node.height / 2 : 5} />
      {structure ? (
        <text x={node.width / 2} y={node.height / 2 + 4} textAnchor="middle" className="plan-node-title">
          {node.kind === 'source' ? node.title : node.op}
        </text>
      ) : (
        <>
          <text x={NODE_METRICS.paddingX} y={16} className="plan-node-title">
            {node.title}
          </text>
          <text x={NODE_METRICS.paddingX} y={31} className="plan-node-work">
            {workLine(stats)}
          </text>
        </>
      )}
    </g>
  );
});

/** The SVG plan picture (see the module header). */
export function PlanCanvas({ graph, work, selected, onSelect, panZoom }: PlanCanvasProps) {
  const marker = `plan-marker-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const { view } = panZoom;
  const onFocusNode = (node: LaidOutNode): void => panZoom.reveal(node.x, node.y, node.width, node.height);
  return (
    <svg className="plan-svg" width="100%" height="100%" aria-hidden={false}>
      <defs>
        <marker
          id={`${marker}-arrow`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0 0 L10 5 L0 10 z" className="plan-marker" />
        </marker>
        <marker
          id={`${marker}-fb`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path d="M0 0 L10 5 L0 10 z" className="plan-marker-feedback" />
        </marker>
      </defs>
      <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
        {graph.boxes.map((box) => (
          <Box key={box.id} box={box} />
        ))}
        {graph.edges.map((edge) => (
          <Edge key={edge.id} edge={edge} marker={marker} />
        ))}
        {graph.nodes.map((node) => (
          <Node
            key={node.id}
            node={node}
            stats={work.get(node.id)}
            selected={selected === node.id}
            onSelect={onSelect}
            onFocusNode={onFocusNode}
          />
        ))}
      </g>
    </svg>
  );
}
