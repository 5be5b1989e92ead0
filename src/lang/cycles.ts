/**
 * Cycle finding for the checker's `let` dependency graphs.
 *
 * `findCycles(nodes, successors)` returns one cycle per strongly connected component
 * that contains a cycle (a component of two or more nodes, or a node that reads
 * itself). Each cycle is a shortest path that starts at the component's member earliest
 * in `nodes` and returns to it (the start is not repeated at the end). Successors
 * outside `nodes` are ignored. Results come in the order of their starting nodes, so
 * diagnostics are deterministic.
 */

/** One cycle per cyclic strongly connected component (see the module header). */
export function findCycles<T>(nodes: readonly T[], successors: (node: T) => readonly T[]): T[][] {
  const order = new Map<T, number>();
  nodes.forEach((n, i) => order.set(n, i));
  const succ = (n: T): T[] => successors(n).filter((m) => order.has(m));

  // Tarjan's algorithm (recursive: dependency graphs of one scope are small).
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const components: T[][] = [];
  let counter = 0;
  const visit = (v: T): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of succ(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: T[] = [];
      let w: T | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);

  const cycles: T[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const start = [...component].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0];
    if (start === undefined) continue;
    if (component.length === 1 && !succ(start).includes(start)) continue;
    cycles.push(shortestCycle(start, members, succ));
  }
  return cycles.sort((a, b) => (order.get(a[0] as T) ?? 0) - (order.get(b[0] as T) ?? 0));
}

// Breadth-first search from `start` back to itself within `members`.
function shortestCycle<T>(start: T, members: ReadonlySet<T>, succ: (n: T) => T[]): T[] {
  const parent = new Map<T, T>();
  const queue: T[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as T;
    for (const w of succ(v)) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path: T[] = [];
        for (let x: T | undefined = v; x !== undefined && x !== start; x = parent.get(x)) path.push(x);
        path.push(start);
        return path.reverse();
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}
