/**
 * A laid-out ELK graph → the picture the plan view draws, pure: boxes and nodes with
 * absolute positions (the layout was asked for root-relative coordinates), each edge as
 * one polyline (its sections joined) with its label's centre. Anything ELK left without
 * a position is skipped rather than drawn at the origin.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { LaidOutBox, LaidOutEdge, LaidOutGraph, LaidOutNode } from './graph-model.js';
import type { ElkModel } from './to-elk.js';

type Point = readonly [number, number];

function edgePoints(edge: ElkExtendedEdge): Point[] {
  const points: Point[] = [];
  for (const section of edge.sections ?? []) {
    const add = (p: { x: number; y: number }): void => {
      const last = points.at(-1);
      if (last === undefined || last[0] !== p.x || last[1] !== p.y) points.push([p.x, p.y]);
    };
    add(section.startPoint);
    for (const b of section.bendPoints ?? []) add(b);
    add(section.endPoint);
  }
  return points;
}

/** The picture of a laid-out model (see the module header); `ms` is the layout's duration. */
export function fromElk(model: ElkModel, laid: ElkNode, ms: number): LaidOutGraph {
  const boxes: LaidOutBox[] = [];
  const nodes: LaidOutNode[] = [];
  const edges: LaidOutEdge[] = [];
  const visit = (node: ElkNode): void => {
    const { x, y, width, height } = node;
    if (x !== undefined && y !== undefined && width !== undefined && height !== undefined) {
      const box = model.boxes.get(node.id);
      const info = model.nodes.get(node.id);
      if (box !== undefined) boxes.push({ id: node.id, ...box, x, y, width, height });
      else if (info !== undefined) nodes.push({ id: node.id, ...info, x, y, width, height });
    }
    for (const edge of node.edges ?? []) {
      const info = model.edges.get(edge.id);
      const points = edgePoints(edge);
      if (info === undefined || points.length < 2) continue;
      const label = edge.labels?.[0];
      const placed =
        label?.text !== undefined && label.x !== undefined && label.y !== undefined
          ? { text: label.text, x: label.x + (label.width ?? 0) / 2, y: label.y + (label.height ?? 0) / 2 }
          : undefined;
      if (info.reversed) points.reverse();
      edges.push({
        id: edge.id,
        kind: info.kind,
        from: info.from,
        to: info.to,
        points,
        ...(placed === undefined ? {} : { label: placed }),
      });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(laid);
  // Outer boxes first, so inner ones are drawn on top of them.
  boxes.sort((a, b) => (a.kind === b.kind ? a.depth - b.depth : a.kind === 'program' ? -1 : 1));
  return { width: laid.width ?? 0, height: laid.height ?? 0, boxes, nodes, edges, ms };
}
