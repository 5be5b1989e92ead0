/**
 * What a person learns by clicking an operator: its kind and program, the source line
 * it came from (with a button that shows it in the editor), its work in the last tick
 * and in total, who shares its arrangement, and the updates that crossed it in the
 * last tick (the engine keeps the first few each operator emitted; an export shows its
 * trace's changed rows).
 */
import { usePlayground, usePlaygroundState } from '../app/context.js';
import { formatJson as formatValue } from '../console/format-json.js';
import type { LaidOutNode } from './graph-model.js';
import type { ProgramPlan } from '../backend/plans.js';
import type { OperatorStats } from '../../engine/api.js';
import type { PlanNode } from '../../lang/plan-json.js';

/** The props of `<OperatorDetails>`. */
export interface OperatorDetailsProps {
  readonly node: LaidOutNode;
  readonly plan: ProgramPlan | undefined;
  readonly stats: OperatorStats | undefined;
}

function sourceLine(source: string, line: number | undefined): string {
  if (line === undefined) return '';
  return (source.split('\n')[line - 1] ?? '').trim();
}

function SampledUpdates({ stats }: { readonly stats: OperatorStats }) {
  const updates = stats.lastUpdates;
  if (updates.length === 0) return <p className="plan-muted">No updates crossed it in the last tick.</p>;
  const more = stats.outLastTick - updates.length;
  return (
    <>
      <table className="plan-updates" aria-label="updates in the last tick">
        <thead>
          <tr>
            <th>key</th>
            <th>val</th>
            <th>time</th>
            <th>diff</th>
          </tr>
        </thead>
        <tbody>
          {updates.map((u, i) => (
            <tr key={i}>
              <td>{formatValue(u.key)}</td>
              <td>{formatValue(u.val)}</td>
              <td>{JSON.stringify(u.time)}</td>
              <td className={u.diff > 0 ? 'plan-plus' : 'plan-minus'}>
                {u.diff > 0 ? `+${u.diff}` : u.diff}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 ? <p className="plan-muted">… and {more} more in that tick.</p> : null}
    </>
  );
}

function TraceChanges({ name }: { readonly name: string }) {
  const traces = usePlaygroundState((s) => s.traces);
  const trace = traces.find((t) => t.name === name);
  if (trace === undefined) return null;
  const rows = [
    ...trace.lastTick.added.map((r) => ({ row: r, sign: '+' })),
    ...trace.lastTick.removed.map((r) => ({ row: r, sign: '−' })),
  ];
  if (rows.length === 0) return <p className="plan-muted">Its trace did not change in the last tick.</p>;
  return (
    <ul className="plan-updates-list" aria-label="rows changed in the last tick">
      {rows.slice(0, 50).map(({ row, sign }, i) => (
        <li key={i} className={sign === '+' ? 'plan-plus' : 'plan-minus'}>
          {sign}
          {row[2]} ({formatValue(row[0])} ; {formatValue(row[1])})
        </li>
      ))}
    </ul>
  );
}

/** The updates that crossed the operator in the last tick: an export's changed rows, else the engine's sample. */
function LastTickUpdates({
  node,
  stats,
}: {
  readonly node: PlanNode;
  readonly stats: OperatorStats | undefined;
}) {
  if (node.op === 'export') return <TraceChanges name={node.label ?? ''} />;
  return stats === undefined ? null : <SampledUpdates stats={stats} />;
}

/** The details of the selected operator (see the module header). */
export function OperatorDetails({ node, plan, stats }: OperatorDetailsProps) {
  const playground = usePlayground();
  const planNode = plan?.plan.nodes.find((n) => n.id === node.planId);
  const line = planNode?.span.line;
  const lastTick = usePlaygroundState((s) => s.lastTick);
  return (
    <section className="plan-details" aria-label="Operator details">
      <h3>
        {node.title} <span className="plan-muted">({node.kind === 'operator' ? node.op : node.kind})</span>
      </h3>
      {plan === undefined ? null : (
        <p>
          Program <b>{plan.program}</b>
          {line === undefined ? null : (
            <>
              , {plan.file} line {line}:{' '}
              <button
                type="button"
                className="plan-link"
                onClick={() => playground.openAt(plan.file, line, planNode?.span.col ?? 1)}
              >
                show in editor
              </button>
            </>
          )}
        </p>
      )}
      {line === undefined || plan === undefined ? null : (
        <pre className="plan-source">{sourceLine(plan.source, line)}</pre>
      )}
      {stats === undefined ? (
        <p className="plan-muted">No work counters for this node.</p>
      ) : (
        <dl className="plan-work">
          <dt>last tick{lastTick === null ? '' : ` (to epoch ${lastTick.epoch})`}</dt>
          <dd>
            in {stats.inLastTick} · out {stats.outLastTick}
          </dd>
          <dt>since install</dt>
          <dd>
            in {stats.inTotal} · out {stats.outTotal}
          </dd>
          <dt>records held</dt>
          <dd>{stats.recordsHeld}</dd>
        </dl>
      )}
      {planNode !== undefined && planNode.shared ? (
        <p>
          One arrangement shared by {planNode.readers.length} readers: {planNode.readers.join(', ')}.
        </p>
      ) : null}
      {planNode === undefined ? null : <LastTickUpdates node={planNode} stats={stats} />}
      {planNode === undefined ? null : <p className="plan-muted plan-ir">IR: {planNode.text}</p>}
    </section>
  );
}
